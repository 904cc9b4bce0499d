import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { zText, ZTimestamp, type TListFilters } from './common.ts';
import { ZDate, ZRequirementLink } from './risks.ts';

/*
 * Documents of the management system (ISO/IEC 42001 7.5): policies, procedures and records, each
 * with versions that go through review, approval (with an optional quorum) and publication. The
 * closed lists are here so that the database's CHECK constraints (migration 0013), the server and
 * the web read the same values.
 */

export const DOCUMENT_TYPES = ['policy', 'procedure', 'record', 'other'] as const;
export const ZDocumentType = z.enum(DOCUMENT_TYPES);
export type TDocumentType = z.infer<typeof ZDocumentType>;

/**
 * ISO/IEC 42001 7.5 distinguishes documented information an organization *maintains* (kept up to
 * date: policies, procedures, the scope) from what it *retains* (kept as it was: records of
 * activities and their results).
 */
export const DOCUMENT_KINDS = ['maintained', 'retained'] as const;
export const ZDocumentKind = z.enum(DOCUMENT_KINDS);
export type TDocumentKind = z.infer<typeof ZDocumentKind>;

/** draft → in_review → approved → published → superseded (see document-lifecycle.ts). */
export const VERSION_STATUSES = ['draft', 'in_review', 'approved', 'published', 'superseded'] as const;
export const ZDocumentVersionStatus = z.enum(VERSION_STATUSES);
export type TDocumentVersionStatus = z.infer<typeof ZDocumentVersionStatus>;

export const CONTENT_KINDS = ['file', 'text'] as const;
export const ZContentKind = z.enum(CONTENT_KINDS);
export type TContentKind = z.infer<typeof ZContentKind>;

/** Where an item is kept in the product when it is a record rather than a document. */
export const RECORD_SOURCES = ['scope', 'soa', 'risks', 'impact-assessments', 'objectives', 'competence', 'internal-audits', 'management-reviews', 'nonconformities'] as const;
export type TRecordSource = (typeof RECORD_SOURCES)[number];

/**
 * The mandatory documented information of ISO/IEC 42001 (one entry per row of the facts sheet's
 * table), with short labels in our own words. `kind` is what the standard asks of it; `record`
 * names the module that keeps it as a record, when the product does.
 */
export const MANDATORY_ITEMS = [
  { key: 'scope-4.3', clause: '4.3', kind: 'maintained', record: 'scope', label: { en: 'Scope of the AI management system', fr: 'Domaine d’application du système de management de l’IA' } },
  { key: 'ai-policy-5.2', clause: '5.2', kind: 'maintained', record: null, label: { en: 'AI policy', fr: 'Politique IA' } },
  { key: 'risk-assessment-process-6.1.2', clause: '6.1.2', kind: 'maintained', record: null, label: { en: 'AI risk-assessment process', fr: 'Processus d’appréciation des risques liés à l’IA' } },
  { key: 'risk-treatment-process-6.1.3', clause: '6.1.3', kind: 'maintained', record: null, label: { en: 'AI risk-treatment process', fr: 'Processus de traitement des risques liés à l’IA' } },
  { key: 'soa-6.1.3', clause: '6.1.3', kind: 'maintained', record: 'soa', label: { en: 'Statement of Applicability', fr: 'Déclaration d’applicabilité' } },
  { key: 'risk-treatment-plan-6.1.3', clause: '6.1.3', kind: 'retained', record: 'risks', label: { en: 'AI risk-treatment plan', fr: 'Plan de traitement des risques liés à l’IA' } },
  { key: 'impact-assessment-results-6.1.4', clause: '6.1.4 / 8.4', kind: 'retained', record: 'impact-assessments', label: { en: 'AI system impact-assessment results', fr: 'Résultats des évaluations d’impact des systèmes d’IA' } },
  { key: 'ai-objectives-6.2', clause: '6.2', kind: 'retained', record: 'objectives', label: { en: 'AI objectives', fr: 'Objectifs en matière d’IA' } },
  { key: 'competence-7.2', clause: '7.2', kind: 'retained', record: 'competence', label: { en: 'Evidence of competence', fr: 'Preuves de compétence' } },
  { key: 'operational-information-8.1', clause: '8.1', kind: 'retained', record: null, label: { en: 'Operational planning and control information', fr: 'Informations sur la planification et la maîtrise opérationnelles' } },
  { key: 'risk-results-8.2', clause: '8.2 / 8.3', kind: 'retained', record: 'risks', label: { en: 'AI risk-assessment and risk-treatment results', fr: 'Résultats de l’appréciation et du traitement des risques liés à l’IA' } },
  { key: 'monitoring-results-9.1', clause: '9.1', kind: 'retained', record: null, label: { en: 'Monitoring and measurement results', fr: 'Résultats de la surveillance et de la mesure' } },
  { key: 'audit-programme-9.2.2', clause: '9.2.2', kind: 'retained', record: 'internal-audits', label: { en: 'Internal audit programme and audit results', fr: 'Programme d’audit interne et résultats d’audit' } },
  { key: 'management-review-9.3.3', clause: '9.3.3', kind: 'retained', record: 'management-reviews', label: { en: 'Management review results', fr: 'Résultats des revues de direction' } },
  { key: 'nonconformities-10.2', clause: '10.2', kind: 'retained', record: 'nonconformities', label: { en: 'Nonconformities and corrective actions', fr: 'Non-conformités et actions correctives' } },
] as const satisfies readonly { key: string; clause: string; kind: TDocumentKind; record: TRecordSource | null; label: { en: string; fr: string } }[];

