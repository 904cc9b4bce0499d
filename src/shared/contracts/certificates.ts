import { z } from 'zod';
import { ZCertificateEventKind, ZCertificateState } from './certification-decisions.ts';

/*
 * Certificates as the certification body and the certified organization read them (the public
 * register's view is register.ts). The signed credential and the PDFs are downloads of their own.
 */
const ZBilingual = z.object({ en: z.string(), fr: z.string() });

export const ZCertificateSite = z.object({ id: z.string(), name: z.string(), address: z.string(), central: z.boolean(), scope: ZBilingual });

export const ZCertificateEvent = z.object({
  id: z.string(),
  kind: ZCertificateEventKind,
  effectiveOn: z.string(),
  reason: ZBilingual,
  decisionId: z.string().nullable(),
  createdAt: z.string(),
});

export const ZCertificateSummary = z.object({
  id: z.string(),
  number: z.string(),
  revision: z.number(),
  status: ZCertificateState,
  holderName: z.string(),
  clientId: z.string(),
  engagementId: z.string(),
  standard: z.string(),
  effectiveDate: z.string(),
  expiryDate: z.string(),
  suspendedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type TCertificateSummary = z.infer<typeof ZCertificateSummary>;

export const ZCertificateList = z.object({ items: z.array(ZCertificateSummary), nextCursor: z.string().nullable() });
export type TCertificateList = z.infer<typeof ZCertificateList>;

export const ZCertificateListQuery = z.strictObject({
  status: ZCertificateState.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const ZCertificateDetail = ZCertificateSummary.extend({
  holderAddress: z.string(),
  sites: z.array(ZCertificateSite),
  aiSystems: z.array(z.object({ id: z.string(), name: z.string() })),
  scope: ZBilingual,
  soaVersion: z.string(),
  bodyName: z.string(),
  bodyAddress: z.string(),
  originalIssueDate: z.string(),
  decisionDate: z.string(),
  decisionId: z.string(),
  supersedesId: z.string().nullable(),
  statusReason: z.string(),
  credentialSha256: z.string(),
  documents: z.object({ en: z.object({ sha256: z.string(), size: z.number() }), fr: z.object({ sha256: z.string(), size: z.number() }) }),
  registerUrl: z.string(),
  events: z.array(ZCertificateEvent),
  /** The status changes a decision could make now (the web links to the decision form with the kind). */
  nextChanges: z.array(z.enum(['suspend', 'reinstate', 'withdraw', 'reduce_scope', 'extend_scope', 'renew', 'restore'])),
  abilities: z.object({ 'certificate.changeStatus': z.boolean() }),
});
export type TCertificateDetail = z.infer<typeof ZCertificateDetail>;

export const ZCertificateParams = z.object({ tenantId: z.uuid(), certificateId: z.uuid() });
export const ZCertificatePdfParams = ZCertificateParams.extend({ lang: z.enum(['en', 'fr']) });

/** Which side reads a certificate: the body that issued it, or the organization that holds it (each has its own routes). */
export type TCertificateSide = 'body' | 'organization';
