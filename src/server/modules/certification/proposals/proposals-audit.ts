import { z } from 'zod';
import { ZLocale } from '../../../../shared/contracts/common.ts';
import { ZScheme } from '../../../../shared/contracts/certification.ts';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/*
 * Proposal events, recorded in the certification body's log; the acceptance and the engagement it
 * opens are recorded in both tenants' logs (each side keeps its own chain).
 */
const ZRef = { reference: z.string(), client: z.string() };

export const PROPOSALS_AUDIT = defineAuditActions({
  'proposal.created': {
    after: z.strictObject({
      ...ZRef,
      cycleCents: z.number().int(),
      currency: z.string(),
      validUntil: z.string(),
      calculationId: z.uuid().nullable().optional(),
      /** SOC 2 proposals: the scheme and the version of the firm's fee parameters the estimate used. */
      scheme: ZScheme.optional(),
      feeParametersVersion: z.number().int().optional(),
    }),
  },
  'proposal.updated': {
    before: z.strictObject({ cycleCents: z.number().int().optional(), validUntil: z.string().optional(), locale: ZLocale.optional(), recipientEmail: z.string().nullable().optional() }),
    after: z.strictObject({ reference: z.string(), cycleCents: z.number().int().optional(), validUntil: z.string().optional(), locale: ZLocale.optional(), recipientEmail: z.string().nullable().optional() }),
  },
  'proposal.sent': { after: z.strictObject({ ...ZRef, recipientEmail: z.string(), locale: ZLocale, documentSha256: z.string(), cycleCents: z.number().int() }) },
  'proposal.withdrawn': { after: z.strictObject({ ...ZRef, reason: z.string() }) },
  'proposal.accepted': {
    after: z.strictObject({ ...ZRef, organizationTenantId: z.uuid(), organization: z.string(), engagementId: z.uuid(), ip: z.string().nullable(), examinationId: z.uuid().optional() }),
  },
  'proposal.declined': { after: z.strictObject({ ...ZRef, reason: z.string(), ip: z.string().nullable() }) },
  /** Written in both tenants: the body and the organization each see the engagement open. */
  'engagement.opened': {
    after: z.strictObject({ engagementId: z.uuid(), scheme: ZScheme, body: z.string(), organization: z.string(), proposal: z.string(), audits: z.number().int() }),
  },
});
