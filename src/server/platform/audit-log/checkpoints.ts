import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TClock } from '../clock/clock.ts';
import type { TSigner } from '../signing/signing.ts';
import { verifyAuditChain, type TVerifyResult } from './audit-log.ts';

export const CHECKPOINT_FORMAT = 'attest-audit-checkpoint/1';

export type TCheckpointPayload = { tenantId: string; seq: number; hash: string; time: string };
/** The file a customer keeps: the payload, and an Ed25519 signature over its RFC 8785 form. */
export type TSignedCheckpoint = { format: typeof CHECKPOINT_FORMAT; payload: TCheckpointPayload; alg: 'EdDSA'; kid: string; signature: string };

export type TCheckpointStore = {
  write(cp: TSignedCheckpoint): Promise<void>;
  /** Oldest first. Unreadable files are returned as null so verification can report them. */
  list(tenantId: string): Promise<TSignedCheckpoint[]>;
  get(tenantId: string, seq: number): Promise<TSignedCheckpoint | null>;
};

const UUID = /^[0-9a-f-]{36}$/;
const fileName = (seq: number) => `${String(seq).padStart(15, '0')}.json`;

/**
 * Checkpoints live in the blob store's folder, outside the database: whoever rewrites the audit
 * tables cannot rewrite what was signed there. Written to a temp file then renamed, never edited.
 */
export function createCheckpointStore(root: string): TCheckpointStore {
  const dirOf = (tenantId: string) => {
    if (!UUID.test(tenantId)) throw new Error('tenantId must be a UUID');
    return path.join(root, tenantId);
  };
  const read = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8')) as TSignedCheckpoint;
  return {
    async write(cp) {
      const dir = dirOf(cp.payload.tenantId);
      await fs.mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `.${randomUUID()}.tmp`);
      await fs.writeFile(tmp, `${JSON.stringify(cp, null, 2)}\n`, { flag: 'wx' });
      await fs.rename(tmp, path.join(dir, fileName(cp.payload.seq)));
    },
    async list(tenantId) {
      const dir = dirOf(tenantId);
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      const files = names.filter((n) => /^\d{15}\.json$/.test(n)).sort();
      return Promise.all(files.map((n) => read(path.join(dir, n))));
    },
    async get(tenantId, seq) {
      return read(path.join(dirOf(tenantId), fileName(seq))).catch(() => null);
    },
  };
}

export type TCheckpointDeps = { db: Kysely<DB>; signer: TSigner; clock: TClock; checkpoints: TCheckpointStore };

/**
 * Signs the tenant's current chain head. Nothing new since the last checkpoint: that one is
 * returned rather than a second file for the same event.
 */
export async function checkpointAuditChain(p: TCheckpointDeps, tenantId: string): Promise<TSignedCheckpoint | null> {
  const head = await p.db.selectFrom('audit_chain_heads').select(['last_seq', 'last_hash']).where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!head || Number(head.last_seq) === 0) return null;
  const seq = Number(head.last_seq);
  const existing = await p.checkpoints.get(tenantId, seq);
  if (existing) return existing;
  const payload: TCheckpointPayload = { tenantId, seq, hash: head.last_hash, time: p.clock.now().toISOString() };
  const cp: TSignedCheckpoint = { format: CHECKPOINT_FORMAT, payload, alg: 'EdDSA', kid: p.signer.kid, signature: p.signer.signJson(payload) };
  await p.checkpoints.write(cp);
  return cp;
}

export type TCheckpointSummary = { seq: number; hash: string; time: string };
export type TVerifyWithCheckpoints = TVerifyResult & {
  /** The chain is internally consistent but shorter than, or different from, a signed checkpoint. */
  truncated: boolean;
  /** The checkpoint the chain contradicts; when intact, the latest one it matches. */
  checkpoint: TCheckpointSummary | null;
  checkpointsVerified: number;
  /** Checkpoint files whose signature does not verify with the platform key (sequence numbers). */
  forgedCheckpoints: number[];
};

const summary = (cp: TSignedCheckpoint): TCheckpointSummary => ({ seq: cp.payload.seq, hash: cp.payload.hash, time: cp.payload.time });

/**
 * Recomputes the chain and holds it against every signed checkpoint: the chain must still reach
 * each checkpoint's sequence number with the same hash. Rewriting the head row after deleting the
 * newest events fools the chain alone, not a checkpoint signed before the deletion.
 */
export async function verifyWithCheckpoints(p: TCheckpointDeps, tenantId: string): Promise<TVerifyWithCheckpoints> {
  const all = await p.checkpoints.list(tenantId);
  const forged = all.filter((cp) => cp.payload?.tenantId !== tenantId || !p.signer.verifyJson(cp.payload, cp.signature));
  const trusted = all.filter((cp) => !forged.includes(cp));
  const hashesAt = new Map<number, string>(trusted.map((cp) => [cp.payload.seq, '']));
  const chain = await verifyAuditChain(p.db, tenantId, { hashesAt });
  const base = { ...chain, truncated: false, checkpoint: null, checkpointsVerified: 0, forgedCheckpoints: forged.map((cp) => cp.payload?.seq ?? 0) };
  if (!chain.ok) return { ...base, ok: false };
  // Newest first: the checkpoint named is the furthest one the chain falls short of.
  for (const cp of [...trusted].reverse()) {
    const seen = hashesAt.get(cp.payload.seq);
    if (cp.payload.seq > chain.checked || seen !== cp.payload.hash) {
      const firstBrokenSeq = cp.payload.seq > chain.checked ? chain.checked + 1 : cp.payload.seq;
      return { ...base, ok: false, firstBrokenSeq, truncated: true, checkpoint: summary(cp), checkpointsVerified: trusted.length };
    }
  }
  const latest = trusted.at(-1);
  return { ...base, ok: forged.length === 0, checkpoint: latest ? summary(latest) : null, checkpointsVerified: trusted.length };
}
