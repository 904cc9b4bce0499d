import { sql, type Kysely } from 'kysely';

/*
 * The certification body's proposals (fee quotes for a three-year cycle) and their lines. A proposal
 * is drafted for a client, issued (its PDF frozen in the blob store with its SHA-256, a signed link
 * e-mailed), then accepted or declined by the organization through that link. Acceptance opens the
 * engagement (migration 0018) in the same transaction, so `engagement_id` is set exactly when
 * `accepted_at` is.
 *
 * "Expired" is not stored: it is a sent proposal whose validity date has passed on the platform clock.
 */
const statements = [
  `CREATE TABLE proposals (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    reference text NOT NULL,
    client_id uuid NOT NULL,
    scheme text NOT NULL DEFAULT 'iso42001' CHECK (scheme IN ('iso42001')),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','sent','accepted','declined','withdrawn')),
    locale text NOT NULL CHECK (locale IN ('en','fr')),
    currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    valid_until date NOT NULL,
    recipient_name text NOT NULL DEFAULT '',
    recipient_email text,
    notes text NOT NULL DEFAULT '',
    audit_time jsonb,
    sent_at timestamptz,
    sent_by uuid REFERENCES users(id),
    document_sha256 text CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
    document_size integer,
    accepted_at timestamptz,
    accepted_by uuid REFERENCES users(id),
    accepted_ip text,
    accepted_user_agent text,
    organization_tenant_id uuid REFERENCES tenants(id),
    engagement_id uuid REFERENCES engagements(id),
    declined_at timestamptz,
    declined_by uuid REFERENCES users(id),
    declined_ip text,
    decline_reason text,
    withdrawn_at timestamptz,
    withdrawn_by uuid REFERENCES users(id),
    withdraw_reason text,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
    CHECK ((status = 'draft') = (sent_at IS NULL) OR status = 'withdrawn'),
    CHECK ((sent_at IS NULL) = (document_sha256 IS NULL)),
    CHECK ((status = 'accepted') = (accepted_at IS NOT NULL)),
    CHECK ((status = 'accepted') = (engagement_id IS NOT NULL)),
    CHECK ((status = 'declined') = (declined_at IS NOT NULL)),
    CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
  )`,
  `CREATE UNIQUE INDEX proposals_reference_key ON proposals (tenant_id, reference)`,
  // The body's list walks newest first; the client page lists its own.
  `CREATE INDEX proposals_list_idx ON proposals (tenant_id, created_at DESC, id DESC)`,
  `CREATE INDEX proposals_client_idx ON proposals (tenant_id, client_id, created_at DESC)`,
  // The organization's side reads what it accepted.
  `CREATE INDEX proposals_org_idx ON proposals (organization_tenant_id) WHERE organization_tenant_id IS NOT NULL`,
  `CREATE TABLE proposal_lines (
    tenant_id uuid NOT NULL,
    proposal_id uuid NOT NULL,
    slot text NOT NULL CHECK (slot IN ('stage1','stage2','surveillance1','surveillance2','recertification')),
    cycle_year integer NOT NULL CHECK (cycle_year BETWEEN 1 AND 3),
    days numeric(6,1) NOT NULL CHECK (days >= 0 AND days * 2 = floor(days * 2)),
    day_rate_cents bigint NOT NULL CHECK (day_rate_cents >= 0),
    travel_cents bigint NOT NULL DEFAULT 0 CHECK (travel_cents >= 0),
    expenses_cents bigint NOT NULL DEFAULT 0 CHECK (expenses_cents >= 0),
    fee_fixed boolean NOT NULL,
    -- days × rate + travel + expenses, priced once by proposal-pricing.ts when the line is written.
    amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
    PRIMARY KEY (tenant_id, proposal_id, slot),
    FOREIGN KEY (tenant_id, proposal_id) REFERENCES proposals (tenant_id, id) ON DELETE CASCADE
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['proposal_lines', 'proposals']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
