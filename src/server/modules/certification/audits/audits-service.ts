import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { todayOf } from '../../../platform/clock/clock.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TCertAudit, TCertAuditListQuery, TCertAuditPage, TCertAuditTransitionBody, TScheduleCertAuditBody } from '../../../../shared/contracts/cert-audits.ts';
import { auditLifecycle } from './audit-lifecycle.ts';
import type { TCertAuditSubject } from './audits-policies.ts';
import { bodyTeamSettings, judgePeople, refusalFor } from './team-eligibility.ts';
import { getAudit, isOverdue, listAudits, lockAudit, stage1Reported, updateAudit, type TAuditRow } from './audits-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const subjectOf = (r: Pick<TAuditRow, 'state' | 'lead_user_id'>): TCertAuditSubject => ({ state: r.state, leadUserId: r.lead_user_id });

export function toCertAuditDto(p: Pick<TPlatform, 'authz'>, grant: TTenantGrant, r: TAuditRow, today: string): TCertAudit {
  // Raising a finding is judged on the caller's seat on this team (findings-policies.ts), not on the role alone.
  const teamRole = r.team.find((m) => m.userId === grant.actor.userId)?.role ?? null;
  const abilities = {
    ...p.authz.abilities(grant, 'certAudit', subjectOf(r)),
    'finding.write': p.authz.abilities(grant, 'finding', { teamRole, auditState: r.state })['finding.write'],
  };
  return {
    id: r.id,
    reference: r.reference,
    type: r.type,
    sequence: r.sequence,
    state: r.state,
    scheme: r.scheme,
    clientId: r.client_id,
    clientReference: r.client_reference,
    clientName: r.client_name,
    engagementId: r.engagement_id,
    programmeId: r.programme_id,
    cycle: r.cycle,
    dueBy: r.due_by,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    actualStart: r.actual_start,
    actualEnd: r.actual_end,
    plannedDays: Number(r.planned_days),
    onSiteDays: Number(r.on_site_days),
    overdue: isOverdue(r, today),
    stateChangedAt: r.state_changed_at ? new Date(r.state_changed_at).toISOString() : null,
    team: r.team.map((m) => ({ ...m, plannedDays: Number(m.plannedDays), declaredAt: m.declaredAt ? new Date(m.declaredAt).toISOString() : null })),
    nextEvents: abilities['certAudit.transition'] ? auditLifecycle.eventsFrom(r.state) : [],
    abilities,
  };
}

/**
 * The body's audits: its calendar (one query per page), one audit, its dates, and its moves
 * through the lifecycle. Team assignment lives in team-service.ts.
 */
