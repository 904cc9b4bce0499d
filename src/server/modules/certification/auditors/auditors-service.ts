import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { todayOf } from '../../../platform/clock/clock.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type {
  TAuditorCompetence,
  TAuditorCompetenceBody,
  TAuditorCompetencePatch,
  TAuditorConflict,
  TAuditorConflictBody,
} from '../../../../shared/contracts/cert-audits.ts';
import {
  clientExists,
  deleteCompetence,
  deleteConflict,
  getCompetence,
  getConflict,
  insertCompetence,
  insertConflict,
  isBodyMember,
  listCompetences,
  listConflicts,
  updateCompetence,
  type TCompetenceRow,
} from './auditors-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;
type TConflictRow = Awaited<ReturnType<typeof listConflicts>>[number];

/** A record due to end within this many days is flagged for renewal. */
const EXPIRES_SOON_DAYS = 90;

const notMember = () => new AppError(400, 'cert_team_not_member', 'This person is not a member of the certification body.', { field: 'userId' });
const datesOrder = () => new AppError(400, 'validation_failed', 'The end of validity cannot come before its start.', { field: 'validUntil' });

/** What a competence change may touch, as the audit event shows it. */
const fieldsOf = (r: TCompetenceRow) => ({
  qualification: r.qualification,
  iso42001TrainedOn: r.iso42001_trained_on,
  aiDomainAreas: r.ai_domain_areas,
  auditsDone: r.audits_done,
  leadQualified: r.lead_qualified,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  notes: r.notes,
});

