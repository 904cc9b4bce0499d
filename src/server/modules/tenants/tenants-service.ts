import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { notFound } from '../../platform/errors/errors.ts';
import type { TTenantRow } from '../../db/types.ts';
import { founderRole, rolesForKind, type TTenantKind } from '../../../shared/contracts/roles.ts';
import { insertMembership } from './members-repo.ts';
import * as repo from './tenants-repo.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

type TDeps = Pick<TPlatform, 'db' | 'authz'>;

export function createTenantsService(p: TDeps) {
  /** The detail carries the tenant-wide abilities (navigation, "create" buttons) and the tenant's own. */
  const detail = (t: TTenantRow, grant: TTenantGrant) => ({
    id: t.id,
    name: t.name,
    kind: t.kind,
    role: grant.role,
    requireMfa: t.require_mfa,
    createdAt: iso(t.created_at),
    abilities: { ...p.authz.tenantAbilities(grant), ...p.authz.abilities(grant, 'tenant', { id: t.id, requireMfa: t.require_mfa }) },
    // Judged by the invitation rules, which hold the "only an owner gives ownership" rule the member and token rules share.
    grantableRoles: rolesForKind(t.kind).filter((role) => p.authz.abilities(grant, 'invitation', { role, state: 'pending' })['member.invite']),
  });

  return {
    async create(actor: TActor | null, input: { name: string; kind: TTenantKind }, ctx: TRequestContext) {
      p.authz.assertUser(actor);
      const role = founderRole(input.kind);
      return p.db.transaction().execute(async (tx) => {
        const t = await repo.insertTenant(tx, input);
        await insertMembership(tx, t.id, actor.userId, role);
        await recordAudit(tx, actor, ctx, {
          tenantId: t.id,
          action: 'tenant.created',
          subjectType: 'tenant',
          subjectId: t.id,
          after: { name: t.name, kind: t.kind, founderRole: role },
        });
        const grant = p.authz.founderGrant(actor, t.id, t.kind);
        return detail(t, grant);
      });
    },

    async list(actor: TActor | null) {
      p.authz.assertUser(actor);
      const rows = await repo.listTenantsOfUser(p.db, actor.userId);
      return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, role: r.role, requireMfa: r.require_mfa, createdAt: iso(r.created_at) }));
    },

    async get(actor: TActor | null, tenantId: string) {
      const grant = await p.authz.assert(actor, 'tenant.read', { tenantId });
      const t = await repo.getTenant(p.db, tenantId);
      if (!t) throw notFound('Tenant');
      return detail(t, grant);
    },

    async update(actor: TActor | null, tenantId: string, patch: { name?: string | undefined; requireMfa?: boolean | undefined }, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'tenant.update', { tenantId });
      return p.db.transaction().execute(async (tx) => {
        const before = await repo.getTenant(tx, tenantId, { forUpdate: true });
        if (!before) throw notFound('Tenant');
        p.authz.assertOn(grant, 'tenant.update', { id: before.id, requireMfa: before.require_mfa });
        const t = await repo.updateTenant(tx, tenantId, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.requireMfa !== undefined ? { require_mfa: patch.requireMfa } : {}),
        });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'tenant.updated',
          subjectType: 'tenant',
          subjectId: tenantId,
          before: { name: before.name, requireMfa: before.require_mfa },
          after: { name: t.name, requireMfa: t.require_mfa },
        });
        return detail(t, grant);
      });
    },
  };
}
