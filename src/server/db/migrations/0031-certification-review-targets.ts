import { sql, type Kysely } from 'kysely';

/*
 * Certification II leftovers (issue 11):
 *  - an audit report recommends what fits its audit: a stage 2 recommends granting, a surveillance
 *    maintaining (or suspending), a recertification renewing (or not), a special audit extending or
 *    reducing the scope. Reports written before this named every recommendation "grant" and let the
 *    audit type say what it meant ("maintain" for a surveillance, "renew" for a recertification):
 *    they are rewritten to the value they meant, so their text does not change.
 *  - a maintain decision after surveillance is a public event of the certificate ('maintained').
 *  - the body's targets for the corrective-action review and the certification decision, in
 *    business days (seed 000: « 5–15 business days » and « 3–5 business days »: the upper bounds).
 */
const NEW_RECOMMENDATIONS = [
  'grant',
  'grant_after_corrections',
  'not_recommended',
  'maintain',
  'maintain_after_corrections',
  'suspend',
  'renew',
  'renew_after_corrections',
  'not_renewed',
  'extend_scope',
  'reduce_scope',
];
const OLD_RECOMMENDATIONS = ['grant', 'grant_after_corrections', 'not_recommended'];
const OLD_EVENTS = ['issued', 'suspended', 'reinstated', 'withdrawn', 'scope_reduced', 'scope_extended', 'renewed', 'restored', 'expired', 'superseded'];
const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(',');

const REWRITES: [auditType: string, from: string, to: string][] = [
  ['surveillance', 'grant', 'maintain'],
  ['surveillance', 'grant_after_corrections', 'maintain_after_corrections'],
  ['surveillance', 'not_recommended', 'suspend'],
  ['recertification', 'grant', 'renew'],
  ['recertification', 'grant_after_corrections', 'renew_after_corrections'],
  ['recertification', 'not_recommended', 'not_renewed'],
  ['special', 'grant', 'maintain'],
  ['special', 'grant_after_corrections', 'maintain_after_corrections'],
  ['special', 'not_recommended', 'suspend'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('ALTER TABLE audit_reports DROP CONSTRAINT audit_reports_recommendation_check').execute(db);
  await sql.raw(`ALTER TABLE audit_reports ADD CONSTRAINT audit_reports_recommendation_check CHECK (recommendation IN (${list(NEW_RECOMMENDATIONS)}))`).execute(db);
  for (const [type, from, to] of REWRITES) {
    await sql
      .raw(
        `UPDATE audit_reports r SET recommendation = '${to}' FROM audits a
          WHERE a.tenant_id = r.tenant_id AND a.id = r.audit_id AND a.type = '${type}' AND r.recommendation = '${from}'`,
      )
      .execute(db);
  }
  await sql.raw('ALTER TABLE certificate_events DROP CONSTRAINT certificate_events_kind_check').execute(db);
  await sql.raw(`ALTER TABLE certificate_events ADD CONSTRAINT certificate_events_kind_check CHECK (kind IN (${list([...OLD_EVENTS, 'maintained'])}))`).execute(db);
  await sql
    .raw(
      `ALTER TABLE body_settings
        ADD COLUMN corrective_action_review_days integer NOT NULL DEFAULT 15 CHECK (corrective_action_review_days BETWEEN 1 AND 90),
        ADD COLUMN decision_days integer NOT NULL DEFAULT 5 CHECK (decision_days BETWEEN 1 AND 90)`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('ALTER TABLE body_settings DROP COLUMN corrective_action_review_days, DROP COLUMN decision_days').execute(db);
  await sql.raw(`DELETE FROM certificate_events WHERE kind = 'maintained'`).execute(db);
  await sql.raw('ALTER TABLE certificate_events DROP CONSTRAINT certificate_events_kind_check').execute(db);
  await sql.raw(`ALTER TABLE certificate_events ADD CONSTRAINT certificate_events_kind_check CHECK (kind IN (${list(OLD_EVENTS)}))`).execute(db);
  for (const [, from, to] of REWRITES) await sql.raw(`UPDATE audit_reports SET recommendation = '${from}' WHERE recommendation = '${to}'`).execute(db);
  await sql.raw('ALTER TABLE audit_reports DROP CONSTRAINT audit_reports_recommendation_check').execute(db);
  await sql.raw(`ALTER TABLE audit_reports ADD CONSTRAINT audit_reports_recommendation_check CHECK (recommendation IN (${list(OLD_RECOMMENDATIONS)}))`).execute(db);
}
