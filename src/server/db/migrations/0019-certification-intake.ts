import { sql, type Kysely } from 'kysely';

/*
 * The certification body's intake: quote requests sent from its public page (no account) and the
 * per-address counter that rate-limits them. A request is kept as it was sent; the scheme manager
 * converts it into a client (clients.quote_request_id points back) or declines it with a reason.
 */
const statements = [
  `CREATE TABLE quote_requests (
    tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    status text NOT NULL DEFAULT 'new' CHECK (status IN ('new','converted','declined')),
    organization_name text NOT NULL,
    registered_address text NOT NULL,
    sector text NOT NULL DEFAULT '',
    contact_name text NOT NULL,
    contact_email text NOT NULL,
    contact_phone text NOT NULL DEFAULT '',
    sites jsonb NOT NULL DEFAULT '[]',
    employees_full_time integer NOT NULL CHECK (employees_full_time >= 0),
    employees_part_time integer NOT NULL DEFAULT 0 CHECK (employees_part_time >= 0),
    ai_systems_count integer NOT NULL CHECK (ai_systems_count >= 0),
    high_risk_ai_systems integer NOT NULL DEFAULT 0 CHECK (high_risk_ai_systems >= 0 AND high_risk_ai_systems <= ai_systems_count),
    ai_systems_description text NOT NULL DEFAULT '',
    ai_roles text[] NOT NULL DEFAULT '{}',
    existing_certifications text[] NOT NULL DEFAULT '{}',
    standards text[] NOT NULL,
    preferred_locale text NOT NULL CHECK (preferred_locale IN ('en','fr')),
    pre_audit boolean NOT NULL DEFAULT false,
    message text NOT NULL DEFAULT '',
    received_at timestamptz NOT NULL,
    decided_by uuid REFERENCES users(id),
    decided_at timestamptz,
    decline_reason text,
    client_id uuid,
    PRIMARY KEY (tenant_id, id),
    CHECK ((status = 'new') = (decided_at IS NULL)),
    CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
    CHECK ((status = 'converted') = (client_id IS NOT NULL)),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id)
  )`,
  // The inbox reads newest first, often only the new ones.
  `CREATE INDEX quote_requests_inbox_idx ON quote_requests (tenant_id, received_at DESC, id DESC)`,
  `CREATE INDEX quote_requests_status_idx ON quote_requests (tenant_id, status, received_at DESC, id DESC)`,
  // One enquiry becomes at most one client.
  `CREATE UNIQUE INDEX clients_quote_request_key ON clients (tenant_id, quote_request_id) WHERE quote_request_id IS NOT NULL`,
  /*
   * Public requests counted per sender, before anything is stored: the key is a keyed hash of the
   * network address (the address itself is not kept here), pruned as the window slides on.
   */
  `CREATE TABLE public_request_hits (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key text NOT NULL,
    occurred_at timestamptz NOT NULL
  )`,
  `CREATE INDEX public_request_hits_key_idx ON public_request_hits (key, occurred_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP INDEX clients_quote_request_key').execute(db);
  for (const t of ['public_request_hits', 'quote_requests']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
