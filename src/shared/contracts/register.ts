import { z } from 'zod';
import { zText } from './common.ts';
import { ZCertificateEventKind } from './certification-decisions.ts';

/*
 * The public register of certificates (ISO/IEC 17021-1 8.1.3 / 9.6.5; IAF CertSearch): what anyone
 * may read about a certificate without an account. Only what the certificate itself states: no
 * internal id, no tenant, no user.
 */

/** The statuses the register shows; a superseded revision is never "the" certificate of a number. */
export const REGISTER_STATUSES = ['valid', 'suspended', 'withdrawn', 'expired'] as const;
export const ZRegisterStatus = z.enum(REGISTER_STATUSES);
export type TRegisterStatus = z.infer<typeof ZRegisterStatus>;

/** A search needs at least this many characters: a prefix this short still walks an index, not the table. */
export const REGISTER_QUERY_MIN = 2;
export const REGISTER_QUERY_MAX = 100;
export const REGISTER_PAGE_SIZE = 20;

export const ZRegisterSearchQuery = z.strictObject({
  q: zText(REGISTER_QUERY_MAX, { min: REGISTER_QUERY_MIN }).describe('A certificate number (exact or its beginning) or the beginning of the organization’s name; case does not matter'),
  status: ZRegisterStatus.optional(),
  standard: zText(100, { min: 1 }).optional().describe('The standard and edition, e.g. ISO/IEC 42001:2023'),
  cursor: z.string().max(400).regex(/^[\w-]+$/).optional().describe('`nextCursor` of the previous page'),
});
export type TRegisterSearchQuery = z.infer<typeof ZRegisterSearchQuery>;
/** The search the register page keeps in its address: the query without the page cursor. */
export type TRegisterFilters = Omit<z.input<typeof ZRegisterSearchQuery>, 'cursor'>;

export const ZCertificateNumberParams = z.strictObject({ number: zText(60, { min: 1 }) });

export const ZRegisterHit = z.object({
  number: z.string(),
  holderName: z.string(),
  status: ZRegisterStatus,
  standard: z.string(),
  effectiveDate: z.iso.date(),
  expiryDate: z.iso.date(),
  bodyName: z.string(),
});
export type TRegisterHit = z.infer<typeof ZRegisterHit>;

export const ZRegisterPage = z.object({ items: z.array(ZRegisterHit), nextCursor: z.string().nullable() });
export type TRegisterPage = z.infer<typeof ZRegisterPage>;

const ZBilingual = z.object({ en: z.string(), fr: z.string() });

export const ZRegisterSite = z.object({ name: z.string(), address: z.string(), scope: ZBilingual.nullable() });
export const ZRegisterAiSystem = z.object({ name: z.string() });

export const ZRegisterEvent = z.object({
  kind: ZCertificateEventKind,
  effectiveOn: z.iso.date(),
  revision: z.number().int(),
  reason: ZBilingual,
});
export type TRegisterEvent = z.infer<typeof ZRegisterEvent>;

export const ZRegisterRevision = z.object({
  revision: z.number().int(),
  status: z.enum(['valid', 'suspended', 'withdrawn', 'expired', 'superseded']),
  effectiveDate: z.iso.date(),
  expiryDate: z.iso.date(),
  decisionDate: z.iso.date(),
});

export const ZRegisterCertificate = z.object({
  number: z.string(),
  revision: z.number().int(),
  status: ZRegisterStatus,
  suspendedUntil: z.iso.date().nullable(),
  standard: z.string(),
  holder: z.object({ name: z.string(), address: z.string() }),
  scope: ZBilingual,
  sites: z.array(ZRegisterSite),
  aiSystems: z.array(ZRegisterAiSystem),
  soaVersion: z.string(),
  originalIssueDate: z.iso.date(),
  effectiveDate: z.iso.date(),
  expiryDate: z.iso.date(),
  decisionDate: z.iso.date(),
  body: z.object({
    name: z.string(),
    address: z.string(),
    /** As the certificate states it (ISO/IEC 17021-1 8.2); null when the body was not accredited for it. */
    accreditation: z.object({ body: z.string(), number: z.string() }).nullable(),
  }),
  revisions: z.array(ZRegisterRevision),
  history: z.array(ZRegisterEvent),
});
export type TRegisterCertificate = z.infer<typeof ZRegisterCertificate>;

/** The signed W3C Verifiable Credential exactly as it was issued (its proof covers every byte of meaning). */
export const ZRegisterCredential = z.record(z.string(), z.unknown());

export const ZNotModified = z.null().describe('Not modified: the copy the client holds (If-None-Match) is current');

/**
 * "Verify this certificate": the stored credential's Data Integrity proof checked against the
 * installation's published key, and whether what it signs is what the register shows. The status
 * is the register's current one: a suspended certificate's credential still verifies as signed.
 */
export const ZRegisterVerification = z.object({
  signature: z.enum(['valid', 'invalid']),
  reason: z.string().nullable().describe('Why the signature does not verify (not_a_certificate, no_proof, unknown_key, bad_signature, …)'),
  verificationMethod: z.string().nullable(),
  signedAt: z.string().nullable(),
  matchesRegister: z.boolean().describe('The signed number, revision, holder, standard and dates are the register’s'),
  status: ZRegisterStatus,
});
export type TRegisterVerification = z.infer<typeof ZRegisterVerification>;

/** The body's IAF CertSearch export (one route, the format in the query). */
export const ZRegisterExportQuery = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  locale: z.enum(['en', 'fr']).default('en').describe('Language of the column headings; the values are CertSearch’s own terms'),
});
export type TRegisterExportQuery = z.infer<typeof ZRegisterExportQuery>;
export const REGISTER_EXPORT_ACTIONS = ['registerExport.read'] as const;
