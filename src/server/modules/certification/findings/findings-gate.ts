import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TFindingClass, TFindingState } from '../../../../shared/contracts/certification-decisions.ts';
import { DEFAULT_FINDING_DEADLINES, decisionBlockerOf, verificationDueOn, type TDecisionBlockerCode } from './findings-rules.ts';

/*
 * What stands between a programme and its certification decision (17021-1 9.5.1.2): the programme's
 * nonconformities that are not dealt with. The decision service calls this before deciding and
 * refuses while the list is not empty; the technical review and the UI show the same list.
 *
 * A major's verification window is read from the audit's dates as they are now (its actual last day
 * once reported, else the planned one) and the body's current setting, not from the date stored when
 * the finding was raised: a stage 2 that ran a day longer than planned moves the window with it.
 */

export type TDecisionBlocker = {
  code: TDecisionBlockerCode;
  findingId: string;
  reference: string;
  class: TFindingClass;
  dueOn: string | null;
};

type TRow = {
  id: string;
  reference: string;
  class: TFindingClass;
  state: TFindingState;
  response_due_on: string | null;
  closure_due_on: string | null;
  verification_due_on: string | null;
  audit_last_day: string | null;
  months: number | null;
};

/** The programme's open nonconformities that block a decision on `today` ('YYYY-MM-DD'), oldest first. */
export async function decisionBlockers(db: Kysely<DB> | Transaction<DB>, tenantId: string, programmeId: string, today: string): Promise<TDecisionBlocker[]> {
  const { rows } = await sql<TRow>`
    SELECT f.id, f.reference, f.class, f.state,
      f.response_due_on::text AS response_due_on, f.closure_due_on::text AS closure_due_on, f.verification_due_on::text AS verification_due_on,
      coalesce(a.actual_end, a.planned_end)::text AS audit_last_day,
      (SELECT s.major_verification_months FROM body_settings s WHERE s.tenant_id = f.tenant_id) AS months
    FROM audit_findings f
    JOIN audits a ON a.tenant_id = f.tenant_id AND a.id = f.audit_id
    WHERE f.tenant_id = ${tenantId} AND f.programme_id = ${programmeId}
      AND f.class IN ('major', 'minor') AND f.state NOT IN ('verified', 'closed')
      AND a.state <> 'cancelled'
    ORDER BY f.raised_at, f.id`.execute(db);
  const out: TDecisionBlocker[] = [];
  for (const r of rows) {
    const months = r.months ?? DEFAULT_FINDING_DEADLINES.majorVerificationMonths;
    const window = r.class === 'major' && r.audit_last_day ? verificationDueOn(r.audit_last_day, months) : r.verification_due_on;
    const b = decisionBlockerOf({ class: r.class, state: r.state, responseDueOn: r.response_due_on, closureDueOn: r.closure_due_on, verificationDueOn: window }, today);
    if (b) out.push({ code: b.code, findingId: r.id, reference: r.reference, class: r.class, dueOn: b.dueOn });
  }
  return out;
}
