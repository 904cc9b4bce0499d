import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type {
  TCreateIncidentInput,
  TIncident,
  TIncidentEvent,
  TIncidentList,
  TIncidentListQuery,
  TIncidentSettings,
  TIncidentSummary,
  TUpdateIncidentInput,
  TUpdateIncidentSettingsBody,
} from '../../../../shared/contracts/ai-incidents.ts';
import type { TNonconformity, TRaiseNonconformityInput } from '../../../../shared/contracts/nonconformities.ts';
import { aiSystemIdsOfTenant } from '../../ai-systems/ai-systems-lookup.ts';
import { iso, isoOrNull, todayOf, type TDb } from '../improvement-sql.ts';
import { createNonconformitiesService } from '../nonconformities/nonconformities-service.ts';
import { incidentLifecycle, reportDueOn, reportOverdue } from './incident-lifecycle.ts';
import * as repo from './ai-incidents-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

function toSummary(r: repo.TIncidentSummaryRow, today: string): TIncidentSummary {
  return {
    id: r.id,
    aiSystem: r.ai_system,
    title: r.title,
    type: r.type,
    severity: r.severity,
    status: r.status,
    occurredAt: iso(r.occurred_at),
    detectedAt: iso(r.detected_at),
    serious: r.serious,
    reportDueOn: r.report_due_on,
    reportedOn: r.reported_on,
    reportOverdue: reportOverdue({ serious: r.serious, reportDueOn: r.report_due_on, reportedOn: r.reported_on }, today),
    nonconformity: r.nonconformity,
    updatedAt: iso(r.updated_at),
  };
}

/** The AI system must be one of the organization's: another tenant's id is not found, like an unknown one. */
async function checkAiSystem(db: TDb, tenantId: string, id: string) {
  const found = await aiSystemIdsOfTenant(db, tenantId, [id]);
  if (!found.has(id)) throw new AppError(404, 'ai_system_unknown', 'No such AI system in this organization.', [{ field: 'aiSystemId', issue: 'invalid', message: 'Not an AI system of this organization.' }]);
}

const fieldsOf = (r: repo.TIncidentValues) => ({
  aiSystemId: r.ai_system_id,
  title: r.title,
  type: r.type,
  severity: r.severity,
  occurredAt: iso(r.occurred_at),
  detectedAt: iso(r.detected_at),
  description: r.description,
  immediateAction: r.immediate_action,
  serious: r.serious,
  reportDueOn: r.report_due_on,
  reportedOn: r.reported_on,
});

