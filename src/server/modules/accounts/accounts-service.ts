import { sql } from 'kysely';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { PLATFORM_TENANT_ID, recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { accountKey, ipKey } from '../../platform/auth/brute-force.ts';
import { assertAcceptablePassword, burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import { conflict, AppError, notFound } from '../../platform/errors/errors.ts';
import { abilitiesFor } from '../../platform/authz/policies.ts';
import { countUsers, findUserByEmail, findUserById, listSessions, toUser } from './accounts-repo.ts';
import type { TLoginBody, TMeResponse, TSetupBody, TUser } from './accounts-schemas.ts';
import { verifySecondFactor } from './mfa-service.ts';

export type TAccountsService = ReturnType<typeof createAccountsService>;

export function createAccountsService(p: TPlatform) {
  const policy = { idleMinutes: p.config.SESSION_IDLE_MINUTES, absoluteHours: p.config.SESSION_ABSOLUTE_HOURS };

  /** Creates a platform administrator. Open to anyone only while no user exists (first run). */
  async function createAdmin(
    input: TSetupBody,
    ctx: TRequestContext,
    opts: { firstRunOnly: boolean },
  ): Promise<TUser> {
    assertAcceptablePassword(input.password);
    const passwordHash = await hashPassword(input.password);
    return p.db.transaction().execute(async (tx) => {
      // Two browsers racing through the first-run page: the advisory lock makes one of them lose.
      await sql`SELECT pg_advisory_xact_lock(hashtext('attest-first-admin'))`.execute(tx);
      if (opts.firstRunOnly && (await countUsers(tx)) > 0) throw conflict('Attest is already set up: sign in instead.');
      if (await findUserByEmail(tx, input.email)) throw conflict('An account with this e-mail already exists.');
      const u = await tx
        .insertInto('users')
        .values({ email: input.email, name: input.name, password_hash: passwordHash, locale: input.locale, is_platform_admin: true })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, null, ctx, {
        tenantId: PLATFORM_TENANT_ID,
        action: 'user.admin_created',
        subjectType: 'user',
        subjectId: u.id,
        after: { email: u.email, name: u.name },
        actorEmail: opts.firstRunOnly ? u.email : 'cli',
      });
      return toUser(u);
    });
  }

  return {
    async setupStatus() {
      return { needsSetup: (await countUsers(p.db)) === 0 };
    },

    async setup(input: TSetupBody, ctx: TRequestContext) {
      const user = await createAdmin(input, ctx, { firstRunOnly: true });
      const session = await createSession(p.db, policy, user.id, ctx);
      return { user, session };
    },

    createAdmin: (input: TSetupBody, ctx: TRequestContext) => createAdmin(input, ctx, { firstRunOnly: false }),

    async login(input: TLoginBody, ctx: TRequestContext) {
      const keys = [accountKey(input.email), ipKey(ctx.ip)];
      await p.bruteForce.assertAllowed(keys);
      const user = await findUserByEmail(p.db, input.email);
      const ok = user ? await verifyPassword(user.password_hash, input.password) : (await burnPasswordCheck(input.password), false);
      const fail = async (message: string) => {
        await p.bruteForce.recordFailure(keys);
        await p.db.transaction().execute((tx) =>
          recordAudit(tx, null, ctx, {
            tenantId: PLATFORM_TENANT_ID,
            action: 'user.login_failed',
            subjectType: 'user',
            subjectId: user?.id ?? null,
            actorEmail: input.email,
          }),
        );
        return new AppError(401, 'unauthorized', message);
      };
      if (!user || !ok) throw await fail('Wrong e-mail or password.');
      if (user.mfa_secret) {
        if (!input.mfaCode) return { status: 'mfa_required' as const };
        if (!(await verifySecondFactor(p, user, input.mfaCode))) throw await fail('Wrong two-factor code.');
      }
      await p.bruteForce.clear(keys[0]!);
      const session = await createSession(p.db, policy, user.id, ctx);
      await p.db.transaction().execute((tx) =>
        recordAudit(tx, { type: 'user', userId: user.id, email: user.email } as TActor, ctx, {
          tenantId: PLATFORM_TENANT_ID,
          action: 'user.login',
          subjectType: 'session',
          subjectId: session.sessionId,
          after: { mfa: Boolean(user.mfa_secret) },
        }),
      );
      return { status: 'ok' as const, user: toUser(user), session };
    },

    async logout(actor: TActor | null, ctx: TRequestContext) {
      if (actor?.type !== 'user' || !actor.sessionId) return;
      await p.db.transaction().execute(async (tx) => {
        await tx.updateTable('sessions').set({ revoked_at: sql`now()` }).where('id', '=', actor.sessionId!).execute();
        await recordAudit(tx, actor, ctx, { tenantId: PLATFORM_TENANT_ID, action: 'user.logout', subjectType: 'session', subjectId: actor.sessionId });
      });
    },

    /** Everything comes with the session's one query: this view costs no further round trip. */
    async me(actor: TActor | null): Promise<TMeResponse> {
      p.authz.assertUser(actor);
      const { userId, email, name, locale, mfaEnabled, isPlatformAdmin, createdAt, memberships } = actor;
      return {
        user: { id: userId, email, name, locale, mfaEnabled, isPlatformAdmin, createdAt },
        memberships: memberships.map((m) => ({ ...m, abilities: abilitiesFor(m.role) })),
        mfaSetupRequired: !mfaEnabled && memberships.some((m) => m.requireMfa),
      };
    },

    async updateMe(actor: TActor | null, patch: { name?: string | undefined; locale?: 'en' | 'fr' | undefined }, ctx: TRequestContext) {
      p.authz.assertUser(actor);
      return p.db.transaction().execute(async (tx) => {
        const before = await findUserById(tx, actor.userId);
        const u = await tx
          .updateTable('users')
          .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.locale ? { locale: patch.locale } : {}) })
          .where('id', '=', actor.userId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(tx, actor, ctx, {
          tenantId: PLATFORM_TENANT_ID,
          action: 'user.updated',
          subjectType: 'user',
          subjectId: u.id,
          before: { name: before?.name, locale: before?.locale },
          after: { name: u.name, locale: u.locale },
        });
        return toUser(u);
      });
    },

    /** A new password ends every other session: whoever knew the old one is signed out. */
    async changePassword(actor: TActor | null, body: { currentPassword: string; newPassword: string }, ctx: TRequestContext) {
      p.authz.assertUser(actor);
      const keys = [accountKey(actor.email), ipKey(ctx.ip)];
      await p.bruteForce.assertAllowed(keys);
      const user = await findUserById(p.db, actor.userId);
      if (!user || !(await verifyPassword(user.password_hash, body.currentPassword))) {
        await p.bruteForce.recordFailure(keys);
        throw new AppError(400, 'bad_request', 'The current password is wrong.', { field: 'currentPassword' });
      }
      assertAcceptablePassword(body.newPassword);
      if (body.newPassword === body.currentPassword) throw new AppError(400, 'bad_request', 'Choose a password different from the current one.', { field: 'newPassword' });
      const hash = await hashPassword(body.newPassword);
      await p.db.transaction().execute(async (tx) => {
        await tx.updateTable('users').set({ password_hash: hash, password_changed_at: sql`now()` }).where('id', '=', actor.userId).execute();
        const revoked = await tx
          .updateTable('sessions')
          .set({ revoked_at: sql`now()` })
          .where('user_id', '=', actor.userId)
          .where('revoked_at', 'is', null)
          .where('id', '!=', actor.sessionId ?? '00000000-0000-0000-0000-000000000000')
          .executeTakeFirst();
        await recordAudit(tx, actor, ctx, {
          tenantId: PLATFORM_TENANT_ID,
          action: 'user.password_changed',
          subjectType: 'user',
          subjectId: actor.userId,
          after: { otherSessionsRevoked: Number(revoked.numUpdatedRows) },
        });
      });
    },

    async sessions(actor: TActor | null) {
      p.authz.assertUser(actor);
      const rows = await listSessions(p.db, actor.userId);
      return rows.map((s) => ({
        id: s.id,
        createdAt: new Date(s.created_at).toISOString(),
        lastSeenAt: new Date(s.last_seen_at).toISOString(),
        expiresAt: new Date(s.expires_at).toISOString(),
        ip: s.ip,
        userAgent: s.user_agent,
        current: s.id === actor.sessionId,
      }));
    },

    async revokeSessions(actor: TActor | null, which: { sessionId: string } | { allButCurrent: true }, ctx: TRequestContext) {
      p.authz.assertUser(actor);
      await p.db.transaction().execute(async (tx) => {
        let q = tx.updateTable('sessions').set({ revoked_at: sql`now()` }).where('user_id', '=', actor.userId).where('revoked_at', 'is', null);
        q = 'sessionId' in which ? q.where('id', '=', which.sessionId) : q.where('id', '!=', actor.sessionId ?? '00000000-0000-0000-0000-000000000000');
        const res = await q.executeTakeFirst();
        if ('sessionId' in which && Number(res.numUpdatedRows) === 0) throw notFound('Session');
        await recordAudit(tx, actor, ctx, {
          tenantId: PLATFORM_TENANT_ID,
          action: 'session.revoked',
          subjectType: 'session',
          subjectId: 'sessionId' in which ? which.sessionId : null,
          after: { count: Number(res.numUpdatedRows) },
        });
      });
    },
  };
}
