import { sql, type Kysely } from 'kysely';

/*
 * The AI systems a risk concerns. Both keys lead with tenant_id, so a risk can only ever name a
 * system of its own organization: the foreign key itself refuses another tenant's system.
 */
const statements = [
  `CREATE TABLE risk_ai_systems (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    risk_id uuid NOT NULL,
    ai_system_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, risk_id, ai_system_id),
    FOREIGN KEY (tenant_id, risk_id) REFERENCES risks (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, ai_system_id) REFERENCES ai_systems (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX risk_ai_systems_system_idx ON risk_ai_systems (tenant_id, ai_system_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE risk_ai_systems').execute(db);
}
