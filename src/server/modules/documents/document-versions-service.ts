import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor, TUserActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { AppError, notFound, payloadTooLarge } from '../../platform/errors/errors.ts';
import { ZApproveBody, ZTextVersionBody, type TApproveBody, type TTextVersionBody } from '../../../shared/contracts/documents.ts';
import { filesRepo } from '../files/files-repo.ts';
import { approvalEvent, documentLifecycle } from './document-lifecycle.ts';
import * as repo from './documents-repo.ts';
import { createDocumentReads, versionSubject } from './documents-service.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock' | 'config' | 'blobs'>;

/** What a new version holds: text kept in the row, or a file already in the blob store. */
export type TVersionContent =
  | { kind: 'text'; body: string; sha256: string; size: number }
  | { kind: 'file'; fileId: string; filename: string; sha256: string; size: number };

/** Text is hashed as its UTF-8 bytes, the same bytes the content route serves. */
export function textContent(body: string): TVersionContent {
  const bytes = Buffer.from(body, 'utf8');
  return { kind: 'text', body, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}

/**
 * Adds the next version as a draft, on a document row the caller has locked. The version on its
 * way, if any, is replaced (superseded, its approvals kept): content is never edited in place, so
 * an approval always names the bytes it approved.
 */
export async function addVersionInTx(tx: Transaction<DB>, actor: TUserActor, ctx: TRequestContext, d: repo.TLockedDocument, content: TVersionContent, changeNote: string, now: Date) {
  const open = await repo.getOpenVersionForUpdate(tx, d.tenant_id, d.id);
  if (open) {
    const step = documentLifecycle.transition(open.status, 'replace', undefined);
    await repo.updateVersion(tx, d.tenant_id, d.id, open.version, { status: step.to, superseded_at: now });
  }
  const version = (d.latest_version ?? 0) + 1;
  await repo.insertVersion(tx, d.tenant_id, {
    document_id: d.id,
    version,
    content_kind: content.kind,
    file_id: content.kind === 'file' ? content.fileId : null,
    body: content.kind === 'text' ? content.body : null,
    sha256: content.sha256,
    size: content.size,
    change_note: changeNote,
    created_by: actor.userId,
  });
  await repo.updateDocument(tx, d.tenant_id, d.id, { latest_version: version });
  await recordAudit(tx, actor, ctx, {
    tenantId: d.tenant_id,
    action: 'document.version_added',
    subjectType: 'document',
    subjectId: d.id,
    after: { title: d.title, version, contentKind: content.kind, sha256: content.sha256, size: content.size, filename: content.kind === 'file' ? content.filename : null, replacedVersion: open?.version ?? null },
  });
  return version;
}

type TMove = 'submit' | 'approve' | 'publish';
const ACTION = { submit: 'documentVersion.submit', approve: 'documentVersion.approve', publish: 'documentVersion.publish' } as const;

/** Versions of a document: adding one (text or file), and its moves through review to publication. */
export function createDocumentVersionsService(p: TDeps) {
  const reads = createDocumentReads(p);
  const maxBytes = p.config.UPLOAD_MAX_MB * 1024 * 1024;

  /**
   * Locks the document and the version named, checks it is the latest, judges the record rules
   * (four eyes included, with the member count read in the locking statement), then writes.
   */
  async function move(
    actor: TActor | null,
    tenantId: string,
    id: string,
    version: number,
    event: TMove,
    write: (tx: Transaction<DB>, user: TUserActor, d: repo.TLockedDocument, v: repo.TLockedVersion, approverIds: string[]) => Promise<void>,
  ) {
    const grant = await p.authz.assert(actor, ACTION[event], { tenantId });
    p.authz.assertUser(actor);
    await p.db.transaction().execute(async (tx) => {
      const d = await repo.getDocumentForUpdate(tx, tenantId, id);
      if (!d) throw notFound('Document');
      const v = await repo.getVersionForUpdate(tx, tenantId, id, version);
      if (!v) throw notFound('Document version');
      const approverIds = await repo.approverIds(tx, tenantId, id, version);
      p.authz.assertOn(grant, ACTION[event], versionSubject({ ...v, version }, d.latest_version, approverIds, d.member_count));
      await write(tx, actor, d, v, approverIds);
    });
    return reads.detail(grant, id);
  }

  return {
    async addText(actor: TActor | null, tenantId: string, id: string, body: TTextVersionBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'document.addVersion', { tenantId });
      p.authz.assertUser(actor);
      const input = ZTextVersionBody.parse(body);
      await p.db.transaction().execute(async (tx) => {
        const d = await repo.getDocumentForUpdate(tx, tenantId, id);
        if (!d) throw notFound('Document');
        await addVersionInTx(tx, actor, ctx, d, textContent(input.text), input.changeNote, p.clock.now());
      });
      return reads.detail(grant, id);
    },

    /**
     * Streams the body into the blob store while hashing, then records the file, the version and
     * the audit event together. A refused or broken upload leaves neither a row nor an object
     * (the blob store only makes an object visible once it is whole).
     */
    async addFile(
      actor: TActor | null,
      tenantId: string,
      id: string,
      input: { body: Readable; filename: string; contentType: string; declaredLength: number | null; changeNote: string },
      ctx: TRequestContext,
    ) {
      const grant = await p.authz.assert(actor, 'document.addVersion', { tenantId });
      p.authz.assertUser(actor);
      if (!(await repo.documentExists(p.db, tenantId, id))) {
        input.body.resume();
        throw notFound('Document');
      }
      if (input.declaredLength !== null && input.declaredLength > maxBytes) {
        input.body.resume();
        throw payloadTooLarge(maxBytes);
      }
      const blob = await p.blobs.put(input.body, { maxBytes });
      await p.db.transaction().execute(async (tx) => {
        const d = await repo.getDocumentForUpdate(tx, tenantId, id);
        if (!d) throw notFound('Document');
        const file = await filesRepo.insert(tx, tenantId, { sha256: blob.sha256, size: blob.size, filename: input.filename, content_type: input.contentType, uploaded_by: actor.userId });
        await addVersionInTx(tx, actor, ctx, d, { kind: 'file', fileId: file.id, filename: input.filename, sha256: blob.sha256, size: blob.size }, input.changeNote, p.clock.now());
      });
      return reads.detail(grant, id);
    },

    submit: (actor: TActor | null, tenantId: string, id: string, version: number, ctx: TRequestContext) =>
      move(actor, tenantId, id, version, 'submit', async (tx, user, d, v) => {
        const step = documentLifecycle.transition(v.status, 'submit', undefined);
        await repo.updateVersion(tx, tenantId, id, version, { status: step.to, submitted_by: user.userId, submitted_at: p.clock.now() });
        await repo.updateDocument(tx, tenantId, id, {});
        await recordAudit(tx, user, ctx, { tenantId, action: 'document.submitted', subjectType: 'document', subjectId: id, after: { title: d.title, version, sha256: v.sha256, status: step.to } });
      }),

    /**
     * One approval, bound to the hash the approver read. It completes the quorum (the version is
     * approved) or counts towards it (the version stays in review).
     */
    approve: (actor: TActor | null, tenantId: string, id: string, version: number, body: TApproveBody, ctx: TRequestContext) =>
      move(actor, tenantId, id, version, 'approve', async (tx, user, d, v, approverIds) => {
        const input = ZApproveBody.parse(body);
        if (input.sha256 !== v.sha256)
          throw new AppError(409, 'document_hash_mismatch', 'This version is not the content you read: its SHA-256 differs.', { expected: v.sha256, given: input.sha256 });
        const ctxApprovals = { approvals: approverIds.length + 1, quorum: d.approval_quorum };
        const step = documentLifecycle.transition(v.status, approvalEvent(ctxApprovals), ctxApprovals);
        const now = p.clock.now();
        await repo.insertApproval(tx, tenantId, { document_id: id, version, approver_id: user.userId, approved_at: now, sha256: v.sha256, comment: input.comment });
        if (step.to === 'approved') await repo.updateVersion(tx, tenantId, id, version, { status: 'approved', approved_at: now });
        await repo.updateDocument(tx, tenantId, id, {});
        await recordAudit(tx, user, ctx, {
          tenantId,
          action: 'document.approved',
          subjectType: 'document',
          subjectId: id,
          after: { title: d.title, version, sha256: v.sha256, status: step.to, approvals: ctxApprovals.approvals, quorum: ctxApprovals.quorum, comment: input.comment },
        });
      }),

    /** Publishes the approved version; the one published before is superseded in the same transaction. */
    publish: (actor: TActor | null, tenantId: string, id: string, version: number, ctx: TRequestContext) =>
      move(actor, tenantId, id, version, 'publish', async (tx, user, d, v) => {
        const step = documentLifecycle.transition(v.status, 'publish', undefined);
        const now = p.clock.now();
        const previous = d.published_version;
        if (previous !== null) {
          const old = (await repo.getVersionForUpdate(tx, tenantId, id, previous))!;
          documentLifecycle.transition(old.status, 'supersede', undefined);
          await repo.updateVersion(tx, tenantId, id, previous, { status: 'superseded', superseded_at: now });
        }
        await repo.updateVersion(tx, tenantId, id, version, { status: step.to, published_by: user.userId, published_at: now });
        await repo.updateDocument(tx, tenantId, id, { published_version: version });
        await recordAudit(tx, user, ctx, { tenantId, action: 'document.published', subjectType: 'document', subjectId: id, after: { title: d.title, version, sha256: v.sha256, supersededVersion: previous } });
      }),

    /** A version's bytes: the file from the blob store, or the text as UTF-8. */
    async content(actor: TActor | null, tenantId: string, id: string, version: number) {
      await p.authz.assert(actor, 'document.read', { tenantId });
      const v = await repo.getVersionContent(p.db, tenantId, id, version);
      if (!v) throw notFound('Document version');
      if (v.content_kind === 'text') return { kind: 'text' as const, sha256: v.sha256, text: v.body ?? '', filename: `v${version}.md` };
      const stream = await p.blobs.get(v.sha256);
      if (!stream) throw notFound('File content');
      return { kind: 'file' as const, sha256: v.sha256, size: Number(v.size), filename: v.filename ?? `v${version}`, contentType: v.content_type ?? 'application/octet-stream', stream };
    },
  };
}
