import type { Readable } from 'node:stream';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { notFound, payloadTooLarge } from '../../platform/errors/errors.ts';
import { filesRepo } from './files-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'config' | 'blobs'>;

export function createFilesService(p: TDeps) {
  const maxBytes = p.config.UPLOAD_MAX_MB * 1024 * 1024;
  const toDto = (r: { id: string; sha256: string; size: number; filename: string; content_type: string; created_at: Date }) => ({
    id: r.id,
    sha256: r.sha256,
    size: Number(r.size),
    filename: r.filename,
    contentType: r.content_type,
    createdAt: new Date(r.created_at).toISOString(),
  });

  return {
    /**
     * Streams the body into the blob store (hashing on the way), then records the row and the
     * audit event together. A refused or broken upload leaves neither a row nor a visible object.
     */
    async upload(
      actor: TActor | null,
      tenantId: string,
      input: { body: Readable; filename: string; contentType: string; declaredLength: number | null },
      ctx: TRequestContext,
    ) {
      await p.authz.assert(actor, 'file.upload', { tenantId });
      if (input.declaredLength !== null && input.declaredLength > maxBytes) {
        input.body.resume();
        throw payloadTooLarge(maxBytes);
      }
      const blob = await p.blobs.put(input.body, { maxBytes });
      return p.db.transaction().execute(async (tx) => {
        const row = await filesRepo.insert(tx, tenantId, {
          sha256: blob.sha256,
          size: blob.size,
          filename: input.filename,
          content_type: input.contentType,
          uploaded_by: actor?.type === 'user' ? actor.userId : null,
        });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'file.uploaded',
          subjectType: 'file',
          subjectId: row.id,
          after: { filename: row.filename, sha256: row.sha256, size: blob.size },
        });
        return toDto(row);
      });
    },

    async get(actor: TActor | null, tenantId: string, fileId: string) {
      await p.authz.assert(actor, 'file.read', { tenantId });
      const row = await filesRepo.findById(p.db, tenantId, fileId);
      if (!row) throw notFound('File');
      return toDto(row);
    },

    async open(actor: TActor | null, tenantId: string, fileId: string) {
      const file = await this.get(actor, tenantId, fileId);
      const stream = await p.blobs.get(file.sha256);
      if (!stream) throw notFound('File content');
      return { file, stream };
    },
  };
}
