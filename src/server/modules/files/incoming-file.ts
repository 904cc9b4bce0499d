import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';

/** What an upload route hands over: the metadata as sent (query or multipart fields) and the file's stream. */
export type TIncomingFile = {
  meta: Record<string, unknown>;
  body: Readable | null;
  /** The multipart part's filename; a raw upload names it in the metadata. */
  filename: string | null;
  contentType: string;
  /** Content-Length of a raw upload (checked against the cap before a byte is read); null for multipart. */
  declaredLength: number | null;
};

/**
 * The file of an upload request, in a scope that registered @fastify/multipart and passes any
 * other body through as a stream: multipart/form-data with the fields before the file part, or
 * the raw file as the body with the metadata in the query string. Nothing is read into memory.
 */
export async function incomingFile(req: FastifyRequest): Promise<TIncomingFile> {
  if (req.isMultipart()) {
    const part = await req.file();
    const meta: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(part?.fields ?? {})) {
      const one = Array.isArray(v) ? v[0] : v;
      if (one && one.type === 'field') meta[k] = one.value;
    }
    return { meta, body: part?.file ?? null, filename: part?.filename ?? null, contentType: part?.mimetype ?? 'application/octet-stream', declaredLength: null };
  }
  const len = req.headers['content-length'] ? Number(req.headers['content-length']) : null;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  return {
    meta: req.query as Record<string, unknown>,
    body: (req.body as Readable | undefined) ?? null,
    filename: null,
    // curl --data-binary without -H sends a form type: that says nothing about the file.
    contentType: !type || type === 'application/x-www-form-urlencoded' ? 'application/octet-stream' : type,
    declaredLength: Number.isFinite(len) ? len : null,
  };
}