export type TMandatoryItemKey = (typeof MANDATORY_ITEMS)[number]['key'];
export const MANDATORY_ITEM_KEYS = MANDATORY_ITEMS.map((i) => i.key) as [TMandatoryItemKey, ...TMandatoryItemKey[]];
export const ZMandatoryItem = z.enum(MANDATORY_ITEM_KEYS);

/** A document's approval quorum: how many distinct approvers a version needs. */
export const MAX_APPROVAL_QUORUM = 5;
/** Rich text is kept as Markdown source (never rendered as HTML by the server or the web). */
export const MAX_TEXT_CHARS = 200_000;

const documentFields = {
  title: zText(200, { min: 1 }),
  type: ZDocumentType,
  kind: ZDocumentKind,
  description: zText(4000).default(''),
  ownerId: z.uuid().nullable().default(null),
  nextReviewOn: ZDate.nullable().default(null),
  mandatoryItem: ZMandatoryItem.nullable().default(null),
  approvalQuorum: z.number().int().min(1).max(MAX_APPROVAL_QUORUM).default(1),
  requirements: z.array(ZRequirementLink).max(50).default([]),
};

export const ZCreateDocumentBody = z.strictObject({
  ...documentFields,
  /** A first version written as text, as a draft; a file version is uploaded afterwards. */
  text: zText(MAX_TEXT_CHARS, { trim: false }).optional(),
});
export type TCreateDocumentBody = z.input<typeof ZCreateDocumentBody>;
export type TCreateDocumentInput = z.output<typeof ZCreateDocumentBody>;

export const ZUpdateDocumentBody = z
  .strictObject({
    title: documentFields.title,
    type: ZDocumentType,
    kind: ZDocumentKind,
    description: zText(4000),
    ownerId: z.uuid().nullable(),
    nextReviewOn: ZDate.nullable(),
    mandatoryItem: ZMandatoryItem.nullable(),
    approvalQuorum: z.number().int().min(1).max(MAX_APPROVAL_QUORUM),
    requirements: z.array(ZRequirementLink).max(50),
  })
  .partial();
export type TUpdateDocumentBody = z.input<typeof ZUpdateDocumentBody>;
export type TUpdateDocumentInput = z.output<typeof ZUpdateDocumentBody>;

export const ZTextVersionBody = z.strictObject({
  text: zText(MAX_TEXT_CHARS, { min: 1, trim: false }),
  changeNote: zText(500).default(''),
});
export type TTextVersionBody = z.input<typeof ZTextVersionBody>;

