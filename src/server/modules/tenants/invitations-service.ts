import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { assertAcceptablePassword, hashPassword } from '../../platform/auth/passwords.ts';
import { hmacHex, safeEqual } from '../../platform/crypto/crypto.ts';
import { AppError, notFound } from '../../platform/errors/errors.ts';
import type { TLocale } from '../../../shared/contracts/common.ts';
import type { TRole } from '../../../shared/contracts/roles.ts';
import { findUserByEmail, insertUser, toUser } from '../accounts/accounts-repo.ts';
import { sessionPolicy } from '../accounts/accounts-service.ts';
import { startSession } from '../accounts/session-start.ts';
import { assertRoleFitsTenant } from './members-service.ts';
import { invitationLifecycle, invitationState, type TInvitationState } from './invitation-lifecycle.ts';
import { sendInvitationMail } from './jobs/send-invitation-mail.ts';
import * as repo from './invitations-repo.ts';
import { insertMembership, isMemberByEmail } from './members-repo.ts';


/*
 * The link carries `<tenantId>.<invitationId>.<hmac>`; the HMAC covers both ids and the expiry,
 * so a link cannot be forged, redirected to another tenant or extended. Nothing secret is stored:
 * the mail job recomputes the link from the row.
 */
const sign = (key: Buffer, tenantId: string, id: string, expiresAt: Date) =>
  hmacHex(key, `invitation:${tenantId}:${id}:${new Date(expiresAt).toISOString()}`);

export const invitationToken = (key: Buffer, tenantId: string, id: string, expiresAt: Date) =>
  `${tenantId}.${id}.${sign(key, tenantId, id, expiresAt)}`;

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'config' | 'jobs' | 'secretKey' | 'clock'>;

