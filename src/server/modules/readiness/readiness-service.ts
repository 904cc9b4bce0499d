import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { todayOf } from '../../platform/clock/clock.ts';
import { notFound } from '../../platform/errors/errors.ts';
import type { TBlocker, TReadiness } from '../../../shared/contracts/readiness.ts';
import { judgeChecklist } from '../documents/mandatory-checklist-service.ts';
import { readReadiness, type TReadinessRead } from './readiness-repo.ts';
import { assess, type TRequirementFacts } from './readiness-rules.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock' | 'pageCache'>;

/** Frameworks certified through a stage 1 / stage 2 audit, whose SoA must be approved first. */
const STAGE1_FRAMEWORKS: Record<string, { soa: boolean; mandatoryInformation: boolean; aiRisks: boolean }> = {
  'iso-iec-42001-2023': { soa: true, mandatoryInformation: true, aiRisks: true },
  'iso-iec-27001-2022': { soa: true, mandatoryInformation: false, aiRisks: false },
};

const toFacts = (r: TReadinessRead['requirements'][number]): TRequirementFacts => ({
  ref: r.ref,
  parentRef: r.parent_ref,
  kind: r.kind,
  title: r.title,
  normative: r.normative,
  controls: { planned: r.c_planned, implemented: r.c_implemented, operating: r.c_operating },
  evidence: { fresh: r.e_fresh, stale: r.e_stale, expired: r.e_expired, notContemporaneous: r.e_late },
  soa: r.soa,
  documents: { current: r.d_current, overdue: r.d_overdue, unpublished: r.d_unpublished },
  openNonconformities: r.open_ncs,
});

export function createReadinessService(p: TDeps) {
  return {
    /** Readiness is what the controls cover: whoever may read the controls may read it. */
    async get(actor: TActor | null, tenantId: string, frameworkId: string): Promise<TReadiness> {
      await p.authz.assert(actor, 'control.read', { tenantId });
      const today = todayOf(p);
      // Every input is a record of this tenant (audited) or a catalog (changed at start-up or by an audited import).
      return p.pageCache.remember(actor, tenantId, today, `readiness:${frameworkId}`, () => judgeReadiness(p, tenantId, frameworkId, today));
    },
  };
}

/** Also read by a certification body's stage 1 checklist, through the engagement (certification/audit-work). */
export async function judgeReadiness(p: Pick<TDeps, 'db'>, tenantId: string, frameworkId: string, today: string): Promise<TReadiness> {
  const read = await readReadiness(p.db, tenantId, frameworkId, today);
  if (!read.framework) throw notFound('Framework');
  const { requirements, groups, totals } = assess(read.requirements.map(toFacts));
  const stage1 = STAGE1_FRAMEWORKS[frameworkId];
  const blockers: TBlocker[] = [];
  if (stage1?.soa && read.soa.approved === null) blockers.push({ kind: 'soa_not_approved', openVersionStatus: read.soa.open });
  if (stage1?.mandatoryInformation) {
    for (const i of judgeChecklist(read.checklist).items) {
      if (i.state === 'current') continue;
      blockers.push({ kind: i.state === 'missing' ? 'mandatory_information_missing' : 'mandatory_information_overdue', item: i.key, clause: i.clause, label: i.label });
    }
  }
  if (stage1?.aiRisks) for (const r of read.highRisks) blockers.push({ kind: 'high_risk_untreated', riskId: r.id, title: r.title, level: r.level, score: r.score });
  return { framework: read.framework, asOf: today, requirements, groups, totals, blockers };
}
