import { sql } from 'kysely';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { PLATFORM_TENANT_ID, recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { accountKey, ipKey } from '../../platform/auth/brute-force.ts';
import { assertAcceptablePassword, burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { AppError, notFound } from '../../platform/errors/errors.ts';
import { abilitiesFor } from '../../platform/authz/policies.ts';
import * as repo from './accounts-repo.ts';
import type { TLoginBody, TMeResponse, TSetupBody, TUser } from '../../../shared/contracts/accounts.ts';
import { verifySecondFactor } from './mfa-service.ts';
import { startSession } from './session-start.ts';
import { signInChainOf, unknownAccountChainOf } from './sign-in-chains.ts';

export type TAccountsDeps = Pick<TPlatform, 'db' | 'config' | 'authz' | 'bruteForce' | 'secretKey'>;
export type TAccountsService = ReturnType<typeof createAccountsService>;

export const sessionPolicy = (config: TPlatform['config']) => ({ idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS });

export function createAccountsService(p: TAccountsDeps) {
  const policy = sessionPolicy(p.config);

  /** Creates a platform administrator. Open to anyone only while no user exists (first run). */
  async function createAdmin(input: TSetupBody, ctx: TRequestContext, opts: { firstRunOnly: boolean }) {
    assertAcceptablePassword(input.password);
    const passwordHash = await hashPassword(input.password);
    return p.db.transaction().execute(async (tx) => {
      // Two browsers racing through the first-run page: the advisory lock makes one of them lose.
      await sql`SELECT pg_advisory_xact_lock(hashtext('attest-first-admin'))`.execute(tx);
      if (opts.firstRunOnly && (await repo.countUsers(tx)) > 0) throw new AppError(409, 'already_set_up', 'Attest is already set up: sign in instead.');
      if (await repo.findUserByEmail(tx, input.email)) throw new AppError(409, 'email_taken', 'An account with this e-mail already exists.', { field: 'email' });
      const u = await repo.insertUser(tx, { email: input.email, name: input.name, passwordHash, locale: input.locale, isPlatformAdmin: true });
      await recordAudit(tx, null, ctx, {
        tenantId: PLATFORM_TENANT_ID,
        action: 'user.admin_created',
        subjectType: 'user',
        subjectId: u.id,
        after: { email: u.email, name: u.name },
        actorEmail: opts.firstRunOnly ? u.email : 'cli',
      });
      // The first-run page signs its author in: the session commits with the account, or neither does.
      const session = opts.firstRunOnly ? await startSession(tx, policy, u, ctx, 'setup') : null;
      return { user: toUserDto(u), session };
    });
  }
  const toUserDto = repo.toUser;

  async function recordFailure(userId: string | null, email: string, ctx: TRequestContext) {
    const tenantId = userId ? signInChainOf(userId) : unknownAccountChainOf(new Date());
    await p.db.transaction().execute((tx) =>
      recordAudit(tx, null, ctx, { tenantId, action: 'user.login_failed', subjectType: 'user', subjectId: userId, actorEmail: email }),
    );
    await p.bruteForce.prune();
  }

  return {
    async setupStatus() {
      return { needsSetup: (await repo.countUsers(p.db)) === 0 };
    },

    async setup(input: TSetupBody, ctx: TRequestContext) {
      const { user, session } = await createAdmin(input, ctx, { firstRunOnly: true });
      return { user, session: session! };
    },

    createAdmin: async (input: TSetupBody, ctx: TRequestContext): Promise<TUser> => (await createAdmin(input, ctx, { firstRunOnly: false })).user,

    /**
     * The demo seed's founders: an ordinary account (not a platform administrator) opened from the
     * CLI. Everyone else joins through an invitation, as in the product.
     */
    async createSeedAccount(input: TSetupBody, ctx: TRequestContext): Promise<TUser> {
      assertAcceptablePassword(input.password);
      const passwordHash = await hashPassword(input.password);
      return p.db.transaction().execute(async (tx) => {
        if (await repo.findUserByEmail(tx, input.email)) throw new AppError(409, 'email_taken', 'An account with this e-mail already exists.', { field: 'email' });
        const u = await repo.insertUser(tx, { email: input.email, name: input.name, passwordHash, locale: input.locale });
        await recordAudit(tx, null, ctx, { tenantId: PLATFORM_TENANT_ID, action: 'user.created', subjectType: 'user', subjectId: u.id, after: { email: u.email, source: 'seed' }, actorEmail: 'seed' });
        return toUserDto(u);
      });
    },

    /**
     * The guess is counted before the password is checked (see brute-force.ts) and refunded when
     * right; the session and its `user.login` event commit together.
     */
    async login(input: TLoginBody, ctx: TRequestContext) {
      const attempt = await p.bruteForce.attempt([accountKey(input.email), ipKey(ctx.ip)]);
      const user = await repo.findUserByEmail(p.db, input.email);
      const ok = user ? await verifyPassword(user.password_hash, input.password) : (await burnPasswordCheck(input.password), false);
      if (!user || !ok) {
        await recordFailure(user?.id ?? null, input.email, ctx);
        throw new AppError(401, 'invalid_credentials', 'Wrong e-mail or password.');
      }
      if (user.mfa_secret) {
        // Knowing the password earns no extra guesses at the code: refund this attempt only.
        if (!input.mfaCode) return (await attempt.refund(), { status: 'mfa_required' as const });
        if (!(await verifySecondFactor(p, user, input.mfaCode))) {
          await recordFailure(user.id, input.email, ctx);
          throw new AppError(401, 'invalid_mfa_code', 'Wrong two-factor code.', { field: 'mfaCode' });
        }
      }
      const session = await p.db.transaction().execute((tx) => startSession(tx, policy, user, ctx, 'password'));
      await attempt.succeeded();
      return { status: 'ok' as const, user: toUserDto(user), session };
    },

    async logout(actor: TActor | null, ctx: TRequestContext) {
      if (actor?.type !== 'user' || !actor.sessionId) return;
      const sessionId = actor.sessionId;
      await p.db.transaction().execute(async (tx) => {
        await repo.revokeSessions(tx, actor.userId, { sessionId });
        await recordAudit(tx, actor, ctx, { tenantId: signInChainOf(actor.userId), action: 'user.logout', subjectType: 'session', subjectId: sessionId });
      });
    },

    /** Everything comes with the session's one query: this view costs no further round trip. */
    async me(actor: TActor | null): Promise<TMeResponse> {
      p.authz.assertUser(actor);
      const { userId, email, name, locale, mfaEnabled, isPlatformAdmin, createdAt, memberships } = actor;
      return {
        user: { id: userId, email, name, locale, mfaEnabled, isPlatformAdmin, createdAt },
        // dataVersion is the session's cache key (platform/cache), not part of the contract.
        memberships: memberships.map(({ dataVersion: _, ...m }) => ({ ...m, abilities: abilitiesFor(m.role) })),
        mfaSetupRequired: !mfaEnabled && memberships.some((m) => m.requireMfa),
      };
    },

    async updateMe(actor: TActor | null, patch: { name?: string | undefined; locale?: 'en' | 'fr' | undefined }, ctx: TRequestContext) {
      p.authz.assertUser(actor);
      return p.db.transaction().execute(async (tx) => {
        const before = await repo.findUserById(tx, actor.userId);
        const u = await repo.updateProfile(tx, actor.userId, patch);
        await recordAudit(tx, actor, ctx, {
          tenantId: PLATFORM_TENANT_ID,
          action: 'user.updated',
          subjectType: 'user',
          subjectId: u.id,
          before: { name: before?.name, locale: before?.locale },
          after: { name: u.name, locale: u.locale },
        });
        if (before && before.name !== u.name) {
          for (const m of actor.memberships) {
            await recordAudit(tx, actor, ctx, { tenantId: m.tenantId, action: 'member.renamed', subjectType: 'user', subjectId: u.id, before: { name: before.name }, after: { name: u.name } });
          }
        }
        return toUserDto(u);
      });
    },

    /** A new password ends every other session: whoever knew the old one is signed out. */
    async changePassword(actor: TActor | null, body: { currentPassword: string; newPassword: string }, ctx: TRequestContext) {
      p.authz.assertUser(actor);
      const attempt = await p.bruteForce.attempt([accountKey(actor.email), ipKey(ctx.ip)]);
      const user = await repo.findUserById(p.db, actor.userId);
      if (!user || !(await verifyPassword(user.password_hash, body.currentPassword))) {
        throw new AppError(400, 'current_password_wrong', 'The current password is wrong.', { field: 'currentPassword' });
      }
      await attempt.refund();
      assertAcceptablePassword(body.newPassword, 'newPassword');
      if (body.newPassword === body.currentPassword) throw new AppError(400, 'password_unchanged', 'Choose a password different from the current one.', { field: 'newPassword' });
      const hash = await hashPassword(body.newPassword);
      await p.db.transaction().execute(async (tx) => {
        await repo.setPasswordHash(tx, actor.userId, hash);
        const revoked = await repo.revokeSessions(tx, actor.userId, { except: actor.sessionId });
        await recordAudit(tx, actor, ctx, {
          tenantId: PLATFORM_TENANT_ID,
          action: 'user.password_changed',
          subjectType: 'user',
          subjectId: actor.userId,
          after: { otherSessionsRevoked: revoked },
        });
      });
    },

    async sessions(actor: TActor | null) {
      p.authz.assertUser(actor);
      const rows = await repo.listSessions(p.db, actor.userId);
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
        const n = await repo.revokeSessions(tx, actor.userId, 'sessionId' in which ? which : { except: actor.sessionId });
        if ('sessionId' in which && n === 0) throw notFound('Session');
        await recordAudit(tx, actor, ctx, {
          tenantId: PLATFORM_TENANT_ID,
          action: 'session.revoked',
          subjectType: 'session',
          subjectId: 'sessionId' in which ? which.sessionId : null,
          after: { count: n },
        });
      });
    },
  };
}
