import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import type { TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { AppError, notFound, payloadTooLarge } from '../../platform/errors/errors.ts';
import { ZEvidenceFileMeta } from '../../../shared/contracts/evidence.ts';
import { filesRepo } from '../files/files-repo.ts';
import type { TIncomingFile } from '../files/incoming-file.ts';
import { parseOr400, readDetail, resolveLinks, subjectOf, type TDeps } from './evidence-dto.ts';
import { evidenceLifecycle } from './evidence-lifecycle.ts';
import * as repo from './evidence-repo.ts';
import { previousOf } from './evidence-service.ts';
import { AlreadyPushed, writeRevision } from './evidence-write.ts';

export type TUploadDeps = TDeps & Pick<TPlatform, 'blobs' | 'config'>;

export type { TIncomingFile };

const fileMissing = () => new AppError(400, 'evidence_file_missing', 'No file was sent: send the file as the body, or as the last part of a multipart form.', [{ field: 'file', issue: 'required', message: 'file is required' }]);

/**
 * File evidence, streamed: every check that can refuse the upload (role, metadata, links) runs
 * before the first byte is stored; the bytes go to the content-addressed blob store while hashed
 * (an aborted or oversized body leaves no object), then the file row, the evidence and its audit
 * event are written in one transaction (no row unless all of it commits).
 */
export function createEvidenceUploads(p: TUploadDeps) {
  const maxBytes = p.config.EVIDENCE_MAX_MB * 1024 * 1024;

  async function store(actor: TActor, tenantId: string, f: TIncomingFile, filename: string) {
    if (!f.body) throw fileMissing();
    if (f.declaredLength !== null && f.declaredLength > maxBytes) {
      f.body.resume();
      throw payloadTooLarge(maxBytes);
    }
    const blob = await p.blobs.put(f.body, { maxBytes });
    return { ...blob, filename, contentType: f.contentType.slice(0, 200) || 'application/octet-stream', uploadedBy: actor.type === 'user' ? actor.userId : null };
  }

  return {
    maxBytes,

    /**
     * A new file evidence, or, when a file with the same SHA-256 was already pushed for one of the
     * same controls on the same effective date, that evidence (`created: false`) and nothing new.
     */
    async create(actor: TActor | null, tenantId: string, f: TIncomingFile, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'evidence.create', { tenantId });
      if (!f.body) throw fileMissing();
      const meta = parseOr400(ZEvidenceFileMeta, f.meta, f.body && f.filename === null ? 'query string' : 'form fields');
      const filename = f.filename ?? meta.filename;
      if (!filename) throw new AppError(400, 'validation_failed', 'filename is required', [{ field: 'filename', issue: 'required', message: 'filename is required' }]);
      const links = await resolveLinks(p.db, tenantId, meta);
      const blob = await store(actor!, tenantId, f, filename);

      const pushed = await repo.findAnyPushed(p.db, tenantId, links.controlIds, meta.effectiveDate, blob.sha256);
      if (pushed) return { created: false, ...(await readDetail(p, grant, pushed)) };
      try {
        const id = await p.db.transaction().execute(async (tx) => {
          const file = await filesRepo.insert(tx, tenantId, { sha256: blob.sha256, size: blob.size, filename: blob.filename, content_type: blob.contentType, uploaded_by: blob.uploadedBy });
          return writeRevision(
            p,
            tx,
            tenantId,
            actor!,
            ctx,
            { ...meta, kind: 'file', file: { id: file.id, filename: file.filename }, url: null, record: null, sha256: blob.sha256 },
            links,
            null,
            { pushKey: true },
          );
        });
        return { created: true, ...(await readDetail(p, grant, id)) };
      } catch (err) {
        // An identical push committed while ours streamed: answer it, as a repeat of the first.
        if (err instanceof AlreadyPushed) return { created: false, ...(await readDetail(p, grant, err.evidenceId)) };
        throw err;
      }
    },

    /** Corrects file evidence with a new file: a new revision; the previous one and its file stay. */
    async revise(actor: TActor | null, tenantId: string, id: string, f: TIncomingFile, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'evidence.revise', { tenantId });
      if (!f.body) throw fileMissing();
      const meta = parseOr400(ZEvidenceFileMeta, f.meta, f.body && f.filename === null ? 'query string' : 'form fields');
      const filename = f.filename ?? meta.filename;
      if (!filename) throw new AppError(400, 'validation_failed', 'filename is required', [{ field: 'filename', issue: 'required', message: 'filename is required' }]);
      // Judged before streaming too (and again, locked, in the transaction).
      const current = await repo.getDetail(p.db, tenantId, id);
      if (!current) throw notFound('Evidence');
      p.authz.assertOn(grant, 'evidence.revise', subjectOf(current));
      if (current.kind !== 'file') throw new AppError(409, 'conflict', 'Only file evidence is corrected with a new file.', { kind: current.kind });
      const links = await resolveLinks(p.db, tenantId, meta);
      const blob = await store(actor!, tenantId, f, filename);
      const newId = await p.db.transaction().execute(async (tx) => {
        const row = await repo.getForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Evidence');
        p.authz.assertOn(grant, 'evidence.revise', subjectOf(row));
        evidenceLifecycle.transition(row.status, 'revise', {});
        const file = await filesRepo.insert(tx, tenantId, { sha256: blob.sha256, size: blob.size, filename: blob.filename, content_type: blob.contentType, uploaded_by: blob.uploadedBy });
        return writeRevision(p, tx, tenantId, actor!, ctx, { ...meta, kind: 'file', file: { id: file.id, filename: file.filename }, url: null, record: null, sha256: blob.sha256 }, links, previousOf(row));
      });
      return { created: true, ...(await readDetail(p, grant, newId)) };
    },

    /** The file of any revision (old ones stay downloadable); another tenant's evidence answers 404. */
    async open(actor: TActor | null, tenantId: string, id: string) {
      await p.authz.assert(actor, 'evidence.read', { tenantId });
      const file = await repo.fileOf(p.db, tenantId, id);
      if (!file) throw notFound('Evidence file');
      const stream = await p.blobs.get(file.sha256);
      if (!stream) throw notFound('Evidence file content');
      return { file: { ...file, size: Number(file.size) }, stream };
    },
  };
}
