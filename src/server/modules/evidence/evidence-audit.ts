import { z } from 'zod';
import { ZEvidenceKind, ZEvidenceStatus } from '../../../shared/contracts/evidence.ts';
import { defineAuditActions } from '../../platform/audit-log/audit-registry.ts';

/*
 * The events of a piece of evidence. The subject is its series (the first revision's id), so the
 * history of every revision reads in one place; `evidenceId` and `revision` say which revision.
 */
const ZRef = { evidenceId: z.uuid(), title: z.string(), revision: z.number().int() };

/** What a revision holds, field by field; an edit of a draft records only the fields that changed. */
const ZFields = z
  .strictObject({
    title: z.string(),
    description: z.string(),
    kind: ZEvidenceKind,
    sha256: z.string(),
    filename: z.string(),
    url: z.string(),
    effectiveDate: z.string(),
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    validUntil: z.string().nullable(),
    controlIds: z.array(z.string()),
    requirements: z.array(z.string()),
    ownerId: z.string().nullable(),
    status: ZEvidenceStatus,
    notContemporaneous: z.boolean(),
    contemporaneityDays: z.number().int(),
    /** The API token that pushed it. */
    tokenId: z.string(),
  })
  .partial();

export const EVIDENCE_AUDIT = defineAuditActions({
  'evidence.created': { after: ZFields.extend(ZRef) },
  'evidence.updated': { before: ZFields, after: ZFields.extend(ZRef) },
  'evidence.submitted': { after: z.strictObject({ ...ZRef, status: ZEvidenceStatus }) },
  'evidence.accepted': { after: z.strictObject({ ...ZRef, status: ZEvidenceStatus, comment: z.string() }) },
  'evidence.rejected': { after: z.strictObject({ ...ZRef, status: ZEvidenceStatus, comment: z.string() }) },
  'evidence.revised': { before: z.strictObject({ evidenceId: z.uuid(), revision: z.number().int() }), after: ZFields.extend(ZRef) },
  'evidence.expired': { before: z.strictObject({ status: ZEvidenceStatus }), after: z.strictObject({ ...ZRef, status: ZEvidenceStatus, validUntil: z.string() }) },
  'evidence.settings_updated': { before: z.strictObject({ contemporaneityDays: z.number().int() }), after: z.strictObject({ contemporaneityDays: z.number().int() }) },
});
