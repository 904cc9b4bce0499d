import { RECOMMENDED_DECISION, ZRecommendation } from '../../../../shared/contracts/audit-work.ts';
import type { TAuditRecommendation, TCertificationFile } from '../../../../shared/contracts/cert-decisions.ts';

/**
 * The audit team's recommendation the decision maker weighs (17021-1 9.4.8.3, 9.5.1): that of the
 * latest audit of the file whose report is issued with one — by last day of audit, then by the
 * file's order (a follow-up's report, after the audit it follows up, wins). Pure, over the file as
 * the decision form shows it, so the form and the decision read the same.
 */
export function auditRecommendationOf(file: Pick<TCertificationFile, 'audits'>): TAuditRecommendation | null {
  let best: { at: string; i: number; out: TAuditRecommendation } | null = null;
  file.audits.forEach((a, i) => {
    const parsed = ZRecommendation.safeParse(a.report?.recommendation);
    if (a.report?.status !== 'issued' || !parsed.success) return;
    const at = a.actualEnd ?? a.plannedEnd ?? a.report.issuedAt?.slice(0, 10) ?? '';
    if (best && (at < best.at || (at === best.at && i < best.i))) return;
    best = {
      at,
      i,
      out: { auditId: a.id, auditReference: a.reference, auditType: a.type, sequence: a.sequence, recommendation: parsed.data, decisionKind: RECOMMENDED_DECISION[parsed.data] },
    };
  });
  return (best as { out: TAuditRecommendation } | null)?.out ?? null;
}
