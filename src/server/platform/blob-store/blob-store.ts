import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { payloadTooLarge } from '../errors/errors.ts';

export type TStoredBlob = { sha256: string; size: number };

export type TBlobStore = {
  put(source: Readable, opts?: { maxBytes?: number }): Promise<TStoredBlob>;
  /** `range`: bytes start..end, both inclusive (a population's rows are read by byte range). */
  get(sha256: string, range?: { start: number; end: number }): Promise<Readable | null>;
  has(sha256: string): Promise<boolean>;
};

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Content-addressed local store: bytes stream to a temp file while being hashed, then an atomic
 * rename makes the object visible under objects/ab/cd/<sha256>. A crash mid-upload leaves only a
 * temp file, never a visible object; the same content stored twice is one object.
 */
export function createLocalBlobStore(root: string, defaultMaxBytes: number): TBlobStore {
  const tmpDir = path.join(root, 'tmp');
  const objDir = path.join(root, 'objects');
  fs.mkdirSync(tmpDir, { recursive: true });
  fs.mkdirSync(objDir, { recursive: true });
  const objectPath = (sha: string) => path.join(objDir, sha.slice(0, 2), sha.slice(2, 4), sha);

  return {
    async put(source, opts = {}) {
      const maxBytes = opts.maxBytes ?? defaultMaxBytes;
      const tmp = path.join(tmpDir, `${randomUUID()}.part`);
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          size += chunk.length;
          if (size > maxBytes) return cb(payloadTooLarge(maxBytes));
          hash.update(chunk);
          cb(null, chunk);
        },
      });
      // The source is piped by hand so that a refusal does not destroy it: the HTTP layer can
      // still answer 413 (and close the connection) instead of resetting the socket.
      const written = pipeline(meter, fs.createWriteStream(tmp, { flags: 'wx' }));
      const onSourceError = (err: Error) => meter.destroy(err);
      source.once('error', onSourceError);
      source.pipe(meter);
      try {
        await written;
        const sha256 = hash.digest('hex');
        const dest = objectPath(sha256);
        await fsp.mkdir(path.dirname(dest), { recursive: true });
        await fsp.rename(tmp, dest);
        return { sha256, size };
      } catch (err) {
        source.unpipe(meter);
        source.resume();
        await fsp.rm(tmp, { force: true });
        throw err;
      } finally {
        source.off('error', onSourceError);
      }
    },
    async get(sha256, range) {
      if (!HEX64.test(sha256)) return null;
      const p = objectPath(sha256);
      return (await this.has(sha256)) ? fs.createReadStream(p, range ? { start: range.start, end: range.end } : {}) : null;
    },
    async has(sha256) {
      if (!HEX64.test(sha256)) return false;
      return fsp.access(objectPath(sha256)).then(
        () => true,
        () => false,
      );
    },
  };
}
