import { sql, type Kysely } from 'kysely';

/*
 * The overdue-findings job mails each late item once per due date: a row here says it was sent.
 * A due date that moves (a finding edited, a new answer asked for) is a new row, so a new reminder.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE audit_finding_reminders (
    tenant_id uuid NOT NULL,
    finding_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('response', 'closure', 'verification')),
    due_on date NOT NULL,
    sent_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, finding_id, kind, due_on),
    FOREIGN KEY (tenant_id, finding_id) REFERENCES audit_findings (tenant_id, id) ON DELETE CASCADE
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE audit_finding_reminders`.execute(db);
}
