import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/*
 * The events of certificates (subject: the certificate row). The body's log holds each; the status
 * changes also reach the organization's log (its certificate changed under it).
 */
const ZIssued = z.strictObject({
  number: z.string(),
  revision: z.number(),
  kind: z.enum(['grant', 'renew', 'reduce_scope', 'extend_scope', 'restore']),
  holderName: z.string(),
  effectiveDate: z.string(),
  expiryDate: z.string(),
  decisionId: z.string(),
  supersedesId: z.string().nullable(),
  credentialSha256: z.string(),
});
const ZStatus = z.strictObject({
  number: z.string(),
  revision: z.number(),
  holderName: z.string(),
  status: z.string(),
  effectiveOn: z.string(),
  suspendedUntil: z.string().nullable().optional(),
  reasonEn: z.string().optional(),
  reasonFr: z.string().optional(),
  decisionId: z.string().nullable(),
});
const ZBefore = z.strictObject({ status: z.string() });

export const CERTIFICATES_AUDIT = defineAuditActions({
  'certificate.issued': { after: ZIssued },
  'certificate.suspended': { before: ZBefore, after: ZStatus },
  'certificate.reinstated': { before: ZBefore, after: ZStatus },
  'certificate.withdrawn': { before: ZBefore, after: ZStatus },
  'certificate.expired': { before: ZBefore, after: ZStatus },
});
