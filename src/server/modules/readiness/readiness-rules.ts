import type { TControlFrequency } from '../../../shared/contracts/controls.ts';
import { REQUIREMENT_STATUSES, type TEvidenceState, type TReadinessGroup, type TReadinessRequirement, type TRequirementStatus } from '../../../shared/contracts/readiness.ts';

/*
 * How readiness judges a requirement, as pure functions over the counts the one SQL statement
 * returns (readiness-repo.ts). Written down once here so that the page, the tests and a reader of
 * this module agree on what "covered" means.
 */

/**
 * Evidence is fresh while its effective date is within one cycle of its control's frequency (plus
 * a margin for the cycle to close), stale after. Evidence linked to a requirement directly, with no
 * control, is judged on a yearly cycle: the management system's own rhythm (reviews, audits).
 */
export const FRESHNESS_DAYS: Record<TControlFrequency | 'direct', number> = {
  continuous: 31,
  daily: 31,
  weekly: 31,
  monthly: 62,
  quarterly: 123,
  annually: 396,
  on_event: 396,
  direct: 396,
};

export type TRequirementFacts = Omit<TReadinessRequirement, 'status' | 'leaf' | 'rollup' | 'evidence'> & {
  evidence: Omit<TReadinessRequirement['evidence'], 'state'>;
};

export function evidenceState(e: TRequirementFacts['evidence']): TEvidenceState {
  if (e.fresh > 0) return 'fresh';
  if (e.stale > 0) return 'stale';
  if (e.expired > 0) return 'expired';
  return 'missing';
}

/**
 * - not applicable: the SoA in force excludes it (with its justification);
 * - covered: an implemented or operating control, or a current published document, with fresh
 *   evidence or that current document, and no open nonconformity against it;
 * - planned: only planned controls so far;
 * - missing: nothing at all;
 * - partial: anything in between (e.g. an operating control whose evidence is stale).
 */
export function judge(f: TRequirementFacts): TRequirementStatus {
  if (f.soa?.applicable === false) return 'not_applicable';
  const active = f.controls.implemented + f.controls.operating;
  const anything = active + f.controls.planned + f.documents.current + f.documents.overdue + f.evidence.fresh + f.evidence.stale + f.evidence.expired;
  if (anything === 0) return 'missing';
  const shown = f.evidence.fresh > 0 || f.documents.current > 0;
  if ((active > 0 || f.documents.current > 0) && shown && f.openNonconformities === 0) return 'covered';
  if (active === 0 && f.documents.current === 0 && f.documents.overdue === 0 && f.evidence.fresh + f.evidence.stale + f.evidence.expired === 0) return 'planned';
  return 'partial';
}

const emptyCounts = (): Record<TRequirementStatus, number> => Object.fromEntries(REQUIREMENT_STATUSES.map((s) => [s, 0])) as Record<TRequirementStatus, number>;

/** Share of applicable leaves that are covered; nothing applicable counts as 0 %, not 100 %. */
export function coveredPercent(byStatus: Record<TRequirementStatus, number>): number {
  const applicable = REQUIREMENT_STATUSES.filter((s) => s !== 'not_applicable').reduce((n, s) => n + byStatus[s], 0);
  return applicable === 0 ? 0 : Math.floor((100 * byStatus.covered) / applicable);
}

/**
 * Judges every requirement (in catalog order), rolls the leaves up into their parents and into the
 * top-level groups (clauses 4–10, Annex A objectives…). Informative (non-normative) entries are
 * shown but never counted.
 */
export function assess(facts: readonly TRequirementFacts[]) {
  const children = new Map<string, string[]>();
  for (const f of facts) if (f.parentRef) children.set(f.parentRef, [...(children.get(f.parentRef) ?? []), f.ref]);
  const byRef = new Map<string, TReadinessRequirement>();
  for (const f of facts) {
    const leaf = !children.has(f.ref);
    byRef.set(f.ref, { ...f, leaf, status: judge(f), evidence: { ...f.evidence, state: evidenceState(f.evidence) }, rollup: null });
  }
  const leavesUnder = (ref: string): TReadinessRequirement[] =>
    (children.get(ref) ?? []).flatMap((c) => {
      const r = byRef.get(c)!;
      return r.leaf ? (r.normative ? [r] : []) : leavesUnder(c);
    });
  const countOf = (rows: readonly TReadinessRequirement[]) => {
    const by = emptyCounts();
    for (const r of rows) by[r.status]++;
    return by;
  };
  for (const r of byRef.values()) {
    if (r.leaf) continue;
    const by = countOf(leavesUnder(r.ref));
    r.rollup = by;
    // A parent is as good as its leaves: covered only when every applicable one is.
    const applicable = REQUIREMENT_STATUSES.filter((s) => s !== 'not_applicable').reduce((n, s) => n + by[s], 0);
    r.status = applicable === 0 ? (by.not_applicable > 0 ? 'not_applicable' : r.status) : by.covered === applicable ? 'covered' : by.missing === applicable ? 'missing' : by.planned + by.missing === applicable ? 'planned' : 'partial';
  }
  const requirements = [...byRef.values()];
  const groups: TReadinessGroup[] = requirements
    .filter((r) => r.parentRef === null)
    .map((g) => {
      const leaves = g.leaf ? (g.normative ? [g] : []) : leavesUnder(g.ref);
      const byStatus = countOf(leaves);
      return { ref: g.ref, title: g.title, total: leaves.length, byStatus, coveredPercent: coveredPercent(byStatus) };
    });
  const allLeaves = requirements.filter((r) => r.leaf && r.normative);
  const byStatus = countOf(allLeaves);
  return { requirements, groups, totals: { total: allLeaves.length, byStatus, coveredPercent: coveredPercent(byStatus) } };
}
