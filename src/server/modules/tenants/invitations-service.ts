import { sql } from 'kysely';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { assertAcceptablePassword, hashPassword } from '../../platform/auth/passwords.ts';
import { hmacHex, safeEqual } from '../../platform/crypto/crypto.ts';
import { AppError, badRequest, conflict, forbidden, gone, notFound } from '../../platform/errors/errors.ts';
import { canAssignRole } from '../../platform/authz/policies.ts';
import type { TLocale, TRole } from '../../../shared/roles.ts';
import { findUserByEmail, toUser } from '../accounts/accounts-repo.ts';
import { sessionPolicy } from '../accounts/accounts-service.ts';
import { startSession } from '../accounts/session-start.ts';
import { assertRoleFitsTenant } from './members-service.ts';
import { sendInvitationMail } from './jobs/send-invitation-mail.ts';
import { getTenant, listPendingInvitations } from './tenants-repo.ts';

/*
 * The link carries `<tenantId>.<invitationId>.<hmac>`; the HMAC covers both ids and the expiry,
 * so a link cannot be forged, redirected to another tenant or extended. Nothing secret is stored:
 * the mail job recomputes the link from the row.
 */
const sign = (key: Buffer, tenantId: string, id: string, expiresAt: Date) =>
  hmacHex(key, `invitation:${tenantId}:${id}:${new Date(expiresAt).toISOString()}`);

export const invitationToken = (key: Buffer, tenantId: string, id: string, expiresAt: Date) =>
  `${tenantId}.${id}.${sign(key, tenantId, id, expiresAt)}`;

