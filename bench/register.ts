import autocannon from 'autocannon';
import pg from 'pg';
import { sql, type RawBuilder } from 'kysely';
import { openDatabase } from '../src/server/db/client.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { postgresCpuSeconds, serverCpuSeconds } from './aims.ts';
import { BENCH_ADMIN } from './login.ts';

/*
 * The public register at scale: 10,000 certificates of one certification body (one in ten
 * suspended, one in twenty renewed once, so the history and revisions are not all trivial),
 * written through SQL before the server starts. Then GET /api/register/certificates/{number} for
 * a random number on each request, as the CertSearch crawlers and QR-code scans do.
 */
export const REGISTER = { certificates: 10_000 };
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
export const registerNumber = (i: number) => `AIMS-2026-${String(i).padStart(5, '0')}`;

export async function prepareRegister(databaseUrl: string | null, dataDir: string): Promise<void> {
  const database = await openDatabase({ databaseUrl: databaseUrl ?? undefined, pgliteDir: `${dataDir}/pg` });
  const db = database.db;
  try {
    await migrateToLatest(db);
    const U = (await db.selectFrom('users').select('id').where('email', '=', BENCH_ADMIN.email).executeTakeFirstOrThrow()).id;
    const B = (await db.insertInto('tenants').values({ name: 'Bench body', kind: 'certification_body' }).returning('id').executeTakeFirstOrThrow()).id;
    const O = (await db.insertInto('tenants').values({ name: 'Bench client', kind: 'organization' }).returning('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('body_settings').values({ tenant_id: B, public_slug: 'bench-body', legal_name: 'Bench Certification SAS', address: '8 avenue de l’Opéra, 75001 Paris, France' }).execute();
    const client = await db
      .insertInto('clients')
      .values({ tenant_id: B, reference: 'CLI-0001', legal_name: 'Bench Client SA', registered_address: 'Paris', sector: 'Finance', sector_risk: 'high', employees_full_time: 40, ai_systems_count: 2, high_risk_ai_systems: 1, ai_roles: ['provider'], organization_tenant_id: O })
      .returning('id')
      .executeTakeFirstOrThrow();
    const engagement = await db.insertInto('engagements').values({ body_tenant_id: B, organization_tenant_id: O, client_id: client.id, scheme: 'iso42001', status: 'active', created_by: U }).returning('id').executeTakeFirstOrThrow();
    const programme = await db.insertInto('audit_programmes').values({ tenant_id: B, engagement_id: engagement.id, client_id: client.id, created_by: U }).returning('id').executeTakeFirstOrThrow();
    const decision = await db
      .insertInto('certification_decisions')
      .values({ tenant_id: B, reference: 'DEC-0001', programme_id: programme.id, engagement_id: engagement.id, client_id: client.id, kind: 'grant', decided_by: U, decided_on: '2026-01-10', reasoning: 'Bench.', file_sha256: '0'.repeat(64), file_snapshot: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids = { B, E: engagement.id, C: client.id, P: programme.id, D: decision.id };
    // Renewed numbers first get a superseded revision 0, then the current revision 1.
    const insert = (where: RawBuilder<unknown>, revision: RawBuilder<unknown>, status: RawBuilder<unknown>) => sql`
      INSERT INTO certificates (tenant_id, number, revision, engagement_id, client_id, programme_id, decision_id, status, standard, holder_name, holder_address,
        sites, ai_systems, scope_en, scope_fr, soa_version, body_name, body_address, original_issue_date, effective_date, expiry_date, decision_date,
        suspended_until, credential, credential_sha256)
      SELECT ${ids.B}, 'AIMS-2026-' || lpad(g::text, 5, '0'), ${revision}, ${ids.E}, ${ids.C}, ${ids.P}, ${ids.D}, ${status}, 'ISO/IEC 42001:2023',
        'Bench Holder ' || g || ' SAS', g || ' rue de la Paix, 75002 Paris, France',
        jsonb_build_array(jsonb_build_object('name', 'Siège', 'address', g || ' rue de la Paix, 75002 Paris', 'scope', jsonb_build_object('en', 'AI credit scoring', 'fr', 'Notation de crédit par IA')),
                          jsonb_build_object('name', 'Lyon', 'address', '3 quai Saint-Antoine, 69002 Lyon', 'scope', null)),
        '[{"name":"Credit scoring model"},{"name":"Fraud detection"}]'::jsonb,
        'Design, development and operation of AI systems for consumer credit', 'Conception, développement et exploitation de systèmes d’IA pour le crédit à la consommation',
        '3', 'Bench Certification SAS', '8 avenue de l’Opéra, 75001 Paris, France', '2026-01-10', '2026-01-10'::date + 365 * ${revision}, '2029-01-09'::date + 365 * ${revision}, '2026-01-10',
        CASE WHEN ${status} = 'suspended' THEN '2026-07-10'::date END,
        jsonb_build_object('@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'), 'type', jsonb_build_array('VerifiableCredential'), 'id', 'urn:bench:' || g),
        md5(g::text) || md5((g + 1)::text)
      FROM generate_series(1, ${REGISTER.certificates}) g WHERE ${where}`;
    await insert(sql`g % 20 = 0`, sql`0`, sql`'superseded'`).execute(db);
    await insert(sql`true`, sql`CASE WHEN g % 20 = 0 THEN 1 ELSE 0 END`, sql`CASE WHEN g % 10 = 3 THEN 'suspended' ELSE 'valid' END`).execute(db);
    await sql`INSERT INTO certificate_events (tenant_id, certificate_id, kind, effective_on, reason_en, reason_fr)
      SELECT tenant_id, id, CASE revision WHEN 0 THEN 'issued' ELSE 'renewed' END, effective_date, '', '' FROM certificates WHERE tenant_id = ${B}
      UNION ALL SELECT tenant_id, id, 'superseded', '2027-01-10', '', '' FROM certificates WHERE tenant_id = ${B} AND status = 'superseded'
      UNION ALL SELECT tenant_id, id, 'suspended', '2026-04-10', 'Surveillance audit not held in time.', 'Audit de surveillance non réalisé dans les délais.' FROM certificates WHERE tenant_id = ${B} AND status = 'suspended'`.execute(db);
    await sql`ANALYZE certificates`.execute(db);
    await sql`ANALYZE certificate_events`.execute(db);
  } finally {
    await database.close();
  }
}

/**
 * The lookup by number under 16 connections, a random number each request. Steady state, as a
 * register in use is: every number read once first (not counted), so the server holds each page.
 */
export async function registerScenario(base: string, duration: number, pid?: number, pgPid?: number) {
  const path = () => `/api/register/certificates/${registerNumber(1 + Math.floor(Math.random() * REGISTER.certificates))}`;
  const requests = [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: path() }) }];
  let next = 0;
  const warm = [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: `/api/register/certificates/${registerNumber(1 + (next++ % REGISTER.certificates))}` }) }];
  await autocannon({ url: base, connections: 16, amount: REGISTER.certificates, requests: warm });
  const cpu0 = pid ? serverCpuSeconds(pid) : 0;
  const db0 = pgPid ? postgresCpuSeconds(pgPid) : 0;
  const r = await autocannon({ url: base, connections: 16, duration, requests });
  if (r.non2xx) throw new Error(`register lookup: ${r.non2xx} non-2xx answers`);
  const perRequest = (seconds: number) => Math.round((seconds * 1e6) / r.requests.total);
  const serverCpuUs = pid && r.requests.total ? { serverCpuUsPerRequest: perRequest(serverCpuSeconds(pid) - cpu0) } : {};
  // PostgreSQL's share: on the bench's two cores it competes with the server and autocannon.
  const dbCpuUs = pgPid && r.requests.total ? { postgresCpuUsPerRequest: perRequest(postgresCpuSeconds(pgPid) - db0) } : {};
  return { registerLookup: { rps: round(r.requests.average), p99Ms: r.latency.p99, ...serverCpuUs, ...dbCpuUs } };
}

/**
 * Before the lookups are measured on PostgreSQL: the scenarios before this one wrote a great deal,
 * so autovacuum workers and the checkpointer would otherwise run during the measurement and be
 * counted as the lookups' cost. A register in use reads a settled table.
 */
export async function settlePostgres(databaseUrl: string) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query('VACUUM (ANALYZE)');
    await c.query('CHECKPOINT');
    for (let i = 0; i < 60; i++) {
      const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`);
      if (rows[0]!.n === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await c.end();
  }
}
