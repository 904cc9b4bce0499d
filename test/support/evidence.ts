import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TPlatform } from '../../src/server/platform/platform.ts';

/*
 * Helpers of the evidence tests. Controls are written straight into their table (migration 0011):
 * the controls module's service lands separately, and evidence only needs a control to link to.
 */

export async function buildControl(p: TPlatform, tenantId: string, o: { reference?: string; title?: string } = {}) {
  return p.db
    .insertInto('controls')
    .values({ tenant_id: tenantId, reference: o.reference ?? `CTL-${randomUUID().slice(0, 6)}`, title: o.title ?? 'Nightly backup restore test', frequency: 'daily', automation: 'automated', status: 'operating' })
    .returning(['id', 'reference', 'title'])
    .executeTakeFirstOrThrow();
}

/** The body `curl -F a=b -F file=@name;type=…` sends: text fields in order, then the file part. */
export function multipartBody(fields: Record<string, string>, file: { name: string; type: string; data: Buffer } | null, boundary = `------------------------${randomUUID().replace(/-/g, '').slice(0, 16)}`) {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Every object and temporary file of the blob store: an aborted upload must add none. */
export function blobFiles(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else out.push(path.relative(dataDir, f));
    }
  };
  walk(path.join(dataDir, 'blobs'));
  return out.sort();
}
