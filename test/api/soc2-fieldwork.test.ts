import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ZSoc2Coverage,
  ZSoc2PopulationDetail,
  ZSoc2Sample,
  ZSoc2SampleItem,
  ZSoc2TestTesting,
  type TSoc2PopulationDetail,
  type TSoc2Sample,
} from '../../src/shared/contracts/soc2-fieldwork.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildMembership } from '../support/factories.ts';
import { buildCpaFirm, changeTicketsCsv, createSoc2Fieldwork, createSoc2Population, drawSoc2Sample, type TBuiltSoc2Fieldwork } from '../support/soc2-factories.ts';
import { blobFiles, multipartBody } from '../support/evidence.ts';
import { backendAvailable, createTestApp, type TClient, type TTestApp } from '../support/test-app.ts';

/*
 * SOC 2 fieldwork through the API on a real database: population files imported (10 000 rows),
 * refused with row numbers and nothing kept, populations built from the organization's evidence,
 * samples drawn and re-drawn from their seed, extended after an exception, judgmental items, item
 * results with contemporaneity, the test's conclusion and the period coverage; another firm 404,
 * a read-only role 403, outside fieldwork 409.
 */
describe.skipIf(!backendAvailable)('SOC 2 fieldwork: populations, samples, results, coverage', () => {
  let t: TTestApp;
  const clock = createTestClock(new Date('2026-07-10T09:00:00Z'));
  beforeAll(async () => {
    // 1 MB: enough for 10 000 rows (≈ 330 kB), small enough to send an oversized file.
    t = await createTestApp({ SOC2_POPULATION_MAX_MB: '1' });
    t.p.clock = clock;
  }, 240_000);
  afterAll(() => t?.close());

  const ok = async <T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };

  async function world(o: Parameters<typeof createSoc2Fieldwork>[1] = {}) {
    const w = await createSoc2Fieldwork(t.p, o);
    const auditor = await as(t.app, await buildMembership(t.p, w.firm, 'auditor'));
    const reviewer = await as(t.app, await buildMembership(t.p, w.firm, 'technical_reviewer'));
    const E = `/api/tenants/${w.firm.id}/soc2/examinations/${w.examination.id}`;
    return { ...w, auditor, reviewer, E, F: `${E}/tests/${w.test.id}/populations/files` };
  }

  const upload = (c: TClient, url: string, csv: string | Buffer, q: Record<string, string> = {}) => {
    const qs = new URLSearchParams({ name: 'Change tickets', keyColumn: 'ticket', dateColumn: 'deployed_on', textColumns: 'title', filename: 'changes.csv', ...q });
    return c.post(`${url}?${qs}`, Buffer.isBuffer(csv) ? csv : Buffer.from(csv), { 'content-type': 'text/csv' });
  };
  const counts = async (w: TBuiltSoc2Fieldwork) => ({
    rows: (await t.p.db.selectFrom('soc2_populations').select('id').where('tenant_id', '=', w.firm.id).execute()).length,
    blobs: blobFiles(t.dataDir),
  });

  it('imports a 10 000-row CSV through the API, frozen with its SHA-256 and index; draws, re-draws and verifies', { timeout: 240_000 }, async () => {
    const w = await world();
    const csv = changeTicketsCsv(10_000);
    const before = blobFiles(t.dataDir).length;
    const pop = ZSoc2PopulationDetail.parse(await ok(upload(w.auditor, w.F, csv), 201));
    expect(pop).toMatchObject({ source: 'csv', fileName: 'changes.csv', rowCount: 10_000, firstDate: '2026-01-01', lastDate: '2026-06-30', completenessAccuracy: '', samples: 0 });
    expect(pop.fileSha256).toBe(createHash('sha256').update(csv).digest('hex'));
    expect(pop.fileSize).toBe(Buffer.byteLength(csv));
    expect(pop.mapping).toMatchObject({ keyColumn: 'ticket', dateColumn: 'deployed_on', textColumns: ['title'], delimiter: ',' });
    expect(pop.preview.header).toEqual(['ticket', 'deployed_on', 'title']);
    expect(pop.preview.rows).toHaveLength(20);
    expect(pop.preview.rows[0]).toEqual({ rowNumber: 2, cells: ['CHG-00001', '2026-01-01', 'Change 1'] });
    expect(pop.abilities).toEqual({ 'soc2Program.read': true, 'soc2Program.write': true });
    // The file and its index, nothing else.
    expect(blobFiles(t.dataDir).length).toBe(before + 2);

    const list = await ok<{ items: { id: string }[] }>(w.reviewer.get(`${w.E}/populations?testId=${w.test.id}`));
    expect(list.items.map((i) => i.id)).toEqual([pop.id]);
    expect(await t.queriesDuring(() => w.reviewer.get(`${w.E}/populations`))).toHaveLength(3);

    // No draw before the auditor's record on completeness and accuracy.
    const early = await w.auditor.post(`${w.E}/populations/${pop.id}/samples`, { seed: 'alpha' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('soc2_completeness_required');
    await ok(w.auditor.put(`${w.E}/populations/${pop.id}/completeness`, { completenessAccuracy: 'Count agreed to the ticketing system report.' }));

    const s1 = ZSoc2Sample.parse(await ok(w.auditor.post(`${w.E}/populations/${pop.id}/samples`, { seed: 'alpha' }), 201));
    // Daily control, moderate risk, no prior failure: 25 (facts-sheet table).
    expect(s1).toMatchObject({ extensionNo: 0, seed: 'alpha', algorithm: 'attest-stratified-v1', size: 25 });
    expect(s1.sizeTrace).toMatchObject({ method: 'frequency-table', tableVersion: 'attest-soc2-conventional-v1', frequency: 'daily', risk: 'moderate', priorFailure: false, size: 25, seedGenerated: false });
    expect(s1.items).toHaveLength(25);
    expect(new Set(s1.items.map((i) => i.stratum))).toEqual(new Set(['beginning', 'middle', 'end']));
    const first = s1.items[0]!;
    expect(first.key).toMatch(/^CHG-\d{5}$/);
    expect(first.text).toBe(`Change ${Number(first.key.slice(4))}`);
    expect((await w.auditor.post(`${w.E}/populations/${pop.id}/samples`, {})).json().code).toBe('soc2_sample_exists');

    const v = await ok<{ identical: boolean; populationSha256Matches: boolean; expectedRows: number[]; recordedRows: number[] }>(w.reviewer.post(`${w.E}/samples/${s1.id}/verify`));
    expect(v).toMatchObject({ identical: true, populationSha256Matches: true, seed: 'alpha', recordedSeed: true });
    expect(v.expectedRows).toHaveLength(25);
    // The re-draw check with another seed: the same file and size, other rows; the sample is unchanged.
    const otherSeed = await ok<{ identical: boolean; seed: string; recordedSeed: boolean; expectedRows: number[]; recordedRows: number[] }>(w.reviewer.post(`${w.E}/samples/${s1.id}/verify`, { seed: 'beta' }));
    expect(otherSeed).toMatchObject({ identical: false, populationSha256Matches: true, seed: 'beta', recordedSeed: false, recordedRows: v.recordedRows });
    expect(otherSeed.expectedRows).toHaveLength(25);
    expect(otherSeed.expectedRows).not.toEqual(v.expectedRows);
    expect((await w.reviewer.post(`${w.E}/samples/${s1.id}/verify`, { seed: 'has space' })).statusCode).toBe(400);

    // Same file, same seed → same rows; another seed → other rows; no seed → one generated and recorded.
    const again = await createSoc2Population(t.p, w, { csv, name: 'Same file' });
    const same = await drawSoc2Sample(t.p, w, again.id, { seed: 'alpha' });
    expect(same.items.map((i) => i.rowIndex)).toEqual(s1.items.map((i) => i.rowIndex));
    const third = await createSoc2Population(t.p, w, { csv, name: 'Third' });
    const other = await drawSoc2Sample(t.p, w, third.id, { seed: 'beta' });
    expect(other.items.map((i) => i.rowIndex)).not.toEqual(s1.items.map((i) => i.rowIndex));
    const fourth = await createSoc2Population(t.p, w, { csv, name: 'Fourth' });
    const generated = ZSoc2Sample.parse(await ok(w.auditor.post(`${w.E}/populations/${fourth.id}/samples`, {}), 201));
    expect(generated.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(generated.sizeTrace).toMatchObject({ seedGenerated: true });

    const events = await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', w.firm.id).where('action', 'like', 'soc2_%').execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['soc2_population.imported', 'soc2_population.completeness_recorded', 'soc2_sample.drawn']));
  });

  it('refuses out-of-period, duplicate, malformed and oversized files with row numbers, keeping nothing', { timeout: 240_000 }, async () => {
    const w = await world();
    const start = await counts(w);
    const bad = 'ticket,deployed_on,title\nA-1,2026-01-05,ok\nA-2,2025-12-31,too early\nA-1,2026-02-01,dup\nA-4,31/02/2026,not a date\n';
    const r = await upload(w.auditor, w.F, bad);
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.code).toBe('population_rows_invalid');
    expect(body.details).toMatchObject({ rowErrorCount: 3, rowCount: 4, firstRow: 3, periodStart: '2026-01-01', periodEnd: '2026-06-30' });
    expect(body.details.rowErrors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [3, 'date_outside_period'],
      [4, 'duplicate_key'],
      [5, 'unparseable_date'],
    ]);
    expect(body.details.rowErrors[1]).toMatchObject({ firstRow: 2, message: { en: 'Row 4: the key “A-1” already appears on row 2.', fr: 'Ligne 4\u00a0: la clé «\u00a0A-1\u00a0» figure déjà à la ligne 2.' } });

    const malformed = await upload(w.auditor, w.F, 'ticket,deployed_on,title\nA-1,2026-01-05,"unclosed\n');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('population_malformed_csv');
    const noColumn = await upload(w.auditor, w.F, 'ticket,deployed_on\nA-1,2026-01-05\n');
    expect(noColumn.json()).toMatchObject({ code: 'population_column_not_found', details: { column: 'title' } });
    const empty = await upload(w.auditor, w.F, 'ticket,deployed_on,title\n');
    expect(empty.json().code).toBe('population_empty');
    const wrongType = await upload(w.auditor, w.F, 'x', { filename: 'changes.pdf' });
    expect(wrongType.json().code).toBe('soc2_population_format');

    const big = Buffer.concat([Buffer.from('ticket,deployed_on,title\n'), Buffer.alloc(1024 * 1024 + 10, 'x')]);
    const tooBig = await upload(w.auditor, w.F, big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().code).toBe('population_file_too_large');
    const form = multipartBody({ name: 'Big', keyColumn: 'ticket', dateColumn: 'deployed_on' }, { name: 'big.csv', type: 'text/csv', data: big });
    const tooBigForm = await w.auditor.post(w.F, form.payload, form.headers);
    expect(tooBigForm.statusCode).toBe(413);

    expect(await counts(w)).toEqual(start);

    // Multipart, fields first: accepted, semicolon-delimited, day-first dates.
    const ok1 = multipartBody(
      { name: 'Terminations', keyColumn: 'Employee', dateColumn: 'Left on', textColumns: 'Team', delimiter: ';', dayFirstDates: 'true' },
      { name: 'leavers.csv', type: 'text/csv', data: Buffer.from('Employee;Left on;Team\nE-1;15/03/2026;Risk\nE-2;02/06/2026;Data\n') },
    );
    const pop = ZSoc2PopulationDetail.parse(await ok(w.auditor.post(w.F, ok1.payload, ok1.headers), 201));
    expect(pop).toMatchObject({ rowCount: 2, firstDate: '2026-03-15', lastDate: '2026-06-02', mapping: { delimiter: ';', dayFirstDates: true } });
  });

  it('another firm gets 404, a read-only role 403, and nothing changes outside fieldwork (409)', { timeout: 240_000 }, async () => {
    const w = await world();
    const pop = await createSoc2Population(t.p, w);
    const csv = changeTicketsCsv(10);
    expect((await upload(w.reviewer, w.F, csv)).statusCode).toBe(403);
    expect((await w.reviewer.post(`${w.E}/populations/${pop.id}/samples`, {})).statusCode).toBe(403);
    expect((await w.reviewer.put(`${w.E}/populations/${pop.id}/completeness`, { completenessAccuracy: 'x' })).statusCode).toBe(403);
    expect((await w.reviewer.get(`${w.E}/populations/${pop.id}`)).statusCode).toBe(200);

    const other = await buildCpaFirm(t.p, { name: 'Autre cabinet' });
    const stranger = await as(t.app, await buildMembership(t.p, other, 'auditor'));
    const OE = `/api/tenants/${other.id}/soc2/examinations/${w.examination.id}`;
    expect((await stranger.get(`${OE}/populations/${pop.id}`)).statusCode).toBe(404);
    expect((await upload(stranger, `${OE}/tests/${w.test.id}/populations/files`, csv)).statusCode).toBe(404);
    expect((await stranger.post(`${OE}/populations/${pop.id}/samples`, {})).statusCode).toBe(404);
    expect((await stranger.get(`${OE}/coverage`)).statusCode).toBe(404);
    // Their own examination id does not reach ours either.
    const theirs = await createSoc2Fieldwork(t.p, { firm: other });
    const TE = `/api/tenants/${other.id}/soc2/examinations/${theirs.examination.id}`;
    expect((await stranger.get(`${TE}/populations/${pop.id}`)).statusCode).toBe(404);

    await t.p.db.updateTable('soc2_examinations').set({ state: 'planning' }).where('id', '=', w.examination.id).execute();
    const start = await counts(w);
    const refused = await upload(w.auditor, w.F, csv);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'soc2_examination_state', details: { state: 'planning' } });
    expect((await w.auditor.post(`${w.E}/populations/${pop.id}/samples`, {})).json().code).toBe('soc2_examination_state');
    expect(await counts(w)).toEqual(start);
  });

  it('builds a population from the organization’s evidence (read logged in both tenants) and shows coverage gaps', { timeout: 240_000 }, async () => {
    const w = await world({ frequency: 'monthly' });
    const evidence = async (day: string, title: string, status: 'submitted' | 'draft' = 'submitted') => {
      const e = await t.p.db
        .insertInto('evidence')
        .values({ tenant_id: w.organization.id, series_id: randomUUID(), kind: 'link', title, sha256: 'a'.repeat(64), url: 'https://intranet.example/x', effective_date: day, status, received_at: new Date(), contemporaneity_days: 30, not_contemporaneous: false })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.p.db.insertInto('evidence_controls').values({ tenant_id: w.organization.id, evidence_id: e.id, control_id: w.control.id }).execute();
      return e.id;
    };
    for (const [d, title] of [['2026-01-20', 'January review'], ['2026-02-18', 'February review'], ['2026-03-19', 'March review'], ['2026-04-21', 'April review']] as const) await evidence(d, title);
    await evidence('2026-05-20', 'May review (draft)', 'draft');
    await evidence('2025-12-15', 'Before the period');

    const pop = await ok<TSoc2PopulationDetail>(w.auditor.post(`${w.E}/tests/${w.test.id}/populations/evidence`, { name: 'Monthly reviews in Attest' }), 201);
    expect(pop).toMatchObject({ source: 'evidence', rowCount: 4, firstDate: '2026-01-20', lastDate: '2026-04-21' });
    expect(pop.preview.header).toEqual(['evidence_id', 'effective_date', 'title', 'created_on']);
    expect(pop.preview.rows.map((r) => r.cells[2])).toEqual(['January review', 'February review', 'March review', 'April review']);
    const reads = await t.p.db.selectFrom('audit_events').select(['tenant_id', 'summary']).where('action', '=', 'engagement.aims_read').where('tenant_id', 'in', [w.firm.id, w.organization.id]).execute();
    expect(new Set(reads.map((r) => r.tenant_id))).toEqual(new Set([w.firm.id, w.organization.id]));

    const cov = ZSoc2Coverage.parse(await ok(w.reviewer.get(`${w.E}/coverage`)));
    expect(cov).toMatchObject({ applicable: true, period: { start: '2026-01-01', end: '2026-06-30' } });
    const tc = cov.tests[0]!;
    expect(tc).toMatchObject({ testId: w.test.id, frequency: 'monthly' });
    expect(tc.evidence.gaps.map((g) => g.key)).toEqual(['2026-05', '2026-06']);
    expect(tc.evidence.outsidePeriod).toBe(1);
    expect(tc.population!.gaps.map((g) => g.key)).toEqual(['2026-05', '2026-06']);
    expect(tc.population!.covered).toBe(false);
  });

  it('records results with evidence and contemporaneity, extends after an exception, adds judgmental items, concludes', { timeout: 240_000 }, async () => {
    const w = await world({ frequency: 'monthly' });
    const pop = await createSoc2Population(t.p, w, { rows: 60 });
    const sample: TSoc2Sample = await drawSoc2Sample(t.p, w, pop.id, { seed: 'gamma' });
    expect(sample.items).toHaveLength(2);
    const [a, b] = sample.items as [TSoc2Sample['items'][number], TSoc2Sample['items'][number]];

    const ev = await t.p.db
      .insertInto('evidence')
      .values({ tenant_id: w.organization.id, series_id: randomUUID(), kind: 'link', title: 'Approval screenshot', sha256: 'b'.repeat(64), url: 'https://intranet.example/a', effective_date: a.date, status: 'submitted', received_at: new Date(), contemporaneity_days: 30, not_contemporaneous: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    const late = ZSoc2SampleItem.parse(
      await ok(w.auditor.patch(`${w.E}/sample-items/${a.id}`, { result: 'exception', notes: 'Approved after deployment.', evidenceIds: [ev.id], evidenceCreatedOn: '2026-12-01' })),
    );
    expect(late).toMatchObject({ result: 'exception', evidence: [{ id: ev.id, title: 'Approval screenshot' }], evidenceCreatedOn: '2026-12-01', contemporaneity: { flagged: true, reason: 'created_late' } });
    const unknown = await w.auditor.patch(`${w.E}/sample-items/${b.id}`, { result: 'no_exception', evidenceIds: [randomUUID()] });
    expect(unknown.json().code).toBe('soc2_evidence_unknown');
    expect((await w.reviewer.patch(`${w.E}/sample-items/${b.id}`, { result: 'no_exception' })).statusCode).toBe(403);

    // Concluding waits for every item.
    const pending = await w.auditor.post(`${w.E}/tests/${w.test.id}/conclusion`, { conclusion: 'exception' });
    expect(pending.statusCode).toBe(409);
    expect(pending.json()).toMatchObject({ code: 'soc2_items_pending', details: { pending: 1 } });
    await ok(w.auditor.patch(`${w.E}/sample-items/${b.id}`, { result: 'no_exception', evidenceCreatedOn: b.date }));

    // Extension 1 after the exception: new rows only; the same seed and extension re-draw it.
    const ext = ZSoc2Sample.parse(await ok(w.auditor.post(`${w.E}/populations/${pop.id}/extensions`, { size: 3 }), 201));
    expect(ext).toMatchObject({ extensionNo: 1, seed: 'gamma', size: 3 });
    expect(ext.items.every((i) => i.kind === 'extension')).toBe(true);
    expect(ext.items.some((i) => sample.items.some((s) => s.rowIndex === i.rowIndex))).toBe(false);
    expect(await ok<{ identical: boolean }>(w.auditor.post(`${w.E}/samples/${ext.id}/verify`))).toMatchObject({ identical: true });

    // Judgmental: a reason is required; a row already drawn is refused.
    const taken = ext.items[0]!;
    const takenRow = taken.rowIndex + 2;
    expect((await w.auditor.post(`${w.E}/samples/${sample.id}/items`, { items: [{ rowNumber: takenRow, reason: 'again' }] })).json().code).toBe('soc2_sample_row_already_selected');
    expect((await w.auditor.post(`${w.E}/samples/${sample.id}/items`, { items: [{ rowNumber: 7, reason: '' }] })).statusCode).toBe(400);
    const free = [...Array(60).keys()].map((i) => i + 2).find((r) => ![...sample.items, ...ext.items].some((i) => i.rowIndex + 2 === r))!;
    const withJ = ZSoc2Sample.parse(await ok(w.auditor.post(`${w.E}/samples/${sample.id}/items`, { items: [{ rowNumber: free, reason: 'Emergency change by the CTO.' }] })));
    const j = withJ.items.find((i) => i.kind === 'judgmental')!;
    expect(j).toMatchObject({ judgmentReason: 'Emergency change by the CTO.', key: `CHG-${String(free - 1).padStart(5, '0')}` });
    // Judgmental items are the auditor's: the draw still verifies.
    expect(await ok<{ identical: boolean }>(w.auditor.post(`${w.E}/samples/${sample.id}/verify`))).toMatchObject({ identical: true });

    for (const i of [...ext.items, j]) await ok(w.auditor.patch(`${w.E}/sample-items/${i.id}`, { result: 'no_exception' }));
    const view = ZSoc2TestTesting.parse(await ok(w.auditor.post(`${w.E}/tests/${w.test.id}/conclusion`, { conclusion: 'exception', notes: 'One late approval out of six.' })));
    expect(view).toMatchObject({ conclusion: 'exception', items: 6, pending: 0, exceptions: 1, deviationRate: 0.1667, contemporaneityFlags: 1 });
    expect(view.samples.map((s) => s.extensionNo)).toEqual([0, 1]);
    // Concluded: results and samples are frozen until the test is reopened.
    expect((await w.auditor.patch(`${w.E}/sample-items/${b.id}`, { result: 'exception' })).json().code).toBe('soc2_test_concluded');
    await ok(w.auditor.post(`${w.E}/tests/${w.test.id}/conclusion`, { conclusion: 'pending' }));
    await ok(w.auditor.patch(`${w.E}/sample-items/${b.id}`, { result: 'exception' }));
    const row = await t.p.db.selectFrom('soc2_tests').select(['conclusion']).where('id', '=', w.test.id).executeTakeFirstOrThrow();
    expect(row.conclusion).toBe('pending');
  });
});
