import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/errors.ts';
import { founderRole, rolesForKind, type TRole } from '../../../shared/contracts/roles.ts';
import { settleMemberTokens } from '../api-tokens/member-tokens.ts';
import * as repo from './members-repo.ts';

export function assertRoleFitsTenant(kind: 'organization' | 'certification_body', role: TRole) {
  if (!rolesForKind(kind).includes(role)) {
    throw new AppError(400, 'role_not_for_tenant_kind', `The role "${role}" does not exist in a ${kind.replace('_', ' ')}. Choose one of: ${rolesForKind(kind).join(', ')}.`, {
      field: 'role',
      role,
      kind,
      allowed: rolesForKind(kind),
    });
  }
}

type TDeps = Pick<TPlatform, 'db' | 'authz'>;

export function createMembersService(p: TDeps) {
  return {
    async list(actor: TActor | null, tenantId: string) {
      const grant = await p.authz.assert(actor, 'member.read', { tenantId });
      const rows = await repo.listMembers(p.db, tenantId, founderRole(grant.kind));
      return rows.map((r) => ({
        userId: r.userId,
        email: r.email,
        name: r.name,
        role: r.role,
        mfaEnabled: r.mfa_enabled_at !== null,
        joinedAt: new Date(r.created_at).toISOString(),
        abilities: p.authz.abilities(grant, 'member', { userId: r.userId, role: r.role, lastFounder: r.last_founder }),
      }));
    },

    /** The member's row and the tenant's founders are locked, then the rules judge the change. */
    async updateRole(actor: TActor | null, tenantId: string, userId: string, role: TRole, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'member.update', { tenantId });
      assertRoleFitsTenant(grant.kind, role);
      return p.db.transaction().execute(async (tx) => {
        const m = await repo.getMemberForUpdate(tx, tenantId, userId, founderRole(grant.kind));
        if (!m) throw notFound('Member');
        p.authz.assertOn(grant, 'member.update', { ...m, newRole: role });
        await repo.updateMemberRole(tx, tenantId, userId, role);
        await recordAudit(tx, actor, ctx, { tenantId, action: 'member.role_changed', subjectType: 'user', subjectId: userId, before: { role: m.role }, after: { role } });
        await settleMemberTokens(tx, actor, ctx, tenantId, userId, role);
      });
    },

    async remove(actor: TActor | null, tenantId: string, userId: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'member.remove', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const m = await repo.getMemberForUpdate(tx, tenantId, userId, founderRole(grant.kind));
        if (!m) throw notFound('Member');
        p.authz.assertOn(grant, 'member.remove', m);
        await repo.deleteMembership(tx, tenantId, userId);
        await recordAudit(tx, actor, ctx, { tenantId, action: 'member.removed', subjectType: 'user', subjectId: userId, before: { role: m.role as TRole } });
        await settleMemberTokens(tx, actor, ctx, tenantId, userId, null);
      });
    },
  };
}
