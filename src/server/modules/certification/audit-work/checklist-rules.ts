import type { TChecklistBasis, TChecklistSection } from '../../../../shared/contracts/audit-work.ts';
import type { TAuditType } from '../../../../shared/contracts/certification.ts';
import type { TRequirementStatus } from '../../../../shared/contracts/readiness.ts';

/*
 * What a certification audit's checklist holds, as pure functions (unit-tested): the rule follows
 * the audit type (ISO/IEC 17021-1 9.3 and 9.6).
 * - Stage 1 (and a pre-audit, which rehearses it) reviews the documented information the standard
 *   asks for, beside the organization's own readiness view.
 * - Stage 2 and recertification cover every clause 4–10 and every Annex A control the client's
 *   approved Statement of Applicability declares applicable.
 * - Surveillance (and a special or follow-up visit) covers a sample plus every requirement an
 *   earlier audit of the engagement found nonconforming.
 */

export const basisOf = (type: TAuditType): TChecklistBasis =>
  type === 'stage1' || type === 'pre_audit' ? 'stage1' : type === 'stage2' || type === 'recertification' ? 'full' : 'surveillance';

/** The sample when the team names none (17021-1 9.6.2.2); shared with the web, which offers it first. */
export { DEFAULT_SURVEILLANCE_SAMPLE } from '../../../../shared/contracts/audit-work.ts';

export type TCandidate = {
  ref: string;
  framework_id: string;
  framework_version: string;
  position: number;
  readiness_status?: TRequirementStatus | null;
  soa_implementation_status?: string | null;
  prior_audit_reference?: string | null;
};

export type TPlannedItem = TCandidate & { section: TChecklistSection };

/**
 * The items in the order the team works them: by section, then catalog order. A requirement is on
 * the checklist once, in the first section that names it (a sampled clause found nonconforming
 * before is a prior nonconformity first: that is why it is revisited).
 */
export function planChecklist(sections: readonly (readonly [TChecklistSection, readonly TCandidate[]])[]): TPlannedItem[] {
  const seen = new Set<string>();
  const out: TPlannedItem[] = [];
  for (const [section, candidates] of sections) {
    for (const c of [...candidates].sort((a, b) => a.position - b.position)) {
      const key = `${c.framework_id} ${c.ref}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...c, section });
    }
  }
  return out;
}

/** Which sections a basis fills, in working order. */
export const SECTIONS_OF: Record<TChecklistBasis, readonly TChecklistSection[]> = {
  stage1: ['documented_information'],
  full: ['clause', 'control'],
  surveillance: ['prior_nonconformity', 'sample'],
};
