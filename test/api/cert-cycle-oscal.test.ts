import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildAuditTeam, buildBody, buildEngagement, buildFindingRow } from '../support/certification-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * OSCAL out for the audit: an audit's findings as assessment results and a programme's open
 * nonconformities with their corrective actions as a POA&M, both valid against NIST's schemas.
 */
// Beside the repository (../shared), or beside a worktree of it (../../shared).
const DIR = ['../../../shared/reference/oscal', '../../../../shared/reference/oscal'].map((d) => path.resolve(import.meta.dirname, d)).find((d) => fs.existsSync(d));
if (!DIR) throw new Error('NIST’s OSCAL schemas are required beside the repository (shared/reference/oscal).');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function validator(file: string): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(DIR!, file), 'utf8')));
}

describe.skipIf(!backendAvailable)('certification: OSCAL assessment results and POA&M', () => {
  let t: TTestApp;
  let ar: ValidateFunction;
  let poam: ValidateFunction;
  beforeAll(async () => {
    t = await createTestApp();
    ar = validator('oscal_assessment-results_schema.json');
    poam = validator('oscal_poam_schema.json');
  }, 240_000);
  afterAll(() => t?.close());

  async function audited() {
    const body = await buildBody(t.p, { name: 'Vérité Certification' });
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const e = await buildEngagement(t.p, body, org);
    const auditId = e.audits.stage2.id;
    await t.p.db.updateTable('audits').set({ state: 'reported', actual_start: '2026-11-02', actual_end: '2026-11-04' }).where('tenant_id', '=', body.id).where('id', '=', auditId).execute();
    await t.p.db.insertInto('audit_checklists').values({ tenant_id: body.id, audit_id: auditId, basis: 'full', framework_id: 'iso-iec-42001-2023', framework_version: '2023-r2' }).execute();
    const item = (position: number, ref: string, section: 'clause' | 'control' | 'sample', verdict: 'conforming' | 'nonconforming' | null, notes = '') =>
      t.p.db
        .insertInto('audit_checklist_items')
        .values({ tenant_id: body.id, audit_id: auditId, position, section, framework_id: 'iso-iec-42001-2023', framework_version: '2023-r2', ref, verdict, notes, updated_at: verdict ? new Date('2026-11-03T10:00:00Z') : null })
        .returning('id')
        .executeTakeFirstOrThrow();
    await item(1, '6.1.2', 'clause', 'nonconforming', 'No risk criteria.');
    await item(2, '9.2.2', 'sample', 'conforming', 'Internal audit programme sampled: three audits, reports filed.');
    await item(3, 'A.6.2.4', 'control', 'nonconforming', 'Validation records missing.');
    const major = await buildFindingRow(t.p, body, e, {
      auditId,
      class: 'major',
      ref: '6.1.2',
      statement: 'AI risk criteria are not defined.\nThe risk assessment cannot be repeated.',
      responses: [
        { correction: 'Drafted criteria.', rootCause: 'Criteria missing.', correctiveAction: 'Adopt criteria.', verdict: 'rejected', verdictReason: 'The root cause restates the symptom.' },
        { correction: 'Criteria approved by the board.', rootCause: 'No owner for the risk method.', correctiveAction: 'Name an owner; yearly review.', plannedCompletionOn: '2027-01-15' },
      ],
      state: 'submitted',
    });
    const minor = await buildFindingRow(t.p, body, e, {
      auditId,
      class: 'minor',
      ref: 'A.6.2.4',
      statement: 'Validation of the scoring model is not recorded.',
      state: 'accepted',
      closureDueOn: '2027-02-01',
      responses: [{ correction: 'Recorded the last validation.', rootCause: 'No template.', correctiveAction: 'Template and checklist.', verdict: 'accepted' }],
    });
    const observation = await buildFindingRow(t.p, body, e, { auditId, class: 'observation', statement: 'Model cards could name their owner.' });
    return { body, org, e, auditId, major, minor, observation };
  }

  it('exports an audit’s findings as assessment results valid against NIST’s schema, object UUIDs stable, the document’s new', async () => {
    const s = await audited();
    const manager = await as(t.app, s.body.owner);
    const url = `/api/tenants/${s.body.id}/audits/${s.auditId}/oscal/assessment-results`;
    const res = await manager.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="AUD-\d{4}-\d{4}-assessment-results\.json"$/);
    const doc = res.json();
    expect(ar(doc), JSON.stringify(ar.errors?.slice(0, 5), null, 2)).toBe(true);
    const a = doc['assessment-results'];
    expect(a.metadata).toMatchObject({ 'oscal-version': '1.1.2' });
    expect(a.metadata.parties.map((p: { name: string }) => p.name)).toEqual(['Vérité Certification SAS', expect.any(String)]);
    const [result] = a.results;
    expect(result.start).toBe('2026-11-02T00:00:00Z');
    expect(result['reviewed-controls']['control-selections'][0]['include-controls'].map((c: { 'control-id': string }) => c['control-id'])).toEqual(['clause-6.1.2', 'clause-9.2.2', 'a.6.2.4']);
    const byRef = (ref: string) => result.findings.find((f: { target: { title?: string } }) => f.target.title === ref);
    expect(byRef('6.1.2').target).toEqual({ type: 'statement-id', 'target-id': 'clause-6.1.2_smt', title: '6.1.2', status: { state: 'not-satisfied', reason: 'fail' } });
    expect(byRef('A.6.2.4').target).toMatchObject({ 'target-id': 'a.6.2.4_smt', status: { state: 'not-satisfied' } });
    expect(byRef('9.2.2').target).toMatchObject({ 'target-id': 'clause-9.2.2_smt', status: { state: 'satisfied', reason: 'pass' } });
    const obsFinding = result.findings.find((f: { props?: { name: string; value: string }[] }) => f.props?.some((p) => p.value === 'observation'));
    expect(obsFinding.target.status.state).toBe('satisfied');
    // Methods from how the requirement was audited: a clause is examined and discussed, a sample tested.
    const methods = Object.fromEntries(result.observations.map((o: { title: string; methods: string[] }) => [o.title, o.methods]));
    expect(methods[s.major.reference]).toEqual(['EXAMINE', 'INTERVIEW']);
    expect(methods['9.2.2']).toEqual(['TEST']);
    expect(methods[s.observation.reference]).toEqual(['EXAMINE']);

    const again = (await manager.get(url)).json()['assessment-results'];
    expect(again.uuid).toMatch(UUID);
    expect(again.uuid).not.toBe(a.uuid);
    expect(again.results[0].uuid).toBe(result.uuid);
    expect(again.results[0].findings.map((f: { uuid: string }) => f.uuid)).toEqual(result.findings.map((f: { uuid: string }) => f.uuid));

    const fr = await manager.get(`${url}?lang=fr`);
    expect(ar(fr.json())).toBe(true);
    expect(fr.json()['assessment-results'].metadata.title).toContain('Résultats d’évaluation');
  });

  it('exports the programme’s open nonconformities and their corrective actions as a POA&M valid against NIST’s schema', async () => {
    const s = await audited();
    const manager = await as(t.app, s.body.owner);
    const url = `/api/tenants/${s.body.id}/programmes/${s.e.programme.id}/oscal/poam`;
    const res = await manager.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json();
    expect(poam(doc), JSON.stringify(poam.errors?.slice(0, 5), null, 2)).toBe(true);
    const p = doc['plan-of-action-and-milestones'];
    expect(p['poam-items']).toHaveLength(2);
    const risk = (ref: string) => p.risks.find((r: { title: string }) => r.title.includes(`(${ref})`));
    expect(risk('6.1.2')).toMatchObject({ status: 'investigating', 'risk-log': { entries: [{ title: 'Submission 1 rejected: The root cause restates the symptom.' }] } });
    expect(risk('6.1.2').remediations).toEqual([expect.objectContaining({ lifecycle: 'recommendation', title: 'Corrective action, submission 2' })]);
    expect(risk('A.6.2.4')).toMatchObject({ status: 'remediating', deadline: '2027-02-01T00:00:00Z', remediations: [{ lifecycle: 'planned' }] });
    expect(p.findings.every((f: { target: { status: { state: string } } }) => f.target.status.state === 'not-satisfied')).toBe(true);

    // Once both are done, nothing is left to plan.
    await t.p.db.updateTable('audit_findings').set({ state: 'closed', closed_at: new Date(), closed_by: s.body.owner.id }).where('tenant_id', '=', s.body.id).where('id', 'in', [s.major.id, s.minor.id]).execute();
    const empty = await manager.get(url);
    expect(empty.statusCode).toBe(409);
    expect(empty.json()).toMatchObject({ code: 'cycle_poam_empty' });
  });

  it('answers 404 across bodies and for an auditor off the team, 403 to an organization’s member', async () => {
    const s = await audited();
    const other = await buildBody(t.p);
    const stranger = await as(t.app, other.owner);
    expect((await stranger.get(`/api/tenants/${other.id}/audits/${s.auditId}/oscal/assessment-results`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/tenants/${other.id}/programmes/${s.e.programme.id}/oscal/poam`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/tenants/${s.body.id}/audits/${s.auditId}/oscal/assessment-results`)).statusCode).toBe(404);

    const offTeam = await as(t.app, await buildMembership(t.p, s.body, 'auditor'));
    expect((await offTeam.get(`/api/tenants/${s.body.id}/audits/${s.auditId}/oscal/assessment-results`)).statusCode).toBe(404);
    const [onTeam] = await buildAuditTeam(t.p, s.body, s.auditId, [{ role: 'auditor' }]);
    expect((await (await as(t.app, onTeam!.user)).get(`/api/tenants/${s.body.id}/audits/${s.auditId}/oscal/assessment-results`)).statusCode).toBe(200);

    const client = await as(t.app, s.org.owner);
    expect((await client.get(`/api/tenants/${s.org.id}/audits/${s.auditId}/oscal/assessment-results`)).statusCode).toBe(403);
    expect((await client.get(`/api/tenants/${s.org.id}/programmes/${s.e.programme.id}/oscal/poam`)).statusCode).toBe(403);
  });
});
