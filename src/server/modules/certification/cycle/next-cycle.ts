import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import { insertAudit } from '../engagements/engagements-repo.ts';
import { nextReference } from '../common/next-reference.ts';
import type { TProgrammeSlot } from '../engagements/programme-rules.ts';
import * as repo from './cycle-repo.ts';
import { nextCycleDueDates, renewalOutcome, type TRenewalOutcome } from './recertification-rules.ts';

/*
 * What a renewal decision does to the audit programme. cert-decisions calls `assessRenewal` before
 * taking a 'renew' decision (refused when a new stage 2 is required) and, in the decision's
 * transaction, `openNextCycle` with the dates the assessment gave. Authorization is the caller's
 * (the decision service asserts the decision maker's permission first).
 */

/** The audits a renewed cycle holds: the certificate is already granted, so no stage 1 or 2. */
export const NEXT_CYCLE_SLOTS: readonly TProgrammeSlot[] = [
  { type: 'surveillance', sequence: 1 },
  { type: 'surveillance', sequence: 2 },
  { type: 'recertification', sequence: 1 },
];

export type TRenewalAssessment = TRenewalOutcome & { oldExpiry: string; recertificationReported: boolean; nonconformitiesCleared: boolean };

/**
 * What a renewal decision taken on `decisionDate` would do to the programme's certificate. A
 * programme without an expiry date was never certified: 409 `cycle_not_certified`.
 */
export async function assessRenewal(db: Kysely<DB>, tenantId: string, programmeId: string, decisionDate: string): Promise<TRenewalAssessment> {
  const programme = await db
    .selectFrom('audit_programmes')
    .select((eb) => eb.cast<string>('expiry_date', 'text').as('expiry_date'))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', programmeId)
    .executeTakeFirst();
  if (!programme) throw notFound('Programme');
  if (!programme.expiry_date) throw new AppError(409, 'cycle_not_certified', 'This programme has no certificate to renew: it has no expiry date yet.', { programmeId });
  const activities = await repo.recertificationActivities(db, tenantId, programmeId);
  return { ...renewalOutcome({ oldExpiry: programme.expiry_date, decisionDate, activities }), oldExpiry: programme.expiry_date, ...activities };
}

/** `assessRenewal`, refusing with 409 `cycle_new_stage2_required` when neither chaining nor restoration is possible. */
export async function assertRenewable(db: Kysely<DB>, tenantId: string, programmeId: string, decisionDate: string) {
  const a = await assessRenewal(db, tenantId, programmeId, decisionDate);
  if (a.outcome === 'new_stage2_required') {
    const message =
      a.reason === 'restoration_window_passed'
        ? `The certificate expired on ${a.oldExpiry} and could only be restored until ${a.restoreBy}: a new stage 2 audit is required.`
        : `The certificate expired on ${a.oldExpiry}: it can be restored until ${a.restoreBy} once the recertification audit is reported and its nonconformities are cleared; otherwise a new stage 2 audit is required.`;
    throw new AppError(409, 'cycle_new_stage2_required', message, {
      reason: a.reason,
      oldExpiry: a.oldExpiry,
      restoreBy: a.restoreBy,
      recertificationReported: a.recertificationReported,
      nonconformitiesCleared: a.nonconformitiesCleared,
    });
  }
  return a;
}

export type TOpenNextCycleInput = {
  tenantId: string;
  programmeId: string;
  /** The renewal (or restoration) decision's day: surveillance deadlines count from it. */
  decisionDate: string;
  /** The renewed certificate's expiry (from `assessRenewal`). */
  expiryDate: string;
};

/**
 * Opens programme cycle n+1 of the engagement: surveillance 1, surveillance 2 and recertification
 * as `planned` slots with their deadlines, planned days carried over from the same slots of cycle
 * n (the audit time the accepted proposal set), and marks cycle n completed. Refused (409) when
 * the programme is not active or the next cycle exists, and for a closed engagement; another
 * body's programme answers 404. Both tenants' logs record it.
 */
export async function openNextCycle(tx: Transaction<DB>, actor: TActor | null, ctx: TRequestContext, input: TOpenNextCycleInput) {
  const programme = await repo.lockProgramme(tx, input.tenantId, input.programmeId);
  if (!programme) throw notFound('Programme');
  if (programme.status !== 'active' || programme.engagementStatus === 'closed') {
    throw new AppError(409, 'cycle_programme_closed', 'Only the active programme of a live engagement opens the next cycle.', { programmeId: programme.id, status: programme.status });
  }
  const cycle = programme.cycle + 1;
  const existing = await repo.cycleExists(tx, input.tenantId, programme.engagement_id, cycle);
  if (existing) throw new AppError(409, 'cycle_already_opened', `Cycle ${cycle} of this engagement already exists.`, { programmeId: existing.id, cycle });

  const createdBy = actor?.type === 'user' ? actor.userId : null;
  const next = await repo.insertCycle(tx, input.tenantId, {
    engagement_id: programme.engagement_id,
    client_id: programme.client_id,
    cycle,
    decision_date: input.decisionDate,
    expiry_date: input.expiryDate,
    created_by: createdBy,
  });
  const previous = await repo.programmeSlots(tx, input.tenantId, programme.id);
  const daysOf = (slot: TProgrammeSlot) => Number(previous.find((a) => a.type === slot.type && a.sequence === slot.sequence)?.planned_days ?? 0);
  const due = nextCycleDueDates(input.decisionDate, input.expiryDate);
  const dueOf = (slot: TProgrammeSlot) => (slot.type === 'recertification' ? due.recertificationDueBy : slot.sequence === 1 ? due.surveillance1DueBy : due.surveillance2DueBy);
  const year = Number(input.decisionDate.slice(0, 4));
  const audits = [];
  // One at a time: each reference is drawn from the audits already written.
  for (const slot of NEXT_CYCLE_SLOTS) {
    const reference = await nextReference(tx, input.tenantId, { table: 'audits', prefix: 'AUD', year });
    audits.push({
      ...(await insertAudit(tx, input.tenantId, {
        programme_id: next.id,
        engagement_id: programme.engagement_id,
        client_id: programme.client_id,
        reference,
        type: slot.type,
        sequence: slot.sequence,
        planned_days: daysOf(slot),
        due_by: dueOf(slot),
        created_by: createdBy,
      })),
      dueBy: dueOf(slot),
    });
  }
  await repo.completeProgramme(tx, input.tenantId, programme.id);
  const payload = {
    engagementId: programme.engagement_id,
    previousProgrammeId: programme.id,
    cycle,
    body: programme.bodyName,
    organization: programme.organizationName,
    decisionDate: input.decisionDate,
    expiryDate: input.expiryDate,
    audits: audits.length,
  };
  for (const tenantId of [input.tenantId, programme.organizationTenantId]) {
    await recordAudit(tx, actor, ctx, { tenantId, action: 'programme.cycle_opened', subjectType: 'audit_programme', subjectId: next.id, after: payload });
  }
  return { programmeId: next.id, cycle, previousProgrammeId: programme.id, audits };
}