/** The body's records about its auditors: competence per scheme, and links declared with clients. */
export function createAuditorsService(p: TDeps) {
  const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);

  const competenceDto = (grant: TTenantGrant, r: TCompetenceRow, today: string): TAuditorCompetence => {
    const soon = new Date(Date.parse(`${today}T00:00:00Z`) + EXPIRES_SOON_DAYS * 86_400_000).toISOString().slice(0, 10);
    return {
      id: r.id,
      userId: r.user_id,
      userName: r.user_name,
      scheme: r.scheme,
      qualification: r.qualification,
      iso42001TrainedOn: r.iso42001_trained_on,
      aiDomainAreas: r.ai_domain_areas,
      auditsDone: r.audits_done,
      leadQualified: r.lead_qualified,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      notes: r.notes,
      expired: r.valid_until < today,
      expiresSoon: r.valid_until >= today && r.valid_until <= soon,
      abilities: p.authz.abilities(grant, 'auditor', { userId: r.user_id }),
    };
  };

  const conflictDto = (grant: TTenantGrant, r: TConflictRow): TAuditorConflict => ({
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    userId: r.user_id,
    userName: r.user_name,
    kind: r.kind,
    description: r.description,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    declaredAt: new Date(r.declared_at).toISOString(),
    abilities: p.authz.abilities(grant, 'auditor', { userId: r.user_id }),
  });

  /** An auditor sees their own records only, whatever filter they ask for. */
  async function readScope(actor: TActor | null, tenantId: string, userId: string | undefined) {
    const grant = await p.authz.assert(actor, 'auditor.read', { tenantId });
    if (p.authz.tenantAbilities(grant)['auditor.readAll']) return { grant, userId };
    const own = userIdOf(actor);
    if (!own || (userId && userId !== own)) return { grant, userId: null };
    return { grant, userId: own };
  }

  return {
    async listCompetences(actor: TActor | null, tenantId: string, userId?: string) {
      const scope = await readScope(actor, tenantId, userId);
      if (scope.userId === null) return { items: [] };
      const today = todayOf(p);
      return { items: (await listCompetences(p.db, tenantId, scope.userId)).map((r) => competenceDto(scope.grant, r, today)) };
    },

    async recordCompetence(actor: TActor | null, tenantId: string, body: TAuditorCompetenceBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'auditor.manage', { tenantId });
      if (body.validUntil < body.validFrom) throw datesOrder();
      return p.db.transaction().execute(async (tx) => {
        if (!(await isBodyMember(tx, tenantId, body.userId))) throw notMember();
        const row = await insertCompetence(tx, tenantId, body, userIdOf(actor));
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'auditor.competence_recorded',
          subjectType: 'user',
          subjectId: body.userId,
          after: { userId: body.userId, name: row.user_name, scheme: body.scheme, qualification: body.qualification, leadQualified: body.leadQualified, validFrom: body.validFrom, validUntil: body.validUntil },
        });
        return competenceDto(grant, row, todayOf(p));
      });
    },

    async updateCompetence(actor: TActor | null, tenantId: string, id: string, body: TAuditorCompetencePatch, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'auditor.manage', { tenantId });
      return p.db.transaction().execute(async (tx) => {
        const before = await getCompetence(tx, tenantId, id);
        if (!before) throw notFound('Competence record');
        const validFrom = body.validFrom ?? before.valid_from;
        const validUntil = body.validUntil ?? before.valid_until;
        if (validUntil < validFrom) throw datesOrder();
        const row = await updateCompetence(tx, tenantId, id, body, p.clock.now());
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'auditor.competence_updated',
          subjectType: 'user',
          subjectId: row.user_id,
          // Who and which scheme only on the after side: unchanged, they stay in the event.
          before: fieldsOf(before),
          after: { userId: row.user_id, name: row.user_name, scheme: row.scheme, ...fieldsOf(row) },
        });
        return competenceDto(grant, row, todayOf(p));
      });
    },

    async deleteCompetence(actor: TActor | null, tenantId: string, id: string, ctx: TRequestContext) {
      await p.authz.assert(actor, 'auditor.manage', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const before = await getCompetence(tx, tenantId, id);
        if (!before) throw notFound('Competence record');
        await deleteCompetence(tx, tenantId, id);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'auditor.competence_deleted',
          subjectType: 'user',
          subjectId: before.user_id,
          before: { userId: before.user_id, name: before.user_name, scheme: before.scheme, qualification: before.qualification, leadQualified: before.lead_qualified, validFrom: before.valid_from, validUntil: before.valid_until },
        });
      });
    },

    async listConflicts(actor: TActor | null, tenantId: string, q: { clientId?: string; userId?: string }) {
      const scope = await readScope(actor, tenantId, q.userId);
      if (scope.userId === null) return { items: [] };
      return { items: (await listConflicts(p.db, tenantId, { clientId: q.clientId, userId: scope.userId })).map((r) => conflictDto(scope.grant, r)) };
    },

    async declareConflict(actor: TActor | null, tenantId: string, body: TAuditorConflictBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'auditor.manage', { tenantId });
      if (body.userId === null && body.kind !== 'consultancy') {
        throw new AppError(400, 'validation_failed', 'Only consultancy is recorded for the body itself; name the person for employment or another interest.', { field: 'kind' });
      }
      if (body.startedOn && body.endedOn && body.endedOn < body.startedOn) {
        throw new AppError(400, 'validation_failed', 'The end cannot come before the start.', { field: 'endedOn' });
      }
      return p.db.transaction().execute(async (tx) => {
        if (!(await clientExists(tx, tenantId, body.clientId))) throw notFound('Client');
        if (body.userId && !(await isBodyMember(tx, tenantId, body.userId))) throw notMember();
        const row = await insertConflict(tx, tenantId, body, userIdOf(actor));
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'auditor.conflict_declared',
          subjectType: 'client',
          subjectId: body.clientId,
          after: { clientId: body.clientId, clientName: row.client_name, userId: body.userId, name: row.user_name, kind: body.kind, endedOn: body.endedOn },
        });
        return conflictDto(grant, row);
      });
    },

    async withdrawConflict(actor: TActor | null, tenantId: string, id: string, ctx: TRequestContext) {
      await p.authz.assert(actor, 'auditor.manage', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await getConflict(tx, tenantId, id);
        if (!row) throw notFound('Declared conflict');
        await deleteConflict(tx, tenantId, id);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'auditor.conflict_withdrawn',
          subjectType: 'client',
          subjectId: row.client_id,
          before: { clientId: row.client_id, clientName: row.client_name, userId: row.user_id, name: row.user_name, kind: row.kind, endedOn: row.ended_on },
        });
      });
    },
  };
}
