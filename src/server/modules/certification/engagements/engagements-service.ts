import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TScheme } from '../../../../shared/contracts/certification.ts';
import type { TOrgEngagement } from '../../../../shared/contracts/proposals.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import * as repo from './engagements-repo.ts';
import { nextReference } from '../common/next-reference.ts';
import { INITIAL_PROGRAMME_SLOTS, slotDueBy, type TAddableAuditType } from './programme-rules.ts';

/*
 * The one door through which engagements, their programme and its audit slots come to exist.
 * Proposal acceptance calls `openEngagement` inside its own transaction, so the proposal is marked
 * accepted if and only if the engagement and programme exist.
 */

export type TOpenEngagementInput = {
  bodyTenantId: string;
  bodyName: string;
  organizationTenantId: string;
  organizationName: string;
  clientId: string;
  scheme: TScheme;
  proposalId: string | null;
  proposalReference: string;
  /** Planned days per slot, from the accepted proposal (audit time); null for SOC 2, whose unit of work is an examination. */
  plannedDays: { stage1: number; stage2: number; surveillance1: number; surveillance2: number; recertification: number } | null;
  /** The year the audit references are numbered in (the platform clock's). */
  year: number;
};

/**
 * Opens the engagement (one live per body, organization and scheme: a second one answers 409),
 * its first programme (cycle 1) and the programme's five audits as `planned` slots: stage 1,
 * stage 2, surveillance 1 and 2, recertification. Deadlines come from programme-rules once the
 * certification decision is taken; none is known yet. A SOC 2 engagement gets no programme: the
 * acceptance opens its first examination instead. Both tenants' logs record the opening.
 */
export async function openEngagement(tx: Transaction<DB>, actor: TActor | null, ctx: TRequestContext, input: TOpenEngagementInput) {
  if (input.bodyTenantId === input.organizationTenantId) throw new AppError(409, 'proposal_organization_invalid', 'A certification body cannot certify itself.');
  const live = await repo.findLiveEngagement(tx, input.bodyTenantId, input.organizationTenantId, input.scheme);
  if (live) {
    throw new AppError(409, 'engagement_already_live', 'This organization already has an engagement with this certification body for this scheme.', { engagementId: live.id, scheme: input.scheme });
  }
  const createdBy = actor?.type === 'user' ? actor.userId : null;
  const engagement = await repo.insertEngagement(tx, {
    body_tenant_id: input.bodyTenantId,
    organization_tenant_id: input.organizationTenantId,
    client_id: input.clientId,
    scheme: input.scheme,
    proposal_id: input.proposalId,
    created_by: createdBy,
  });
  if (input.scheme === 'soc2-type1' || input.scheme === 'soc2-type2' || !input.plannedDays) {
    // A SOC 2 engagement has no certification cycle: its examinations are opened on it (soc2/examinations).
    const payload = { engagementId: engagement.id, scheme: input.scheme, body: input.bodyName, organization: input.organizationName, proposal: input.proposalReference, audits: 0 };
    for (const tenantId of [input.bodyTenantId, input.organizationTenantId]) {
      await recordAudit(tx, actor, ctx, { tenantId, action: 'engagement.opened', subjectType: 'engagement', subjectId: engagement.id, after: payload });
    }
    return { engagementId: engagement.id, programmeId: null, audits: [] };
  }
  const plannedDays = input.plannedDays;
  const programme = await repo.insertProgramme(tx, input.bodyTenantId, { engagement_id: engagement.id, client_id: input.clientId, created_by: createdBy });
  const daysOf = (type: string, sequence: number) =>
    type === 'stage1' ? plannedDays.stage1 : type === 'stage2' ? plannedDays.stage2 : type === 'recertification' ? plannedDays.recertification : sequence === 1 ? plannedDays.surveillance1 : plannedDays.surveillance2;
  const audits = [];
  // One at a time: each reference is drawn from the audits already written.
  for (const slot of INITIAL_PROGRAMME_SLOTS) {
    const reference = await nextReference(tx, input.bodyTenantId, { table: 'audits', prefix: 'AUD', year: input.year });
    audits.push(
      await repo.insertAudit(tx, input.bodyTenantId, {
        programme_id: programme.id,
        engagement_id: engagement.id,
        client_id: input.clientId,
        reference,
        type: slot.type,
        sequence: slot.sequence,
        planned_days: daysOf(slot.type, slot.sequence),
        due_by: slotDueBy(slot, null),
        created_by: createdBy,
      }),
    );
  }
  const payload = {
    engagementId: engagement.id,
    scheme: input.scheme,
    body: input.bodyName,
    organization: input.organizationName,
    proposal: input.proposalReference,
    audits: audits.length,
  };
  for (const tenantId of [input.bodyTenantId, input.organizationTenantId]) {
    await recordAudit(tx, actor, ctx, { tenantId, action: 'engagement.opened', subjectType: 'engagement', subjectId: engagement.id, after: payload });
  }
  return { engagementId: engagement.id, programmeId: programme.id, audits };
}