export function createAuditsService(p: TDeps) {
  const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);

  async function get(actor: TActor | null, tenantId: string, auditId: string): Promise<TCertAudit> {
    const grant = await p.authz.assert(actor, 'certAudit.read', { tenantId });
    const row = await getAudit(p.db, tenantId, auditId);
    if (!row) throw notFound('Audit');
    return toCertAuditDto(p, grant, row, todayOf(p));
  }

  return {
    get,

    async list(actor: TActor | null, tenantId: string, q: TCertAuditListQuery): Promise<TCertAuditPage> {
      const grant = await p.authz.assert(actor, 'certAudit.read', { tenantId });
      const today = todayOf(p);
      const page = await listAudits(p.db, tenantId, q, { today, userId: userIdOf(actor) });
      return { items: page.items.map((r) => toCertAuditDto(p, grant, r, today)), nextCursor: page.nextCursor };
    },

    async schedule(actor: TActor | null, tenantId: string, auditId: string, body: TScheduleCertAuditBody, ctx: TRequestContext): Promise<TCertAudit> {
      const grant = await p.authz.assert(actor, 'certAudit.schedule', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        if (!(await lockAudit(tx, tenantId, auditId))) throw notFound('Audit');
        const row = (await getAudit(tx, tenantId, auditId))!;
        p.authz.assertOn(grant, 'certAudit.schedule', subjectOf(row));
        const before = { dueBy: row.due_by, plannedStart: row.planned_start, plannedEnd: row.planned_end, plannedDays: Number(row.planned_days), onSiteDays: Number(row.on_site_days) };
        const after = { ...before, ...body };
        if (after.plannedStart && after.plannedEnd && after.plannedEnd < after.plannedStart) {
          throw new AppError(400, 'cert_audit_dates_order', 'The planned end cannot come before the planned start.', { field: 'plannedEnd' });
        }
        if (after.onSiteDays > after.plannedDays) {
          throw new AppError(400, 'validation_failed', 'On-site days cannot exceed the planned days.', { field: 'onSiteDays' });
        }
        await updateAudit(tx, tenantId, auditId, {
          due_by: after.dueBy,
          planned_start: after.plannedStart,
          planned_end: after.plannedEnd,
          planned_days: after.plannedDays,
          on_site_days: after.onSiteDays,
          updated_at: p.clock.now(),
        });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'cert_audit.scheduled',
          subjectType: 'cert_audit',
          subjectId: auditId,
          before: { reference: row.reference, type: row.type, ...before },
          after: { reference: row.reference, type: row.type, ...after },
        });
      });
      return get(actor, tenantId, auditId);
    },

    async transition(actor: TActor | null, tenantId: string, auditId: string, body: TCertAuditTransitionBody, ctx: TRequestContext): Promise<TCertAudit> {
      const grant = await p.authz.assert(actor, 'certAudit.transition', { tenantId });
      const today = todayOf(p);
      await p.db.transaction().execute(async (tx) => {
        if (!(await lockAudit(tx, tenantId, auditId))) throw notFound('Audit');
        const row = (await getAudit(tx, tenantId, auditId))!;
        p.authz.assertOn(grant, 'certAudit.transition', subjectOf(row));
        const move = auditLifecycle.transition(row.state, body.event, {
          type: row.type,
          plannedStart: row.planned_start,
          plannedEnd: row.planned_end,
          hasLead: row.lead_user_id !== null,
          stage1Reported: row.type === 'stage2' ? await stage1Reported(tx, tenantId, row.programme_id) : false,
          undeclared: body.event === 'confirm' || body.event === 'start' ? row.team.filter((m) => !m.declaredAt).map((m) => m.userId) : [],
          reason: body.reason ?? null,
        });
        if (body.event === 'confirm') {
          // The team may have been put together before the dates were known: confirming commits
          // it to the client, so every member is checked again on the planned first day.
          const { coolingOffMonths } = await bodyTeamSettings(tx, tenantId);
          const verdicts = await judgePeople(tx, tenantId, row, row.planned_start!, row.team, coolingOffMonths);
          for (const [i, v] of verdicts.entries()) {
            const refusal = refusalFor(v, row.team[i]!.name, row.planned_start!, row.scheme);
            if (refusal) throw refusal;
          }
        }
        const date = body.event === 'start' || body.event === 'report' ? (body.date ?? today) : null;
        if (body.event === 'report' && date && row.actual_start && date < row.actual_start) {
          throw new AppError(400, 'cert_audit_dates_order', 'The last day of the audit cannot come before its first day.', { field: 'date' });
        }
        await updateAudit(tx, tenantId, auditId, {
          state: move.to,
          state_changed_by: userIdOf(actor),
          state_changed_at: p.clock.now(),
          updated_at: p.clock.now(),
          ...(body.event === 'start' ? { actual_start: date! } : {}),
          ...(body.event === 'report' ? { actual_end: date! } : {}),
        });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: move.audit as 'cert_audit.confirmed',
          subjectType: 'cert_audit',
          subjectId: auditId,
          after: { reference: row.reference, type: row.type, from: move.from, to: move.to, date, reason: body.event === 'cancel' ? (body.reason ?? null) : null },
        });
      });
      return get(actor, tenantId, auditId);
    },
  };
}
