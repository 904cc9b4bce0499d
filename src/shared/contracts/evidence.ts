import { z } from 'zod';
import { ZHistoryPage, ZHistoryQuery } from './ai-systems.ts';
import { zAbilitiesOf } from './authz.ts';
import { ZLocale, zText, ZTimestamp, type TListFilters } from './common.ts';
import { ZTenantParams } from './tenants.ts';

/*
 * Evidence that a control operated (ISO/IEC 42001 7.5.3, 9.1; SOC 2 CC4.1): a file, a link or a
 * small structured record, with the date the control operated (`effectiveDate`, a date) distinct
 * from the moment the evidence reached Attest (`receivedAt`). The enums are here so that the
 * database's CHECK constraints (migration 0014), the server and the web read the same lists.
 */

export const EVIDENCE_KINDS = ['file', 'link', 'record'] as const;
export const ZEvidenceKind = z.enum(EVIDENCE_KINDS);
export type TEvidenceKind = z.infer<typeof ZEvidenceKind>;

export const EVIDENCE_STATUSES = ['draft', 'submitted', 'accepted', 'rejected', 'expired'] as const;
export const ZEvidenceStatus = z.enum(EVIDENCE_STATUSES);
export type TEvidenceStatus = z.infer<typeof ZEvidenceStatus>;

/** What a new piece of evidence starts as: a draft to finish, or submitted (then immutable). */
export const ZInitialStatus = z.enum(['draft', 'submitted']);

export const ZDate = z.iso.date();

/** Only web addresses: a `javascript:` or `file:` link shown to an auditor is a trap. */
export const ZEvidenceUrl = zText(2000, { min: 1 }).pipe(z.url({ protocol: /^https?$/ }));

/*
 * A structured record is a short list of facts a person or a pipeline states (« restore test:
 * passed », « accounts reviewed: 214 »): key/value pairs, at most 50, each value text, number or
 * yes/no. Not arbitrary JSON: every record renders as a two-column table in the web, the exports
 * and to auditors, hashes canonically, and its size is bounded.
 */
export const RECORD_MAX_FIELDS = 50;
export const ZRecordField = z.strictObject({
  key: zText(80, { min: 1 }),
  value: z.union([zText(2000), z.number().finite(), z.boolean()]),
});
export const ZEvidenceRecord = z
  .strictObject({ fields: z.array(ZRecordField).min(1).max(RECORD_MAX_FIELDS) })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.fields.forEach((f, i) => {
      const k = f.key.toLowerCase();
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: 'Each key appears once.' });
      seen.add(k);
    });
  });
export type TEvidenceRecord = z.infer<typeof ZEvidenceRecord>;

/** A catalog requirement the evidence supports: ISO/IEC 42001 9.1, A.6.2.6, SOC 2 CC7.2… */
export const ZEvidenceRequirementLink = z.strictObject({
  frameworkId: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,79}$/),
  ref: zText(60, { min: 1 }),
});
export type TEvidenceRequirementLink = z.infer<typeof ZEvidenceRequirementLink>;

const dateFields = {
  effectiveDate: ZDate,
  periodFrom: ZDate.nullable().default(null),
  periodTo: ZDate.nullable().default(null),
  validUntil: ZDate.nullable().default(null),
};

const periodRule = (v: { periodFrom: string | null; periodTo: string | null }, ctx: z.RefinementCtx) => {
  if (v.periodFrom && v.periodTo && v.periodFrom > v.periodTo) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'The period ends on or after it starts.' });
};

const metaFields = {
  title: zText(200, { min: 1 }),
  description: zText(4000).default(''),
  ...dateFields,
  controlIds: z.array(z.uuid()).max(50).default([]),
  requirements: z.array(ZEvidenceRequirementLink).max(50).default([]),
  ownerId: z.uuid().nullable().default(null),
  status: ZInitialStatus.default('submitted'),
};

