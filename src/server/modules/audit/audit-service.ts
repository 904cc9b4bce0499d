import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { checkpointAuditChain, verifyWithCheckpoints } from '../../platform/audit-log/checkpoints.ts';
import type { TAuditEventRow } from '../../db/types.ts';
import { AppError, notFound } from '../../platform/errors/errors.ts';
import * as repo from './audit-repo.ts';
import type { TAuditQuery, TSecurityEventsQuery } from '../../../shared/contracts/audit.ts';
import { SECURITY_ACTIONS } from '../../../shared/contracts/audit-actions.ts';
import { PLATFORM_TENANT_ID } from '../../platform/audit-log/audit-log.ts';
import { signInChainOf } from '../accounts/sign-in-chains.ts';

const toDto = (r: TAuditEventRow & { actor_name: string | null }) => ({
  id: r.id,
  seq: Number(r.seq),
  occurredAt: new Date(r.occurred_at).toISOString(),
  action: r.action,
  actorType: r.actor_type,
  actorId: r.actor_id,
  actorEmail: r.actor_email,
  actorName: r.actor_name,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  summary: r.summary,
  requestId: r.request_id,
  ip: r.ip,
  userAgent: r.user_agent,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export function createAuditService(p: TPlatform) {
  return {
    async list(actor: TActor | null, tenantId: string, q: TAuditQuery) {
      await p.authz.assert(actor, 'audit.read', { tenantId });
      const page = await repo.listAuditEvents(p.db, tenantId, q);
      return { items: page.items.map(toDto), nextCursor: page.nextCursor };
    },

    /**
     * The signed-in user's own security history: sign-ins, failed sign-ins, password and
     * two-factor changes, sessions ended — from their sign-in chain and the platform chain.
     */
    async listOwnSecurityEvents(actor: TActor | null, q: TSecurityEventsQuery) {
      p.authz.assertUser(actor);
      const page = await repo.listSecurityEvents(p.db, [PLATFORM_TENANT_ID, signInChainOf(actor.userId)], actor.userId, SECURITY_ACTIONS, q);
      return { items: page.items.map(toDto), nextCursor: page.nextCursor };
    },

    async get(actor: TActor | null, tenantId: string, eventId: string) {
      await p.authz.assert(actor, 'audit.read', { tenantId });
      const row = await repo.getAuditEvent(p.db, tenantId, eventId);
      if (!row) throw notFound('Audit event');
      return toDto(row);
    },

    async verify(actor: TActor | null, tenantId: string) {
      await p.authz.assert(actor, 'audit.read', { tenantId });
      return verifyWithCheckpoints(p, tenantId);
    },

    /** Signs the current chain head now, besides the hourly job. */
    async checkpoint(actor: TActor | null, tenantId: string) {
      await p.authz.assert(actor, 'audit.checkpoint', { tenantId });
      const cp = await checkpointAuditChain(p, tenantId);
      if (!cp) throw new AppError(409, 'audit_log_empty', 'The audit log is empty: there is nothing to checkpoint yet.');
      return cp;
    },

    async listCheckpoints(actor: TActor | null, tenantId: string) {
      await p.authz.assert(actor, 'audit.read', { tenantId });
      const all = await p.checkpoints.list(tenantId);
      return { items: all.reverse().map((cp) => ({ seq: cp.payload.seq, hash: cp.payload.hash, time: cp.payload.time })) };
    },

    /** The signed file itself, for the customer to keep and re-verify offline. */
    async getCheckpoint(actor: TActor | null, tenantId: string, seq: number) {
      await p.authz.assert(actor, 'audit.read', { tenantId });
      const cp = await p.checkpoints.get(tenantId, seq);
      if (!cp) throw notFound('Audit checkpoint');
      return cp;
    },
  };
}
