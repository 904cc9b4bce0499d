import { z } from 'zod';
import { ZRiskMatrixConfig, ZRiskSource, ZRiskStatus, ZRiskTreatment } from '../../../shared/contracts/risks.ts';
import { defineAuditActions } from '../../platform/audit-log/audit-registry.ts';

const ZScored = z.strictObject({ likelihood: z.number().int(), impact: z.number().int(), score: z.number().int(), level: z.string() });

/** What a risk looked like, field by field; an update records only the fields that changed. */
const ZRiskFields = z
  .strictObject({
    title: z.string(),
    description: z.string(),
    source: ZRiskSource,
    ownerId: z.string().nullable(),
    matrixVersion: z.number().int(),
    inherent: ZScored,
    treatment: ZRiskTreatment.nullable(),
    residual: ZScored.nullable(),
    reviewDate: z.string().nullable(),
    aiSystemIds: z.array(z.string()),
    requirements: z.array(z.string()),
    treatmentPlan: z.array(z.strictObject({ id: z.string(), title: z.string(), ownerId: z.string().nullable(), dueDate: z.string().nullable(), status: z.string() })),
    status: ZRiskStatus,
    /** Who created it through another record (an impact assessment), when not the register. */
    origin: z.strictObject({ type: z.string(), id: z.string() }),
  })
  .partial();

/** Risk register events (ISO/IEC 42001 6.1.2, 6.1.3, 8.2, 8.3). */
export const RISKS_AUDIT = defineAuditActions({
  'risk.created': { after: ZRiskFields },
  'risk.updated': { before: ZRiskFields, after: ZRiskFields },
  'risk.accepted': {
    after: z.strictObject({ acceptanceId: z.uuid(), title: z.string(), rationale: z.string(), matrixVersion: z.number().int(), residual: ZScored, aboveThreshold: z.boolean(), expiresOn: z.string() }),
  },
  'risk.reopened': { before: z.strictObject({ status: ZRiskStatus, title: z.string() }), after: z.strictObject({ reason: z.string(), acceptanceId: z.uuid().nullable() }) },
  'risk.acceptance_expired': { before: z.strictObject({ status: ZRiskStatus, title: z.string() }), after: z.strictObject({ acceptanceId: z.uuid(), expiresOn: z.string() }) },
  'risk.closed': { before: z.strictObject({ status: ZRiskStatus, title: z.string() }), after: z.strictObject({ reason: z.string() }) },
  'risk_matrix.updated': { before: z.strictObject({ version: z.number().int() }), after: z.strictObject({ version: z.number().int(), config: ZRiskMatrixConfig }) },
});
