import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSoc2Matrix, ZSoc2Test, type TSoc2Matrix, type TSoc2Test } from '../../src/shared/contracts/soc2-program.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { copyTestsFrom, uncoveredCriteria } from '../../src/server/modules/soc2/program.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildBody } from '../support/certification-factories.ts';
import { buildCpaFirm, createSoc2Examination, forceExaminationStateForTest } from '../support/soc2-factories.ts';
import type { TSoc2Category } from '../../src/shared/contracts/soc2.ts';
import { buildControl } from '../support/evidence.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * SOC 2 stage 2 through the API on a real database: the control matrix over the applicable
 * criteria, suggestions from the crosswalks, test procedures and the planning → fieldwork gate;
 * another firm gets 404, a read-only role 403, and a refused transition changes nothing.
 */
describe.skipIf(!backendAvailable)('SOC 2 control matrix and tests', () => {
  let t: TTestApp;
  const clock = createTestClock(new Date('2026-11-27T09:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp();
    t.p.clock = clock;
  }, 240_000);
  afterAll(() => t?.close());

  const ok = async <T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };

  /** A CPA firm, an organization with two controls (one mapped to ISO/IEC 27001 A.6.2), and a Type II examination in planning. */
  async function world(categories: TSoc2Category[] = ['security', 'availability']) {
    const built = await createSoc2Examination(t, { firm: await buildCpaFirm(t, { name: 'Cabinet Durand CPA' }), organization: await buildTenant(t.p, { name: 'Lumière Crédit' }), categories });
    const { firm, organization: org, examination: exam } = built;
    await forceExaminationStateForTest(t, firm.id, exam.id, 'planning');
    const access = await buildControl(t.p, org.id, { reference: 'ACC-01', title: 'Quarterly access review' });
    const hr = await buildControl(t.p, org.id, { reference: 'HR-02', title: 'Security terms in employment contracts' });
    await t.p.db
      .insertInto('control_requirements')
      .values({ tenant_id: org.id, control_id: hr.id, framework_id: 'iso-iec-27001-2022', framework_version: (await fwVersion('iso-iec-27001-2022'))!, ref: 'A.6.2', origin: 'manual' })
      .execute();
    const manager = await as(t.app, firm.owner);
    const auditor = await as(t.app, await buildMembership(t.p, firm, 'auditor'));
    const reviewer = await as(t.app, await buildMembership(t.p, firm, 'technical_reviewer'));
    const orgOwner = await as(t.app, org.owner);
    return { firm, org, exam, access, hr, manager, auditor, reviewer, orgOwner, E: `/api/tenants/${firm.id}/soc2/examinations/${exam.id}` };
  }

  const fwVersion = async (id: string) =>
    (await t.p.db.selectFrom('catalog_frameworks').select('version').where('id', '=', id).where('is_current', '=', true).executeTakeFirst())?.version;

  it('lists the applicable criteria only, flags them uncovered, and suggests links from the crosswalks', { timeout: 240_000 }, async () => {
    const w = await world(['security', 'availability']);
    const m = ZSoc2Matrix.parse(await ok(w.auditor.get(`${w.E}/matrix`)));
    const refs = m.rows.map((r) => r.criterionRef);
    expect(refs).toContain('CC1.1');
    expect(refs).toContain('A1.1');
    expect(refs.some((r) => /^(C|PI|P)\d/.test(r))).toBe(false);
    expect(m.uncoveredCriteria).toEqual(refs);
    expect(m.rows.every((r) => r.uncovered)).toBe(true);
    expect(m.abilities).toEqual({ 'soc2Program.read': true, 'soc2Program.write': true });
    // The session lookup, then the whole matrix in one statement.
    expect(await t.queriesDuring(() => w.auditor.get(`${w.E}/matrix`))).toHaveLength(2);

    const s = await ok<{ added: number; matrix: TSoc2Matrix }>(w.auditor.post(`${w.E}/matrix/suggestions`));
    expect(s.added).toBeGreaterThan(0);
    const cc11 = s.matrix.rows.find((r) => r.criterionRef === 'CC1.1')!;
    expect(cc11.controls).toEqual([{ controlId: w.hr.id, controlRef: 'HR-02', controlTitle: 'Security terms in employment contracts', suggested: true, tests: 0 }]);
    // A suggestion covers nothing until it is accepted.
    expect(cc11.uncovered).toBe(true);
    const again = await ok<{ added: number }>(w.auditor.post(`${w.E}/matrix/suggestions`));
    expect(again.added).toBe(0);

    // The organization's controls, read through the engagement, logged in both tenants.
    const cands = await ok<{ items: { reference: string }[] }>(w.auditor.get(`${w.E}/matrix/controls`));
    expect(cands.items.map((c) => c.reference)).toEqual(['ACC-01', 'HR-02']);
    const reads = await t.p.db.selectFrom('audit_events').select('tenant_id').where('action', '=', 'engagement.aims_read').where('tenant_id', 'in', [w.firm.id, w.org.id]).execute();
    expect(new Set(reads.map((r) => r.tenant_id))).toEqual(new Set([w.firm.id, w.org.id]));
  });

  it('refuses fieldwork while criteria are uncovered or controls untested, then starts it; nothing changes on refusal', { timeout: 240_000 }, async () => {
    const w = await world(['security']);
    const m0 = ZSoc2Matrix.parse(await ok(w.auditor.get(`${w.E}/matrix`)));
    const criteria = m0.rows.map((r) => r.criterionRef);

    const refused = await w.auditor.post(`${w.E}/fieldwork`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'soc2_fieldwork_blocked', details: { uncovered: criteria.length, uncoveredCriteria: criteria } });
    const state = async () => (await t.p.db.selectFrom('soc2_examinations').select('state').where('id', '=', w.exam.id).executeTakeFirstOrThrow()).state;
    expect(await state()).toBe('planning');
    expect(await t.p.db.selectFrom('audit_events').select('id').where('tenant_id', '=', w.firm.id).where('action', '=', 'soc2_examination.fieldwork_started').execute()).toHaveLength(0);

    // Every criterion gets the access review; CC1.1 also the HR control.
    for (const ref of criteria) await ok(w.auditor.post(`${w.E}/matrix/links`, { criterionRef: ref, controlId: w.access.id }));
    let m = ZSoc2Matrix.parse(await ok(w.auditor.post(`${w.E}/matrix/links`, { criterionRef: 'CC1.1', controlId: w.hr.id })));
    expect(m.uncoveredCriteria).toEqual([]);
    expect(m.rows.every((r) => !r.uncovered && r.untested)).toBe(true);
    expect(m.rows.find((r) => r.criterionRef === 'CC1.2')!.controls[0]).toMatchObject({ controlRef: 'ACC-01', suggested: false, tests: 0 });

    // Links are checked: a criterion outside the categories, a control of another tenant.
    const other = await buildControl(t.p, w.firm.id, { reference: 'X-1' });
    expect((await w.auditor.post(`${w.E}/matrix/links`, { criterionRef: 'A1.1', controlId: w.access.id })).json()).toMatchObject({ code: 'soc2_criterion_not_applicable' });
    expect((await w.auditor.post(`${w.E}/matrix/links`, { criterionRef: 'CC1.1', controlId: other.id })).json()).toMatchObject({ code: 'soc2_control_unknown' });

    const blocked = (await w.auditor.post(`${w.E}/fieldwork`)).json() as { code: string; details: { uncovered: number; untested: number } };
    expect(blocked).toMatchObject({ code: 'soc2_fieldwork_blocked', details: { uncovered: 0 } });
    expect(blocked.details.untested).toBe(criteria.length + 1);

    const body = { controlId: w.access.id, methods: ['inquiry', 'inspection'], procedure: 'Inspect the quarterly access review.', evidenceRequested: 'Access review export.', frequency: 'quarterly' };
    const t1 = ZSoc2Test.parse(await ok(w.auditor.post(`${w.E}/tests`, body), 201));
    const t2 = ZSoc2Test.parse(await ok(w.auditor.post(`${w.E}/tests`, { ...body, methods: ['reperformance'] }), 201));
    expect([t1.reference, t2.reference]).toEqual(['T-ACC-01-01', 'T-ACC-01-02']);
    expect(t1).toMatchObject({ controlRef: 'ACC-01', risk: 'moderate', priorFailure: false, conclusion: 'pending' });
    expect((await w.auditor.post(`${w.E}/tests`, { ...body, methods: [] })).statusCode).toBe(400);
    const unlinked = await buildControl(t.p, w.org.id, { reference: 'OPS-9' });
    expect((await w.auditor.post(`${w.E}/tests`, { ...body, controlId: unlinked.id })).json()).toMatchObject({ code: 'soc2_control_not_in_matrix' });

    const still = (await w.auditor.post(`${w.E}/fieldwork`)).json() as { details: { untestedControls: { criterionRef: string; controlId: string }[] } };
    expect(still.details.untestedControls).toEqual([{ criterionRef: 'CC1.1', controlId: w.hr.id }]);
    const t3 = ZSoc2Test.parse(await ok(w.auditor.post(`${w.E}/tests`, { ...body, controlId: w.hr.id, frequency: 'annual', risk: 'higher' }), 201));
    expect(t3.reference).toBe('T-HR-02-01');
    const edited = ZSoc2Test.parse(await ok(w.auditor.patch(`${w.E}/tests/${t3.id}`, { priorFailure: true })));
    expect(edited.priorFailure).toBe(true);

    m = ZSoc2Matrix.parse(await ok(w.auditor.get(`${w.E}/matrix`)));
    expect(m.rows.find((r) => r.criterionRef === 'CC1.1')!.controls.map((c) => [c.controlRef, c.tests])).toEqual([
      ['ACC-01', 2],
      ['HR-02', 1],
    ]);
    expect(await uncoveredCriteria(t.p.db, w.firm.id, w.exam.id)).toEqual([]);

    expect(await ok(w.auditor.post(`${w.E}/fieldwork`))).toEqual({ examinationId: w.exam.id, state: 'fieldwork' });
    // The matrix is frozen once fieldwork starts; tests can still be refined.
    expect((await w.auditor.post(`${w.E}/matrix/links`, { criterionRef: 'CC1.1', controlId: w.hr.id })).json()).toMatchObject({ code: 'soc2_examination_state' });
    await ok(w.auditor.patch(`${w.E}/tests/${t1.id}`, { risk: 'lower' }));
    expect((await w.auditor.post(`${w.E}/fieldwork`)).statusCode).toBe(409);

    // A renewal carries the procedures over, each naming the test it came from.
    const { examination: next } = await createSoc2Examination(t, { firm: w.firm, organization: w.org, categories: ['security'], periodStart: '2026-07-01', periodEnd: '2026-12-31' });
    const copied = await t.p.db.transaction().execute((tx) => copyTestsFrom(tx, w.firm.id, w.exam.id, next.id, null));
    expect(copied).toBe(3);
    const carried = await ok<{ items: TSoc2Test[] }>(w.auditor.get(`/api/tenants/${w.firm.id}/soc2/examinations/${next.id}/tests`));
    expect(carried.items.map((x) => [x.reference, x.carriedFromTestId, x.priorFailure])).toEqual([
      ['T-ACC-01-01', t1.id, false],
      ['T-ACC-01-02', t2.id, false],
      ['T-HR-02-01', t3.id, true],
    ]);
  });

  it('another firm gets 404, the organization gets 404 on the firm’s routes, a read-only role 403', { timeout: 240_000 }, async () => {
    const w = await world();
    const stranger = await buildBody(t.p);
    const strangerClient = await as(t.app, stranger.owner);
    expect((await strangerClient.get(`/api/tenants/${stranger.id}/soc2/examinations/${w.exam.id}/matrix`)).statusCode).toBe(404);
    expect((await strangerClient.get(`${w.E}/matrix`)).statusCode).toBe(404);
    expect((await w.orgOwner.get(`${w.E}/matrix`)).statusCode).toBe(404);

    const m = ZSoc2Matrix.parse(await ok(w.reviewer.get(`${w.E}/matrix`)));
    expect(m.abilities).toEqual({ 'soc2Program.read': true, 'soc2Program.write': false });
    for (const r of [
      await w.reviewer.post(`${w.E}/matrix/links`, { criterionRef: 'CC1.1', controlId: w.access.id }),
      await w.reviewer.post(`${w.E}/matrix/suggestions`),
      await w.reviewer.post(`${w.E}/tests`, { controlId: w.access.id, methods: ['inquiry'], procedure: 'Ask.', frequency: 'annual' }),
      await w.reviewer.post(`${w.E}/fieldwork`),
      await w.reviewer.get(`${w.E}/matrix/controls`),
    ])
      expect(r.statusCode, r.body).toBe(403);
    expect(await t.p.db.selectFrom('soc2_matrix_links').select('control_id').where('tenant_id', '=', w.firm.id).where('examination_id', '=', w.exam.id).execute()).toHaveLength(0);
  });
});