/** JSON body of POST …/evidence: a link or a record (a file goes through …/evidence/files). */
export const ZCreateEvidenceBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('link'), url: ZEvidenceUrl, ...metaFields }).superRefine(periodRule),
  z.strictObject({ kind: z.literal('record'), record: ZEvidenceRecord, ...metaFields }).superRefine(periodRule),
]);
export type TCreateEvidenceBody = z.infer<typeof ZCreateEvidenceBody>;
export type TCreateEvidenceInput = z.input<typeof ZCreateEvidenceBody>;

/*
 * The metadata of a file upload: the query string of a raw upload, or the text fields of a
 * multipart upload (sent before the file part). Lists are comma-separated so that one `curl -F`
 * or one query parameter carries them.
 */
const csv = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .string()
    .max(4000)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item).max(max));

export const ZFileName = zText(255, { min: 1 }).regex(
  /^[^/\\\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+$/,
  'filename must not contain slashes, control characters or bidirectional formatting characters',
);

export const ZEvidenceFileMeta = z
  .object({
    title: zText(200, { min: 1 }),
    description: zText(4000).default(''),
    effectiveDate: ZDate,
    periodFrom: ZDate.optional().transform((v) => v ?? null),
    periodTo: ZDate.optional().transform((v) => v ?? null),
    validUntil: ZDate.optional().transform((v) => v ?? null),
    /** Comma-separated control ids. */
    controlIds: csv(z.uuid(), 50).default([]),
    /** Comma-separated `frameworkId:ref`, e.g. `iso-iec-42001-2023:9.1`. */
    requirements: csv(
      z.string().regex(/^[a-z0-9][a-z0-9.-]{0,79}:.{1,60}$/, 'frameworkId:ref').transform((s) => {
        const i = s.indexOf(':');
        return { frameworkId: s.slice(0, i), ref: s.slice(i + 1) };
      }),
      50,
    ).default([]),
    ownerId: z.uuid().optional().transform((v) => v ?? null),
    status: ZInitialStatus.default('submitted'),
    /** Raw uploads name the file here; a multipart upload takes the file part's name. */
    filename: ZFileName.optional(),
  })
  .superRefine(periodRule);
export type TEvidenceFileMeta = z.output<typeof ZEvidenceFileMeta>;

/** Metadata-only correction of submitted evidence: a new revision (a file keeps its file). */
export const ZReviseEvidenceBody = z
  .strictObject({
    title: zText(200, { min: 1 }),
    description: zText(4000).default(''),
    ...dateFields,
    controlIds: z.array(z.uuid()).max(50).default([]),
    requirements: z.array(ZEvidenceRequirementLink).max(50).default([]),
    ownerId: z.uuid().nullable().default(null),
    url: ZEvidenceUrl.optional(),
    record: ZEvidenceRecord.optional(),
    status: ZInitialStatus.default('submitted'),
  })
  .superRefine(periodRule);
export type TReviseEvidenceBody = z.infer<typeof ZReviseEvidenceBody>;

/** A draft is edited in place (same shape as a revision). */
export const ZUpdateEvidenceBody = ZReviseEvidenceBody;
export type TUpdateEvidenceBody = TReviseEvidenceBody;

export const ZReviewBody = z.strictObject({ comment: zText(2000).default('') });
export const ZRejectBody = z.strictObject({ comment: zText(2000, { min: 1 }) });

export const ZEvidenceParams = ZTenantParams.extend({ evidenceId: z.uuid() });

export const EVIDENCE_SORTS = ['effective', 'received', 'title'] as const;

export const ZEvidenceListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).regex(/^[A-Za-z0-9_-]+$/, 'cursor must be the nextCursor of a previous page').optional(),
  sort: z.enum(EVIDENCE_SORTS).default('effective'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  status: ZEvidenceStatus.optional(),
  kind: ZEvidenceKind.optional(),
  controlId: z.uuid().optional(),
  frameworkId: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,79}$/).optional(),
  ref: zText(60, { min: 1 }).optional(),
  notContemporaneous: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Current evidence whose validity ends within this many days (already expired ones excluded). Typed input: a page sends a number, the query string a string. */
  expiringWithinDays: z.coerce.number<number | string>().int().min(0).max(366).optional(),
  q: zText(100).optional(),
});
export type TEvidenceListQuery = z.infer<typeof ZEvidenceListQuery>;
export type TEvidenceFilters = TListFilters<typeof ZEvidenceListQuery>;

