import { sql, type Kysely } from 'kysely';

/*
 * Surveillance and recertification alerts (issue 11): what the daily job raised, one row per
 * programme (or audit), kind and threshold, so that each alert is raised — and mailed — once. The
 * row is kept as the dashboards' record of it; `cleared_at` is set when the condition went away
 * (the audit was reported, the certificate renewed), so open alerts are `cleared_at IS NULL`.
 */
const statements = [
  `CREATE TABLE cycle_alerts (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    organization_tenant_id uuid NOT NULL REFERENCES tenants(id),
    programme_id uuid NOT NULL,
    audit_id uuid,
    kind text NOT NULL CHECK (kind IN ('recertification_reminder','recertification_not_started','surveillance_overdue')),
    threshold text NOT NULL,
    due_on date NOT NULL,
    raised_on date NOT NULL,
    recipients integer NOT NULL DEFAULT 0,
    cleared_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, programme_id, kind, threshold),
    FOREIGN KEY (tenant_id, programme_id) REFERENCES audit_programmes (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, audit_id) REFERENCES audits (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX cycle_alerts_open_idx ON cycle_alerts (tenant_id, programme_id) WHERE cleared_at IS NULL`,
  `CREATE INDEX cycle_alerts_organization_idx ON cycle_alerts (organization_tenant_id) WHERE cleared_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE cycle_alerts').execute(db);
}
