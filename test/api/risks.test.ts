import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZOverdue, ZRiskDetail, ZRiskHeatMap, ZRiskList, ZRiskMatrix, type TRiskMatrixConfig } from '../../src/shared/contracts/risks.ts';
import { DEFAULT_MATRIX } from '../../src/server/modules/risks/risk-matrix.ts';
import { as, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TClient, type TTestApp } from '../support/test-app.ts';

const risk = (o: Record<string, unknown> = {}) => ({
  title: 'Credit-scoring model drifts on new applicant segments',
  source: 'ai_system',
  inherentLikelihood: 4,
  inherentImpact: 4,
  ...o,
});

const SMALL: TRiskMatrixConfig = {
  likelihood: [
    { en: 'Low', fr: 'Faible' },
    { en: 'Medium', fr: 'Moyenne' },
    { en: 'High', fr: 'Forte' },
  ],
  impact: [
    { en: 'Minor', fr: 'Mineur' },
    { en: 'Major', fr: 'Majeur' },
    { en: 'Severe', fr: 'Grave' },
  ],
  bands: [
    { key: 'acceptable', label: { en: 'Acceptable', fr: 'Acceptable' }, color: '#2f9e44', upTo: 3 },
    { key: 'unacceptable', label: { en: 'Unacceptable', fr: 'Inacceptable' }, color: '#c92a2a', upTo: 9 },
  ],
  acceptanceThreshold: 3,
  acceptAboveThresholdRoles: ['owner'],
};