export function createAiIncidentsService(p: TDeps) {
  const nonconformities = createNonconformitiesService(p);

  async function get(actor: TActor | null, tenantId: string, id: string, grantIn?: TTenantGrant): Promise<TIncident> {
    const grant = grantIn ?? (await p.authz.assert(actor, 'aiIncident.read', { tenantId }));
    const r = await repo.getIncidentDetail(p.db, tenantId, id);
    if (!r) throw notFound('AI incident');
    return {
      ...toSummary(r, todayOf(p)),
      description: r.description,
      immediateAction: r.immediate_action,
      resolvedAt: isoOrNull(r.resolved_at),
      createdAt: iso(r.created_at),
      createdBy: r.created_by,
      abilities: p.authz.abilities(grant, 'aiIncident', { status: r.status, hasNonconformity: r.nonconformity !== null }),
    };
  }

  return {
    get,

    async list(actor: TActor | null, tenantId: string, q: TIncidentListQuery): Promise<TIncidentList> {
      await p.authz.assert(actor, 'aiIncident.read', { tenantId });
      const today = todayOf(p);
      const page = await repo.listIncidents(p.db, tenantId, q);
      return { items: page.items.map((r) => toSummary(r, today)), nextCursor: page.nextCursor };
    },

    async create(actor: TActor | null, tenantId: string, input: TCreateIncidentInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'aiIncident.create', { tenantId });
      const id = await p.db.transaction().execute(async (tx) => {
        await checkAiSystem(tx, tenantId, input.aiSystemId);
        const { serious_report_days: days } = await repo.getSettings(tx, tenantId);
        const values: repo.TIncidentValues = {
          ai_system_id: input.aiSystemId,
          title: input.title,
          type: input.type,
          severity: input.severity,
          occurred_at: new Date(input.occurredAt),
          detected_at: new Date(input.detectedAt),
          description: input.description,
          immediate_action: input.immediateAction,
          serious: input.serious,
          report_due_on: reportDueOn(input.serious, input.detectedAt, days),
          reported_on: input.reportedOn,
        };
        const { id } = await repo.insertIncident(tx, tenantId, { ...values, created_by: actor!.type === 'user' ? actor!.userId : null });
        await recordAudit(tx, actor, ctx, { tenantId, action: 'ai_incident.created', subjectType: 'ai_incident', subjectId: id, after: fieldsOf(values) });
        return id;
      });
      return get(actor, tenantId, id, grant);
    },

    async update(actor: TActor | null, tenantId: string, id: string, input: TUpdateIncidentInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'aiIncident.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getIncidentForUpdate(tx, tenantId, id);
        if (!row) throw notFound('AI incident');
        p.authz.assertOn(grant, 'aiIncident.update', { status: row.status, hasNonconformity: row.has_nonconformity });
        if (input.aiSystemId !== undefined) await checkAiSystem(tx, tenantId, input.aiSystemId);
        const occurred = input.occurredAt ? new Date(input.occurredAt) : row.occurred_at;
        const detected = input.detectedAt ? new Date(input.detectedAt) : row.detected_at;
        if (detected < occurred) {
          throw new AppError(400, 'validation_failed', 'An incident is detected when or after it occurs.', [{ field: 'detectedAt', issue: 'invalid', message: 'An incident is detected when or after it occurs.' }]);
        }
        const serious = input.serious ?? row.serious;
        // The reporting date follows the detection date and the flag; the organization's current setting applies.
        const { serious_report_days: days } = await repo.getSettings(tx, tenantId);
        const recompute = input.serious !== undefined || input.detectedAt !== undefined;
        const next: repo.TIncidentValues = {
          ai_system_id: input.aiSystemId ?? row.ai_system_id,
          title: input.title ?? row.title,
          type: input.type ?? row.type,
          severity: input.severity ?? row.severity,
          occurred_at: occurred,
          detected_at: detected,
          description: input.description ?? row.description,
          immediate_action: input.immediateAction ?? row.immediate_action,
          serious,
          report_due_on: recompute ? reportDueOn(serious, detected, days) : row.report_due_on,
          reported_on: input.reportedOn !== undefined ? input.reportedOn : row.reported_on,
        };
        await repo.updateIncident(tx, tenantId, id, next);
        await recordAudit(tx, actor, ctx, { tenantId, action: 'ai_incident.updated', subjectType: 'ai_incident', subjectId: id, before: fieldsOf(row), after: fieldsOf(next) });
      });
      return get(actor, tenantId, id, grant);
    },

    async transition(actor: TActor | null, tenantId: string, id: string, event: TIncidentEvent, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'aiIncident.transition', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getIncidentForUpdate(tx, tenantId, id);
        if (!row) throw notFound('AI incident');
        p.authz.assertOn(grant, 'aiIncident.transition', { status: row.status, hasNonconformity: row.has_nonconformity });
        const step = incidentLifecycle.transition(row.status, event, undefined);
        await repo.updateIncident(tx, tenantId, id, { status: step.to, resolved_at: step.to === 'resolved' ? p.clock.now() : null });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: step.audit as 'ai_incident.resolved',
          subjectType: 'ai_incident',
          subjectId: id,
          before: { status: row.status, title: row.title },
          after: { status: step.to },
        });
      });
      return get(actor, tenantId, id, grant);
    },

    /** Raises the incident's nonconformity (source ai_incident, linked back), in one transaction with the lock on the incident. */
    async raiseNonconformity(actor: TActor | null, tenantId: string, id: string, input: TRaiseNonconformityInput, ctx: TRequestContext): Promise<TNonconformity> {
      const grant = await p.authz.assert(actor, 'aiIncident.raiseNc', { tenantId });
      await p.authz.assert(actor, 'nonconformity.create', { tenantId });
      const ncId = await p.db.transaction().execute(async (tx) => {
        const row = await repo.getIncidentForUpdate(tx, tenantId, id);
        if (!row) throw notFound('AI incident');
        p.authz.assertOn(grant, 'aiIncident.raiseNc', { status: row.status, hasNonconformity: row.has_nonconformity });
        return nonconformities.insertInTx(
          tx,
          tenantId,
          actor!,
          {
            title: input.title ?? row.title,
            description: input.description ?? row.description,
            source: 'ai_incident',
            sourceIncidentId: id,
            correction: row.immediate_action,
            rootCause: '',
            correctiveAction: '',
            ownerId: input.ownerId,
            dueOn: input.dueOn,
            requirements: input.requirements,
          },
          ctx,
        );
      });
      return nonconformities.get(actor, tenantId, ncId);
    },

    async settings(actor: TActor | null, tenantId: string): Promise<TIncidentSettings> {
      const grant = await p.authz.assert(actor, 'aiIncident.read', { tenantId });
      const s = await repo.getSettings(p.db, tenantId);
      return { seriousReportDays: s.serious_report_days, abilities: p.authz.abilities(grant, 'aiIncidentSettings', {}) };
    },

    /** Changes the reporting time; incidents already recorded keep their date until their detection or flag changes. */
    async updateSettings(actor: TActor | null, tenantId: string, input: TUpdateIncidentSettingsBody, ctx: TRequestContext): Promise<TIncidentSettings> {
      const grant = await p.authz.assert(actor, 'aiIncident.configure', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const before = await repo.lockSettings(tx, tenantId);
        await repo.saveSettings(tx, tenantId, input.seriousReportDays, actor?.type === 'user' ? actor.userId : null);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'ai_incident.settings_updated',
          subjectType: 'ai_incident_settings',
          subjectId: tenantId,
          before: { seriousReportDays: before?.serious_report_days ?? null },
          after: { seriousReportDays: input.seriousReportDays },
        });
      });
      return { seriousReportDays: input.seriousReportDays, abilities: p.authz.abilities(grant, 'aiIncidentSettings', {}) };
    },
  };
}
export type TAiIncidentsService = ReturnType<typeof createAiIncidentsService>;