export const ZFileVersionQuery = z.object({
  filename: zText(255, { min: 1 }).regex(/^[^/\\\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+$/, 'filename must not contain slashes, control characters or bidirectional formatting characters'),
  changeNote: zText(500).default(''),
});

export const ZApproveBody = z.strictObject({
  /** The hash the approver read: refused if the version is not that content (409). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  comment: zText(1000).default(''),
});
export type TApproveBody = z.input<typeof ZApproveBody>;

export const ZDocumentsParams = z.object({ tenantId: z.uuid() });
export const ZDocumentParams = ZDocumentsParams.extend({ documentId: z.uuid() });
export const ZDocumentVersionParams = ZDocumentParams.extend({ version: z.coerce.number().int().min(1).max(100000) });

const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZDocumentApproval = z.object({
  approver: ZPerson,
  approvedAt: ZTimestamp,
  sha256: z.string(),
  comment: z.string(),
});
export type TDocumentApproval = z.infer<typeof ZDocumentApproval>;

export const DOCUMENT_ACTIONS = ['document.read', 'document.create', 'document.update', 'document.addVersion'] as const;
export const VERSION_ACTIONS = ['documentVersion.submit', 'documentVersion.approve', 'documentVersion.publish'] as const;

export const ZDocumentVersion = z.object({
  version: z.number().int(),
  status: ZDocumentVersionStatus,
  contentKind: ZContentKind,
  sha256: z.string(),
  size: z.number().int(),
  filename: z.string().nullable(),
  contentType: z.string().nullable(),
  changeNote: z.string(),
  createdBy: ZPerson,
  createdAt: ZTimestamp,
  submittedBy: ZPerson.nullable(),
  submittedAt: ZTimestamp.nullable(),
  approvedAt: ZTimestamp.nullable(),
  publishedBy: ZPerson.nullable(),
  publishedAt: ZTimestamp.nullable(),
  supersededAt: ZTimestamp.nullable(),
  approvals: z.array(ZDocumentApproval),
  abilities: zAbilitiesOf(...VERSION_ACTIONS),
});
export type TDocumentVersion = z.infer<typeof ZDocumentVersion>;

export const ZDocumentSummary = z.object({
  id: z.string(),
  title: z.string(),
  type: ZDocumentType,
  kind: ZDocumentKind,
  owner: ZPerson.nullable(),
  nextReviewOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  mandatoryItem: ZMandatoryItem.nullable(),
  approvalQuorum: z.number().int(),
  /** The latest version's number and status; null before the first version. */
  latestVersion: z.number().int().nullable(),
  status: ZDocumentVersionStatus.nullable(),
  publishedVersion: z.number().int().nullable(),
  updatedAt: ZTimestamp,
});
export type TDocumentSummary = z.infer<typeof ZDocumentSummary>;

export const ZDocumentDetail = ZDocumentSummary.extend({
  description: z.string(),
  requirements: z.array(z.object({ frameworkId: z.string(), frameworkVersion: z.string(), ref: z.string(), title: z.object({ en: z.string(), fr: z.string() }) })),
  versions: z.array(ZDocumentVersion),
  /** The organization has exactly one member: that person may approve their own versions. */
  soleMember: z.boolean(),
  createdAt: ZTimestamp,
  abilities: zAbilitiesOf(...DOCUMENT_ACTIONS),
});
export type TDocumentDetail = z.infer<typeof ZDocumentDetail>;

/** A version's text, for text versions (the web shows it as text, never as HTML). */
export const ZDocumentText = z.object({ version: z.number().int(), sha256: z.string(), text: z.string() });

export const DOCUMENT_SORTS = ['updated', 'title', 'review'] as const;
export const ZDocumentListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).regex(/^[A-Za-z0-9_-]+$/, 'cursor must be the nextCursor of a previous page').optional(),
  sort: z.enum(DOCUMENT_SORTS).default('updated'),
  type: ZDocumentType.optional(),
  kind: ZDocumentKind.optional(),
  status: ZDocumentVersionStatus.optional(),
  ownerId: z.uuid().optional(),
  mandatoryItem: ZMandatoryItem.optional(),
  reviewOverdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: zText(200).optional(),
});
export type TDocumentListQuery = z.output<typeof ZDocumentListQuery>;
/** The list's filters as the web keeps them in the address: the query without its paging. */
export type TDocumentFilters = TListFilters<typeof ZDocumentListQuery>;
export const ZDocumentList = z.object({ items: z.array(ZDocumentSummary), nextCursor: z.string().nullable() });
export type TDocumentList = z.infer<typeof ZDocumentList>;

/** current: kept and its review date not passed; overdue: kept but its review date passed; missing: nothing kept. */
export const CHECKLIST_STATES = ['current', 'overdue', 'missing'] as const;
export const ZChecklistState = z.enum(CHECKLIST_STATES);
export type TChecklistState = z.infer<typeof ZChecklistState>;

export const ZMandatoryChecklistItem = z.object({
  key: ZMandatoryItem,
  clause: z.string(),
  kind: ZDocumentKind,
  label: z.object({ en: z.string(), fr: z.string() }),
  state: ZChecklistState,
  /** Published documents that cover the item. */
  documents: z.array(z.object({ id: z.string(), title: z.string(), version: z.number().int(), nextReviewOn: z.string().nullable(), state: ZChecklistState })),
  /** Where the product keeps the item as a record; state null while that module does not report it yet. */
  record: z.object({ source: z.enum(RECORD_SOURCES), state: ZChecklistState.nullable(), count: z.number().int() }).nullable(),
});
export type TMandatoryChecklistItem = z.infer<typeof ZMandatoryChecklistItem>;
export const ZMandatoryChecklist = z.object({
  today: z.string(),
  items: z.array(ZMandatoryChecklistItem),
  totals: z.object({ current: z.number().int(), overdue: z.number().int(), missing: z.number().int() }),
});
export type TMandatoryChecklist = z.infer<typeof ZMandatoryChecklist>;
