import type { TActor } from '../../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { todayOf } from '../../../platform/clock/clock.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TAssignTeamBody, TAssignTeamResult, TCertAudit, TDeclarationBody, TTeamCheck } from '../../../../shared/contracts/cert-audits.ts';
import { IMPARTIALITY_STATEMENT, IMPARTIALITY_STATEMENT_VERSION } from '../../../../shared/impartiality-statement.ts';
import { isBodyMember } from '../auditors/auditors-repo.ts';
import { TEAM_EDITABLE } from './audit-lifecycle.ts';
import { getAudit, lockAudit } from './audits-repo.ts';
import { createAuditsService } from './audits-service.ts';
import { bodyTeamSettings, checkDay, judgePeople, leadRotation, refusalFor } from './team-eligibility.ts';
import { declarationVersions, deleteDeclaration, deleteTeamMember, insertDeclaration, teamMember, upsertTeamMember } from './team-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

/**
 * The audit team: who sits on it (checked against competence and impartiality, see README.md),
 * the checks as the Team tab shows them, and each member's impartiality declaration.
 */
export function createTeamService(p: TDeps) {
  const audits = createAuditsService(p);
  const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);

  return {
    /**
     * Puts a person on the team (or changes their role or days). Refused with the first rule they
     * fail; a lead past the body's rotation limit is assigned with a `rotation` warning.
     */
    async assign(actor: TActor | null, tenantId: string, auditId: string, userId: string, body: TAssignTeamBody, ctx: TRequestContext): Promise<TAssignTeamResult> {
      const grant = await p.authz.assert(actor, 'certAudit.manageTeam', { tenantId });
      const warnings = await p.db.transaction().execute(async (tx) => {
        if (!(await lockAudit(tx, tenantId, auditId))) throw notFound('Audit');
        const row = (await getAudit(tx, tenantId, auditId))!;
        p.authz.assertOn(grant, 'certAudit.manageTeam', { state: row.state, leadUserId: row.lead_user_id });
        if (body.role === 'lead_auditor' && row.lead_user_id && row.lead_user_id !== userId) {
          throw new AppError(409, 'cert_team_lead_taken', 'This audit already has a lead auditor: change their role first.', { userId: row.lead_user_id });
        }
        if (!(await isBodyMember(tx, tenantId, userId))) throw new AppError(400, 'cert_team_not_member', 'This person is not a member of the certification body.', { field: 'userId' });
        const settings = await bodyTeamSettings(tx, tenantId);
        const day = checkDay(row, todayOf(p));
        const [verdict] = await judgePeople(tx, tenantId, row, day, [{ userId, role: body.role }], settings.coolingOffMonths);
        const before = await teamMember(tx, tenantId, auditId, userId);
        const name = (await tx.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirstOrThrow()).name;
        const refusal = refusalFor(verdict!, name, day, row.scheme);
        if (refusal) throw refusal;
        const found = body.role === 'lead_auditor' ? await leadRotation(tx, tenantId, row, userId, settings.rotationMaxCycles) : [];
        await upsertTeamMember(tx, tenantId, auditId, userId, body.role, body.plannedDays, userIdOf(actor));
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'cert_audit.team_assigned',
          subjectType: 'cert_audit',
          subjectId: auditId,
          after: {
            reference: row.reference,
            type: row.type,
            userId,
            name,
            role: body.role,
            plannedDays: body.plannedDays,
            previousRole: before?.role ?? null,
            warnings: found.map((w) => w.code),
          },
        });
        return found;
      });
      return { audit: await audits.get(actor, tenantId, auditId), warnings };
    },

    /** Takes a person off the team; their declaration for this audit goes with them. */
    async remove(actor: TActor | null, tenantId: string, auditId: string, userId: string, ctx: TRequestContext): Promise<TCertAudit> {
      const grant = await p.authz.assert(actor, 'certAudit.manageTeam', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        if (!(await lockAudit(tx, tenantId, auditId))) throw notFound('Audit');
        const row = (await getAudit(tx, tenantId, auditId))!;
        p.authz.assertOn(grant, 'certAudit.manageTeam', { state: row.state, leadUserId: row.lead_user_id });
        const member = await teamMember(tx, tenantId, auditId, userId);
        if (!member) throw notFound('Team member');
        await deleteDeclaration(tx, tenantId, auditId, userId);
        await deleteTeamMember(tx, tenantId, auditId, userId);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'cert_audit.team_removed',
          subjectType: 'cert_audit',
          subjectId: auditId,
          before: { reference: row.reference, type: row.type, userId, name: member.name, role: member.role, plannedDays: Number(member.planned_days), previousRole: null, warnings: [] },
        });
      });
      return audits.get(actor, tenantId, auditId);
    },

    /** The team as the rules see it on the audit's first day (competence, impartiality, declarations, rotation). */
    async check(actor: TActor | null, tenantId: string, auditId: string): Promise<TTeamCheck> {
      await p.authz.assert(actor, 'certAudit.read', { tenantId });
      const row = await getAudit(p.db, tenantId, auditId);
      if (!row) throw notFound('Audit');
      const settings = await bodyTeamSettings(p.db, tenantId);
      const day = checkDay(row, todayOf(p));
      const [verdicts, versions, warnings] = await Promise.all([
        judgePeople(p.db, tenantId, row, day, row.team, settings.coolingOffMonths),
        declarationVersions(p.db, tenantId, auditId),
        leadRotation(p.db, tenantId, row, row.lead_user_id, settings.rotationMaxCycles),
      ]);
      const me = userIdOf(actor);
      return {
        day,
        coolingOffMonths: settings.coolingOffMonths,
        rotationMaxCycles: settings.rotationMaxCycles,
        members: row.team.map((m, i) => ({
          userId: m.userId,
          role: m.role,
          competenceGap: verdicts[i]!.gap,
          competentUntil: verdicts[i]!.competentUntil,
          bar: verdicts[i]!.bar,
          declaredAt: m.declaredAt ? new Date(m.declaredAt).toISOString() : null,
          statementVersion: versions.get(m.userId) ?? null,
        })),
        warnings,
        declarationDue: TEAM_EDITABLE.includes(row.state) && row.team.some((m) => m.userId === me && !m.declaredAt),
        statementVersion: IMPARTIALITY_STATEMENT_VERSION,
      };
    },

    /**
     * A team member signs their own impartiality declaration for the audit, on the current
     * statement, in the language they read it in. Once: the first signature stands.
     */
    async declare(actor: TActor | null, tenantId: string, auditId: string, body: TDeclarationBody, ctx: TRequestContext): Promise<TCertAudit> {
      p.authz.assertUser(actor);
      await p.authz.assert(actor, 'certAudit.declare', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        if (!(await lockAudit(tx, tenantId, auditId))) throw notFound('Audit');
        const row = (await getAudit(tx, tenantId, auditId))!;
        if (!row.team.some((m) => m.userId === actor.userId)) {
          throw new AppError(403, 'forbidden', 'Only a member of this audit’s team signs a declaration for it.');
        }
        if (!TEAM_EDITABLE.includes(row.state)) {
          throw new AppError(409, 'cert_audit_team_frozen', 'This audit is reported or over: its team is a record and no longer changes.', { state: row.state });
        }
        if (body.statementVersion !== IMPARTIALITY_STATEMENT_VERSION) {
          throw new AppError(409, 'cert_declaration_outdated', 'This statement has been reworded since the page was opened: read the current one and sign again.', {
            current: IMPARTIALITY_STATEMENT_VERSION,
          });
        }
        const signed = await insertDeclaration(tx, tenantId, auditId, actor.userId, {
          statementVersion: body.statementVersion,
          locale: body.locale,
          statement: IMPARTIALITY_STATEMENT[body.locale],
          ip: ctx.ip,
          signedAt: p.clock.now(),
        });
        if (signed) {
          await recordAudit(tx, actor, ctx, {
            tenantId,
            action: 'cert_audit.declaration_signed',
            subjectType: 'cert_audit',
            subjectId: auditId,
            after: { reference: row.reference, type: row.type, statementVersion: body.statementVersion, locale: body.locale },
          });
        }
      });
      return audits.get(actor, tenantId, auditId);
    },
  };
}