const ZPerson = z.object({ id: z.uuid(), name: z.string() });

export const ZEvidenceAbilities = zAbilitiesOf('evidence.read', 'evidence.create', 'evidence.update', 'evidence.submit', 'evidence.review', 'evidence.revise');

export const ZEvidenceFileInfo = z.object({ id: z.uuid(), filename: z.string(), size: z.number(), contentType: z.string() });

export const ZEvidenceSummary = z.object({
  id: z.uuid(),
  seriesId: z.uuid(),
  revision: z.number().int(),
  /** False for a revision a later one corrected: still readable, no longer what counts. */
  current: z.boolean(),
  kind: ZEvidenceKind,
  title: z.string(),
  status: ZEvidenceStatus,
  effectiveDate: ZDate,
  periodFrom: ZDate.nullable(),
  periodTo: ZDate.nullable(),
  validUntil: ZDate.nullable(),
  receivedAt: ZTimestamp,
  /** Received more than `contemporaneityDays` after the effective date (the setting then in force). */
  notContemporaneous: z.boolean(),
  contemporaneityDays: z.number().int(),
  /** Whole days between the effective date and the day it was received (UTC). */
  daysAfterEffective: z.number().int(),
  sha256: z.string(),
  file: ZEvidenceFileInfo.nullable(),
  url: z.string().nullable(),
  controls: z.array(z.object({ id: z.uuid(), reference: z.string(), title: z.string() })),
  requirements: z.array(z.object({ frameworkId: z.string(), ref: z.string() })),
  owner: ZPerson.nullable(),
  createdBy: ZPerson.nullable(),
  /** The API token that pushed it, when a machine did. */
  pushedByToken: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  abilities: ZEvidenceAbilities,
});
export type TEvidenceSummary = z.infer<typeof ZEvidenceSummary>;

export const ZEvidencePage = z.object({ items: z.array(ZEvidenceSummary), nextCursor: z.string().nullable() });
export type TEvidencePage = z.infer<typeof ZEvidencePage>;

export const ZEvidenceRevision = z.object({
  id: z.uuid(),
  revision: z.number().int(),
  status: ZEvidenceStatus,
  title: z.string(),
  sha256: z.string(),
  effectiveDate: ZDate,
  receivedAt: ZTimestamp,
  notContemporaneous: z.boolean(),
  createdAt: ZTimestamp,
});

export const ZEvidenceDetail = ZEvidenceSummary.extend({
  description: z.string(),
  record: ZEvidenceRecord.nullable(),
  submittedBy: ZPerson.nullable(),
  submittedAt: ZTimestamp.nullable(),
  reviewedBy: ZPerson.nullable(),
  reviewedAt: ZTimestamp.nullable(),
  reviewComment: z.string().nullable(),
  expiredAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
  supersedesId: z.uuid().nullable(),
  supersededById: z.uuid().nullable(),
  /** Every revision of the series, newest first. */
  revisions: z.array(ZEvidenceRevision),
});
export type TEvidenceDetail = z.infer<typeof ZEvidenceDetail>;

/** A push's answer: 201 when new, 200 with the evidence already pushed (same control, date and hash). */
export const ZEvidencePushResult = ZEvidenceDetail.extend({ created: z.boolean() });

export const ZEvidenceExportQuery = z.object({ locale: ZLocale.default('en') });

export const ZControlChoices = z.object({ items: z.array(z.object({ id: z.uuid(), reference: z.string(), title: z.string() })) });
export type TControlChoices = z.infer<typeof ZControlChoices>;

export const ZEvidenceSettings = z.object({
  contemporaneityDays: z.number().int(),
  abilities: zAbilitiesOf('evidence.configure'),
});
export const ZUpdateEvidenceSettings = z.strictObject({ contemporaneityDays: z.number().int().min(0).max(3650) });
export type TUpdateEvidenceSettings = z.infer<typeof ZUpdateEvidenceSettings>;

export { ZHistoryPage as ZEvidenceHistoryPage, ZHistoryQuery as ZEvidenceHistoryQuery };
