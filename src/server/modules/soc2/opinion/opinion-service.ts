import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TSoc2OpinionBody, TSoc2OpinionView, TSoc2OpinionWarnings } from '../../../../shared/contracts/soc2-exceptions.ts';
import { examinationLifecycle } from '../examinations/examination-lifecycle.ts';
import { exceptionState } from '../exceptions/exception-rules.ts';
import { checkOpinion, opinionWarnings, untestedCriteria } from './opinion-rules.ts';
import * as repo from './opinion-repo.ts';

/*
 * The end of fieldwork and the opinion. Fieldwork → reporting is refused (409
 * `soc2_reporting_blocked`, the lists in `details`) while a test has no conclusion, an exception
 * is not concluded, or an applicable criterion has no accepted control with a test (a test deleted
 * during fieldwork leaves such a gap; the planning gate cannot see it). The engagement partner alone records the opinion during reporting — the basis
 * required except for an unmodified one, and an unmodified one over warnings only with their
 * acknowledgement, kept in the audit event — and may change it until the report is issued.
 */

export type TOpinionDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function createOpinionService(p: TOpinionDeps) {
  const subject = (r: repo.TOpinionRow) => ({ state: r.state, partnerUserId: r.partner_user_id });
  const view = (grant: TTenantGrant, r: repo.TOpinionRow): TSoc2OpinionView => ({
    examinationId: r.id,
    examinationReference: r.reference,
    state: r.state,
    partner: r.partner,
    opinion: r.opinion,
    basis: r.opinion_basis,
    recordedBy: r.opinion_by,
    recordedAt: iso(r.opinion_at),
    abilities: {
      'soc2Opinion.record': p.authz.abilities(grant, 'soc2Opinion', subject(r))['soc2Opinion.record'],
      'soc2Examination.partner': p.authz.abilities(grant, 'soc2Examination', { state: r.state })['soc2Examination.partner'],
    },
  });

  async function current(grant: TTenantGrant, tenantId: string, examinationId: string) {
    const row = await repo.opinionRow(p.db, tenantId, examinationId);
    if (!row) throw notFound('Examination');
    return view(grant, row);
  }

  return {
    async get(actor: TActor | null, tenantId: string, examinationId: string) {
      const grant = await p.authz.assert(actor, 'soc2Program.read', { tenantId });
      return current(grant, tenantId, examinationId);
    },

    /** The warnings, computed in one round trip. */
    async warnings(actor: TActor | null, tenantId: string, examinationId: string): Promise<TSoc2OpinionWarnings> {
      await p.authz.assert(actor, 'soc2Program.read', { tenantId });
      const facts = await repo.examinationFacts(p.db, tenantId, examinationId);
      if (!facts) throw notFound('Examination');
      return opinionWarnings(examinationId, facts);
    },

    async record(actor: TActor | null, tenantId: string, examinationId: string, body: TSoc2OpinionBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'soc2Opinion.record', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.opinionRow(tx, tenantId, examinationId, true);
        if (!row) throw notFound('Examination');
        p.authz.assertOn(grant, 'soc2Opinion.record', subject(row));
        const facts = await repo.examinationFacts(tx, tenantId, examinationId);
        const warnings = opinionWarnings(examinationId, facts!).count;
        checkOpinion(body, warnings);
        const basis = body.basis.trim();
        await repo.setOpinion(tx, tenantId, examinationId, { opinion: body.opinion, basis, userId: userIdOf(actor), now: p.clock.now() });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'soc2_opinion.recorded',
          subjectType: 'soc2_examination',
          subjectId: examinationId,
          before: { opinion: row.opinion },
          after: { examinationReference: row.reference, opinion: body.opinion, basis, warnings, warningsAcknowledged: warnings > 0 && body.acknowledgeWarnings },
        });
      });
      return current(grant, tenantId, examinationId);
    },

    /** The scheme manager names (or changes) the engagement partner: a member of the firm. */
    async namePartner(actor: TActor | null, tenantId: string, examinationId: string, userId: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'soc2Examination.partner', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.opinionRow(tx, tenantId, examinationId, true);
        if (!row) throw notFound('Examination');
        p.authz.assertOn(grant, 'soc2Examination.partner', { state: row.state });
        const member = await repo.firmMember(tx, tenantId, userId);
        if (!member) throw new AppError(400, 'soc2_partner_not_member', 'The engagement partner is a member of the firm.', [{ field: 'userId', issue: 'invalid', message: 'Not a member of the firm.' }]);
        if (row.partner_user_id === userId) return;
        await repo.setPartner(tx, tenantId, examinationId, userId, p.clock.now());
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'soc2_examination.partner_named',
          subjectType: 'soc2_examination',
          subjectId: examinationId,
          before: { partnerName: row.partner?.name ?? null },
          after: { examinationReference: row.reference, partnerName: member.name },
        });
      });
      return current(grant, tenantId, examinationId);
    },

    /** fieldwork → reporting, refused with the list of what keeps fieldwork open. */
    async startReporting(actor: TActor | null, tenantId: string, examinationId: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'soc2Examination.reporting', { tenantId });
      return p.db.transaction().execute(async (tx) => {
        const row = await repo.opinionRow(tx, tenantId, examinationId, true);
        if (!row) throw notFound('Examination');
        p.authz.assertOn(grant, 'soc2Examination.reporting', { state: row.state });
        const facts = (await repo.examinationFacts(tx, tenantId, examinationId))!;
        const withState = facts.exceptions.map((e) => ({ id: e.id, reference: e.reference, state: exceptionState({ responded_at: e.respondedAt, concluded_at: e.concludedAt }) }));
        // A pending test still counts as a test here: it is listed once, under pendingTests.
        const gaps = untestedCriteria(facts.criteria, facts.links, new Set(facts.tests.map((t) => t.controlId)));
        const blockers = examinationLifecycle.reportingBlockers(facts.tests, withState, gaps);
        if (examinationLifecycle.blocked(blockers))
          throw new AppError(
            409,
            'soc2_reporting_blocked',
            'Every test needs its conclusion, every exception the auditor’s conclusion and every applicable criterion a tested control before reporting starts.',
            {
              pendingCount: blockers.pendingTests.length,
              openCount: blockers.openExceptions.length,
              untestedCount: blockers.untestedCriteria.length,
              pendingTests: blockers.pendingTests.map((t) => ({ id: t.id, reference: t.reference, controlRef: t.controlRef })),
              openExceptions: blockers.openExceptions,
              untestedCriteria: blockers.untestedCriteria,
            },
          );
        const state = examinationLifecycle.transition(row.state, 'startReporting');
        await repo.setState(tx, tenantId, examinationId, state, p.clock.now());
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'soc2_examination.reporting_started',
          subjectType: 'soc2_examination',
          subjectId: examinationId,
          after: { examinationReference: row.reference, tests: facts.tests.length, exceptions: facts.exceptions.length },
        });
        return { examinationId, state };
      });
    },
  };
}
