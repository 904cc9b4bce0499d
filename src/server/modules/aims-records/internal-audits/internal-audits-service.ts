import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { badRequest, notFound } from '../../../platform/errors/errors.ts';
import {
  isNonconformityFinding,
  type TAudit,
  type TAuditEvent,
  type TAuditListQuery,
  type TAuditSummary,
  type TCreateAuditInput,
  type TCreateFindingInput,
  type TUpdateAuditInput,
} from '../../../../shared/contracts/internal-audits.ts';
import { checkMembers, iso, isoOrNull, listLinks, refText, replaceLinks, resolveRequirements, toLinkedRequirement, type TResolvedLink } from '../improvement-sql.ts';
import { createNonconformitiesService } from '../nonconformities/nonconformities-service.ts';
import { auditorConflict } from './auditor-independence.ts';
import { internalAuditLifecycle } from './internal-audit-lifecycle.ts';
import * as repo from './internal-audits-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

export function toAuditSummary(r: repo.TAuditSummaryRow): TAuditSummary {
  return {
    id: r.id,
    programme: r.programme,
    title: r.title,
    plannedOn: r.planned_on,
    status: r.status,
    auditor: { member: r.auditor_member, externalName: r.auditor_name },
    findings: r.findings,
    updatedAt: iso(r.updated_at),
  };
}

/**
 * The people an audit names must be members, and the auditor must not own an audited area
 * (9.2.2): checked on the data being written, in the transaction that writes it.
 */
async function checkPeople(tx: Transaction<DB>, tenantId: string, auditorId: string | null, auditeeIds: readonly string[]) {
  const names = await checkMembers(tx, tenantId, [{ field: 'auditorId', id: auditorId }, ...auditeeIds.map((id, i) => ({ field: `auditeeIds.${i}`, id }))]);
  const conflict = auditorConflict(
    auditorId,
    auditeeIds.map((id) => ({ id, name: names.get(id) ?? id })),
  );
  if (conflict) throw conflict;
}

const auditFields = (r: Omit<repo.TAuditValues, 'programme_id'> & { programme_id?: string }, auditees: readonly string[], links: readonly TResolvedLink[]) => ({
  ...(r.programme_id ? { programmeId: r.programme_id } : {}),
  title: r.title,
  scope: r.scope,
  plannedOn: r.planned_on,
  auditorId: r.auditor_id,
  auditorName: r.auditor_name,
  auditeeIds: [...auditees].sort(),
  requirements: links.map(refText),
  conclusion: r.conclusion,
});