describe.skipIf(!backendAvailable)('risk register', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  /** An organization with an owner, a contributor and a viewer, each signed in. */
  async function org() {
    const tenant = await buildTenant(t.p);
    const contributorUser = await buildMembership(t.p, tenant, 'contributor');
    const viewerUser = await buildMembership(t.p, tenant, 'viewer');
    return {
      tenant,
      T: `/api/tenants/${tenant.id}`,
      owner: await as(t.app, tenant.owner),
      contributor: await as(t.app, contributorUser),
      contributorId: contributorUser.id,
      viewer: await as(t.app, viewerUser),
    };
  }

  const create = async (c: TClient, T: string, body: object) => {
    const res = await c.post(`${T}/risks`, body);
    expect(res.statusCode, res.body).toBe(201);
    // Parses to itself: a field the server sends outside the shared contract fails here.
    expect(ZRiskDetail.parse(res.json())).toEqual(res.json());
    return ZRiskDetail.parse(res.json());
  };

  it('scores a risk on the default 5 × 5 matrix, links catalog requirements and records the audit event', async () => {
    const { T, owner, tenant, contributorId } = await org();
    expect((await owner.get(`${T}/risk-matrix`)).json()).toMatchObject({ version: 0, config: DEFAULT_MATRIX, abilities: { 'riskMatrix.update': true } });
    const r = await create(owner, T, {
      ...risk(),
      ownerId: contributorId,
      treatment: 'mitigate',
      treatmentPlan: [{ title: 'Monthly drift report', ownerId: tenant.owner.id, dueDate: '2027-01-31' }],
      residualLikelihood: 2,
      residualImpact: 4,
      reviewDate: '2027-06-30',
      requirements: [
        { frameworkId: 'iso-iec-42001-2023', ref: '6.1.2' },
        { frameworkId: 'iso-iec-42001-2023', ref: 'A.5.2' },
        { frameworkId: 'eu-ai-act-2024', ref: 'Art. 9' },
      ],
    });
    expect(r).toMatchObject({
      matrixVersion: 1,
      status: 'open',
      inherent: { likelihood: 4, impact: 4, score: 16, level: 'high' },
      residual: { likelihood: 2, impact: 4, score: 8, level: 'medium' },
      residualAboveThreshold: false,
      owner: { id: contributorId },
      treatmentPlan: [{ title: 'Monthly drift report', status: 'planned', dueDate: '2027-01-31', overdue: false }],
      abilities: { 'risk.update': true, 'risk.accept': true, 'risk.reopen': false },
    });
    expect(r.requirements.map((q) => `${q.frameworkId} ${q.ref}`)).toEqual(['eu-ai-act-2024 Art. 9', 'iso-iec-42001-2023 6.1.2', 'iso-iec-42001-2023 A.5.2']);
    const events = (await owner.get(`${T}/audit-events?action=risk.created`)).json().items;
    expect(events[0]).toMatchObject({ subjectId: r.id, summary: { after: { title: r.title, inherent: { level: 'high' }, matrixVersion: 1 } } });
    expect((await owner.get(`${T}/audit-events/verify`)).json().ok).toBe(true);
  });

  it('refuses bad input with field errors: unknown requirement, non-member owner, score off the matrix, bad enums and lengths', async () => {
    const { T, owner } = await org();
    const outsider = await buildUser(t.p);
    const unknownRef = await owner.post(`${T}/risks`, risk({ requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '6.1.9' }] }));
    expect(unknownRef.statusCode).toBe(400);
    expect(unknownRef.json()).toMatchObject({ code: 'risk_requirement_unknown', details: [{ field: 'requirements.0.ref' }] });
    const notMember = await owner.post(`${T}/risks`, risk({ ownerId: outsider.id }));
    expect(notMember.json()).toMatchObject({ code: 'risk_member_unknown', details: [{ field: 'ownerId' }] });
    const offMatrix = await owner.post(`${T}/risks`, risk({ inherentLikelihood: 6 }));
    expect(offMatrix.statusCode).toBe(400);
    expect(offMatrix.json()).toMatchObject({ code: 'risk_score_off_matrix', details: [{ field: 'inherentLikelihood' }] });
    const shape = await owner.post(`${T}/risks`, risk({ title: 'x'.repeat(201), source: 'weather', treatment: 'ignore' }));
    expect(shape.statusCode).toBe(400);
    expect(shape.json().details.map((d: { field: string }) => d.field).sort()).toEqual(['source', 'title', 'treatment']);
    expect((await owner.post(`${T}/risks`, risk({ residualLikelihood: 2 }))).json()).toMatchObject({ code: 'validation_failed', details: [{ field: 'residualImpact' }] });
    expect((await owner.get(`${T}/risks?sort=colour`)).statusCode).toBe(400);
    expect((await owner.get(`${T}/risks?cursor=bm90LWEtY3Vyc29y`)).statusCode).toBe(400);
    expect((await owner.put(`${T}/risk-matrix`, { ...SMALL, bands: [{ ...SMALL.bands[0], upTo: 5 }, { ...SMALL.bands[1], upTo: 4 }] })).statusCode).toBe(400);
    expect((await owner.get(`${T}/risks`)).json().items).toEqual([]);
  });

  it('every route refuses bad input with 400 and the field, and writes nothing', async () => {
    const { T, owner } = await org();
    const r = await create(owner, T, risk({ residualLikelihood: 1, residualImpact: 1 }));
    const field = async (res: Promise<{ statusCode: number; json(): any }>) => {
      const out = await res;
      expect(out.statusCode).toBe(400);
      return (out.json().details ?? []).map((d: { field: string }) => d.field);
    };
    expect(await field(owner.get(`${T}/risks/not-a-uuid`))).toEqual(['riskId']);
    expect(await field(owner.get(`/api/tenants/not-a-uuid/risks`))).toEqual(['tenantId']);
    expect(await field(owner.patch(`${T}/risks/${r.id}`, { title: '', reviewDate: '31/12/2027', ownerId: 'nobody' }))).toEqual(['title', 'ownerId', 'reviewDate']);
    expect(await field(owner.patch(`${T}/risks/${r.id}`, { treatmentPlan: [{ title: 'x'.repeat(201), ownerId: null, dueDate: null }] }))).toEqual(['treatmentPlan.0.title']);
    expect(await field(owner.patch(`${T}/risks/${r.id}`, { colour: 'red' }))).toEqual(['']);
    expect(await field(owner.post(`${T}/risks/${r.id}/accept`, { rationale: '', expiresOn: 'soon' }))).toEqual(['rationale', 'expiresOn']);
    expect(await field(owner.post(`${T}/risks/${r.id}/reopen`, { reason: 'x'.repeat(2001) }))).toEqual(['reason']);
    expect(await field(owner.post(`${T}/risks/${r.id}/close`, {}))).toEqual(['reason']);
    expect(await field(owner.put(`${T}/risk-matrix`, { ...SMALL, acceptAboveThresholdRoles: ['viewer'] }))).toEqual(['acceptAboveThresholdRoles.0']);
    expect(await field(owner.get(`${T}/risks?limit=500&reviewOverdue=maybe`))).toEqual(['limit', 'reviewOverdue']);
    const unchanged = (await owner.get(`${T}/risks/${r.id}`)).json();
    expect(unchanged).toMatchObject({ title: r.title, status: 'open', treatmentPlan: [] });
    expect((await owner.get(`${T}/risk-matrix`)).json().version).toBe(1);
  });

  it('a viewer reads but changes nothing (403); another tenant’s risk answers 404 on every route', async () => {
    const a = await org();
    const b = await org();
    const r = await create(a.owner, a.T, risk({ residualLikelihood: 1, residualImpact: 1 }));
    expect((await a.viewer.get(`${a.T}/risks/${r.id}`)).json().abilities).toMatchObject({ 'risk.read': true, 'risk.update': false, 'risk.accept': false });
    expect((await a.viewer.post(`${a.T}/risks`, risk())).statusCode).toBe(403);
    expect((await a.viewer.patch(`${a.T}/risks/${r.id}`, { title: 'Renamed' })).statusCode).toBe(403);
    expect((await a.viewer.post(`${a.T}/risks/${r.id}/accept`, { rationale: 'ok', expiresOn: '2099-01-01' })).statusCode).toBe(403);
    expect((await a.viewer.post(`${a.T}/risks/${r.id}/close`, { reason: 'gone' })).statusCode).toBe(403);
    expect((await a.viewer.post(`${a.T}/risks/${r.id}/reopen`, { reason: 'again' })).statusCode).toBe(403);
    expect((await a.viewer.put(`${a.T}/risk-matrix`, SMALL)).statusCode).toBe(403);
    expect((await a.contributor.put(`${a.T}/risk-matrix`, SMALL)).statusCode).toBe(403);
    for (const url of ['risks', 'risks/heat-map', 'risks/overdue', 'risks/export.xlsx', 'risk-matrix', 'risk-matrix/versions']) {
      expect((await a.viewer.get(`${a.T}/${url}`)).statusCode, url).toBe(200);
    }

    // b's people on a's tenant, and a's risk through b's tenant: 404 either way.
    const foreign = `${b.T}/risks/${r.id}`;
    expect((await b.owner.get(foreign)).statusCode).toBe(404);
    expect((await b.owner.patch(foreign, { title: 'Hijacked' })).statusCode).toBe(404);
    expect((await b.owner.post(`${foreign}/accept`, { rationale: 'x', expiresOn: '2099-01-01' })).statusCode).toBe(404);
    expect((await b.owner.post(`${foreign}/reopen`, { reason: 'x' })).statusCode).toBe(404);
    expect((await b.owner.post(`${foreign}/close`, { reason: 'x' })).statusCode).toBe(404);
    for (const url of ['risks', `risks/${r.id}`, 'risks/heat-map', 'risks/overdue', 'risks/export.xlsx', 'risk-matrix', 'risk-matrix/versions']) {
      expect((await b.owner.get(`${a.T}/${url}`)).statusCode, url).toBe(404);
    }
    expect((await b.owner.post(`${a.T}/risks`, risk())).statusCode).toBe(404);
    expect((await b.owner.put(`${a.T}/risk-matrix`, SMALL)).statusCode).toBe(404);
    expect((await a.owner.get(`${a.T}/risks/${r.id}`)).json().title).toBe(r.title);
  });

  it('a new matrix version never rewrites a recorded score: the risk keeps its version until re-scored', async () => {
    const { T, owner } = await org();
    const r = await create(owner, T, risk({ residualLikelihood: 2, residualImpact: 2 }));
    const m = (await owner.put(`${T}/risk-matrix`, SMALL)).json();
    expect(m).toMatchObject({ version: 2, risksOnOlderVersions: 1 });
    const kept = (await owner.get(`${T}/risks/${r.id}`)).json();
    expect(kept).toMatchObject({ matrixVersion: 1, matrixOutdated: true, inherent: { score: 16, level: 'high' } });
    // A title change is not a re-score.
    expect((await owner.patch(`${T}/risks/${r.id}`, { title: 'Drift on young applicants' })).json()).toMatchObject({ matrixVersion: 1, inherent: { level: 'high' } });
    // Re-scoring puts both scores on the new matrix; a residual that no longer fits must be re-scored too.
    const misfit = await owner.patch(`${T}/risks/${r.id}`, { inherentLikelihood: 3, inherentImpact: 3 });
    expect(misfit.statusCode).toBe(200);
    expect(misfit.json()).toMatchObject({ matrixVersion: 2, matrixOutdated: false, inherent: { score: 9, level: 'unacceptable' }, residual: { score: 4, level: 'unacceptable' } });
    expect((await owner.patch(`${T}/risks/${r.id}`, { residualLikelihood: 4, residualImpact: 1 })).json()).toMatchObject({ code: 'risk_score_off_matrix' });
    const versions = (await owner.get(`${T}/risk-matrix/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const audit = (await owner.get(`${T}/audit-events?action=risk.updated`)).json().items;
    expect(audit[0].summary.before).toMatchObject({ matrixVersion: 1, inherent: { score: 16 } });
    expect(audit[0].summary.after).toMatchObject({ matrixVersion: 2, inherent: { score: 9 } });
  });

  it('acceptance: a contributor is refused above the threshold, the owner accepts; the risk is frozen until re-opened, and both are recorded', async () => {
    const { T, owner, contributor } = await org();
    const r = await create(owner, T, risk({ treatment: 'accept', residualLikelihood: 3, residualImpact: 4 }));
    expect(r).toMatchObject({ residualAboveThreshold: true });
    expect((await contributor.get(`${T}/risks/${r.id}`)).json().abilities).toMatchObject({ 'risk.update': true, 'risk.accept': false });
    const refused = await contributor.post(`${T}/risks/${r.id}/accept`, { rationale: 'Fine by me', expiresOn: '2099-01-01' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'risk_acceptance_role', details: { score: 12, threshold: 9, roles: ['owner', 'admin'] } });
    expect((await owner.post(`${T}/risks/${r.id}/accept`, { rationale: 'Too late', expiresOn: '2020-01-01' })).statusCode).toBe(400);

    const accepted = ZRiskDetail.parse((await owner.post(`${T}/risks/${r.id}/accept`, { rationale: 'Within appetite approved by the board.', expiresOn: '2099-01-01' })).json());
    expect(accepted).toMatchObject({
      status: 'accepted',
      reviewDate: '2099-01-01',
      currentAcceptance: { rationale: 'Within appetite approved by the board.', residual: { score: 12, level: 'high' }, aboveThreshold: true, expiresOn: '2099-01-01', matrixVersion: 1 },
      abilities: { 'risk.update': false, 'risk.accept': false, 'risk.reopen': true },
    });
    const frozen = await owner.patch(`${T}/risks/${r.id}`, { title: 'Quietly changed' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('risk_frozen');
    expect((await owner.post(`${T}/risks/${r.id}/accept`, { rationale: 'Again', expiresOn: '2099-01-01' })).statusCode).toBe(409);

    const reopened = (await contributor.post(`${T}/risks/${r.id}/reopen`, { reason: 'New applicant segment launched.' })).json();
    expect(reopened).toMatchObject({ status: 'open', currentAcceptance: null, acceptances: [{ reopenKind: 'manual', reopenReason: 'New applicant segment launched.' }] });
    expect((await owner.post(`${T}/risks/${r.id}/reopen`, { reason: 'twice' })).statusCode).toBe(409);

    // Below the threshold a contributor may accept.
    await owner.patch(`${T}/risks/${r.id}`, { residualLikelihood: 2, residualImpact: 2 });
    expect((await contributor.post(`${T}/risks/${r.id}/accept`, { rationale: 'Low residual.', expiresOn: '2099-01-01' })).statusCode).toBe(200);

    const actions = (await owner.get(`${T}/audit-events?subjectId=${r.id}&limit=20`)).json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['risk.created', 'risk.accepted', 'risk.reopened', 'risk.updated']));
    const acc = (await owner.get(`${T}/audit-events?action=risk.accepted`)).json().items.at(-1);
    expect(acc.summary.after).toMatchObject({ rationale: 'Within appetite approved by the board.', residual: { score: 12 }, aboveThreshold: true, expiresOn: '2099-01-01' });
  });

  it('the matrix names who may accept above its threshold: contributors allowed there may accept', async () => {
    const { T, owner, contributor } = await org();
    await owner.put(`${T}/risk-matrix`, { ...DEFAULT_MATRIX, acceptAboveThresholdRoles: ['owner', 'admin', 'contributor'] });
    const r = await create(owner, T, risk({ residualLikelihood: 5, residualImpact: 5 }));
    expect((await contributor.post(`${T}/risks/${r.id}/accept`, { rationale: 'Board minute 14.', expiresOn: '2099-01-01' })).statusCode).toBe(200);
  });

  it('an API token cannot sign an acceptance: it needs a person', async () => {
    const { T, owner } = await org();
    const r = await create(owner, T, risk({ residualLikelihood: 1, residualImpact: 1 }));
    const token = (await owner.post(`${T}/api-tokens`, { name: 'ci', role: 'admin', expiresInDays: 30 })).json().token;
    const res = await t.app.inject({ method: 'POST', url: `${T}/risks/${r.id}/accept`, headers: { authorization: `Bearer ${token}` }, payload: { rationale: 'bot', expiresOn: '2099-01-01' } });
    expect(res.statusCode).toBe(403);
  });

  it('links the AI systems a risk concerns: only the organization’s own, filterable, named in the register and the export', async () => {
    const a = await org();
    const b = await org();
    const system = async (o: typeof a, name: string) => {
      const res = await o.owner.post(`${o.T}/ai-systems`, { name, lifecycleStage: 'deployed' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const scoring = await system(a, 'Credit scoring');
    const chatbot = await system(a, 'Customer chatbot');
    const foreign = await system(b, 'Someone else’s model');
    const r = await create(a.owner, a.T, risk({ aiSystemIds: [scoring, chatbot] }));
    expect(r.aiSystems.map((s) => s.name)).toEqual(['Credit scoring', 'Customer chatbot']);
    const refused = await a.owner.post(`${a.T}/risks`, risk({ aiSystemIds: [scoring, foreign] }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'ai_system_unknown', details: [{ field: 'aiSystemIds.1' }] });
    const patched = await a.owner.patch(`${a.T}/risks/${r.id}`, { aiSystemIds: [foreign] });
    expect(patched.json().code).toBe('ai_system_unknown');
    expect((await a.owner.patch(`${a.T}/risks/${r.id}`, { aiSystemIds: [chatbot] })).json().aiSystems).toEqual([{ id: chatbot, name: 'Customer chatbot' }]);
    await create(a.owner, a.T, risk({ title: 'Unrelated', aiSystemIds: [] }));
    const list = (await a.owner.get(`${a.T}/risks?aiSystemId=${chatbot}`)).json().items;
    expect(list).toMatchObject([{ id: r.id, aiSystems: [{ name: 'Customer chatbot' }] }]);
    expect((await a.owner.get(`${a.T}/risks?aiSystemId=${foreign}`)).json().items).toEqual([]);
    const audit = (await a.owner.get(`${a.T}/audit-events?action=risk.updated`)).json().items[0];
    expect(audit.summary).toMatchObject({ before: { aiSystemIds: [scoring, chatbot].sort() }, after: { aiSystemIds: [chatbot] } });
  });

  it('the register filters, sorts and pages with a keyset cursor, one SQL statement per page', async () => {
    const { T, owner, contributorId } = await org();
    const scores = [
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
      [2, 5],
      [5, 2],
    ];
    for (const [i, [l, im]] of scores.entries()) {
      await create(owner, T, risk({ title: `Risk ${i}`, inherentLikelihood: l, inherentImpact: im, residualLikelihood: 1, residualImpact: im, ownerId: i % 2 ? contributorId : null, treatment: i % 3 ? 'mitigate' : 'transfer' }));
    }
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page = ZRiskList.parse((await owner.get(`${T}/risks?sort=inherent&direction=desc&limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json());
      all.push(...page.items.map((r) => `${r.title}:${r.inherent.score}`));
      cursor = page.nextCursor;
    } while (cursor);
    // Equal scores (Risk 5 and Risk 6) are ordered by id: no row is skipped or repeated across pages.
    expect(all.map((x) => Number(x.split(':')[1]))).toEqual([25, 16, 10, 10, 9, 4, 1]);
    expect(new Set(all).size).toBe(7);
    const titles = async (q: string) => (await owner.get(`${T}/risks?${q}`)).json().items.map((r: { title: string }) => r.title).sort();
    expect(await titles('level=critical&levelOf=inherent')).toEqual(['Risk 4']);
    expect(await titles(`ownerId=${contributorId}`)).toEqual(['Risk 1', 'Risk 3', 'Risk 5']);
    expect(await titles('treatment=transfer')).toEqual(['Risk 0', 'Risk 3', 'Risk 6']);
    expect(await titles('levelOf=inherent&likelihood=2&impact=5&matrixVersion=1')).toEqual(['Risk 5']);
    expect(await titles('status=accepted')).toEqual([]);
    expect((await owner.get(`${T}/risks?sort=title&direction=asc&limit=2`)).json().items.map((r: { title: string }) => r.title)).toEqual(['Risk 0', 'Risk 1']);

    // Each request: the session (one statement), then the page or the heat map (one statement).
    const first = await t.queriesDuring(() => owner.get(`${T}/risks?limit=3`));
    expect(first).toHaveLength(2);
    expect(first[1]).toMatch(/FROM risks r/);
    const cursor2 = (await owner.get(`${T}/risks?limit=3`)).json().nextCursor;
    expect(await t.queriesDuring(() => owner.get(`${T}/risks?limit=3&cursor=${cursor2}&treatment=mitigate&reviewOverdue=false&ownerId=${contributorId}`))).toHaveLength(2);
    expect(await t.queriesDuring(() => owner.get(`${T}/risks/heat-map`))).toHaveLength(2);
    // A risk's detail, with its plan, links, acceptances and both matrix versions: one statement too.
    const one = (await owner.get(`${T}/risks?limit=1`)).json().items[0].id;
    expect(await t.queriesDuring(() => owner.get(`${T}/risks/${one}`))).toHaveLength(2);
  });

  it('heat map: counts per cell for inherent and residual on the current matrix; other versions counted apart', async () => {
    const { T, owner } = await org();
    await create(owner, T, risk({ inherentLikelihood: 4, inherentImpact: 4, residualLikelihood: 2, residualImpact: 2 }));
    await create(owner, T, risk({ inherentLikelihood: 4, inherentImpact: 4 }));
    const closed = await create(owner, T, risk({ inherentLikelihood: 1, inherentImpact: 1 }));
    await owner.post(`${T}/risks/${closed.id}/close`, { reason: 'The activity stopped.' });
    const map = (await owner.get(`${T}/risks/heat-map`)).json();
    expect(ZRiskHeatMap.parse(map)).toEqual(map);
    const matrix = (await owner.get(`${T}/risk-matrix`)).json();
    expect(ZRiskMatrix.parse(matrix)).toEqual(matrix);
    const overdue = (await owner.get(`${T}/risks/overdue`)).json();
    expect(ZOverdue.parse(overdue)).toEqual(overdue);
    const list = (await owner.get(`${T}/risks`)).json();
    expect(ZRiskList.parse(list)).toEqual(list);
    expect(map).toMatchObject({ matrix: { version: 1 }, inherent: [{ likelihood: 4, impact: 4, count: 2 }], residual: [{ likelihood: 2, impact: 2, count: 1 }], onOtherVersions: 0 });
    await owner.put(`${T}/risk-matrix`, SMALL);
    expect((await owner.get(`${T}/risks/heat-map`)).json()).toMatchObject({ matrix: { version: 2 }, inherent: [], residual: [], onOtherVersions: 2 });
  });

  it('overdue reviews and treatment actions follow the platform clock', async () => {
    const { T, owner } = await org();
    const r = await create(owner, T, risk({ reviewDate: '2027-03-01', treatmentPlan: [{ title: 'Retrain on 2026 data', ownerId: null, dueDate: '2027-02-01', status: 'in_progress' }, { title: 'Done already', ownerId: null, dueDate: '2027-01-01', status: 'done' }] }));
    const clock = t.p.clock;
    try {
      t.p.clock = { now: () => new Date('2027-02-15T10:00:00Z') };
      const overdue = (await owner.get(`${T}/risks/overdue`)).json();
      expect(overdue.reviews).toEqual([]);
      expect(overdue.actions).toMatchObject([{ riskId: r.id, title: 'Retrain on 2026 data', dueDate: '2027-02-01' }]);
      t.p.clock = { now: () => new Date('2027-03-02T10:00:00Z') };
      expect((await owner.get(`${T}/risks/overdue`)).json().reviews).toMatchObject([{ id: r.id, reviewDate: '2027-03-01' }]);
      expect((await owner.get(`${T}/risks?reviewOverdue=true`)).json().items).toMatchObject([{ id: r.id, reviewOverdue: true, overdueActions: 1 }]);
    } finally {
      t.p.clock = clock;
    }
  });

  it('exports the register as XLSX in French: headers, translated values, levels as on the matrix, dates as dates', async () => {
    const { T, owner, viewer } = await org();
    await create(owner, T, risk({ title: 'Dérive du modèle de score', treatment: 'mitigate', residualLikelihood: 2, residualImpact: 4, reviewDate: '2027-06-30', requirements: [{ frameworkId: 'eu-ai-act-2024', ref: 'Art. 9' }] }));
    const res = await viewer.get(`${T}/risks/export.xlsx?locale=fr`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('registre-des-risques.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.getWorksheet('Registre des risques')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['Risque', 'Origine', 'Niveau inhérent', 'Traitement', 'Niveau résiduel', 'Date de revue', 'Exigences']));
    const row = Object.fromEntries(header.map((h, i) => [h, ws.getRow(2).getCell(i + 1).value]));
    expect(row).toMatchObject({ Risque: 'Dérive du modèle de score', Origine: 'Système d’IA', 'Niveau inhérent': 'Élevé', Traitement: 'Réduire', 'Niveau résiduel': 'Moyen', Statut: 'Ouvert', Exigences: 'eu-ai-act-2024 Art. 9' });
    expect((row['Date de revue'] as Date).toISOString().slice(0, 10)).toBe('2027-06-30');
    expect((await viewer.get(`${T}/risks/export.xlsx?locale=de`)).statusCode).toBe(400);
  });
});
