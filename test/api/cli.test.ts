import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { backend, backendAvailable, createTestApp, createTestDatabaseUrl } from '../support/test-app.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');

describe.skipIf(!backendAvailable)('the attest command', () => {
  it('has --help on every command, refuses unknown ones, and names a wrong setting', async () => {
    const help = await run(NODE, ['src/cli/main.ts', '--help'], { cwd: ROOT });
    for (const cmd of ['serve', 'worker', 'migrate', 'create-admin', 'seed --demo', 'audit verify', 'audit checkpoint', 'catalog check']) expect(help.stdout).toContain(cmd);
    for (const cmd of [['serve'], ['worker'], ['migrate'], ['create-admin'], ['seed'], ['audit', 'verify'], ['audit', 'checkpoint'], ['catalog', 'check']]) {
      const r = await run(NODE, ['src/cli/main.ts', ...cmd, '--help'], { cwd: ROOT });
      expect(r.stdout, cmd.join(' ')).toMatch(/^attest /);
    }
    const unknown = await run(NODE, ['src/cli/main.ts', 'frobnicate'], { cwd: ROOT }).catch((e: { code: number; stderr: string }) => e);
    expect((unknown as { code: number }).code).toBe(2);
    const bad = await run(NODE, ['src/cli/main.ts', 'migrate'], { cwd: ROOT, env: { ...process.env, PORT: 'eighty' } }).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { stderr: string }).stderr).toMatch(/PORT/);
  }, 120_000);

  it('create-admin, then seed --demo twice: the demo tenants and users exist once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-cli-seed-'));
    const databaseUrl = backend === 'postgres' ? await createTestDatabaseUrl() : null;
    const env = { ...process.env, ATTEST_DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
    const cli = (...args: string[]) => run(NODE, ['src/cli/main.ts', ...args], { cwd: ROOT, env });
    const admin = await cli('create-admin', '--email', 'ops@attest.example', '--name', 'Ops');
    expect(admin.stdout).toMatch(/Created administrator ops@attest.example/);
    expect(admin.stdout).toMatch(/Password \(shown once\): \S{20,}/);
    const first = await cli('seed', '--demo');
    expect(first.stdout).toContain('Lumière Crédit (organization');
    expect(first.stdout).toContain('Vérité Certification (certification_body');
    expect(first.stdout).toContain('Delorme & Associés (certification_body');
    expect(first.stdout).toMatch(/qualified opinion by Olivier Castaing; report \S+ issued on \d{4}-\d{2}-\d{2}/);
    await cli('seed', '--demo');
    const t = await createTestApp({}, { dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    const tenants = await t.p.db.selectFrom('tenants').select(['name', 'kind']).orderBy('name').execute();
    expect(tenants).toEqual([
      { name: 'Delorme & Associés', kind: 'certification_body' },
      { name: 'Lumière Crédit', kind: 'organization' },
      { name: 'Nuage Clair', kind: 'organization' },
      { name: 'TriMed Santé', kind: 'organization' },
      { name: 'Vérité Certification', kind: 'certification_body' },
    ]);
    const roles = await t.p.db.selectFrom('memberships').select('role').execute();
    expect(roles.map((r) => r.role).sort()).toEqual([
      'admin', 'auditor', 'auditor', 'auditor', 'auditor', 'contributor', 'decision_maker', 'owner', 'owner', 'owner',
      'scheme_manager', 'scheme_manager', 'scheme_manager', 'technical_reviewer', 'technical_reviewer', 'viewer',
    ]);
    // Built through the services: each member joined by accepting an invitation, as in the product.
    const accepted = await t.p.db.selectFrom('audit_events').select('action').where('action', '=', 'invitation.accepted').execute();
    expect(accepted).toHaveLength(11);
    // Lumière Crédit's AIMS, built once through the services (a second seed adds nothing).
    const tiers = await t.p.db.selectFrom('ai_systems as a').innerJoin('ai_system_classifications as c', 'c.id', 'a.current_classification_id').select(['a.name', 'c.tier', 'c.annex_iii_ref']).orderBy('a.name').execute();
    expect(tiers.map((r) => [r.tier, r.annex_iii_ref])).toEqual([
      ['limited', null],
      ['minimal', null],
      ['high-risk', 'Annex III(5)(b)'],
    ]);
    const risks = await t.p.db.selectFrom('risks').select(['status', 'review_date', 'inherent_likelihood', 'inherent_impact']).execute();
    expect(risks.length).toBeGreaterThanOrEqual(12);
    expect(risks.filter((r) => r.status === 'accepted')).toHaveLength(2);
    expect(risks.filter((r) => new Date(r.review_date!) < new Date()).length).toBe(1);
    expect(new Set(risks.map((r) => `${r.inherent_likelihood}×${r.inherent_impact}`)).size).toBeGreaterThanOrEqual(8);
    const versions = await t.p.db.selectFrom('impact_assessment_versions as v').innerJoin('impact_assessments as a', 'a.id', 'v.assessment_id').select(['a.variant', 'v.status']).orderBy('a.variant').execute();
    expect(versions).toEqual([
      { variant: 'fria', status: 'in_review' },
      { variant: 'standard', status: 'approved' },
    ]);
    // AIMS II: about forty controls, most operating, and an approved SoA whose one exclusion is justified.
    const controls = await t.p.db.selectFrom('controls').select('status').execute();
    expect(controls.length).toBeGreaterThanOrEqual(40);
    expect(controls.filter((c) => c.status === 'operating').length).toBeGreaterThan(controls.length / 2);
    const lumiereId = (await t.p.db.selectFrom('tenants').select('id').where('name', '=', 'Lumière Crédit').executeTakeFirstOrThrow()).id;
    expect(await t.p.db.selectFrom('soa_versions').select(['number', 'status']).where('tenant_id', '=', lumiereId).execute()).toEqual([{ number: 1, status: 'approved' }]);
    const entries = await t.p.db.selectFrom('soa_entries').select(['ref', 'applicable', 'justification']).where('tenant_id', '=', lumiereId).execute();
    expect(entries).toHaveLength(38);
    expect(entries.filter((e) => !e.applicable).map((e) => e.ref)).toEqual(['A.10.4']);
    expect(entries.every((e) => e.justification.length > 20)).toBe(true);
    const evidence = await t.p.db.selectFrom('evidence').select(['status', 'not_contemporaneous', 'received_at', 'effective_date', 'url']).execute();
    expect(evidence.length).toBeGreaterThanOrEqual(30);
    // One late record in the AIMS, and the SOC 2 change approval reconstructed during fieldwork.
    const late = evidence.filter((e) => e.not_contemporaneous);
    expect(late).toHaveLength(2);
    expect(late.filter((e) => e.url?.includes('/soc2/'))).toHaveLength(1);
    expect(evidence.every((e) => new Date(e.received_at) <= new Date())).toBe(true);
    const documents = await t.p.db.selectFrom('documents').select(['mandatory_item', 'published_version']).execute();
    expect(documents).toHaveLength(5);
    expect(documents.every((d) => d.published_version === 1)).toBe(true);
    expect(documents.map((d) => d.mandatory_item)).toContain('ai-policy-5.2');
    expect(await t.p.db.selectFrom('aims_scope_versions').select('status').execute()).toEqual([{ status: 'approved' }]);
    expect(await t.p.db.selectFrom('ai_incidents').select('type').execute()).toEqual([{ type: 'bias' }]);
    const ncs = await t.p.db.selectFrom('nonconformities').select(['status', 'source', 'source_finding_id']).orderBy('source').execute();
    expect(ncs.filter((n) => n.source !== 'external_audit').map((n) => [n.status, n.source])).toEqual([
      ['open', 'ai_incident'],
      ['open', 'internal_audit'],
    ]);
    // Vérité Certification's stage 2 nonconformities appear among Lumière Crédit's own.
    expect(ncs.filter((n) => n.source === 'external_audit')).toHaveLength(3);
    // Issue 9: the year's internal audit, completed by an auditor who owns none of the audited areas, with two findings.
    const audits = await t.p.db.selectFrom('internal_audits').select(['id', 'status', 'auditor_id', 'planned_on', 'completed_at']).execute();
    expect(audits.map((a) => a.status)).toEqual(['completed']);
    expect(new Date(audits[0]!.completed_at!) < new Date()).toBe(true);
    const auditees = await t.p.db.selectFrom('internal_audit_auditees').select('user_id').execute();
    expect(auditees.length).toBeGreaterThan(0);
    expect(auditees.map((a) => a.user_id)).not.toContain(audits[0]!.auditor_id);
    const findings = await t.p.db.selectFrom('internal_audit_findings').select(['id', 'type']).orderBy('type').execute();
    expect(findings.map((f) => f.type)).toEqual(['minor_nonconformity', 'opportunity']);
    expect(ncs.find((n) => n.source === 'internal_audit')!.source_finding_id).toBe(findings[0]!.id);
    // …and the management review held with every 9.3.2 input addressed, and its decisions.
    expect(await t.p.db.selectFrom('management_reviews').select('status').execute()).toEqual([{ status: 'completed' }]);
    const inputs = await t.p.db.selectFrom('management_review_inputs').select(['input_key', 'notes']).execute();
    expect(inputs).toHaveLength(7);
    expect(inputs.every((i) => i.notes.length > 40)).toBe(true);
    expect((await t.p.db.selectFrom('management_review_decisions').select('id').execute()).length).toBeGreaterThanOrEqual(2);
    // Issue 10: the body's side — an enquiry converted into the client, another waiting; the proposal
    // accepted online into the engagement; and its two earlier clients.
    const enquiries = await t.p.db.selectFrom('quote_requests').select(['organization_name', 'status']).orderBy('organization_name').execute();
    expect(enquiries).toEqual([
      { organization_name: 'Clinique Numérique Santé', status: 'new' },
      { organization_name: 'Lumière Crédit SAS', status: 'converted' },
    ]);
    const lumiere = await t.p.db.selectFrom('tenants').select('id').where('name', '=', 'Lumière Crédit').executeTakeFirstOrThrow();
    const verite = await t.p.db.selectFrom('tenants').select('id').where('name', '=', 'Vérité Certification').executeTakeFirstOrThrow();
    const clients = await t.p.db.selectFrom('clients').select(['reference', 'legal_name', 'organization_tenant_id']).where('tenant_id', '=', verite.id).orderBy('reference').execute();
    expect(clients.map((c) => c.legal_name)).toEqual(['TriMed Santé SAS', 'Nuage Clair SAS', 'Lumière Crédit SAS']);
    expect(clients[2]!.organization_tenant_id).toBe(lumiere.id);
    // Three ISO proposals by Vérité Certification, one SOC 2 proposal by Delorme & Associés (seed-demo-soc2.test.ts reads that workspace).
    expect((await t.p.db.selectFrom('proposals').select('status').execute()).map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect((await t.p.db.selectFrom('engagements').select('status').execute()).every((e) => e.status === 'active')).toBe(true);
    // Lumière Crédit's cycle: stage 2 with one major and two minors, one answer rejected then accepted,
    // the major verified by a follow-up audit, reviewed, decided, certified; surveillance 1 booked.
    const lumiereAudits = await t.p.db.selectFrom('audits as a').innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.id', '=', 'a.client_id')).select(['a.type', 'a.sequence', 'a.state']).where('c.legal_name', '=', 'Lumière Crédit SAS').execute();
    const stateOf = (type: string, sequence = 1) => lumiereAudits.find((a) => a.type === type && a.sequence === sequence)?.state;
    expect([stateOf('stage1'), stateOf('stage2'), stateOf('follow_up'), stateOf('surveillance')]).toEqual(['reported', 'reported', 'reported', 'confirmed']);
    const found = await t.p.db.selectFrom('audit_findings').select(['class', 'state']).orderBy('reference').execute();
    expect(found.map((f) => `${f.class}:${f.state}`).sort()).toEqual(['major:verified', 'minor:closed', 'minor:closed', 'observation:noted']);
    const verdicts = await t.p.db.selectFrom('audit_finding_responses').select('verdict').execute();
    expect(verdicts.filter((v) => v.verdict === 'rejected')).toHaveLength(1);
    // The register shows every status: Lumière Crédit valid, Nuage Clair suspended, TriMed Santé expired.
    const certificates = await t.p.db.selectFrom('certificates').select(['holder_name', 'status']).orderBy('holder_name').execute();
    expect(certificates).toEqual([
      { holder_name: 'Lumière Crédit SAS', status: 'valid' },
      { holder_name: 'Nuage Clair SAS', status: 'suspended' },
      { holder_name: 'TriMed Santé SAS', status: 'expired' },
    ]);
    const res = await t.app.inject({ method: 'GET', url: '/api/setup/status' });
    expect(res.json()).toEqual({ needsSetup: false });
    await t.close();
  }, 360_000);
});
