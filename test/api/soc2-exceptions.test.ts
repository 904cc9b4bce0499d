import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendExceptionsRaisedMail } from '../../src/server/modules/soc2/exceptions/jobs/send-exceptions-raised-mail.ts';
import { ZOrgSoc2Exception, ZOrgSoc2ExceptionList, ZSoc2Exception, ZSoc2ExceptionList, ZSoc2OpinionView, ZSoc2OpinionWarnings } from '../../src/shared/contracts/soc2-exceptions.ts';
import type { TPlatform } from '../../src/server/platform/platform.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildCpaFirm, buildSoc2TestInFieldwork, createSoc2Examination, raiseSoc2Exception } from '../support/soc2-factories.ts';
import { buildControl } from '../support/evidence.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * SOC 2 exceptions, fieldwork → reporting and the opinion through the API on a real database: the
 * auditor raises exceptions (one on a sample item), the organization responds from its workspace
 * with its own evidence, the auditor concludes (final); reporting is refused while a test or an
 * exception is open; only the engagement partner records the opinion, acknowledging the warnings
 * for an unmodified one.
 */

/**
 * A sample item written straight into its tables, with its result, until the fieldwork module's
 * sampling routes are used here: the exception only needs an item of the test to point at.
 */
async function insertSampleItemForExceptionTests(p: TPlatform, firmId: string, examinationId: string, testId: string, result: 'exception' | 'no_exception', key: string) {
  const sha = 'c'.repeat(64);
  const population = await p.db
    .insertInto('soc2_populations')
    .values({ tenant_id: firmId, examination_id: examinationId, test_id: testId, name: 'Access reviews', source: 'csv', file_sha256: sha, file_size: 10, index_sha256: sha, row_count: 4, mapping: JSON.stringify({}) as never })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sample = await p.db
    .insertInto('soc2_samples')
    .values({ tenant_id: firmId, examination_id: examinationId, test_id: testId, population_id: population.id, seed: 'seed', algorithm: 'test', size: 1, size_trace: JSON.stringify({}) as never })
    .returning('id')
    .executeTakeFirstOrThrow();
  return p.db
    .insertInto('soc2_sample_items')
    .values({ tenant_id: firmId, sample_id: sample.id, test_id: testId, row_index: 0, kind: 'random', stratum: 'middle', item_key: key, item_date: '2026-04-02', result, tested_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
}

describe.skipIf(!backendAvailable)('SOC 2 exceptions, reporting and opinion', () => {
  let t: TTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ LOG_LEVEL: 'silent', SMTP_URL: smtp.url, PUBLIC_URL: 'https://attest.example' });
    // Still, a minute into a ten-minute slot: the exceptions raised in a test share one mail.
    t.p.clock = createTestClock(new Date('2026-11-27T09:01:00Z'));
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  }, 240_000);

  const ok = async <T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };
  const code = async (res: Promise<{ statusCode: number; json(): unknown }>, status: number) => {
    const r = await res;
    expect(r.statusCode).toBe(status);
    return r.json() as { code: string; details: Record<string, unknown> };
  };

  async function world() {
    const firm = await buildCpaFirm(t.p, { name: 'Cabinet Lafayette CPA' });
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const w = await buildSoc2TestInFieldwork(t.p, { built: await createSoc2Examination(t.p, { firm, organization: org }), criterionRef: 'CC6.1', controlRef: 'ACC-01' });
    const auditor = await buildMembership(t.p, firm, 'auditor');
    const evidence = await t.p.db
      .insertInto('evidence')
      .values({ tenant_id: org.id, series_id: crypto.randomUUID(), kind: 'link', title: 'Deputy reviewer nomination', sha256: 'a'.repeat(64), url: 'https://intranet.example/deputy', effective_date: '2026-07-02', status: 'submitted', received_at: new Date(), contemporaneity_days: 30, not_contemporaneous: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      ...w,
      firm,
      org,
      auditorUser: auditor,
      E: `/api/tenants/${firm.id}/soc2/examinations/${w.examination.id}`,
      O: `/api/tenants/${org.id}/soc2/org-examinations/${w.examination.id}/exceptions`,
      manager: await as(t.app, firm.owner),
      auditor: await as(t.app, auditor),
      reviewer: await as(t.app, await buildMembership(t.p, firm, 'decision_maker')),
      contributor: await as(t.app, await buildMembership(t.p, org, 'contributor')),
      orgViewer: await as(t.app, await buildMembership(t.p, org, 'viewer')),
      evidenceId: evidence.id,
    };
  }

  it('raises, responds from the organization’s workspace, concludes; a concluded exception is final', { timeout: 240_000 }, async () => {
    const w = await world();
    const failed = await insertSampleItemForExceptionTests(t.p, w.firm.id, w.examination.id, w.test.id, 'exception', 'CHG-0412');
    const passed = await insertSampleItemForExceptionTests(t.p, w.firm.id, w.examination.id, w.test.id, 'no_exception', 'CHG-0413');

    const ex1 = ZSoc2Exception.parse(
      await ok(w.auditor.post(`${w.E}/exceptions`, { testId: w.test.id, sampleItemId: failed.id, description: 'The Q2 review was approved 41 days late.' }), 201),
    );
    expect(ex1).toMatchObject({ reference: 'EX-001', state: 'open', testReference: 'T-ACC-01-01', controlRef: 'ACC-01', criteria: ['CC6.1'], sampleItem: { id: failed.id, key: 'CHG-0412', date: '2026-04-02' } });
    expect(ex1.abilities).toEqual({ 'soc2Exception.edit': true, 'soc2Exception.conclude': true });
    const ex2 = ZSoc2Exception.parse(await ok(w.manager.post(`${w.E}/exceptions`, { testId: w.test.id, description: 'No evidence of the Q1 review’s approval.' }), 201));
    expect(ex2.reference).toBe('EX-002');

    // One mail per batch: both exceptions joined the job the first one queued; it goes to the owners and
    // administrators, each in their language.
    const jobs = (await sql<{ data: { tenantId: string; examinationId: string; from: string; until: string } }>`SELECT data FROM pgboss.job WHERE name = ${sendExceptionsRaisedMail.id} AND data->>'examinationId' = ${w.examination.id}`.execute(t.p.db)).rows;
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]!.data.until).getTime() - new Date(jobs[0]!.data.from).getTime()).toBe(600_000);
    await t.p.db.updateTable('users').set({ locale: 'fr' }).where('id', '=', w.org.owner.id).execute();
    await sendExceptionsRaisedMail.handler(jobs[0]!.data, { platform: t.p, jobId: 'test' });
    const mail = mailText((await smtp.waitFor(w.org.owner.email)).raw);
    expect(mail).toContain('a relevé des exceptions dans l’examen SOC 2 SOC2-2026-0001 (2)');
    expect(mail).toMatch(/EX-001 — test T-ACC-01-01 \(contrôle ACC-01\)/);
    expect(mail).toContain('EX-002');
    expect(mail).toContain(`https://attest.example/t/${w.org.id}/soc2-programme/${w.examination.id}/exceptions`);

    // Refusals: an item without an exception, a test of another examination, a read-only role, another firm.
    expect((await code(w.auditor.post(`${w.E}/exceptions`, { testId: w.test.id, sampleItemId: passed.id, description: 'x' }), 400)).code).toBe('soc2_sample_item_invalid');
    expect((await code(w.auditor.post(`${w.E}/exceptions`, { testId: crypto.randomUUID(), description: 'x' }), 400)).code).toBe('soc2_test_unknown');
    expect((await w.reviewer.post(`${w.E}/exceptions`, { testId: w.test.id, description: 'x' })).statusCode).toBe(403);
    const otherFirm = await buildCpaFirm(t.p);
    const stranger = await as(t.app, otherFirm.owner);
    expect((await stranger.get(`/api/tenants/${otherFirm.id}/soc2/examinations/${w.examination.id}/exceptions`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/tenants/${otherFirm.id}/soc2/examinations/${w.examination.id}/exceptions`, { testId: w.test.id, description: 'x' })).statusCode).toBe(404);

    // The firm's list: grouped by control, in one statement (+ the session and the examination).
    const list = ZSoc2ExceptionList.parse(await ok(w.reviewer.get(`${w.E}/exceptions`)));
    expect(list.groups.map((g) => [g.controlRef, g.criteria, g.exceptions.map((e) => e.reference)])).toEqual([['ACC-01', ['CC6.1'], ['EX-001', 'EX-002']]]);
    expect(list.abilities['soc2Exception.raise']).toBe(false);
    expect(await t.queriesDuring(() => w.reviewer.get(`${w.E}/exceptions`))).toHaveLength(3);

    // Editing while unanswered.
    expect(ZSoc2Exception.parse(await ok(w.auditor.patch(`${w.E}/exceptions/${ex1.id}`, { description: 'The Q2 review was approved 41 days after the quarter ended.' }))).description).toMatch(/41 days after/);

    // The organization sees its exceptions; a viewer cannot respond; another organization gets 404.
    const orgList = ZOrgSoc2ExceptionList.parse(await ok(w.orgViewer.get(w.O)));
    expect(orgList.total).toBe(2);
    expect(orgList.groups[0]!.exceptions[0]!.abilities).toEqual({ 'orgSoc2Exception.respond': false });
    const response = { context: 'The reviewer was on leave in July.', remediation: 'A deputy reviewer is named each quarter from Q3.', evidenceIds: [w.evidenceId] };
    expect((await w.orgViewer.put(`${w.O}/${ex1.id}/response`, response)).statusCode).toBe(403);
    const otherOrg = await buildTenant(t.p);
    const orgStranger = await as(t.app, otherOrg.owner);
    expect((await orgStranger.get(`/api/tenants/${otherOrg.id}/soc2/org-examinations/${w.examination.id}/exceptions`)).statusCode).toBe(404);
    expect((await orgStranger.put(`/api/tenants/${otherOrg.id}/soc2/org-examinations/${w.examination.id}/exceptions/${ex1.id}/response`, response)).statusCode).toBe(404);
    expect((await code(w.contributor.put(`${w.O}/${ex1.id}/response`, { context: ' ' }), 400)).code).toBe('validation_failed');

    const responded = ZOrgSoc2Exception.parse(await ok(w.contributor.put(`${w.O}/${ex1.id}/response`, response)));
    expect(responded).toMatchObject({ state: 'responded', response: { context: response.context, evidence: [{ id: w.evidenceId, title: 'Deputy reviewer nomination' }] } });
    // The firm sees the evidence title too; its description is now frozen.
    const seen = ZSoc2Exception.parse(await ok(w.auditor.get(`${w.E}/exceptions/${ex1.id}`)));
    expect(seen.response.evidence).toEqual([{ id: w.evidenceId, title: 'Deputy reviewer nomination' }]);
    expect(seen.abilities['soc2Exception.edit']).toBe(false);
    expect((await code(w.auditor.patch(`${w.E}/exceptions/${ex1.id}`, { description: 'x' }), 409)).code).toBe('soc2_exception_state');

    // The conclusion is final.
    expect((await w.reviewer.post(`${w.E}/exceptions/${ex1.id}/conclusion`, { conclusion: 'isolated', criterionImpact: 'none' })).statusCode).toBe(403);
    const concluded = ZSoc2Exception.parse(
      await ok(w.auditor.post(`${w.E}/exceptions/${ex1.id}/conclusion`, { conclusion: 'isolated', criterionImpact: 'none', notes: 'One late review in four.' })),
    );
    expect(concluded).toMatchObject({ state: 'concluded', conclusion: { conclusion: 'isolated', criterionImpact: 'none', notes: 'One late review in four.', concludedBy: { id: w.auditorUser.id } } });
    expect((await code(w.contributor.put(`${w.O}/${ex1.id}/response`, response), 409)).code).toBe('soc2_exception_concluded');
    expect((await code(w.auditor.post(`${w.E}/exceptions/${ex1.id}/conclusion`, { conclusion: 'systematic', criterionImpact: 'partial' }), 409)).code).toBe('soc2_exception_state');

    // Written in both tenants' logs.
    const events = await t.p.db.selectFrom('audit_events').select(['tenant_id', 'action']).where('action', 'like', 'soc2_exception.%').where('tenant_id', 'in', [w.firm.id, w.org.id]).execute();
    for (const tenant of [w.firm.id, w.org.id])
      expect(new Set(events.filter((e) => e.tenant_id === tenant).map((e) => e.action))).toEqual(
        new Set(['soc2_exception.raised', 'soc2_exception.updated', 'soc2_exception.responded', 'soc2_exception.concluded']),
      );
  });

  it('starts reporting only when every test and exception is concluded and every criterion has a tested control; then only the partner records the opinion', { timeout: 240_000 }, async () => {
    const w = await world();
    const open = await raiseSoc2Exception(t.p, { firmId: w.firm.id, examinationId: w.examination.id, testId: w.test.id });
    // Every other applicable criterion rests on a second control, linked at planning (written directly:
    // the matrix is frozen in fieldwork); its test is deleted during fieldwork, leaving them untested.
    const criteria = ((await ok<{ rows: { criterionRef: string }[] }>(w.auditor.get(`${w.E}/matrix`))).rows).map((r) => r.criterionRef);
    const others = criteria.filter((c) => c !== 'CC6.1');
    const ops = await buildControl(t.p, w.org.id, { reference: 'OPS-01', title: 'Operations runbook' });
    await t.p.db
      .insertInto('soc2_matrix_links')
      .values(others.map((ref) => ({ tenant_id: w.firm.id, examination_id: w.examination.id, criterion_ref: ref, control_id: ops.id, control_ref: 'OPS-01', control_title: 'Operations runbook' })))
      .execute();
    const opsTest = { controlId: ops.id, methods: ['inspection'], procedure: 'Inspect the runbook’s approval.', frequency: 'annual' };
    const dropped = await ok<{ id: string }>(w.auditor.post(`${w.E}/tests`, opsTest), 201);
    expect((await w.auditor.delete(`${w.E}/tests/${dropped.id}`)).statusCode).toBe(204);

    expect((await w.reviewer.post(`${w.E}/reporting`)).statusCode).toBe(403);
    const blocked = await code(w.auditor.post(`${w.E}/reporting`), 409);
    expect(blocked).toMatchObject({
      code: 'soc2_reporting_blocked',
      details: {
        pendingCount: 1,
        openCount: 1,
        untestedCount: others.length,
        pendingTests: [{ id: w.test.id, reference: 'T-ACC-01-01', controlRef: 'ACC-01' }],
        openExceptions: [{ id: open.id, reference: 'EX-001', state: 'open' }],
        untestedCriteria: others,
      },
    });
    await ok(w.auditor.post(`${w.E}/exceptions/${open.id}/conclusion`, { conclusion: 'systematic', criterionImpact: 'partial', notes: 'Every quarter late.' }));
    // The test's own conclusion, through the fieldwork route (no sample item is pending).
    await ok(w.auditor.post(`${w.E}/tests/${w.test.id}/conclusion`, { conclusion: 'exception', notes: 'Late every quarter: see EX-001.' }));
    // The coverage gap alone still keeps fieldwork open, and nothing changes.
    const gap = await code(w.auditor.post(`${w.E}/reporting`), 409);
    expect(gap).toMatchObject({ code: 'soc2_reporting_blocked', details: { pendingCount: 0, openCount: 0, untestedCount: others.length, untestedCriteria: others } });
    expect((await t.p.db.selectFrom('soc2_examinations').select('state').where('id', '=', w.examination.id).executeTakeFirstOrThrow()).state).toBe('fieldwork');
    const opsTest2 = await ok<{ id: string }>(w.auditor.post(`${w.E}/tests`, opsTest), 201);
    await ok(w.auditor.post(`${w.E}/tests/${opsTest2.id}/conclusion`, { conclusion: 'no_exception', notes: 'Runbook approved in March.' }));

    // The opinion is recorded during reporting only.
    expect((await code(w.manager.put(`${w.E}/opinion`, { opinion: 'qualified', basis: 'x' }), 409)).code).toBe('soc2_examination_state');
    expect(await ok(w.auditor.post(`${w.E}/reporting`))).toEqual({ examinationId: w.examination.id, state: 'reporting' });
    expect((await code(w.auditor.post(`${w.E}/reporting`), 409)).code).toBe('soc2_examination_state');
    expect((await code(w.auditor.post(`${w.E}/exceptions`, { testId: w.test.id, description: 'Late.' }), 409)).code).toBe('soc2_examination_state');

    // Warnings in one statement (+ the session): a systematic exception leaving CC6.1 partly met; every
    // criterion has a concluded test (the gate saw to it).
    const warnings = ZSoc2OpinionWarnings.parse(await ok(w.reviewer.get(`${w.E}/opinion/warnings`)));
    expect(warnings.doubtfulExceptions).toEqual([{ id: open.id, reference: 'EX-001', testReference: 'T-ACC-01-01', controlRef: 'ACC-01', criteria: ['CC6.1'], conclusion: 'systematic', criterionImpact: 'partial' }]);
    expect(warnings.untestedCriteria).toEqual([]);
    expect(warnings.unconcludedTests).toEqual([]);
    expect(warnings.count).toBe(1);
    expect(await t.queriesDuring(() => w.reviewer.get(`${w.E}/opinion/warnings`))).toHaveLength(2);

    // No partner named: a clear 409; only the scheme manager names one, a member of the firm.
    await t.p.db.updateTable('soc2_examinations').set({ partner_user_id: null }).where('tenant_id', '=', w.firm.id).where('id', '=', w.examination.id).execute();
    expect((await code(w.auditor.put(`${w.E}/opinion`, { opinion: 'qualified', basis: 'x' }), 409)).code).toBe('soc2_partner_required');
    expect(ZSoc2OpinionView.parse(await ok(w.manager.get(`${w.E}/opinion`))).abilities).toEqual({ 'soc2Opinion.record': false, 'soc2Examination.partner': true });
    expect((await w.auditor.put(`${w.E}/partner`, { userId: w.auditorUser.id })).statusCode).toBe(403);
    expect((await code(w.manager.put(`${w.E}/partner`, { userId: w.org.owner.id }), 400)).code).toBe('soc2_partner_not_member');
    const named = ZSoc2OpinionView.parse(await ok(w.manager.put(`${w.E}/partner`, { userId: w.auditorUser.id })));
    expect(named.partner).toMatchObject({ id: w.auditorUser.id });

    // Someone else than the partner: 403, the scheme manager included.
    expect((await w.manager.put(`${w.E}/opinion`, { opinion: 'qualified', basis: 'x' })).statusCode).toBe(403);
    expect((await code(w.auditor.put(`${w.E}/opinion`, { opinion: 'qualified', basis: ' ' }), 400)).code).toBe('soc2_opinion_basis_required');
    const refused = await code(w.auditor.put(`${w.E}/opinion`, { opinion: 'unmodified' }), 409);
    expect(refused).toMatchObject({ code: 'soc2_opinion_warnings', details: { warnings: warnings.count } });
    const unmodified = ZSoc2OpinionView.parse(await ok(w.auditor.put(`${w.E}/opinion`, { opinion: 'unmodified', acknowledgeWarnings: true })));
    expect(unmodified).toMatchObject({ opinion: 'unmodified', basis: '', recordedBy: { id: w.auditorUser.id }, abilities: { 'soc2Opinion.record': true } });
    const qualified = ZSoc2OpinionView.parse(await ok(w.auditor.put(`${w.E}/opinion`, { opinion: 'qualified', basis: 'Access reviews were late every quarter (EX-001).' })));
    expect(qualified).toMatchObject({ opinion: 'qualified', basis: 'Access reviews were late every quarter (EX-001).' });

    const logged = await t.p.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('tenant_id', '=', w.firm.id)
      .where('action', 'in', ['soc2_opinion.recorded', 'soc2_examination.reporting_started', 'soc2_examination.partner_named'])
      .orderBy('seq')
      .execute();
    expect(logged.map((e) => e.action)).toEqual(['soc2_examination.reporting_started', 'soc2_examination.partner_named', 'soc2_opinion.recorded', 'soc2_opinion.recorded']);
    expect((logged[2]!.summary as { after: unknown }).after).toMatchObject({ opinion: 'unmodified', warnings: warnings.count, warningsAcknowledged: true });
    expect((logged[3]!.summary as { after: unknown }).after).toMatchObject({ opinion: 'qualified', warningsAcknowledged: false });
    // The organization's log knows nothing of the opinion before the report is issued.
    expect(await t.p.db.selectFrom('audit_events').select('id').where('tenant_id', '=', w.org.id).where('action', '=', 'soc2_opinion.recorded').execute()).toEqual([]);
  });
});
