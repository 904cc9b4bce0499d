import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { ZSoc2PopulationDetail, ZSoc2Sample, ZSoc2TestTesting, type TSoc2Sample } from '../../src/shared/contracts/soc2-fieldwork.ts';
import { ZOrgSoc2ExceptionList, ZSoc2Exception, ZSoc2ExceptionList } from '../../src/shared/contracts/soc2-exceptions.ts';
import { changeTicketsCsv } from '../support/soc2-factories.ts';
import type { TJourney } from './soc2-journey.test.ts';

/**
 * Stages 3 and 4 of issue 12's journey: the populations imported as CSV files, samples drawn from
 * a seed (the same seed draws the same items again, another seed other items), each item's result
 * with two exceptions on the change approvals, management's responses, the auditor's conclusions,
 * and each test's conclusion.
 */
export async function journeyFieldwork(j: TJourney) {
  const { ok, E, O, auditor, manager, orgContributor, tests } = j;
  j.clock.set(new Date('2026-07-10T09:00:00Z'));

  const upload = async (testId: string, csv: string, meta: Record<string, string>) => {
    const qs = new URLSearchParams({ textColumns: 'title', ...meta });
    return ZSoc2PopulationDetail.parse(await ok(auditor.post(`${E}/tests/${testId}/populations/files?${qs}`, Buffer.from(csv), { 'content-type': 'text/csv' }), 201));
  };
  const draw = async (populationId: string, seed: string) => {
    await ok(auditor.put(`${E}/populations/${populationId}/completeness`, { completenessAccuracy: 'Row count agreed to the source system’s own report for the period.' }));
    return ZSoc2Sample.parse(await ok(auditor.post(`${E}/populations/${populationId}/samples`, { seed }), 201));
  };

  // The change tickets of the period (181 deployments, one a day), imported once per test on them.
  const changesCsv = changeTicketsCsv(181);
  const changes = await upload(tests.changes.id, changesCsv, { name: 'Deployments Jan–Jun 2026', keyColumn: 'ticket', dateColumn: 'deployed_on', filename: 'deployments.csv' });
  expect(changes).toMatchObject({ rowCount: 181, firstDate: '2026-01-01', lastDate: '2026-06-30', fileName: 'deployments.csv' });
  expect(changes.fileSha256).toBe(createHash('sha256').update(changesCsv).digest('hex'));

  // Nothing is drawn before the auditor records how completeness and accuracy were checked.
  const early = await auditor.post(`${E}/populations/${changes.id}/samples`, { seed: 'lumiere-2026-chg' });
  expect(early.statusCode).toBe(409);
  expect(early.json().code).toBe('soc2_completeness_required');

  // A daily control, moderate risk: 25 items from the three parts of the period.
  const s1 = await draw(changes.id, 'lumiere-2026-chg');
  expect(s1).toMatchObject({ seed: 'lumiere-2026-chg', size: 25, extensionNo: 0 });
  expect(s1.items).toHaveLength(25);
  expect(new Set(s1.items.map((i) => i.stratum))).toEqual(new Set(['beginning', 'middle', 'end']));
  // Same seed, same file → the same items: the reviewer re-draws it; another seed draws other rows.
  type TVerify = { seed: string; recordedSeed: boolean; identical: boolean; populationSha256Matches: boolean; expectedRows: number[] };
  const rows = (x: number[]) => [...x].sort((a, b) => a - b);
  const verified = await ok<TVerify>(manager.post(`${E}/samples/${s1.id}/verify`));
  expect(verified).toMatchObject({ seed: 'lumiere-2026-chg', recordedSeed: true, identical: true, populationSha256Matches: true });
  // (row numbers in the file: the header is row 1)
  expect(rows(verified.expectedRows)).toEqual(rows(s1.items.map((i) => i.rowIndex + 2)));
  const otherSeed = await ok<TVerify>(manager.post(`${E}/samples/${s1.id}/verify`, { seed: 'another-seed' }));
  expect(otherSeed).toMatchObject({ seed: 'another-seed', recordedSeed: false, identical: false, populationSha256Matches: true });
  expect(otherSeed.expectedRows).toHaveLength(25);
  expect(rows(otherSeed.expectedRows)).not.toEqual(rows(verified.expectedRows));
  // The same file for the second procedure, another seed → other items.
  const deployments = await upload(tests.deployments.id, changesCsv, { name: 'Deployments Jan–Jun 2026', keyColumn: 'ticket', dateColumn: 'deployed_on', filename: 'deployments.csv' });
  expect(deployments.fileSha256).toBe(changes.fileSha256);
  const s2 = await draw(deployments.id, 'lumiere-2026-dep');
  expect(s2.items).toHaveLength(25);
  expect(s2.items.map((i) => i.key).sort()).not.toEqual(s1.items.map((i) => i.key).sort());

  // The quarterly access reviews and the yearly policy approval.
  const access = await upload(
    tests.access.id,
    'review,performed_on,title\nQR-2026-Q1,2026-03-31,Q1 access review\nQR-2026-Q2,2026-06-30,Q2 access review\n',
    { name: 'Access reviews 2026', keyColumn: 'review', dateColumn: 'performed_on', filename: 'access-reviews.csv' },
  );
  const s3 = await draw(access.id, 'lumiere-2026-acc');
  const governance = await upload(tests.governance.id, 'approval,approved_on,title\nBRD-2026-02,2026-02-12,Board approval of the security policy\n', {
    name: 'Policy approvals 2026',
    keyColumn: 'approval',
    dateColumn: 'approved_on',
    filename: 'policy-approvals.csv',
  });
  const s4 = await draw(governance.id, 'lumiere-2026-gov');
  expect(s3.items.length).toBeGreaterThanOrEqual(1);
  expect(s4.items).toHaveLength(1);
  expect(s4.items[0]).toMatchObject({ key: 'BRD-2026-02', date: '2026-02-12' });

  // Results: two changes deployed before their approval; everything else as expected.
  const byDate = [...s1.items].sort((a, b) => a.date.localeCompare(b.date));
  const failed = [byDate[6]!, byDate[18]!];
  const result = async (item: TSoc2Sample['items'][number], bad: boolean) =>
    ok(auditor.patch(`${E}/sample-items/${item.id}`, bad ? { result: 'exception', notes: 'Deployed before the approval was recorded.' } : { result: 'no_exception' }));
  for (const item of s1.items) await result(item, failed.some((f) => f.id === item.id));
  for (const item of [...s2.items, ...s3.items, ...s4.items]) await result(item, false);
  const testing = ZSoc2TestTesting.parse(await ok(auditor.get(`${E}/tests/${tests.changes.id}/testing`)));
  expect(testing).toMatchObject({ items: 25, pending: 0, exceptions: 2, deviationRate: 0.08 });

  // 4. The exceptions, on their items; the organization is told and responds.
  const raise = async (item: TSoc2Sample['items'][number]) =>
    ZSoc2Exception.parse(
      await ok(auditor.post(`${E}/exceptions`, { testId: tests.changes.id, sampleItemId: item.id, description: `Change ${item.key} was deployed on ${item.date} before its approval was recorded.` }), 201),
    );
  const ex1 = await raise(failed[0]!);
  const ex2 = await raise(failed[1]!);
  expect([ex1.reference, ex2.reference]).toEqual(['EX-001', 'EX-002']);
  expect(ex1).toMatchObject({ state: 'open', testReference: 'T-CHG-01-01', controlRef: 'CHG-01', sampleItem: { key: failed[0]!.key } });
  expect(ex1.criteria).toContain('CC8.1');

  j.clock.set(new Date('2026-07-15T14:00:00Z'));
  const orgList = ZOrgSoc2ExceptionList.parse(await ok(orgContributor.get(`${O}/exceptions`)));
  expect(orgList.total).toBe(2);
  const responses = {
    [ex1.id]: { context: 'An emergency fix during the March incident; approved the next morning.', remediation: 'Emergency changes now need a second engineer’s approval in the pipeline.' },
    [ex2.id]: { context: 'The approver’s tool was down; the approval was recorded an hour later.', remediation: 'The pipeline blocks a deployment without an approval since 1 June 2026.' },
  };
  for (const [id, body] of Object.entries(responses)) expect((await ok<{ state: string }>(orgContributor.put(`${O}/exceptions/${id}/response`, body))).state).toBe('responded');

  // The auditor's conclusions, final; then each test's.
  j.clock.set(new Date('2026-07-20T09:00:00Z'));
  await ok(auditor.post(`${E}/exceptions/${ex1.id}/conclusion`, { conclusion: 'isolated', criterionImpact: 'partial', notes: 'Two changes in 25; the preventive control came late in the period.' }));
  await ok(auditor.post(`${E}/exceptions/${ex2.id}/conclusion`, { conclusion: 'isolated', criterionImpact: 'partial', notes: 'Corrected by the pipeline block from June.' }));
  const list = ZSoc2ExceptionList.parse(await ok(auditor.get(`${E}/exceptions`)));
  expect(list.groups.map((g) => [g.controlRef, g.exceptions.map((e) => [e.reference, e.state])])).toEqual([
    [
      'CHG-01',
      [
        ['EX-001', 'concluded'],
        ['EX-002', 'concluded'],
      ],
    ],
  ]);
  const concluded = ZSoc2TestTesting.parse(await ok(auditor.post(`${E}/tests/${tests.changes.id}/conclusion`, { conclusion: 'exception', notes: 'Two of 25 deployments before approval (EX-001, EX-002).' })));
  expect(concluded).toMatchObject({ conclusion: 'exception', items: 25, exceptions: 2 });
  for (const test of [tests.deployments, tests.access, tests.governance])
    expect((await ok<{ conclusion: string; exceptions: number }>(auditor.post(`${E}/tests/${test.id}/conclusion`, { conclusion: 'no_exception', notes: 'No exceptions noted.' }))).conclusion).toBe('no_exception');
  return { exceptions: [ex1, ex2], failed };
}
