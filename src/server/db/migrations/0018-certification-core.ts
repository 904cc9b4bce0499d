import { sql, type Kysely } from 'kysely';

/*
 * The certification body's core records (ISO/IEC 17021-1): its settings, its clients, the
 * engagement that links it to an organization's tenant, the three-year audit programme and the
 * audits with their team. Intake (quote requests, audit time), proposals, competence and the audit
 * workspace add their own tables beside these.
 *
 * Engagements are the one record that belongs to two tenants, so their id is global and each
 * side reads them by its own column (body_tenant_id or organization_tenant_id).
 */
const statements = [
  `CREATE TABLE body_settings (
    tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
    public_slug text NOT NULL UNIQUE CHECK (public_slug ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])$' AND length(public_slug) BETWEEN 3 AND 50),
    legal_name text NOT NULL,
    address text NOT NULL DEFAULT '',
    quotes_open boolean NOT NULL DEFAULT true,
    cooling_off_months integer NOT NULL DEFAULT 24 CHECK (cooling_off_months BETWEEN 0 AND 120),
    rotation_max_cycles integer NOT NULL DEFAULT 2 CHECK (rotation_max_cycles BETWEEN 1 AND 10),
    currency text NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    default_day_rate_cents bigint NOT NULL DEFAULT 150000 CHECK (default_day_rate_cents >= 0),
    proposal_validity_days integer NOT NULL DEFAULT 90 CHECK (proposal_validity_days BETWEEN 1 AND 365),
    updated_by uuid REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE clients (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    reference text NOT NULL,
    legal_name text NOT NULL,
    registered_address text NOT NULL,
    sector text NOT NULL DEFAULT '',
    sector_risk text NOT NULL CHECK (sector_risk IN ('low','medium','high')),
    employees_full_time integer NOT NULL CHECK (employees_full_time >= 0),
    employees_part_time integer NOT NULL DEFAULT 0 CHECK (employees_part_time >= 0),
    part_time_fte numeric(10,2) NOT NULL DEFAULT 0 CHECK (part_time_fte >= 0),
    ai_systems_count integer NOT NULL DEFAULT 0 CHECK (ai_systems_count >= 0),
    high_risk_ai_systems integer NOT NULL DEFAULT 0 CHECK (high_risk_ai_systems >= 0 AND high_risk_ai_systems <= ai_systems_count),
    ai_roles text[] NOT NULL DEFAULT '{}',
    aims_maturity text NOT NULL DEFAULT 'initial' CHECK (aims_maturity IN ('initial','established','mature')),
    existing_certifications text[] NOT NULL DEFAULT '{}',
    contact_name text NOT NULL DEFAULT '',
    contact_email text,
    preferred_locale text NOT NULL DEFAULT 'fr' CHECK (preferred_locale IN ('en','fr')),
    organization_tenant_id uuid REFERENCES tenants(id),
    quote_request_id uuid,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
  )`,
  `CREATE UNIQUE INDEX clients_reference_key ON clients (tenant_id, reference)`,
  `CREATE INDEX clients_name_idx ON clients (tenant_id, lower(legal_name), id)`,
  `CREATE TABLE client_sites (
    tenant_id uuid NOT NULL,
    client_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    name text NOT NULL,
    address text NOT NULL,
    is_central boolean NOT NULL DEFAULT false,
    personnel integer NOT NULL DEFAULT 0 CHECK (personnel >= 0),
    activities text NOT NULL DEFAULT '',
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE
  )`,
  // IAF MD1: the central function is audited every time, so there is exactly one per client at most.
  `CREATE UNIQUE INDEX client_sites_central_key ON client_sites (tenant_id, client_id) WHERE is_central`,
  `CREATE INDEX client_sites_client_idx ON client_sites (tenant_id, client_id)`,
  `CREATE TABLE client_ai_systems (
    tenant_id uuid NOT NULL,
    client_id uuid NOT NULL,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    name text NOT NULL,
    tier text NOT NULL CHECK (tier IN ('prohibited','high','limited','minimal','unknown')),
    role text NOT NULL CHECK (role IN ('provider','developer','user')),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE INDEX client_ai_systems_client_idx ON client_ai_systems (tenant_id, client_id)`,
  `CREATE TABLE engagements (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    body_tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    organization_tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    client_id uuid NOT NULL,
    scheme text NOT NULL CHECK (scheme IN ('iso42001','soc2-type1','soc2-type2','iso27001')),
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','suspended','closed')),
    proposal_id uuid,
    started_at timestamptz NOT NULL DEFAULT now(),
    closed_at timestamptz,
    closed_reason text,
    created_by uuid REFERENCES users(id),
    CHECK (body_tenant_id <> organization_tenant_id),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
    FOREIGN KEY (body_tenant_id, client_id) REFERENCES clients (tenant_id, id)
  )`,
  // One live engagement per body, organization and scheme: a second acceptance cannot fork the programme.
  `CREATE UNIQUE INDEX engagements_live_key ON engagements (body_tenant_id, organization_tenant_id, scheme) WHERE status <> 'closed'`,
  `CREATE INDEX engagements_body_idx ON engagements (body_tenant_id, client_id)`,
  `CREATE INDEX engagements_org_idx ON engagements (organization_tenant_id, status)`,
  `CREATE TABLE audit_programmes (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    engagement_id uuid NOT NULL REFERENCES engagements(id),
    client_id uuid NOT NULL,
    cycle integer NOT NULL DEFAULT 1 CHECK (cycle >= 1),
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','completed','cancelled')),
    decision_date date,
    expiry_date date,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, engagement_id, cycle),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id)
  )`,
  `CREATE TABLE audits (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    programme_id uuid NOT NULL,
    engagement_id uuid NOT NULL REFERENCES engagements(id),
    client_id uuid NOT NULL,
    reference text NOT NULL,
    type text NOT NULL CHECK (type IN ('pre_audit','stage1','stage2','surveillance','recertification','special','follow_up')),
    sequence integer NOT NULL DEFAULT 1 CHECK (sequence >= 1),
    state text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned','confirmed','in_progress','reported','closed','cancelled')),
    due_by date,
    planned_start date,
    planned_end date,
    actual_start date,
    actual_end date,
    planned_days numeric(6,1) NOT NULL DEFAULT 0 CHECK (planned_days >= 0),
    on_site_days numeric(6,1) NOT NULL DEFAULT 0 CHECK (on_site_days >= 0),
    state_changed_by uuid REFERENCES users(id),
    state_changed_at timestamptz,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start),
    FOREIGN KEY (tenant_id, programme_id) REFERENCES audit_programmes (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id)
  )`,
  `CREATE UNIQUE INDEX audits_reference_key ON audits (tenant_id, reference)`,
  `CREATE INDEX audits_programme_idx ON audits (tenant_id, programme_id, type, sequence)`,
  // The body's calendar walks audits by date; undated slots sort by their deadline.
  `CREATE INDEX audits_calendar_idx ON audits (tenant_id, (coalesce(planned_start, due_by)), id)`,
  `CREATE INDEX audits_engagement_idx ON audits (engagement_id)`,
  `CREATE TABLE audit_team_members (
    tenant_id uuid NOT NULL,
    audit_id uuid NOT NULL,
    user_id uuid NOT NULL REFERENCES users(id),
    role text NOT NULL CHECK (role IN ('lead_auditor','auditor','technical_expert','observer')),
    planned_days numeric(5,1) NOT NULL DEFAULT 0 CHECK (planned_days >= 0),
    assigned_by uuid REFERENCES users(id),
    assigned_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, audit_id, user_id),
    FOREIGN KEY (tenant_id, audit_id) REFERENCES audits (tenant_id, id) ON DELETE CASCADE
  )`,
  `CREATE UNIQUE INDEX audit_team_lead_key ON audit_team_members (tenant_id, audit_id) WHERE role = 'lead_auditor'`,
  // "Is this person on a team of this engagement?" is asked on every engagement-scoped read.
  `CREATE INDEX audit_team_user_idx ON audit_team_members (tenant_id, user_id, audit_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_team_members', 'audits', 'audit_programmes', 'engagements', 'client_ai_systems', 'client_sites', 'clients', 'body_settings']) {
    await sql.raw(`DROP TABLE ${t}`).execute(db);
  }
}
