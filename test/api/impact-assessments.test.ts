import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAiSystem, insertClassification } from '../../src/server/modules/ai-systems/ai-systems-repo.ts';
import { as, buildMembership, buildTenant, buildUser, type TBuiltTenant } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TClient, type TTestApp } from '../support/test-app.ts';

/** An AI system of the tenant, classified as given (through the inventory's own repository). */
async function buildAiSystem(
  t: TTestApp,
  tenant: TBuiltTenant,
  o: { name?: string; roles?: ('provider' | 'deployer')[]; tier?: 'high-risk' | 'limited' | 'minimal'; annexIIIRef?: string | null } = {},
) {
  const row = await insertAiSystem(t.p.db, tenant.id, { name: o.name ?? 'Credit scoring', lifecycle_stage: 'deployed', roles: o.roles ?? ['provider', 'deployer'], created_by: tenant.owner.id });
  if (o.tier !== undefined || o.annexIIIRef !== undefined) {
    const tier = o.tier ?? 'high-risk';
    await insertClassification(t.p.db, tenant.id, row.id, {
      ai_system_id: row.id,
      answers: JSON.stringify({}),
      tier,
      route: tier === 'high-risk' ? 'annex-iii' : null,
      annex_iii_ref: tier === 'high-risk' ? (o.annexIIIRef ?? 'Annex III(5)(b)') : null,
      reasons: JSON.stringify([]),
      catalog_version: '2024',
      roles: o.roles ?? ['provider', 'deployer'],
      classified_by: tenant.owner.id,
    });
  }
  return row.id;
}

const complete = (o: { severity?: number } = {}) => ({
  summary: 'Scoring of consumer loan applications.',
  affected: [{ scope: 'individuals', name: 'Loan applicants', description: 'Adults applying for consumer credit.' }],
  impacts: [
    {
      category: 'discrimination_fairness',
      description: 'Lower scores for applicants from some postcodes.',
      affected: 'Loan applicants',
      severity: o.severity ?? 4,
      likelihood: 3,
      reversibility: 'partly_reversible',
      mitigations: 'Quarterly bias testing.',
    },
    { category: 'environment', description: 'Nightly batch compute.', affected: '', severity: 1, likelihood: 5, reversibility: 'reversible', mitigations: '' },
  ],
  conclusion: 'Acceptable with the mitigations.',
  nextReviewOn: '2027-11-27',
  fria: {
    processes: 'Octroi de crédit à la consommation.',
    useFrom: '2026-12-01',
    useUntil: null,
    useFrequency: 'Each application, about 400 a day.',
    affectedCategories: 'Loan applicants, including vulnerable customers.',
    risksOfHarm: 'Unfair refusal of credit.',
    humanOversight: 'An analyst reviews every refusal.',
    mitigationMeasures: 'Manual re-examination on request.',
    governanceArrangements: 'Model risk committee, monthly.',
    complaintMechanism: 'Complaint form, answered within 30 days.',
  },
});