export function createInvitationsService(p: TPlatform) {
  async function resolveToken(token: string) {
    const [tenantId, id, sig] = token.split('.');
    const uuid = /^[0-9a-f-]{36}$/;
    if (!tenantId || !id || !sig || !uuid.test(tenantId) || !uuid.test(id)) throw notFound('Invitation');
    const row = await p.db
      .selectFrom('invitations as i')
      .innerJoin('tenants as t', 't.id', 'i.tenant_id')
      .select(['i.tenant_id', 'i.id', 'i.email', 'i.role', 'i.locale', 'i.expires_at', 'i.accepted_at', 'i.revoked_at', 't.name as tenantName', 't.kind as tenantKind'])
      .where('i.tenant_id', '=', tenantId)
      .where('i.id', '=', id)
      .executeTakeFirst();
    if (!row || !safeEqual(sig, sign(p.secretKey, tenantId, id, row.expires_at))) throw notFound('Invitation');
    if (row.revoked_at) throw gone('This invitation was withdrawn. Ask for a new one.');
    if (row.accepted_at) throw gone('This invitation has already been used.');
    if (new Date(row.expires_at).getTime() < Date.now()) throw gone('This invitation has expired. Ask for a new one.');
    return row;
  }

  return {
    async list(actor: TActor | null, tenantId: string) {
      await p.authz.assert(actor, 'member.read', { tenantId });
      const rows = await listPendingInvitations(p.db, tenantId);
      return rows.map((r) => ({
        id: r.id,
        email: r.email,
        role: r.role as TRole,
        locale: r.locale,
        expiresAt: new Date(r.expires_at).toISOString(),
        createdAt: new Date(r.created_at).toISOString(),
        invitedBy: r.invitedBy,
      }));
    },

    async create(actor: TActor | null, tenantId: string, input: { email: string; role: TRole; locale: TLocale }, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'member.invite', { tenantId });
      p.authz.assertUser(actor);
      assertRoleFitsTenant(grant.kind, input.role);
      if (!canAssignRole(grant.role, null, input.role)) throw forbidden('Only an owner can invite another owner.');
      const inv = await p.db.transaction().execute(async (tx) => {
        const already = await tx
          .selectFrom('memberships as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select('m.user_id')
          .where('m.tenant_id', '=', tenantId)
          .where(sql`lower(u.email)`, '=', input.email)
          .executeTakeFirst();
        if (already) throw conflict(`${input.email} is already a member of this tenant.`);
        // A new invitation to the same address replaces the pending one: only the latest link works.
        await tx
          .updateTable('invitations')
          .set({ revoked_at: sql`now()` })
          .where('tenant_id', '=', tenantId)
          .where('email', '=', input.email)
          .where('accepted_at', 'is', null)
          .where('revoked_at', 'is', null)
          .execute();
        const row = await tx
          .insertInto('invitations')
          .values({
            tenant_id: tenantId,
            email: input.email,
            role: input.role,
            locale: input.locale,
            invited_by: actor.userId,
            expires_at: new Date(Date.now() + p.config.INVITATION_TTL_HOURS * 3600_000),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'member.invited',
          subjectType: 'invitation',
          subjectId: row.id,
          after: { email: row.email, role: row.role, locale: row.locale },
        });
        await p.jobs.send(tx, sendInvitationMail, { tenantId, invitationId: row.id }, { singletonKey: row.id });
        return row;
      });
      return {
        id: inv.id,
        email: inv.email,
        role: inv.role as TRole,
        locale: inv.locale,
        expiresAt: new Date(inv.expires_at).toISOString(),
        createdAt: new Date(inv.created_at).toISOString(),
        invitedBy: actor.name,
      };
    },

    async revoke(actor: TActor | null, tenantId: string, invitationId: string, ctx: TRequestContext) {
      await p.authz.assert(actor, 'member.invite', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const res = await tx
          .updateTable('invitations')
          .set({ revoked_at: sql`now()` })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', invitationId)
          .where('accepted_at', 'is', null)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw notFound('Invitation');
        await recordAudit(tx, actor, ctx, { tenantId, action: 'invitation.revoked', subjectType: 'invitation', subjectId: invitationId });
      });
    },

    /** Public: what the invitee sees before accepting. The signed token is the authorisation. */
    async preview(token: string) {
      const row = await resolveToken(token);
      return {
        tenantName: row.tenantName,
        tenantKind: row.tenantKind,
        email: row.email,
        role: row.role as TRole,
        userExists: Boolean(await findUserByEmail(p.db, row.email)),
        expiresAt: new Date(row.expires_at).toISOString(),
      };
    },

    async accept(actor: TActor | null, token: string, body: { name?: string | undefined; password?: string | undefined }, ctx: TRequestContext) {
      const inv = await resolveToken(token);
      const existing = await findUserByEmail(p.db, inv.email);
      if (existing) {
        if (actor?.type !== 'user' || actor.userId !== existing.id) {
          throw new AppError(401, 'unauthorized', `Sign in as ${inv.email} to accept this invitation.`);
        }
      } else {
        if (!body.name || !body.password) throw badRequest('Enter your name and choose a password to create your account.');
        assertAcceptablePassword(body.password);
      }
      const passwordHash = existing ? null : await hashPassword(body.password!);
      const { user, session } = await p.db.transaction().execute(async (tx) => {
        const u =
          existing ??
          (await tx
            .insertInto('users')
            .values({ email: inv.email, name: body.name!, password_hash: passwordHash!, locale: inv.locale })
            .returningAll()
            .executeTakeFirstOrThrow());
        const claimed = await tx
          .updateTable('invitations')
          .set({ accepted_at: sql`now()`, accepted_by: u.id })
          .where('tenant_id', '=', inv.tenant_id)
          .where('id', '=', inv.id)
          .where('accepted_at', 'is', null)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) throw gone('This invitation has already been used.');
        await tx
          .insertInto('memberships')
          .values({ tenant_id: inv.tenant_id, user_id: u.id, role: inv.role })
          .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doNothing())
          .execute();
        const who = { type: 'user' as const, userId: u.id, email: u.email } as TActor;
        await recordAudit(tx, who, ctx, {
          tenantId: inv.tenant_id,
          action: 'invitation.accepted',
          subjectType: 'invitation',
          subjectId: inv.id,
          after: { userId: u.id, role: inv.role, newAccount: !existing },
        });
        // A new account is signed in by accepting: that session is audited like any sign-in.
        const session = existing ? null : await startSession(tx, sessionPolicy(p.config), u, ctx, 'invitation');
        return { user: u, session };
      });
      const tenant = await getTenant(p.db, inv.tenant_id);
      return { user: toUser(user), session, tenantId: tenant!.id };
    },
  };
}
