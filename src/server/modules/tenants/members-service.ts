import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { canAssignRole } from '../../platform/authz/policies.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors/errors.ts';
import { founderRole, rolesForKind, type TRole } from '../../../shared/roles.ts';
import { countOwners, getMembership, listMembers } from './tenants-repo.ts';
import { settleMemberTokens } from '../api-tokens/member-tokens.ts';

export function assertRoleFitsTenant(kind: 'organization' | 'certification_body', role: TRole) {
  if (!rolesForKind(kind).includes(role)) {
    throw badRequest(`The role "${role}" does not exist in a ${kind.replace('_', ' ')}. Choose one of: ${rolesForKind(kind).join(', ')}.`, { field: 'role' });
  }
}

export function createMembersService(p: TPlatform) {
  return {
    async list(actor: TActor | null, tenantId: string) {
      await p.authz.assert(actor, 'member.read', { tenantId });
      const rows = await listMembers(p.db, tenantId);
      return rows.map((r) => ({
        userId: r.userId,
        email: r.email,
        name: r.name,
        role: r.role as TRole,
        mfaEnabled: r.mfa_enabled_at !== null,
        joinedAt: new Date(r.created_at).toISOString(),
      }));
    },

    async updateRole(actor: TActor | null, tenantId: string, userId: string, role: TRole, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'member.update', { tenantId });
      assertRoleFitsTenant(grant.kind, role);
      return p.db.transaction().execute(async (tx) => {
        const m = await getMembership(tx, tenantId, userId);
        if (!m) throw notFound('Member');
        if (!canAssignRole(grant.role, m.role as TRole, role)) throw forbidden('Only an owner can grant or remove the owner role.');
        const top = founderRole(grant.kind);
        // A tenant always keeps someone who can administer it.
        if (m.role === top && role !== top && (await countOwners(tx, tenantId, top)) <= 1) {
          throw conflict(`This is the last ${top.replace('_', ' ')}: give the role to someone else first.`);
        }
        await tx.updateTable('memberships').set({ role }).where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
        await recordAudit(tx, actor, ctx, { tenantId, action: 'member.role_changed', subjectType: 'user', subjectId: userId, before: { role: m.role }, after: { role } });
        await settleMemberTokens(tx, actor, ctx, tenantId, userId, role);
      });
    },

    async remove(actor: TActor | null, tenantId: string, userId: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'member.remove', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const m = await getMembership(tx, tenantId, userId);
        if (!m) throw notFound('Member');
        if (!canAssignRole(grant.role, m.role as TRole, null)) throw forbidden('Only an owner can remove an owner.');
        const top = founderRole(grant.kind);
        if (m.role === top && (await countOwners(tx, tenantId, top)) <= 1) throw conflict(`The last ${top.replace('_', ' ')} cannot be removed.`);
        await tx.deleteFrom('memberships').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
        await recordAudit(tx, actor, ctx, { tenantId, action: 'member.removed', subjectType: 'user', subjectId: userId, before: { role: m.role } });
        await settleMemberTokens(tx, actor, ctx, tenantId, userId, null);
      });
    },
  };
}
