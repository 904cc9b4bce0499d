import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/client.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { loadCatalogs } from '../src/server/modules/catalog/catalog-loader.ts';
import { DEFAULT_MATRIX } from '../src/server/modules/risks/risk-matrix.ts';
import { BENCH_ADMIN } from './login.ts';

/*
 * AIMS II at scale: one organization with 3 adopted frameworks, 400 controls, 50 AI systems, 500
 * risks, 100,000 evidence records and an approved SoA (ISO/IEC 42001 and 27001 Annex A), written
 * through SQL before the server starts (PGlite allows one process at a time). Then the 42001
 * readiness tree at 1 connection (latency) and 16 (throughput), and the SoA exports.
 */
export const AIMS2 = { controls: 400, systems: 50, risks: 500, evidence: 100_000 };
const FRAMEWORKS = ['iso-iec-42001-2023', 'iso-iec-27001-2022', 'soc2-tsc-2017'] as const;
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** Returns the organization's id; the bench administrator owns it. */
export async function prepareAims2(databaseUrl: string | null, dataDir: string): Promise<string> {
  const database = await openDatabase({ databaseUrl: databaseUrl ?? undefined, pgliteDir: `${dataDir}/pg` });
  const db = database.db;
  try {
    await migrateToLatest(db);
    await loadCatalogs(db);
    const admin = await db.selectFrom('users').select('id').where('email', '=', BENCH_ADMIN.email).executeTakeFirstOrThrow();
    const tenantId = (await db.insertInto('tenants').values({ name: 'Bench AIMS', kind: 'organization' }).returning('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('memberships').values({ tenant_id: tenantId, user_id: admin.id, role: 'owner' }).execute();
    const T = tenantId;
    const U = admin.id;
    await sql`INSERT INTO tenant_frameworks (tenant_id, framework_id, framework_version, adopted_by)
      SELECT ${T}, id, version, ${U} FROM catalog_frameworks WHERE is_current AND id IN (${sql.join(FRAMEWORKS)})`.execute(db);
    // Controls: every one linked to a 42001 requirement (round robin over clauses and Annex A) and
    // to one of 27001 or SOC 2, as a mapped control set would be.
    await sql`INSERT INTO controls (tenant_id, reference, title, description, owner_id, frequency, automation, status)
      SELECT ${T}, 'CTL-' || lpad(g::text, 3, '0'), 'Bench control ' || g, 'Operated and evidenced for the bench.', ${U},
             (ARRAY['continuous','daily','weekly','monthly','quarterly','annually','on_event'])[1 + g % 7],
             CASE WHEN g % 3 = 0 THEN 'automated' ELSE 'manual' END,
             (ARRAY['planned','implemented','operating','operating'])[1 + g % 4]
      FROM generate_series(1, ${AIMS2.controls}) g`.execute(db);
    for (const fw of FRAMEWORKS) {
      await sql`WITH c AS (SELECT id, row_number() OVER (ORDER BY reference) AS n FROM controls WHERE tenant_id = ${T}),
        r AS (SELECT framework_id, framework_version, ref, row_number() OVER (ORDER BY position) AS n, count(*) OVER () AS total
              FROM catalog_requirements cr JOIN catalog_frameworks f ON f.id = cr.framework_id AND f.version = cr.framework_version AND f.is_current
              WHERE cr.framework_id = ${fw} AND cr.normative)
        INSERT INTO control_requirements (tenant_id, control_id, framework_id, framework_version, ref, origin, linked_by)
        SELECT ${T}, c.id, r.framework_id, r.framework_version, r.ref, 'manual', ${U}
        FROM c JOIN r ON r.n = 1 + (c.n % r.total)
        WHERE ${fw} = 'iso-iec-42001-2023' OR c.n % 2 = ${fw === 'soc2-tsc-2017' ? 0 : 1}
        ON CONFLICT DO NOTHING`.execute(db);
    }
    await sql`INSERT INTO ai_systems (tenant_id, name, lifecycle_stage, roles, business_owner_id)
      SELECT ${T}, 'Bench system ' || g, (ARRAY['design','development','validation','deployed'])[1 + g % 4], ARRAY['deployer'], ${U}
      FROM generate_series(1, ${AIMS2.systems}) g`.execute(db);
    await sql`INSERT INTO risk_matrices (tenant_id, version, config, created_by) VALUES (${T}, 1, ${JSON.stringify(DEFAULT_MATRIX)}::jsonb, ${U})`.execute(db);
    await sql`INSERT INTO risks (tenant_id, title, source, owner_id, matrix_version, inherent_likelihood, inherent_impact, inherent_score, inherent_level, treatment)
      SELECT ${T}, 'Bench risk ' || g, 'process', ${U}, 1, 1 + g % 5, 1 + (g / 5) % 5, (1 + g % 5) * (1 + (g / 5) % 5),
             CASE WHEN (1 + g % 5) * (1 + (g / 5) % 5) > 15 THEN 'critical' WHEN (1 + g % 5) * (1 + (g / 5) % 5) > 9 THEN 'high' WHEN (1 + g % 5) * (1 + (g / 5) % 5) > 4 THEN 'medium' ELSE 'low' END,
             CASE WHEN g % 25 = 0 THEN NULL ELSE 'mitigate' END
      FROM generate_series(1, ${AIMS2.risks}) g`.execute(db);
    // 100,000 evidence records over the last two years, each for one control; 1 in 50 late.
    await sql`WITH c AS (SELECT id, row_number() OVER (ORDER BY reference) AS n FROM controls WHERE tenant_id = ${T}),
      e AS (
        INSERT INTO evidence (tenant_id, series_id, kind, title, sha256, url, effective_date, status, received_at, contemporaneity_days, not_contemporaneous, owner_id, created_by)
        SELECT ${T}, gen_random_uuid(), 'link', 'Bench evidence ' || g, md5(g::text) || md5((g + 1)::text), 'https://ci.example/runs/' || g,
               current_date - (g % 730), (ARRAY['submitted','accepted','accepted','accepted'])[1 + g % 4],
               (current_date - (g % 730))::timestamptz + interval '1 day' * CASE WHEN g % 50 = 0 THEN 45 ELSE 1 END, 30, g % 50 = 0, ${U}, ${U}
        FROM generate_series(1, ${AIMS2.evidence}) g
        RETURNING id, title)
      INSERT INTO evidence_controls (tenant_id, evidence_id, control_id)
      SELECT ${T}, e.id, c.id FROM e JOIN c ON c.n = 1 + (substr(e.title, 16)::int % ${AIMS2.controls})`.execute(db);
    // An approved SoA, version 1: every Annex A control of 42001 and 27001 decided and justified.
    const v = await sql<{ id: string }>`INSERT INTO soa_versions (tenant_id, number, status, created_by, approved_by, approved_at, submitted_by, submitted_at)
      VALUES (${T}, 1, 'approved', ${U}, ${U}, now(), ${U}, now()) RETURNING id`.execute(db);
    await sql`INSERT INTO soa_entries (tenant_id, version_id, framework_id, framework_version, ref, applicable, justification, implementation_status, updated_by)
      SELECT ${T}, ${v.rows[0]!.id}, cr.framework_id, cr.framework_version, cr.ref, (cr.position % 9 <> 0),
             CASE WHEN cr.position % 9 <> 0 THEN 'Needed to treat the risks of our AI systems.' ELSE 'Not relevant: no such activity in scope.' END,
             CASE WHEN cr.position % 9 <> 0 THEN 'implemented' END, ${U}
      FROM catalog_requirements cr JOIN catalog_frameworks f ON f.id = cr.framework_id AND f.version = cr.framework_version AND f.is_current
      WHERE cr.framework_id IN ('iso-iec-42001-2023','iso-iec-27001-2022') AND cr.kind = 'control'`.execute(db);
    await sql`ANALYZE`.execute(db);
    return tenantId;
  } finally {
    await database.close();
  }
}

async function timeOnce(url: string, cookie: string, runs = 5) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.arrayBuffer();
    if (res.status !== 200 || body.byteLength === 0) throw new Error(`${url}: ${res.status}`);
    ms.push(performance.now() - t0);
  }
  // The median of five: one request is noise, the first one also warms fonts and caches.
  return { ms: round(ms.sort((a, b) => a - b)[Math.floor(runs / 2)]!) };
}

export async function aims2Scenario(base: string, cookie: string, tenantId: string, duration: number) {
  const url = `${base}/api/tenants/${tenantId}/readiness/iso-iec-42001-2023`;
  const one = await autocannon({ url, connections: 1, duration, headers: { cookie } });
  if (one.non2xx) throw new Error(`${url}: ${one.non2xx} non-2xx answers`);
  const many = await autocannon({ url, connections: 16, duration, headers: { cookie } });
  if (many.non2xx) throw new Error(`${url}: ${many.non2xx} non-2xx answers`);
  const soa = `${base}/api/tenants/${tenantId}/soa/versions/1/export`;
  return {
    readiness42001: { rps: round(one.requests.average), p50Ms: one.latency.p50, p99Ms: one.latency.p99, rps16: round(many.requests.average), p99Ms16: many.latency.p99 },
    soaExportXlsx: await timeOnce(`${soa}?format=xlsx&locale=fr`, cookie),
    soaExportPdf: await timeOnce(`${soa}?format=pdf&locale=fr`, cookie),
    soaExportDocx: await timeOnce(`${soa}?format=docx&locale=fr`, cookie),
  };
}