export function createInternalAuditsService(p: TDeps) {
  const nonconformities = createNonconformitiesService(p);

  async function get(actor: TActor | null, tenantId: string, id: string, grantIn?: TTenantGrant): Promise<TAudit> {
    const grant = grantIn ?? (await p.authz.assert(actor, 'internalAudit.read', { tenantId }));
    const r = await repo.getAuditDetail(p.db, tenantId, id);
    if (!r) throw notFound('Internal audit');
    return {
      ...toAuditSummary(r),
      scope: r.scope,
      conclusion: r.conclusion,
      auditees: r.auditees,
      requirements: r.requirements.map(toLinkedRequirement),
      findingList: r.finding_list.map((f) => ({
        id: f.id,
        type: f.type,
        requirement: f.requirement ? toLinkedRequirement(f.requirement) : null,
        description: f.description,
        evidence: f.evidence,
        nonconformity: f.nonconformity,
        createdBy: f.created_by,
        createdAt: iso(f.created_at),
      })),
      startedAt: isoOrNull(r.started_at),
      completedAt: isoOrNull(r.completed_at),
      completedBy: r.completed_by,
      createdAt: iso(r.created_at),
      abilities: p.authz.abilities(grant, 'internalAudit', { status: r.status }),
    };
  }

  return {
    get,

    async list(actor: TActor | null, tenantId: string, q: TAuditListQuery) {
      await p.authz.assert(actor, 'internalAudit.read', { tenantId });
      const page = await repo.listAudits(p.db, tenantId, q);
      return { items: page.items.map(toAuditSummary), nextCursor: page.nextCursor };
    },

    async create(actor: TActor | null, tenantId: string, input: TCreateAuditInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'internalAudit.create', { tenantId });
      const id = await p.db.transaction().execute(async (tx) => {
        if (!(await repo.programmeExists(tx, tenantId, input.programmeId))) {
          throw badRequest('Not an audit programme of this organization.', [{ field: 'programmeId', issue: 'invalid', message: 'Not an audit programme of this organization.' }]);
        }
        await checkPeople(tx, tenantId, input.auditorId, input.auditeeIds);
        const links = await resolveRequirements(tx, tenantId, input.requirements);
        const values: repo.TAuditValues = {
          programme_id: input.programmeId,
          title: input.title,
          scope: input.scope,
          planned_on: input.plannedOn,
          auditor_id: input.auditorId,
          auditor_name: input.auditorName,
          conclusion: input.conclusion,
        };
        const { id } = await repo.insertAudit(tx, tenantId, { ...values, created_by: actor!.type === 'user' ? actor!.userId : null });
        await repo.replaceAuditees(tx, tenantId, id, input.auditeeIds);
        await replaceLinks(tx, 'internal_audit_requirements', 'audit_id', tenantId, id, links);
        await recordAudit(tx, actor, ctx, { tenantId, action: 'internal_audit.created', subjectType: 'internal_audit', subjectId: id, after: auditFields(values, input.auditeeIds, links) });
        return id;
      });
      return get(actor, tenantId, id, grant);
    },

    async update(actor: TActor | null, tenantId: string, id: string, input: TUpdateAuditInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'internalAudit.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getAuditForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Internal audit');
        p.authz.assertOn(grant, 'internalAudit.update', { status: row.status });
        const beforeAuditees = await repo.listAuditees(tx, tenantId, id);
        const beforeLinks = await listLinks(tx, 'internal_audit_requirements', 'audit_id', tenantId, id);
        const next = {
          title: input.title ?? row.title,
          scope: input.scope ?? row.scope,
          planned_on: input.plannedOn ?? row.planned_on,
          auditor_id: input.auditorId !== undefined ? input.auditorId : input.auditorName ? null : row.auditor_id,
          auditor_name: input.auditorName !== undefined ? input.auditorName : input.auditorId ? null : row.auditor_name,
          conclusion: input.conclusion ?? row.conclusion,
        };
        const auditees = input.auditeeIds ?? beforeAuditees;
        await checkPeople(tx, tenantId, next.auditor_id, auditees);
        const links = input.requirements ? await resolveRequirements(tx, tenantId, input.requirements) : beforeLinks;
        await repo.updateAudit(tx, tenantId, id, next);
        if (input.auditeeIds) await repo.replaceAuditees(tx, tenantId, id, auditees);
        if (input.requirements) await replaceLinks(tx, 'internal_audit_requirements', 'audit_id', tenantId, id, links);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'internal_audit.updated',
          subjectType: 'internal_audit',
          subjectId: id,
          before: auditFields(row, beforeAuditees, beforeLinks),
          after: auditFields(next, auditees, links),
        });
      });
      return get(actor, tenantId, id, grant);
    },

    async transition(actor: TActor | null, tenantId: string, id: string, event: TAuditEvent, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'internalAudit.transition', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getAuditForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Internal audit');
        p.authz.assertOn(grant, 'internalAudit.transition', { status: row.status });
        const step = internalAuditLifecycle.transition(row.status, event, { conclusion: row.conclusion });
        if (event === 'start') {
          // Independence is checked again when the audit starts: the area owners may have changed hands.
          await checkPeople(tx, tenantId, row.auditor_id, await repo.listAuditees(tx, tenantId, id));
          await repo.updateAudit(tx, tenantId, id, { status: step.to, started_at: p.clock.now() });
          await recordAudit(tx, actor, ctx, { tenantId, action: 'internal_audit.started', subjectType: 'internal_audit', subjectId: id, before: { status: row.status, title: row.title }, after: { status: step.to } });
        } else {
          await repo.updateAudit(tx, tenantId, id, { status: step.to, completed_at: p.clock.now(), completed_by: actor?.type === 'user' ? actor.userId : null });
          await recordAudit(tx, actor, ctx, {
            tenantId,
            action: 'internal_audit.completed',
            subjectType: 'internal_audit',
            subjectId: id,
            before: { status: row.status, title: row.title },
            after: { status: step.to, conclusion: row.conclusion },
          });
        }
      });
      return get(actor, tenantId, id, grant);
    },

    /** A finding; a nonconformity finding raises its nonconformity (source internal_audit, linked back) in the same transaction. */
    async addFinding(actor: TActor | null, tenantId: string, id: string, input: TCreateFindingInput, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'internalAudit.addFinding', { tenantId });
      if (isNonconformityFinding(input.type)) await p.authz.assert(actor, 'nonconformity.create', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getAuditForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Internal audit');
        p.authz.assertOn(grant, 'internalAudit.addFinding', { status: row.status });
        internalAuditLifecycle.transition(row.status, 'record_finding', { conclusion: row.conclusion });
        const link = input.requirement ? (await resolveRequirements(tx, tenantId, [input.requirement], 'requirement'))[0]! : null;
        const { id: findingId } = await repo.insertFinding(tx, tenantId, {
          audit_id: id,
          type: input.type,
          framework_id: link?.framework_id ?? null,
          framework_version: link?.framework_version ?? null,
          ref: link?.ref ?? null,
          description: input.description,
          evidence: input.evidence,
          created_by: actor?.type === 'user' ? actor.userId : null,
        });
        let ncId: string | null = null;
        if (isNonconformityFinding(input.type) && link) {
          ncId = await nonconformities.insertInTx(
            tx,
            tenantId,
            actor!,
            {
              // The person's own words, prefixed by the requirement: no label in one language stored as data.
              title: `${link.ref} — ${input.description}`.slice(0, 200),
              description: [input.description, input.evidence].filter(Boolean).join('\n\n').slice(0, 4000),
              source: 'internal_audit',
              sourceFindingId: findingId,
              correction: '',
              rootCause: '',
              correctiveAction: '',
              ownerId: input.ownerId,
              dueOn: input.dueOn,
              requirements: { resolved: [link] },
            },
            ctx,
          );
        }
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'internal_audit.finding_recorded',
          subjectType: 'internal_audit',
          subjectId: id,
          after: { findingId, auditTitle: row.title, type: input.type, requirement: link ? refText(link) : null, description: input.description, nonconformityId: ncId },
        });
      });
      return get(actor, tenantId, id, grant);
    },
  };
}
