import { z } from 'zod';
import { defineAuditActions } from '../../platform/audit-log/audit-registry.ts';
import { ZContentKind, ZDocumentKind, ZDocumentType, ZDocumentVersionStatus } from '../../../shared/contracts/documents.ts';

/*
 * The events of a document. The subject is the document; `version` says which version. An event
 * names the content by its SHA-256 (the versions keep the content itself), so the log shows
 * which bytes were approved and published.
 */
const ZSha = z.string().regex(/^[0-9a-f]{64}$/);
const ZRef = { title: z.string() };

export const DOCUMENTS_AUDIT = defineAuditActions({
  'document.created': {
    after: z.strictObject({ ...ZRef, type: ZDocumentType, kind: ZDocumentKind, mandatoryItem: z.string().nullable(), approvalQuorum: z.number().int(), ownerId: z.uuid().nullable() }),
  },
  'document.updated': {
    before: z.record(z.string(), z.unknown()),
    after: z.record(z.string(), z.unknown()),
  },
  'document.version_added': {
    after: z.strictObject({ ...ZRef, version: z.number().int(), contentKind: ZContentKind, sha256: ZSha, size: z.number().int(), filename: z.string().nullable(), replacedVersion: z.number().int().nullable() }),
  },
  'document.submitted': { after: z.strictObject({ ...ZRef, version: z.number().int(), sha256: ZSha, status: ZDocumentVersionStatus }) },
  /** One approval; `status` says whether it completed the quorum (approved) or counted towards it (in_review). */
  'document.approved': {
    after: z.strictObject({ ...ZRef, version: z.number().int(), sha256: ZSha, status: ZDocumentVersionStatus, approvals: z.number().int(), quorum: z.number().int(), comment: z.string() }),
  },
  'document.published': { after: z.strictObject({ ...ZRef, version: z.number().int(), sha256: ZSha, supersededVersion: z.number().int().nullable() }) },
  /** The daily job told the owner that a published document's review date has passed. */
  'document.review_overdue': { after: z.strictObject({ ...ZRef, nextReviewOn: z.string(), ownerId: z.uuid() }) },
});
