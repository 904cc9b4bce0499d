/*
 * A user's file is served back to other users of the tenant. Types a browser would execute or
 * render as a document (HTML, SVG, XML, JavaScript…) could run script on our origin; so only
 * types known to be passive keep their declared type, everything else is sent as opaque bytes.
 * An allowlist, because the list of active types keeps growing and a declared type is the
 * uploader's claim.
 */

const PASSIVE = new Set([
  'text/plain',
  'text/csv',
  'text/markdown',
  'application/pdf',
  'application/json',
  'application/zip',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/yaml',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'image/tiff',
]);
const PASSIVE_FAMILIES = [/^application\/vnd\.openxmlformats-officedocument\./, /^application\/vnd\.oasis\.opendocument\./, /^audio\//, /^video\//];

export function servedContentType(declared: string): string {
  const essence = declared.split(';')[0]!.trim().toLowerCase();
  const passive = PASSIVE.has(essence) || PASSIVE_FAMILIES.some((re) => re.test(essence));
  return passive ? declared : 'application/octet-stream';
}

/** Even a passive file is opened, if ever, as a sandboxed document with no script and no requests. */
export const USER_FILE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

type TReplyLike = { header(name: string, value: string): TReplyLike; send(payload: unknown): unknown };

/** A stored user file as an attachment, with the headers every such download carries. */
export function sendUserFile(reply: TReplyLike, file: { filename: string; content_type: string; size: number; sha256: string }, stream: unknown) {
  return reply
    .header('content-type', servedContentType(file.content_type))
    .header('content-security-policy', USER_FILE_CSP)
    .header('content-length', String(file.size))
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-sha256', file.sha256)
    .send(stream);
}