/**
 * Adds a pre-audit, special or follow-up audit to an open programme (the caller has locked the
 * programme and checked `addAuditRefusal`): numbered after the audits already written, its
 * sequence one more than the programme's audits of that type.
 */
export async function addProgrammeAudit(
  tx: Transaction<DB>,
  bodyTenantId: string,
  input: { programmeId: string; engagementId: string; clientId: string; type: TAddableAuditType; plannedDays: number; dueBy: string | null; year: number; createdBy: string | null; sequence: number },
) {
  const reference = await nextReference(tx, bodyTenantId, { table: 'audits', prefix: 'AUD', year: input.year });
  return repo.insertAudit(tx, bodyTenantId, {
    programme_id: input.programmeId,
    engagement_id: input.engagementId,
    client_id: input.clientId,
    reference,
    type: input.type,
    sequence: input.sequence,
    planned_days: input.plannedDays,
    due_by: input.dueBy,
    created_by: input.createdBy,
  });
}

type TDeps = Pick<TPlatform, 'db' | 'authz'>;

/** The organization's side: the engagements accepted proposals opened, with their programme. */
export function createOrgEngagementsService(p: TDeps) {
  const toDto = (r: Awaited<ReturnType<typeof repo.listOrganizationEngagements>>[number]): TOrgEngagement => ({
    id: r.id,
    scheme: r.scheme,
    status: r.status,
    startedAt: new Date(r.started_at).toISOString(),
    bodyName: r.bodyName,
    proposal:
      r.proposalReference && r.proposalAcceptedAt
        ? { reference: r.proposalReference, acceptedAt: new Date(r.proposalAcceptedAt).toISOString(), acceptedBy: r.proposalAcceptedBy ?? '', currency: r.proposalCurrency ?? 'EUR', cycleCents: Number(r.proposalCycleCents ?? 0) }
        : null,
    programme: r.programmeId
      ? {
          id: r.programmeId,
          cycle: r.programmeCycle!,
          status: r.programmeStatus!,
          decisionDate: r.decisionDate,
          expiryDate: r.expiryDate,
          audits: r.audits.map((a) => ({
            id: a.id,
            reference: a.reference,
            type: a.type,
            sequence: a.sequence,
            state: a.state,
            dueBy: a.due_by,
            plannedStart: a.planned_start,
            plannedEnd: a.planned_end,
            plannedDays: Number(a.planned_days),
          })),
        }
      : null,
  });
  return {
    async list(actor: TActor | null, tenantId: string) {
      await p.authz.assert(actor, 'orgCertification.read', { tenantId });
      return (await repo.listOrganizationEngagements(p.db, tenantId)).map(toDto);
    },
    async get(actor: TActor | null, tenantId: string, engagementId: string) {
      await p.authz.assert(actor, 'orgCertification.read', { tenantId });
      const [row] = await repo.listOrganizationEngagements(p.db, tenantId, engagementId);
      if (!row) throw notFound('Engagement');
      return toDto(row);
    },
  };
}
