import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { abilitiesFor } from '../../platform/authz/policies.ts';
import { notFound } from '../../platform/errors/errors.ts';
import { founderRole, type TRole, type TTenantKind } from '../../../shared/roles.ts';
import { getTenant } from './tenants-repo.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export function createTenantsService(p: TPlatform) {
  return {
    async create(actor: TActor | null, input: { name: string; kind: TTenantKind }, ctx: TRequestContext) {
      p.authz.assertUser(actor);
      const role = founderRole(input.kind);
      return p.db.transaction().execute(async (tx) => {
        const t = await tx.insertInto('tenants').values({ name: input.name, kind: input.kind }).returningAll().executeTakeFirstOrThrow();
        await tx.insertInto('memberships').values({ tenant_id: t.id, user_id: actor.userId, role }).execute();
        await recordAudit(tx, actor, ctx, {
          tenantId: t.id,
          action: 'tenant.created',
          subjectType: 'tenant',
          subjectId: t.id,
          after: { name: t.name, kind: t.kind, founderRole: role },
        });
        return { id: t.id, name: t.name, kind: t.kind, role, requireMfa: t.require_mfa, createdAt: iso(t.created_at), abilities: abilitiesFor(role) };
      });
    },

    async list(actor: TActor | null) {
      p.authz.assertUser(actor);
      const rows = await p.db
        .selectFrom('memberships as m')
        .innerJoin('tenants as t', 't.id', 'm.tenant_id')
        .select(['t.id', 't.name', 't.kind', 't.require_mfa', 't.created_at', 'm.role'])
        .where('m.user_id', '=', actor.userId)
        .orderBy('t.name')
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, role: r.role as TRole, requireMfa: r.require_mfa, createdAt: iso(r.created_at) }));
    },

    async get(actor: TActor | null, tenantId: string) {
      const grant = await p.authz.assert(actor, 'tenant.read', { tenantId });
      const t = await getTenant(p.db, tenantId);
      if (!t) throw notFound('Tenant');
      return { id: t.id, name: t.name, kind: t.kind, role: grant.role, requireMfa: t.require_mfa, createdAt: iso(t.created_at), abilities: abilitiesFor(grant.role) };
    },

    async update(actor: TActor | null, tenantId: string, patch: { name?: string | undefined; requireMfa?: boolean | undefined }, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'tenant.update', { tenantId });
      return p.db.transaction().execute(async (tx) => {
        const before = await getTenant(tx, tenantId);
        if (!before) throw notFound('Tenant');
        const t = await tx
          .updateTable('tenants')
          .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.requireMfa !== undefined ? { require_mfa: patch.requireMfa } : {}) })
          .where('id', '=', tenantId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'tenant.updated',
          subjectType: 'tenant',
          subjectId: tenantId,
          before: { name: before.name, requireMfa: before.require_mfa },
          after: { name: t.name, requireMfa: t.require_mfa },
        });
        return { id: t.id, name: t.name, kind: t.kind, role: grant.role, requireMfa: t.require_mfa, createdAt: iso(t.created_at), abilities: abilitiesFor(grant.role) };
      });
    },
  };
}
