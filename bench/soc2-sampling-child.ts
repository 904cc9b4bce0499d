import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/server/db/client.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { loadConfig } from '../src/server/config.ts';
import { createPlatform } from '../src/server/platform/platform.ts';
import { loadUserActor } from '../src/server/platform/auth/sessions.ts';
import { createPopulationsService } from '../src/server/modules/soc2/fieldwork/populations-service.ts';
import { createSamplesService } from '../src/server/modules/soc2/fieldwork/samples-service.ts';
import { BENCH_ADMIN } from './login.ts';

/*
 * Run by bench/soc2-sampling.ts in its own process: prints one JSON line. The population goes
 * through the SOC 2 service and the database as an upload does (the file streamed to a temporary
 * file, imported, file and index frozen in the blob store, the row and its audit event written),
 * then a daily control's sample is drawn through the service (index read from the blob store,
 * items' keys read back from the file, sample and items inserted).
 * argv: the CSV, the data directory, the PostgreSQL URL (absent: PGlite in the data directory).
 */
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const [file, dataDir, databaseUrl] = process.argv.slice(2) as [string, string, string | undefined];
const mb = (bytes: number) => bytes / 2 ** 20;

const config = loadConfig({ ATTEST_DATA_DIR: path.join(dataDir, 'soc2-sampling'), LOG_LEVEL: 'silent', JOBS_ENABLED: 'false', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
const database = await openDatabase({ databaseUrl: databaseUrl || undefined, pgliteDir: `${dataDir}/pg` });
const db = database.db;
try {
  await migrateToLatest(db);
  const p = createPlatform(config, database);
  const U = (await db.selectFrom('users').select('id').where('email', '=', BENCH_ADMIN.email).executeTakeFirstOrThrow()).id;
  const F = (await db.insertInto('tenants').values({ name: 'Bench CPA firm', kind: 'certification_body' }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('memberships').values({ tenant_id: F, user_id: U, role: 'auditor' }).execute();
  await db
    .insertInto('body_settings')
    .values({ tenant_id: F, public_slug: `bench-cpa-${F.slice(0, 8)}`, legal_name: 'Bench CPA LLP', address: '1 Wall Street, New York', cpa_firm: true, cpa_licence_authority: 'NYSBA', cpa_licence_number: 'CPA-1' })
    .execute();
  const O = (await db.insertInto('tenants').values({ name: 'Bench service organization', kind: 'organization' }).returning('id').executeTakeFirstOrThrow()).id;
  const client = await db
    .insertInto('clients')
    .values({ tenant_id: F, reference: `CLI-S${F.slice(0, 4)}`, legal_name: 'Bench Service Org SA', registered_address: '12 rue de la Paix, 75002 Paris', sector: 'Finance', sector_risk: 'high', employees_full_time: 40, ai_systems_count: 0, high_risk_ai_systems: 0, ai_roles: [], organization_tenant_id: O })
    .returning('id')
    .executeTakeFirstOrThrow();
  const engagement = await db.insertInto('engagements').values({ body_tenant_id: F, organization_tenant_id: O, client_id: client.id, scheme: 'soc2-type2', status: 'active', created_by: U }).returning('id').executeTakeFirstOrThrow();
  const exam = await db
    .insertInto('soc2_examinations')
    .values({ tenant_id: F, reference: 'SOC2-BENCH-1', engagement_id: engagement.id, organization_tenant_id: O, client_id: client.id, report_type: 'type2', period_start: '2026-01-01', period_end: '2026-06-30', categories: ['security'], state: 'fieldwork' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const control = await db.insertInto('controls').values({ tenant_id: O, reference: 'CHG-01', title: 'Changes approved', frequency: 'daily', automation: 'manual', status: 'operating' }).returning('id').executeTakeFirstOrThrow();
  const test = await db
    .insertInto('soc2_tests')
    .values({ tenant_id: F, examination_id: exam.id, reference: 'T-CHG-01-01', control_id: control.id, control_ref: 'CHG-01', control_title: 'Changes approved', methods: ['inspection'], procedure: 'Inspect.', frequency: 'daily', risk: 'lower' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actor = await loadUserActor(database, U);
  const ctx = { requestId: 'bench', ip: '127.0.0.1', userAgent: 'bench' };
  const populations = createPopulationsService(p);
  const samples = createSamplesService(p);

  global.gc?.();
  await new Promise((r) => setTimeout(r, 100));
  const baseline = process.memoryUsage().rss;
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  let sampled = baseline;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  const pop = await populations.upload(
    actor,
    F,
    exam.id,
    test.id,
    { meta: { name: 'Change tickets', keyColumn: 'Ticket', dateColumn: 'Closed on', textColumns: 'Summary' }, body: fs.createReadStream(file, { highWaterMark: 256 * 1024 }), filename: 'changes.csv', declaredLength: null },
    ctx,
  );
  const importMs = performance.now() - t0;
  clearInterval(sampler);
  sampled = Math.max(sampled, process.memoryUsage().rss);
  const maxRssAfter = process.resourceUsage().maxRSS * 1024;
  // getrusage's maxRSS is exact but lifetime-wide: use it only when the import raised it.
  const peak = maxRssAfter > maxRssBefore ? Math.max(maxRssAfter, sampled) : sampled;
  await populations.recordCompleteness(actor, F, exam.id, pop.id, 'Bench.', ctx);

  // A daily control's sample (25), drawn through the service; the sample is removed between runs.
  const draws: number[] = [];
  let size = 0;
  for (let i = 0; i < 6; i++) {
    await db.deleteFrom('soc2_samples').where('tenant_id', '=', F).where('population_id', '=', pop.id).execute();
    const t1 = performance.now();
    const s = await samples.draw(actor, F, exam.id, pop.id, { seed: `bench-${i}` }, ctx);
    if (i > 0) draws.push(performance.now() - t1);
    size = s.items.length;
  }
  const median = draws.sort((a, b) => a - b)[Math.floor(draws.length / 2)]!;
  console.log(JSON.stringify({ importMs: round(importMs), peakRssDeltaMb: round(mb(peak - baseline)), rows: pop.rowCount, drawMs: round(median), drawSize: size }));
} finally {
  await database.close();
}
