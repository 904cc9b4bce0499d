import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZEmail, ZLocale, ZName, ZTimestamp, zText } from './common.ts';
import { ZSoc2ReaderAccessKind, ZSoc2ReportType } from './soc2.ts';

/*
 * Report readers: people the organization invites to read its issued SOC 2 report (its customers
 * and their auditors). A reader has no account: the mailed link carries a token, the reader accepts
 * the firm's restricted-use terms (NDA, versioned) by typing their name, then downloads copies
 * stamped with their name, company and the date. Every access is logged; access expires.
 */

export const SOC2_NDA_TEXT_MAX = 20_000;

/** One version of the firm's restricted-use terms, in both languages, with the SHA-256 a reader's acceptance names. */
export const ZSoc2NdaText = z.object({
  version: z.number().int(),
  textEn: z.string(),
  textFr: z.string(),
  sha256: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: ZTimestamp,
});
export type TSoc2NdaText = z.infer<typeof ZSoc2NdaText>;

export const ZSoc2NdaTexts = z.object({
  /** Newest first; the first is the one new readers accept. */
  versions: z.array(ZSoc2NdaText),
  abilities: zAbilitiesOf('soc2Nda.publish'),
});
export type TSoc2NdaTexts = z.infer<typeof ZSoc2NdaTexts>;

export const ZPublishSoc2NdaBody = z.strictObject({
  textEn: zText(SOC2_NDA_TEXT_MAX, { min: 50 }),
  textFr: zText(SOC2_NDA_TEXT_MAX, { min: 50 }),
});
export type TPublishSoc2NdaBody = z.input<typeof ZPublishSoc2NdaBody>;

export const SOC2_READER_STATES = ['invited', 'accepted', 'expired', 'revoked'] as const;
export const ZSoc2ReaderState = z.enum(SOC2_READER_STATES);
export type TSoc2ReaderState = z.infer<typeof ZSoc2ReaderState>;

export const ZInviteSoc2ReaderBody = z.strictObject({
  email: ZEmail,
  name: ZName,
  company: zText(200, { min: 1 }),
  locale: ZLocale.default('en'),
});
export type TInviteSoc2ReaderBody = z.input<typeof ZInviteSoc2ReaderBody>;

export const ZSoc2ReaderAccess = z.object({
  kind: ZSoc2ReaderAccessKind,
  locale: ZLocale.nullable(),
  /** The text stamped on the copy (downloads only). */
  watermark: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  at: ZTimestamp,
});
export type TSoc2ReaderAccess = z.infer<typeof ZSoc2ReaderAccess>;

export const ZSoc2Reader = z.object({
  id: z.string(),
  documentId: z.string(),
  email: z.string(),
  name: z.string(),
  company: z.string(),
  locale: ZLocale,
  state: ZSoc2ReaderState,
  invitedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  invitedAt: ZTimestamp,
  expiresAt: ZTimestamp,
  nda: z.object({ version: z.number().int(), sha256: z.string(), name: z.string(), at: ZTimestamp, ip: z.string().nullable() }).nullable(),
  revokedAt: ZTimestamp.nullable(),
  downloads: z.number().int(),
  /** Every access, oldest first. */
  accesses: z.array(ZSoc2ReaderAccess),
  abilities: zAbilitiesOf('orgSoc2Reader.manage'),
});
export type TSoc2Reader = z.infer<typeof ZSoc2Reader>;

export const ZSoc2ReaderListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: zText(200).optional(),
  state: ZSoc2ReaderState.optional(),
});
export type TSoc2ReaderListQuery = z.output<typeof ZSoc2ReaderListQuery>;

export const ZSoc2ReaderList = z.object({
  items: z.array(ZSoc2Reader),
  nextCursor: z.string().nullable(),
  /** Null until the examination's report is issued: there is nothing to invite readers to. */
  report: z.object({ id: z.string(), reference: z.string(), issuedAt: ZTimestamp, locales: z.array(ZLocale) }).nullable(),
  accessDays: z.number().int(),
  abilities: zAbilitiesOf('orgSoc2Reader.manage'),
});
export type TSoc2ReaderList = z.infer<typeof ZSoc2ReaderList>;

export const ZSoc2ReaderParams = z.strictObject({ tenantId: z.uuid(), examinationId: z.uuid(), readerId: z.uuid() });

/** A reader's link: 43 base64url characters (256 bits). */
export const ZSoc2ReaderTokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** What the reader's page shows: the report's identity and the terms to accept, in both languages. */
export const ZPublicSoc2Reader = z.object({
  name: z.string(),
  company: z.string(),
  locale: ZLocale,
  expiresAt: ZTimestamp,
  report: z.object({
    reference: z.string(),
    firmName: z.string(),
    organizationName: z.string(),
    reportType: ZSoc2ReportType,
    asOfDate: z.string().nullable(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    issuedAt: ZTimestamp,
    locales: z.array(ZLocale),
  }),
  /** The terms: the version the reader accepted, else the firm's current one. */
  nda: z.object({ version: z.number().int(), sha256: z.string(), textEn: z.string(), textFr: z.string() }),
  accepted: z.object({ name: z.string(), at: ZTimestamp }).nullable(),
});
export type TPublicSoc2Reader = z.infer<typeof ZPublicSoc2Reader>;

export const ZAcceptSoc2NdaBody = z.strictObject({
  /** The reader's full name, typed as their signature. */
  name: ZName,
  /** The version and SHA-256 of the terms as the reader read them. */
  ndaVersion: z.number().int().min(1),
  ndaSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TAcceptSoc2NdaBody = z.input<typeof ZAcceptSoc2NdaBody>;

export const ZSoc2ReaderDownloadQuery = z.strictObject({ locale: ZLocale.optional() });
