import type { TAcceptProposalBody, TProposalSignUpBody, TPublicProposal } from '../../../../shared/contracts/proposals.ts';
import { PLATFORM_TENANT_ID } from '../../../platform/audit-log/audit-log.ts';
import { accountKey, ipKey } from '../../../platform/auth/brute-force.ts';
import { assertAcceptablePassword, hashPassword } from '../../../platform/auth/passwords.ts';
import { findUserByEmail, insertUser, toUser } from '../../accounts/accounts-repo.ts';
import { sessionPolicy } from '../../accounts/accounts-service.ts';
import { startSession } from '../../accounts/session-start.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { todayOf } from '../../../platform/clock/clock.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import { insertMembership } from '../../tenants/members-repo.ts';
import { getTenant, insertTenant } from '../../tenants/tenants-repo.ts';
import { openEngagement } from '../engagements/engagements-service.ts';
import { openExamination } from '../../soc2/examinations/open-examination.ts';
import { linesOf, parseProposalToken, readAll, termsOf, tokenMatches } from './proposal-common.ts';
import { proposalLifecycle, proposalState } from './proposal-lifecycle.ts';
import * as repo from './proposals-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock' | 'blobs' | 'secretKey' | 'config' | 'bruteForce'>;

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * The organization's side of a proposal, reached through the signed link the body mailed: read it,
 * download the issued PDF, accept it for an organization tenant (an existing one the person
 * administers, or a new one they found), or decline it with a reason. The token is the
 * authorisation to see the proposal; accepting binds an organization, so it also takes a signed-in
 * person who is owner or admin of that organization (or creates it).
 */