export function createInvitationsService(p: TDeps) {
  /** The invitation a link names; a forged, foreign or unknown link answers 404 whatever exists. */
  async function resolveToken(token: string) {
    const [tenantId, id, sig] = token.split('.');
    const uuid = /^[0-9a-f-]{36}$/;
    if (!tenantId || !id || !sig || !uuid.test(tenantId) || !uuid.test(id)) throw notFound('Invitation');
    const row = await repo.getInvitationWithTenant(p.db, tenantId, id);
    if (!row || !safeEqual(sig, sign(p.secretKey, tenantId, id, row.expires_at))) throw notFound('Invitation');
    return row;
  }

  /** Locked for the change and judged on the locked row: a concurrent accept, revoke or replacement may have won. */
  async function lockInvitation(tx: Parameters<typeof repo.getInvitationForUpdate>[0], tenantId: string, id: string) {
    const row = await repo.getInvitationForUpdate(tx, tenantId, id);
    if (!row) throw notFound('Invitation');
    return { row, state: invitationState(row, p.clock.now()) };
  }

  const toDto = (
    r: { id: string; email: string; role: TRole; locale: TLocale; expires_at: Date | string; created_at: Date | string },
    invitedBy: string,
    grant: TTenantGrant,
    state: TInvitationState,
  ) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    locale: r.locale,
    expiresAt: new Date(r.expires_at).toISOString(),
    createdAt: new Date(r.created_at).toISOString(),
    invitedBy,
    abilities: p.authz.abilities(grant, 'invitation', { role: r.role, state }),
  });

  return {
    async list(actor: TActor | null, tenantId: string) {
      const grant = await p.authz.assert(actor, 'member.read', { tenantId });
      const now = p.clock.now();
      const rows = await repo.listPendingInvitations(p.db, tenantId, now);
      return rows.map((r) => toDto(r, r.invitedBy, grant, invitationState(r, now)));
    },

    /**
     * A second invitation to the same address replaces the pending one: its link then says
     * "replaced", and the replacement is in the audit log next to the new invitation.
     */
    async create(actor: TActor | null, tenantId: string, input: { email: string; role: TRole; locale: TLocale }, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'member.invite', { tenantId });
      p.authz.assertUser(actor);
      assertRoleFitsTenant(grant.kind, input.role);
      p.authz.assertOn(grant, 'member.invite', { role: input.role, state: 'pending' });
      const inv = await p.db.transaction().execute(async (tx) => {
        const now = p.clock.now();
        if (await isMemberByEmail(tx, tenantId, input.email)) throw new AppError(409, 'already_member', `${input.email} is already a member of this tenant.`, { field: 'email', email: input.email });
        const previous = await repo.lockPendingInvitationsTo(tx, tenantId, input.email, now);
        const row = await repo.insertInvitation(tx, tenantId, {
          email: input.email,
          role: input.role,
          locale: input.locale,
          invited_by: actor.userId,
          expires_at: new Date(now.getTime() + p.config.INVITATION_TTL_HOURS * 3600_000),
        });
        for (const old of previous) {
          const step = invitationLifecycle.transition(invitationState(old, now), 'replace');
          await repo.markInvitation(tx, tenantId, old.id, { replaced_by: row.id });
          await recordAudit(tx, actor, ctx, {
            tenantId,
            action: step.audit!,
            subjectType: 'invitation',
            subjectId: old.id,
            before: { email: old.email, role: old.role as TRole, locale: old.locale },
            after: { replacedBy: row.id },
          });
        }
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'member.invited',
          subjectType: 'invitation',
          subjectId: row.id,
          after: { email: row.email, role: input.role, locale: row.locale },
        });
        await p.jobs.send(tx, sendInvitationMail, { tenantId, invitationId: row.id }, { singletonKey: row.id });
        return row;
      });
      return toDto(inv, actor.name, grant, 'pending');
    },

    async revoke(actor: TActor | null, tenantId: string, invitationId: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'invitation.revoke', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const { row, state } = await lockInvitation(tx, tenantId, invitationId);
        p.authz.assertOn(grant, 'invitation.revoke', { role: row.role, state });
        const step = invitationLifecycle.transition(state, 'revoke');
        await repo.markInvitation(tx, tenantId, invitationId, { revoked: true });
        await recordAudit(tx, actor, ctx, { tenantId, action: step.audit!, subjectType: 'invitation', subjectId: invitationId, before: { email: row.email, role: row.role as TRole } });
      });
    },

    /** Public: what the invitee sees before accepting. The signed token is the authorisation. */
    async preview(token: string) {
      const row = await resolveToken(token);
      invitationLifecycle.transition(invitationState(row, p.clock.now()), 'accept');
      return {
        tenantName: row.tenantName,
        tenantKind: row.tenantKind,
        email: row.email,
        role: row.role,
        userExists: Boolean(await findUserByEmail(p.db, row.email)),
        expiresAt: new Date(row.expires_at).toISOString(),
      };
    },

    async accept(actor: TActor | null, token: string, body: { name?: string | undefined; password?: string | undefined }, ctx: TRequestContext) {
      const inv = await resolveToken(token);
      invitationLifecycle.transition(invitationState(inv, p.clock.now()), 'accept');
      const existing = await findUserByEmail(p.db, inv.email);
      if (existing) {
        if (actor?.type !== 'user' || actor.userId !== existing.id) {
          throw new AppError(401, 'invitation_for_other_user', `Sign in as ${inv.email} to accept this invitation.`, { email: inv.email });
        }
      } else {
        if (!body.name || !body.password) throw new AppError(400, 'invitation_needs_account', 'Enter your name and choose a password to create your account.');
        assertAcceptablePassword(body.password);
      }
      const passwordHash = existing ? null : await hashPassword(body.password!);
      const { user, session } = await p.db.transaction().execute(async (tx) => {
        const { state } = await lockInvitation(tx, inv.tenant_id, inv.id);
        const step = invitationLifecycle.transition(state, 'accept');
        const u = existing ?? (await insertUser(tx, { email: inv.email, name: body.name!, passwordHash: passwordHash!, locale: inv.locale }));
        await repo.markInvitation(tx, inv.tenant_id, inv.id, { accepted_by: u.id });
        await insertMembership(tx, inv.tenant_id, u.id, inv.role);
        const who = { type: 'user' as const, userId: u.id, email: u.email } as TActor;
        await recordAudit(tx, who, ctx, {
          tenantId: inv.tenant_id,
          action: step.audit!,
          subjectType: 'invitation',
          subjectId: inv.id,
          after: { userId: u.id, role: inv.role as TRole, newAccount: !existing },
        });
        // A new account is signed in by accepting: that session is audited like any sign-in.
        const session = existing ? null : await startSession(tx, sessionPolicy(p.config), u, ctx, 'invitation');
        return { user: u, session };
      });
      return { user: toUser(user), session, tenantId: inv.tenant_id };
    },
  };
}
