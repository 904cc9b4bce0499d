import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLocalBlobStore } from './blob-store.ts';

const tmpStore = (max = 1024 * 1024) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-blobs-'));
  return { root, store: createLocalBlobStore(root, max) };
};

describe('local blob store', () => {
  it('stores by SHA-256 and deduplicates identical content', async () => {
    const { store } = tmpStore();
    const data = Buffer.from('évidence n°1');
    const a = await store.put(Readable.from([data]));
    const b = await store.put(Readable.from([data]));
    expect(a).toEqual({ sha256: createHash('sha256').update(data).digest('hex'), size: data.length });
    expect(b.sha256).toBe(a.sha256);
    const chunks: Buffer[] = [];
    for await (const c of (await store.get(a.sha256))!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
  });

  it('a source that breaks mid-upload leaves no visible object and no temp file', async () => {
    const { root, store } = tmpStore();
    const broken = new Readable({
      read() {
        this.push(Buffer.alloc(1000, 1));
        this.destroy(new Error('connection lost'));
      },
    });
    await expect(store.put(broken)).rejects.toThrow(/connection lost/);
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
    expect(fs.readdirSync(path.join(root, 'objects'))).toEqual([]);
  });

  it('refuses content over the limit', async () => {
    const { root, store } = tmpStore(10);
    await expect(store.put(Readable.from([Buffer.alloc(11)]))).rejects.toMatchObject({ status: 413 });
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
  });

  it('rejects anything that is not a SHA-256 as a key', async () => {
    const { store } = tmpStore();
    expect(await store.get('../../etc/passwd')).toBeNull();
  });
});