export function createProposalLinkService(p: TDeps) {
  /** The proposal a link names; a forged, foreign, unknown or draft link answers 404 whatever exists. */
  async function resolve(token: string) {
    const t = parseProposalToken(token);
    if (!t) throw notFound('Proposal');
    const row = await repo.getProposalForLink(p.db, t.tenantId, t.id);
    if (!row || !tokenMatches(p.secretKey, t, row)) throw notFound('Proposal');
    return row;
  }

  async function lockAnswerable(tx: TPlatform['db'], tenantId: string, id: string, event: 'accept' | 'decline') {
    const row = await repo.getProposalForUpdate(tx, tenantId, id);
    if (!row) throw notFound('Proposal');
    return { row, step: proposalLifecycle.transition(proposalState(row, todayOf(p)), event, undefined) };
  }

  return {
    async preview(token: string): Promise<TPublicProposal> {
      const r = await resolve(token);
      const { lines, totals, soc2 } = termsOf(r);
      return {
        reference: r.reference,
        state: proposalState(r, todayOf(p)),
        bodyName: r.bodyName,
        clientName: r.clientName,
        scheme: r.scheme,
        soc2,
        locale: r.locale,
        currency: r.currency,
        validUntil: r.valid_until,
        sentAt: iso(r.sent_at!),
        lines,
        totals,
        auditTime: r.audit_time,
        documentSha256: r.document_sha256!,
        recipientEmail: r.recipient_email,
        acceptedAt: r.accepted_at ? iso(r.accepted_at) : null,
        organizationName: r.organizationName,
        declinedAt: r.declined_at ? iso(r.declined_at) : null,
      };
    },

    /** The issued PDF, byte for byte as it was sent. */
    async document(token: string) {
      const r = await resolve(token);
      const stream = await p.blobs.get(r.document_sha256!);
      if (!stream) throw notFound('Proposal document');
      return { filename: `${r.reference}.pdf`, body: await readAll(stream), sha256: r.document_sha256! };
    },

    /**
     * Self sign-up, scoped to this flow: an account for the address the proposal was mailed to
     * (holding the link stands for owning that mailbox), while the proposal can still be
     * answered. Same password rules as everywhere; every attempt counts against the address and
     * the network address before anything is checked (429 past the limit); the new account is
     * signed in, in the same transaction as its creation and audit event.
     */
    async signUp(token: string, input: TProposalSignUpBody, ctx: TRequestContext) {
      const attempt = await p.bruteForce.attempt([`signup:${accountKey(input.email)}`, `signup:${ipKey(ctx.ip)}`]);
      const link = await resolve(token);
      proposalLifecycle.transition(proposalState(link, todayOf(p)), 'accept', undefined);
      if (!link.recipient_email || link.recipient_email.trim().toLowerCase() !== input.email.trim().toLowerCase()) {
        throw new AppError(400, 'proposal_sign_up_email', 'Create your account with the e-mail address this proposal was sent to, or sign in.', { field: 'email' });
      }
      assertAcceptablePassword(input.password);
      const passwordHash = await hashPassword(input.password);
      const res = await p.db.transaction().execute(async (tx) => {
        if (await findUserByEmail(tx, input.email)) throw new AppError(409, 'email_taken', 'An account with this e-mail already exists: sign in instead.', { field: 'email' });
        const u = await insertUser(tx, { email: input.email, name: input.name, passwordHash, locale: input.locale });
        await recordAudit(tx, null, ctx, {
          tenantId: PLATFORM_TENANT_ID,
          action: 'user.created',
          subjectType: 'user',
          subjectId: u.id,
          after: { email: u.email, source: 'proposal', proposal: link.reference },
          actorEmail: u.email,
        });
        const session = await startSession(tx, sessionPolicy(p.config), u, ctx, 'proposal_sign_up');
        return { user: toUser(u), session };
      });
      await attempt.succeeded();
      return res;
    },

    /**
     * Accepts for an organization: opens the engagement and its programme (engagements-service) —
     * for a SOC 2 proposal, the engagement and its first examination with the proposal's scope
     * (soc2/examinations/open-examination) —, links the body's client record to the organization,
     * and records who, when and from which address — all in one transaction, in both tenants' logs:
     * if the examination cannot be opened, no engagement exists and the proposal stays unanswered.
     */
    async accept(actor: TActor | null, token: string, input: TAcceptProposalBody, ctx: TRequestContext) {
      p.authz.assertUser(actor);
      const link = await resolve(token);
      proposalLifecycle.transition(proposalState(link, todayOf(p)), 'accept', undefined);
      if ('organizationTenantId' in input) {
        const grant = await p.authz.assert(actor, 'orgCertification.accept', { tenantId: input.organizationTenantId });
        if (grant.kind !== 'organization') throw new AppError(400, 'proposal_organization_invalid', 'Choose an organization: a certification body cannot accept a proposal.', { field: 'organizationTenantId' });
      }
      return p.db.transaction().execute(async (tx) => {
        const { row, step } = await lockAnswerable(tx, link.tenant_id, link.id, 'accept');
        let org: { id: string; name: string };
        if ('organizationTenantId' in input) {
          const t = await getTenant(tx, input.organizationTenantId);
          if (!t) throw notFound('Tenant');
          org = { id: t.id, name: t.name };
        } else {
          const t = await insertTenant(tx, { name: input.organizationName, kind: 'organization' });
          await insertMembership(tx, t.id, actor.userId, 'owner');
          await recordAudit(tx, actor, ctx, { tenantId: t.id, action: 'tenant.created', subjectType: 'tenant', subjectId: t.id, after: { name: t.name, kind: 'organization', founderRole: 'owner' } });
          org = { id: t.id, name: t.name };
        }
        const client = await repo.getClient(tx, row.tenant_id, row.client_id, { forUpdate: true });
        if (!client) throw notFound('Proposal');
        if (client.organization_tenant_id && client.organization_tenant_id !== org.id) {
          throw new AppError(409, 'client_other_organization', 'This client of the certification body is already linked to another organization in Attest.', { field: 'organizationTenantId' });
        }
        const terms = termsOf({ ...row, lines: link.lines });
        const { lines } = linesOf(link.lines);
        const days = terms.soc2 ? null : (Object.fromEntries(lines.map((l) => [l.slot, l.days])) as Record<(typeof lines)[number]['slot'], number>);
        const opened = await openEngagement(tx, actor, ctx, {
          bodyTenantId: row.tenant_id,
          bodyName: link.bodyName,
          organizationTenantId: org.id,
          organizationName: org.name,
          clientId: row.client_id,
          scheme: row.scheme,
          proposalId: row.id,
          proposalReference: row.reference,
          plannedDays: days,
          year: Number(todayOf(p).slice(0, 4)),
        });
        let examinationId: string | null = null;
        if (terms.soc2) {
          const scope = terms.soc2.scope;
          const now = p.clock.now();
          const examination = await openExamination(tx, actor, ctx, {
            firmTenantId: row.tenant_id,
            engagementId: opened.engagementId,
            reportType: scope.reportType,
            asOfDate: scope.asOfDate,
            periodStart: scope.periodStart,
            periodEnd: scope.periodEnd,
            categories: scope.categories,
            services: scope.services,
            systems: scope.systems,
            locations: scope.locations,
            people: scope.people,
            // The firm names its engagement partner on the examination's scope.
            partnerUserId: null,
            previous: null,
            year: Number(todayOf(p).slice(0, 4)),
            now,
          });
          examinationId = examination.id;
        }
        await repo.setClientOrganization(tx, row.tenant_id, row.client_id, org.id);
        await repo.updateProposal(tx, row.tenant_id, row.id, {
          status: 'accepted',
          accepted_at: p.clock.now(),
          accepted_by: actor.userId,
          accepted_ip: ctx.ip,
          accepted_user_agent: ctx.userAgent?.slice(0, 500) ?? null,
          organization_tenant_id: org.id,
          engagement_id: opened.engagementId,
        });
        await recordAudit(tx, actor, ctx, {
          tenantId: row.tenant_id,
          action: step.audit!,
          subjectType: 'proposal',
          subjectId: row.id,
          after: {
            reference: row.reference,
            client: client.legal_name,
            organizationTenantId: org.id,
            organization: org.name,
            engagementId: opened.engagementId,
            ip: ctx.ip,
            ...(examinationId ? { examinationId } : {}),
          },
        });
        return { organizationTenantId: org.id, engagementId: opened.engagementId, examinationId };
      });
    },

    /** Declines with a reason; the body reads it on the proposal. Signed in, so the log names who. */
    async decline(actor: TActor | null, token: string, reason: string, ctx: TRequestContext) {
      p.authz.assertUser(actor);
      const link = await resolve(token);
      proposalLifecycle.transition(proposalState(link, todayOf(p)), 'decline', undefined);
      await p.db.transaction().execute(async (tx) => {
        const { row, step } = await lockAnswerable(tx, link.tenant_id, link.id, 'decline');
        await repo.updateProposal(tx, row.tenant_id, row.id, { status: 'declined', declined_at: p.clock.now(), declined_by: actor.userId, declined_ip: ctx.ip, decline_reason: reason });
        await recordAudit(tx, actor, ctx, { tenantId: row.tenant_id, action: step.audit!, subjectType: 'proposal', subjectId: row.id, after: { reference: row.reference, client: link.clientName, reason, ip: ctx.ip } });
      });
    },
  };
}
