import { sql, type Kysely } from 'kysely';

/*
 * What the body must know before it puts a person on an audit team (ISO/IEC 17021-1 7.1, 7.2,
 * 5.2; ISO/IEC 42006 on AI-specific competence): each person's competence for a scheme
 * (qualification, when they were trained on ISO/IEC 42001, their AI-domain areas, audits done,
 * until when it holds); the links each person declared with a client (consultancy for, employment
 * by, or another interest, and when it ended) and the body's own consultancy for a client (a row
 * without a person, refused outright); and the impartiality declaration each team member signs
 * per audit, with the version of the statement they signed.
 */
const statements = [
  `CREATE TABLE auditor_competences (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users(id),
    scheme text NOT NULL CHECK (scheme IN ('iso42001','soc2-type1','soc2-type2','iso27001')),
    qualification text NOT NULL,
    iso42001_trained_on date,
    ai_domain_areas text[] NOT NULL DEFAULT '{}',
    audits_done integer NOT NULL DEFAULT 0 CHECK (audits_done >= 0),
    lead_qualified boolean NOT NULL DEFAULT false,
    valid_from date NOT NULL,
    valid_until date NOT NULL,
    notes text NOT NULL DEFAULT '',
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (valid_until >= valid_from)
  )`,
  `CREATE INDEX auditor_competences_user_idx ON auditor_competences (tenant_id, user_id, scheme, valid_until)`,
  `CREATE TABLE auditor_conflicts (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    client_id uuid NOT NULL,
    -- null: the certification body itself consulted for the client (17021-1 5.2), whoever audits.
    user_id uuid REFERENCES users(id),
    kind text NOT NULL CHECK (kind IN ('consultancy','employment','other')),
    description text NOT NULL DEFAULT '',
    started_on date,
    ended_on date,
    declared_by uuid REFERENCES users(id),
    declared_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE,
    CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on),
    CHECK (user_id IS NOT NULL OR kind = 'consultancy')
  )`,
  `CREATE INDEX auditor_conflicts_client_idx ON auditor_conflicts (tenant_id, client_id, user_id)`,
  `CREATE TABLE audit_impartiality_declarations (
    tenant_id uuid NOT NULL,
    audit_id uuid NOT NULL,
    user_id uuid NOT NULL REFERENCES users(id),
    statement_version text NOT NULL,
    locale text NOT NULL CHECK (locale IN ('en','fr')),
    statement text NOT NULL,
    signed_at timestamptz NOT NULL DEFAULT now(),
    ip text,
    PRIMARY KEY (tenant_id, audit_id, user_id),
    FOREIGN KEY (tenant_id, audit_id) REFERENCES audits (tenant_id, id) ON DELETE CASCADE
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_impartiality_declarations', 'auditor_conflicts', 'auditor_competences']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
