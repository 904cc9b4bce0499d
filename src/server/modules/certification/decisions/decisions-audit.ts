import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';
import { ZDecisionKind } from '../../../../shared/contracts/certification-decisions.ts';

/*
 * The events of the technical review and the certification decision. Every payload names the client
 * and the references so that the log reads on its own. A decision is also recorded in the
 * organization's tenant: it is told what was decided on its certification.
 */
const ZReview = { clientName: z.string(), clientReference: z.string(), auditReference: z.string() };

export const DECISIONS_AUDIT = defineAuditActions({
  'technical_review.created': { after: z.strictObject({ ...ZReview, reviewerId: z.string(), reviewerName: z.string() }) },
  'technical_review.updated': { after: z.strictObject({ ...ZReview, items: z.array(z.string()), recommendation: ZDecisionKind.nullable() }) },
  'technical_review.completed': { after: z.strictObject({ ...ZReview, recommendation: ZDecisionKind, fileSha256: z.string() }) },
  'cert_decision.taken': {
    after: z.strictObject({
      reference: z.string(),
      kind: ZDecisionKind,
      clientName: z.string(),
      clientReference: z.string(),
      bodyName: z.string(),
      decidedOn: z.string(),
      certificateNumber: z.string().nullable(),
      fileSha256: z.string(),
    }),
  },
});
