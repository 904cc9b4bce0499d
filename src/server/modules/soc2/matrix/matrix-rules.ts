import { SOC2_CATEGORY_PREFIXES, type TSoc2Category } from '../../../../shared/contracts/soc2.ts';

/*
 * The control matrix's rules, kept pure so the SQL of the matrix view and the fieldwork gate can be
 * checked against them. A criterion's category is read from the letters of its ref: `CC6.1` is a
 * common criterion, `C1.1` confidentiality, `PI1.2` processing integrity, `P4.1` privacy — a plain
 * `startsWith` would put `CC6.1` under confidentiality and `PI1.2` under privacy.
 */

/** The letters before the first digit: `CC6.1` → `CC`, `PI1.2` → `PI`. */
export function criterionPrefix(ref: string): string {
  const m = /^([A-Z]+)\d/.exec(ref);
  return m ? m[1]! : '';
}

/** Whether a criterion applies to an examination with these categories (Security always does). */
export function isApplicable(ref: string, categories: readonly string[]): boolean {
  const prefix = criterionPrefix(ref);
  const cats = new Set<string>(['security', ...categories]);
  return (Object.keys(SOC2_CATEGORY_PREFIXES) as TSoc2Category[]).some((c) => cats.has(c) && SOC2_CATEGORY_PREFIXES[c].includes(prefix));
}

export type TMatrixLinkFact = { criterionRef: string; controlId: string; suggested: boolean };
export type TMatrixTestFact = { controlId: string };

/**
 * The applicable criteria no accepted control addresses, in catalog order. A suggested link covers
 * nothing until the firm accepts it: the crosswalks propose, the auditor decides.
 */
export function uncoveredCriteriaRule(criteria: readonly string[], links: readonly TMatrixLinkFact[]): string[] {
  const covered = new Set(links.filter((l) => !l.suggested).map((l) => l.criterionRef));
  return criteria.filter((c) => !covered.has(c));
}

export type TFieldworkProblems = {
  /** Applicable criteria without an accepted control. */
  uncoveredCriteria: string[];
  /** Criteria whose accepted controls include one without any test procedure, with those controls. */
  untestedControls: { criterionRef: string; controlId: string }[];
};

/** What stops planning from turning into fieldwork; empty lists mean the programme is complete. */
export function fieldworkProblems(criteria: readonly string[], links: readonly TMatrixLinkFact[], tests: readonly TMatrixTestFact[]): TFieldworkProblems {
  const tested = new Set(tests.map((t) => t.controlId));
  const applicable = new Set(criteria);
  const untestedControls = links
    .filter((l) => !l.suggested && applicable.has(l.criterionRef) && !tested.has(l.controlId))
    .map((l) => ({ criterionRef: l.criterionRef, controlId: l.controlId }));
  return { uncoveredCriteria: uncoveredCriteriaRule(criteria, links), untestedControls };
}

export const fieldworkReady = (p: TFieldworkProblems) => p.uncoveredCriteria.length === 0 && p.untestedControls.length === 0;

/**
 * A test's reference: `T-<control or criterion ref>-NN`, the next number after the highest one already
 * used for that base in the examination (numbers are never reused after a deletion).
 */
export function nextTestReference(base: string, existing: readonly string[]): string {
  const clean = base.trim().replace(/\s+/g, '-') || 'X';
  const head = `T-${clean}-`;
  let max = 0;
  for (const r of existing) {
    if (!r.startsWith(head)) continue;
    const n = Number(r.slice(head.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${head}${String(max + 1).padStart(2, '0')}`;
}
