import { recordAudit } from '../../platform/audit-log/audit-log.ts';
import type { TPlatform } from '../../platform/platform.ts';
import type { TImpact } from '../../../shared/contracts/impact-assessments.ts';
import { ZCreateRiskBody } from '../../../shared/contracts/risks.ts';
import { createRiskMatrixService } from '../risks/risk-matrix-service.ts';
import { createRisksService } from '../risks/risks-service.ts';
import type { TRiskLinker } from './impact-assessment-transitions.ts';

/** Our 1–5 scale onto the organization's matrix axis of `size` steps (3 to 7), never off it. */
export const onAxis = (level: number, size: number) => Math.min(size, Math.max(1, Math.round((level * size) / 5)));

/*
 * On approval, each significant impact (severity at or above the organization's threshold) gets a
 * risk in the register: a new one through the risks module, in the approval's transaction, or the
 * one it already carries from an earlier version. Either way `impact_assessment.risk_linked` is
 * recorded, so the audit log says which approval stands behind which risk.
 */
export function significantRiskLinker(p: Pick<TPlatform, 'db' | 'authz' | 'clock'>): TRiskLinker {
  const risks = createRisksService(p);
  return async (tx, actor, a, content, threshold, ctx) => {
    if (!content.impacts.some((i) => i.severity >= threshold)) return content;
    // Read in the approval's transaction: the embedded database has one connection, and a read
    // outside the open transaction would wait for it forever.
    const { config } = await createRiskMatrixService({ ...p, db: tx }).get(actor, a.tenantId);
    const impacts: TImpact[] = [];
    for (const i of content.impacts) {
      if (i.severity < threshold) {
        impacts.push(i);
        continue;
      }
      const created = i.riskId === null;
      const riskId =
        i.riskId ??
        (await risks.createInTx(
          tx,
          actor,
          a.tenantId,
          ZCreateRiskBody.parse({
            title: i.description.slice(0, 200),
            description: [`Impact assessment “${a.title}”, version ${a.version}.`, i.affected && `Affected: ${i.affected}.`, i.mitigations && `Mitigations: ${i.mitigations}`]
              .filter(Boolean)
              .join('\n')
              .slice(0, 4000),
            source: 'ai_system',
            aiSystemIds: [a.aiSystemId],
            inherentLikelihood: onAxis(i.likelihood, config.likelihood.length),
            inherentImpact: onAxis(i.severity, config.impact.length),
            // Reviewed when the assessment is: its next review is the risk's.
            reviewDate: content.nextReviewOn,
            requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '6.1.4' }],
          }),
          ctx,
          { type: 'impact_assessment', id: a.id },
        ));
      await recordAudit(tx, actor, ctx, {
        tenantId: a.tenantId,
        action: 'impact_assessment.risk_linked',
        subjectType: 'impact_assessment',
        subjectId: a.id,
        after: { title: a.title, version: a.version, impactKey: i.key, riskId, created, severity: i.severity },
      });
      impacts.push({ ...i, riskId });
    }
    return { ...content, impacts };
  };
}