describe.skipIf(!backendAvailable)('AI system impact assessments and FRIAs', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  /** An organization with an owner, an admin, a contributor and a viewer, each signed in. */
  async function org() {
    const tenant = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const admin = await buildMembership(t.p, tenant, 'admin');
    const contributor = await buildMembership(t.p, tenant, 'contributor');
    const viewer = await buildMembership(t.p, tenant, 'viewer');
    return {
      tenant,
      T: `/api/tenants/${tenant.id}/impact-assessments`,
      owner: await as(t.app, tenant.owner),
      admin: await as(t.app, admin),
      contributor: await as(t.app, contributor),
      viewer: await as(t.app, viewer),
      ids: { owner: tenant.owner.id, admin: admin.id, contributor: contributor.id },
    };
  }

  const created = async (c: TClient, T: string, aiSystemId: string, variant = 'fria', title = 'FRIA — credit scoring') => {
    const res = await c.post(T, { aiSystemId, variant, title });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; status: string; abilities: Record<string, boolean> };
  };

  it('a FRIA from draft to approval: incomplete is refused with what is missing, review freezes it, the author cannot approve it, a change starts version 2', async () => {
    const o = await org();
    const sys = await buildAiSystem(t, o.tenant, { tier: 'high-risk', annexIIIRef: 'Annex III(5)(b)' });

    const applies = (await o.contributor.get(`${o.T}/fria-applicability?aiSystemId=${sys}`)).json();
    expect(applies).toEqual({ applies: true, reason: 'credit_or_insurance', annexIIIPoint: 'Annex III(5)(b)', appliesFrom: '2027-12-02' });

    const a = await created(o.contributor, o.T, sys);
    expect(a).toMatchObject({ version: 1, status: 'draft', abilities: { 'impactAssessment.update': true, 'impactAssessment.submit': true, 'impactAssessment.approve': false } });
    const A = `${o.T}/${a.id}`;

    const incomplete = await o.contributor.post(`${A}/submit`, {});
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json()).toMatchObject({ code: 'assessment_incomplete', details: { missing: expect.arrayContaining(['affected', 'impacts', 'conclusion', 'fria.processes', 'fria.complaintMechanism']) } });

    const saved = await o.contributor.patch(A, { content: complete() });
    expect(saved.statusCode, saved.body).toBe(200);
    const keys = (saved.json().current.content.impacts as { key: string }[]).map((i) => i.key);
    expect(keys).toHaveLength(2);
    expect(saved.json()).toMatchObject({ significantImpacts: 1, significantSeverity: 4, nextReviewOn: '2027-11-27' });

    expect((await o.contributor.post(`${A}/submit`, {})).json()).toMatchObject({ status: 'in_review', current: { submittedBy: { id: o.ids.contributor } } });
    const frozen = await o.contributor.patch(A, { content: complete() });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('assessment_frozen');

    expect((await o.contributor.post(`${A}/approve`, {})).json().code).toBe('forbidden');
    const approved = await o.admin.post(`${A}/approve`, { comment: 'Reviewed with the DPO.' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      approvedVersion: 1,
      current: { approvedBy: { id: o.ids.admin }, approvalComment: 'Reviewed with the DPO.' },
      abilities: { 'impactAssessment.update': false, 'impactAssessment.revise': true },
    });

    const edit = await o.contributor.patch(A, { content: complete() });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'assessment_frozen', message: 'This version is approved and frozen: start a new version to change it.' });

    // A new version by the admin: the admin now wrote it, so the owner approves.
    const v2 = await o.admin.post(`${A}/versions`, {});
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, status: 'draft', approvedVersion: 1 });
    expect((await o.admin.post(`${A}/versions`, {})).statusCode).toBe(409);
    const content2 = { ...complete({ severity: 5 }), conclusion: 'Acceptable; bias testing now monthly.' };
    content2.impacts = content2.impacts.map((i, n) => ({ ...i, key: keys[n] }));
    expect((await o.admin.patch(A, { content: content2 })).statusCode).toBe(200);
    expect((await o.admin.post(`${A}/submit`, {})).statusCode).toBe(200);
    const own = await o.admin.post(`${A}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('assessment_own_approval');
    expect((await o.admin.get(A)).json().abilities['impactAssessment.approve']).toBe(false);
    expect((await o.owner.post(`${A}/approve`, {})).json()).toMatchObject({ status: 'approved', version: 2, approvedVersion: 2 });

    const detail = (await o.viewer.get(A)).json();
    expect(detail.versions.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual(['2:approved', '1:superseded']);
    const v1 = (await o.viewer.get(`${A}/versions/1`)).json();
    expect(v1.current).toMatchObject({ status: 'superseded', content: { conclusion: 'Acceptable with the mitigations.' } });
    expect(v1.current.content.impacts.map((i: { key: string }) => i.key)).toEqual(keys);

    const events = (await o.owner.get(`/api/tenants/${o.tenant.id}/audit-events?subjectId=${a.id}`)).json().items as { action: string; summary: { after: Record<string, unknown> } }[];
    expect(events.map((e) => e.action).reverse()).toEqual([
      'impact_assessment.created',
      'impact_assessment.updated',
      'impact_assessment.submitted',
      'impact_assessment.risk_linked',
      'impact_assessment.approved',
      'impact_assessment.version_started',
      'impact_assessment.updated',
      'impact_assessment.submitted',
      'impact_assessment.risk_linked',
      'impact_assessment.approved',
    ]);
    expect(events[0]!.summary.after).toMatchObject({ title: 'FRIA — credit scoring', version: 2, supersededVersion: 1 });
    expect((await o.owner.get(`/api/tenants/${o.tenant.id}/audit-events/verify`)).json().ok).toBe(true);
  });

  it('exports a version as PDF and JSON in French and English, fonts embedded, a draft marked as such', async () => {
    const o = await org();
    const sys = await buildAiSystem(t, o.tenant, { name: 'Scoring crédit', tier: 'high-risk' });
    const a = await created(o.contributor, o.T, sys, 'fria', 'AIDF — scoring crédit');
    const A = `${o.T}/${a.id}`;
    await o.contributor.patch(A, { content: complete() });
    await o.contributor.post(`${A}/submit`, {});

    const draft = await o.viewer.get(`${A}/versions/1/export?format=pdf&lang=fr`);
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['content-type']).toBe('application/pdf');
    expect(draft.headers['content-disposition']).toMatch(/^attachment; filename="IA-[0-9A-F]{8}-v1-fr\.pdf"$/);
    const text = async (body: Buffer) => (await extractText(await getDocumentProxy(new Uint8Array(body)), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(await text(draft.rawPayload)).toContain('Non approuvée');

    await o.admin.post(`${A}/approve`, {});
    const fr = await text((await o.viewer.get(`${A}/versions/1/export?format=pdf&lang=fr`)).rawPayload);
    for (const s of ['Analyse d’impact sur les droits fondamentaux', 'Lumière Crédit', 'Scoring crédit', 'Annex III(5)(b)', 'f) Mesures si les risques se matérialisent', 'Octroi de crédit à la consommation.', '27 novembre 2027'])
      expect(fr, s).toContain(s);
    expect(fr).not.toContain('Non approuvée');

    const json = await o.viewer.get(`${A}/versions/1/export?format=json&lang=en`);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.json()).toMatchObject({
      format: 'attest-impact-assessment/1',
      language: 'en',
      approved: true,
      ids: { assessmentId: a.id, aiSystemId: sys, version: 1, status: 'approved' },
      facts: { organization: { value: 'Lumière Crédit' }, nextReview: { value: '27 November 2027' } },
    });
    expect(json.json().fria.sections).toHaveLength(6);
  });

  it('says when a FRIA does not apply, and the public-body setting (an owner’s judgement) changes the answer', async () => {
    const o = await org();
    const hr = await buildAiSystem(t, o.tenant, { tier: 'high-risk', annexIIIRef: 'Annex III(4)' });
    const providerOnly = await buildAiSystem(t, o.tenant, { roles: ['provider'], tier: 'high-risk' });
    const unclassified = await buildAiSystem(t, o.tenant);
    const reason = async (id: string) => (await o.viewer.get(`${o.T}/fria-applicability?aiSystemId=${id}`)).json().reason;
    expect(await reason(hr)).toBe('not_in_scope');
    expect(await reason(providerOnly)).toBe('not_deployer');
    expect(await reason(unclassified)).toBe('not_classified');

    expect((await o.contributor.patch(`${o.T}/settings`, { significantSeverity: 3, publicBodyOrService: true })).statusCode).toBe(403);
    const s = await o.admin.patch(`${o.T}/settings`, { significantSeverity: 3, publicBodyOrService: true });
    expect(s.json()).toEqual({ significantSeverity: 3, publicBodyOrService: true, abilities: { 'impactAssessment.configure': true } });
    expect(await reason(hr)).toBe('public_body_or_service');
    expect((await o.viewer.get(`${o.T}/settings`)).json().abilities['impactAssessment.configure']).toBe(false);
    const events = (await o.owner.get(`/api/tenants/${o.tenant.id}/audit-events?action=impact_assessment.settings_updated`)).json().items;
    expect(events[0].summary).toEqual({ before: { significantSeverity: 4, publicBodyOrService: false }, after: { significantSeverity: 3, publicBodyOrService: true } });
  });

  it('lists one page per request in one SQL statement, filtered and sorted, with keyset pages', async () => {
    const o = await org();
    const s1 = await buildAiSystem(t, o.tenant, { name: 'Scoring' });
    const s2 = await buildAiSystem(t, o.tenant, { name: 'Chatbot' });
    for (const n of [1, 2, 3]) await created(o.contributor, o.T, s1, 'standard', `Scoring ${n}`);
    const fria = await created(o.contributor, o.T, s2, 'fria', 'Chatbot FRIA');
    await o.contributor.patch(`${o.T}/${fria.id}`, { content: complete({ severity: 5 }) });

    const sql = await t.queriesDuring(() => o.viewer.get(`${o.T}?limit=2`));
    expect(sql).toHaveLength(2);
    expect(sql[0]).toMatch(/FROM sessions/);
    expect(sql[1]).toMatch(/from "impact_assessments"/i);

    const first = (await o.viewer.get(`${o.T}?limit=2`)).json();
    expect(first.items.map((i: { title: string }) => i.title)).toEqual(['Chatbot FRIA', 'Scoring 3']);
    expect(first.items[0]).toMatchObject({ aiSystemName: 'Chatbot', variant: 'fria', status: 'draft', significantImpacts: 1 });
    const second = (await o.viewer.get(`${o.T}?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { title: string }) => i.title)).toEqual(['Scoring 2', 'Scoring 1']);
    expect(second.nextCursor).toBeNull();
    const byTitle = (await o.viewer.get(`${o.T}?sort=title&limit=3`)).json();
    expect(byTitle.items.map((i: { title: string }) => i.title)).toEqual(['Chatbot FRIA', 'Scoring 1', 'Scoring 2']);
    expect((await o.viewer.get(`${o.T}?sort=title&cursor=${byTitle.nextCursor}`)).json().items.map((i: { title: string }) => i.title)).toEqual(['Scoring 3']);
    expect((await o.viewer.get(`${o.T}?aiSystemId=${s1}`)).json().items).toHaveLength(3);
    expect((await o.viewer.get(`${o.T}?variant=fria`)).json().items).toHaveLength(1);
    expect((await o.viewer.get(`${o.T}?status=approved`)).json().items).toHaveLength(0);
  });

  it('isolation: another organization’s assessments and AI systems answer 404, everywhere', async () => {
    const o = await org();
    const sys = await buildAiSystem(t, o.tenant, { tier: 'high-risk' });
    const a = await created(o.contributor, o.T, sys);
    const other = await buildTenant(t.p);
    const intruder = await as(t.app, other.owner);
    const otherSys = await buildAiSystem(t, other);
    const A = `${o.T}/${a.id}`;
    // Through the victim's tenant path: not a member.
    for (const res of [
      await intruder.get(o.T),
      await intruder.post(o.T, { aiSystemId: sys, variant: 'standard', title: 'x' }),
      await intruder.get(`${o.T}/settings`),
      await intruder.patch(`${o.T}/settings`, { significantSeverity: 1 }),
      await intruder.get(`${o.T}/fria-applicability?aiSystemId=${sys}`),
      await intruder.get(A),
      await intruder.patch(A, { content: complete() }),
      await intruder.post(`${A}/submit`, {}),
      await intruder.post(`${A}/return`, { comment: 'x' }),
      await intruder.post(`${A}/approve`, {}),
      await intruder.post(`${A}/versions`, {}),
      await intruder.get(`${A}/versions/1`),
      await intruder.get(`${A}/versions/1/export?format=pdf&lang=en`),
    ])
      expect(res.statusCode).toBe(404);
    // Through the intruder's own tenant: the id is not there.
    const X = `/api/tenants/${other.id}/impact-assessments`;
    for (const res of [
      await intruder.get(`${X}/${a.id}`),
      await intruder.patch(`${X}/${a.id}`, { content: complete() }),
      await intruder.post(`${X}/${a.id}/submit`, {}),
      await intruder.post(`${X}/${a.id}/versions`, {}),
      await intruder.get(`${X}/${a.id}/versions/1`),
      await intruder.get(`${X}/${a.id}/versions/1/export?format=json&lang=en`),
      await intruder.get(`${X}/fria-applicability?aiSystemId=${sys}`),
    ])
      expect(res.statusCode).toBe(404);
    const foreign = await o.contributor.post(o.T, { aiSystemId: otherSys, variant: 'standard', title: 'Not ours' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'ai_system_unknown', details: { field: 'aiSystemId' } });
    expect((await intruder.get(X)).json().items).toEqual([]);
    expect((await o.viewer.get(`${o.T}?aiSystemId=${otherSys}`)).json().items).toEqual([]);
  });

  it('roles: a viewer reads and exports but changes nothing; an API token reads but does not author', async () => {
    const o = await org();
    const sys = await buildAiSystem(t, o.tenant, { tier: 'high-risk' });
    const a = await created(o.contributor, o.T, sys);
    const A = `${o.T}/${a.id}`;
    expect((await o.viewer.get(A)).json().abilities).toEqual({
      'impactAssessment.read': true,
      'impactAssessment.create': false,
      'impactAssessment.update': false,
      'impactAssessment.submit': false,
      'impactAssessment.return': false,
      'impactAssessment.approve': false,
      'impactAssessment.revise': false,
    });
    for (const res of [
      await o.viewer.post(o.T, { aiSystemId: sys, variant: 'standard', title: 'x' }),
      await o.viewer.patch(A, { content: complete() }),
      await o.viewer.post(`${A}/submit`, {}),
      await o.viewer.post(`${A}/return`, { comment: 'no' }),
      await o.viewer.post(`${A}/approve`, {}),
      await o.viewer.post(`${A}/versions`, {}),
      await o.viewer.patch(`${o.T}/settings`, { significantSeverity: 2, publicBodyOrService: false }),
    ])
      expect(res.statusCode).toBe(403);
    expect((await o.viewer.get(`${A}/versions/1/export?format=json&lang=fr`)).statusCode).toBe(200);

    const token = (await o.owner.post(`/api/tenants/${o.tenant.id}/api-tokens`, { name: 'ci', role: 'admin', expiresInDays: 1 })).json().token;
    const bearer = (method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    expect((await bearer('GET', A)).statusCode).toBe(200);
    const byToken = await bearer('POST', o.T, { aiSystemId: sys, variant: 'standard', title: 'By a machine' });
    expect(byToken.statusCode).toBe(403);
  });

  it('bad input answers 400 naming the field, and writes nothing', async () => {
    const o = await org();
    const sys = await buildAiSystem(t, o.tenant);
    const a = await created(o.contributor, o.T, sys, 'standard');
    const A = `${o.T}/${a.id}`;
    const field = async (res: Promise<{ statusCode: number; json(): { code: string; details: { field: string }[] } }>) => {
      const r = await res;
      expect(r.statusCode).toBe(400);
      return r.json().details?.map?.((d) => d.field) ?? r.json().code;
    };
    const base = complete();
    expect(await field(o.contributor.post(o.T, { aiSystemId: 'nope', variant: 'standard', title: 'x' }))).toEqual(['aiSystemId']);
    expect(await field(o.contributor.post(o.T, { aiSystemId: sys, variant: 'dpia', title: 'x' }))).toEqual(['variant']);
    expect(await field(o.contributor.post(o.T, { aiSystemId: sys, variant: 'standard', title: 'x'.repeat(201) }))).toEqual(['title']);
    expect(await field(o.contributor.post(o.T, { aiSystemId: sys, variant: 'standard', title: 'a\u0000b' }))).toEqual(['title']);
    expect(await field(o.contributor.patch(A, { content: { ...base, impacts: [{ ...base.impacts[0], severity: 6 }] } }))).toEqual(['content.impacts.0.severity']);
    expect(await field(o.contributor.patch(A, { content: { ...base, impacts: [{ ...base.impacts[0], category: 'karma' }] } }))).toEqual(['content.impacts.0.category']);
    expect(await field(o.contributor.patch(A, { content: { ...base, nextReviewOn: '27/11/2027' } }))).toEqual(['content.nextReviewOn']);
    expect(await field(o.contributor.patch(A, { content: { ...base, conclusion: 'x'.repeat(4001) } }))).toEqual(['content.conclusion']);
    expect(await field(o.contributor.patch(A, { content: { ...base, impacts: Array.from({ length: 61 }, () => base.impacts[0]) } }))).toEqual(['content.impacts']);
    expect((await o.viewer.get(`${A}/versions/1/export?format=docx&lang=en`)).statusCode).toBe(400);
    expect((await o.viewer.get(`${A}/versions/1/export?format=pdf&lang=de`)).statusCode).toBe(400);
    expect((await o.viewer.get(`${A}/versions/0`)).statusCode).toBe(400);
    expect((await o.viewer.get(`${A}/versions/9`)).statusCode).toBe(404);
    expect((await o.viewer.get(`${o.T}/not-a-uuid`)).statusCode).toBe(400);
    expect((await o.admin.patch(`${o.T}/settings`, { significantSeverity: 0, publicBodyOrService: false })).statusCode).toBe(400);
    expect((await o.contributor.post(`${A}/return`, { comment: '' })).statusCode).toBe(400);
    // Nothing was written: still the empty draft of its creation.
    expect((await o.viewer.get(A)).json().current.content).toMatchObject({ impacts: [], conclusion: '' });
    const events = (await o.owner.get(`/api/tenants/${o.tenant.id}/audit-events?subjectId=${a.id}`)).json().items;
    expect(events).toHaveLength(1);
    void buildUser;
  });

  it('a significant impact creates its risk in the register on approval, in the same transaction; the next version keeps that risk', async () => {
    const o = await org();
    const sys = await buildAiSystem(t, o.tenant, { name: 'Credit scoring', tier: 'high-risk' });
    const a = await created(o.contributor, o.T, sys, 'standard', 'Credit scoring impacts');
    const A = `${o.T}/${a.id}`;
    await o.contributor.patch(A, { content: { ...complete(), fria: null } });
    await o.contributor.post(`${A}/submit`, {});
    const approved = (await o.admin.post(`${A}/approve`, {})).json();
    const [significant, minor] = approved.current.content.impacts as { key: string; riskId: string | null; severity: number }[];
    expect(minor!.riskId).toBeNull();
    expect(significant!.riskId).toMatch(/^[0-9a-f-]{36}$/);

    const risk = (await o.viewer.get(`/api/tenants/${o.tenant.id}/risks/${significant!.riskId}`)).json();
    expect(risk).toMatchObject({
      title: 'Lower scores for applicants from some postcodes.',
      source: 'ai_system',
      aiSystems: [{ id: sys, name: 'Credit scoring' }],
      inherent: { likelihood: 3, impact: 4 },
      reviewDate: '2027-11-27',
      requirements: [expect.objectContaining({ frameworkId: 'iso-iec-42001-2023', ref: '6.1.4' })],
    });
    expect(risk.description).toContain('Impact assessment “Credit scoring impacts”, version 1.');

    // Version 2 raises the severity: the impact keeps its risk, no second one is created.
    const v2 = (await o.contributor.post(`${A}/versions`, {})).json();
    const impacts = v2.current.content.impacts.map((i: { severity: number }, n: number) => (n === 0 ? { ...i, severity: 5 } : i));
    expect((await o.contributor.patch(A, { content: { ...v2.current.content, impacts } })).statusCode).toBe(200);
    await o.contributor.post(`${A}/submit`, {});
    const again = (await o.owner.post(`${A}/approve`, {})).json();
    expect(again.current.content.impacts[0].riskId).toBe(significant!.riskId);
    const list = (await o.viewer.get(`/api/tenants/${o.tenant.id}/risks?aiSystemId=${sys}`)).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([significant!.riskId]);

    const linked = (await o.owner.get(`/api/tenants/${o.tenant.id}/audit-events?action=impact_assessment.risk_linked`)).json().items as { summary: { after: Record<string, unknown> } }[];
    expect(linked.map((e) => [e.summary.after.version, e.summary.after.created, e.summary.after.riskId])).toEqual([
      [2, false, significant!.riskId],
      [1, true, significant!.riskId],
    ]);
    const created1 = (await o.owner.get(`/api/tenants/${o.tenant.id}/audit-events?action=risk.created`)).json().items;
    expect(created1).toHaveLength(1);
    expect(created1[0].summary.after.origin).toEqual({ type: 'impact_assessment', id: a.id });
  });

});
