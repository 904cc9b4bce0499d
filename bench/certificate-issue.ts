import { openDatabase } from '../src/server/db/client.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { loadConfig } from '../src/server/config.ts';
import { createPlatform } from '../src/server/platform/platform.ts';
import { loadUserActor } from '../src/server/platform/auth/sessions.ts';
import { issueCertificate } from '../src/server/modules/certification/certificates/certificate-issue.ts';
import { BENCH_ADMIN } from './login.ts';

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * certificateIssue: from a grant decision to the certificate row with both PDFs (EN, FR) rendered
 * and stored and the credential signed, through cert-certificates' issueCertificate in its own
 * transaction, as the decision service calls it. In-process, before the server starts (PGlite
 * allows one process); the median of five issues after one not counted (fonts, code warm-up).
 */
export async function certificateIssueScenario(databaseUrl: string | null, dataDir: string) {
  const config = loadConfig({ ATTEST_DATA_DIR: dataDir, LOG_LEVEL: 'silent', JOBS_ENABLED: 'false', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const database = await openDatabase({ databaseUrl: databaseUrl ?? undefined, pgliteDir: `${dataDir}/pg` });
  const db = database.db;
  try {
    await migrateToLatest(db);
    const p = createPlatform(config, database);
    const U = (await db.selectFrom('users').select('id').where('email', '=', BENCH_ADMIN.email).executeTakeFirstOrThrow()).id;
    const B = (await db.insertInto('tenants').values({ name: 'Bench issuing body', kind: 'certification_body' }).returning('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('memberships').values({ tenant_id: B, user_id: U, role: 'decision_maker' }).execute();
    await db.insertInto('body_settings').values({ tenant_id: B, public_slug: 'bench-issuing-body', legal_name: 'Bench Certification SAS', address: '8 avenue de l’Opéra, 75001 Paris, France' }).execute();
    const actor = await loadUserActor(database, U);
    const ctx = { requestId: 'bench', ip: '127.0.0.1', userAgent: 'bench' };
    const ms: number[] = [];
    for (let i = 0; i < 6; i++) {
      const O = (await db.insertInto('tenants').values({ name: `Bench client ${i}`, kind: 'organization' }).returning('id').executeTakeFirstOrThrow()).id;
      const client = await db
        .insertInto('clients')
        .values({ tenant_id: B, reference: `CLI-B${i}`, legal_name: `Bench Client ${i} SA`, registered_address: '12 rue de la Paix, 75002 Paris', sector: 'Finance', sector_risk: 'high', employees_full_time: 40, ai_systems_count: 2, high_risk_ai_systems: 1, ai_roles: ['provider'], organization_tenant_id: O })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('client_sites').values({ tenant_id: B, client_id: client.id, name: 'Siège', address: '12 rue de la Paix, 75002 Paris', is_central: true, personnel: 40 }).execute();
      const engagement = await db.insertInto('engagements').values({ body_tenant_id: B, organization_tenant_id: O, client_id: client.id, scheme: 'iso42001', status: 'active', created_by: U }).returning('id').executeTakeFirstOrThrow();
      const programme = await db.insertInto('audit_programmes').values({ tenant_id: B, engagement_id: engagement.id, client_id: client.id, created_by: U }).returning('id').executeTakeFirstOrThrow();
      const decidedOn = p.clock.now().toISOString().slice(0, 10);
      const decision = await db
        .insertInto('certification_decisions')
        .values({ tenant_id: B, reference: `DEC-B${i}`, programme_id: programme.id, engagement_id: engagement.id, client_id: client.id, kind: 'grant', decided_by: U, decided_on: decidedOn, reasoning: 'Bench.', file_sha256: '0'.repeat(64), file_snapshot: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const t0 = performance.now();
      await db.transaction().execute((tx) => issueCertificate(tx, p, actor, ctx, { tenantId: B, decisionId: decision.id, kind: 'grant', effectiveDate: decidedOn }));
      if (i > 0) ms.push(performance.now() - t0);
    }
    return { certificateIssue: { ms: round(ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!) } };
  } finally {
    await database.close();
  }
}
