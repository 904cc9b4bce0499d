import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZCompetencePage, ZCompetenceRecord, ZObjectiveDetail, ZObjectivePage, ZParty, ZPartyPage } from '../../src/shared/contracts/aims-records-context.ts';
import { ZHistoryPage } from '../../src/shared/contracts/ai-systems.ts';
import { as, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TClient, type TTestApp } from '../support/test-app.ts';

const ISO = 'iso-iec-42001-2023';

describe.skipIf(!backendAvailable)('interested parties, AI objectives, competence records', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  async function org() {
    const tenant = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const contributorUser = await buildMembership(t.p, tenant, 'contributor');
    const viewerUser = await buildMembership(t.p, tenant, 'viewer');
    return {
      tenant,
      T: `/api/tenants/${tenant.id}`,
      owner: await as(t.app, tenant.owner),
      contributor: await as(t.app, contributorUser),
      contributorId: contributorUser.id,
      viewer: await as(t.app, viewerUser),
      viewerId: viewerUser.id,
    };
  }
  const actions = async (c: TClient, T: string, subjectId: string) =>
    (await c.get(`${T}/audit-events?subjectId=${subjectId}`)).json().items.map((e: { action: string }) => e.action);

  describe('interested parties (4.2)', () => {
    const party = (o: Record<string, unknown> = {}) => ({
      name: 'ACPR',
      category: 'regulator',
      needs: [
        { description: 'Explainable credit decisions', addressed: true, how: 'Model cards' },
        { description: 'Major incident notification', addressed: false },
      ],
      requirements: [{ frameworkId: ISO, ref: '4.2' }],
      ...o,
    });

    it('a contributor records a party with its requirements and links; the viewer reads; updates keep need keys and are audited', async () => {
      const o = await org();
      const res = await o.contributor.post(`${o.T}/interested-parties`, party());
      expect(res.statusCode, res.body).toBe(201);
      const p = ZParty.parse(res.json());
      expect(p).toMatchObject({ name: 'ACPR', category: 'regulator', needCount: 2, addressedCount: 1, requirements: [{ frameworkId: ISO, ref: '4.2' }] });
      expect(p.requirements[0]!.title.fr).not.toBe('');
      expect(p.abilities).toEqual({ 'interestedParty.read': true, 'interestedParty.create': true, 'interestedParty.update': true });
      expect((await o.viewer.get(`${o.T}/interested-parties/${p.id}`)).json().abilities['interestedParty.update']).toBe(false);
      expect((await o.viewer.patch(`${o.T}/interested-parties/${p.id}`, { name: 'x' })).statusCode).toBe(403);
      expect((await o.viewer.post(`${o.T}/interested-parties`, party())).statusCode).toBe(403);

      const needs = p.needs.map((n) => ({ ...n, addressed: true }));
      const upd = (await o.contributor.patch(`${o.T}/interested-parties/${p.id}`, { needs, requirements: [{ frameworkId: ISO, ref: '4.2' }, { frameworkId: ISO, ref: '4.3' }] })).json();
      expect(upd.addressedCount).toBe(2);
      expect(upd.needs.map((n: { key: string }) => n.key)).toEqual(p.needs.map((n) => n.key));
      expect(upd.requirements.map((r: { ref: string }) => r.ref)).toEqual(['4.2', '4.3']);
      expect(await actions(o.owner, o.T, p.id)).toEqual(['interested_party.updated', 'interested_party.created']);
      const history = ZHistoryPage.parse((await o.viewer.get(`${o.T}/interested-parties/${p.id}/history`)).json());
      expect(history.items[0]!.summary.after).toMatchObject({ name: 'ACPR', requirements: [`${ISO} 4.2`, `${ISO} 4.3`] });
      expect(history.items[0]!.summary.before).not.toHaveProperty('name');
    });

    it('an unknown requirement or category answers 400 on the field; another tenant’s party answers 404', async () => {
      const o = await org();
      const bad = await o.contributor.post(`${o.T}/interested-parties`, party({ requirements: [{ frameworkId: ISO, ref: '99.9' }] }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'record_requirement_unknown', details: [{ field: 'requirements.0.ref' }] });
      expect((await o.contributor.post(`${o.T}/interested-parties`, party({ category: 'press' }))).json()).toMatchObject({ code: 'validation_failed', details: [{ field: 'category' }] });
      const p = (await o.contributor.post(`${o.T}/interested-parties`, party())).json();
      const other = await org();
      expect((await other.owner.get(`${o.T}/interested-parties/${p.id}`)).statusCode).toBe(404);
      expect((await other.owner.get(`${other.T}/interested-parties/${p.id}`)).statusCode).toBe(404);
      expect((await other.owner.patch(`${other.T}/interested-parties/${p.id}`, { name: 'x' })).statusCode).toBe(404);
    });

    it('list: by name, filters, keyset pages, one SQL statement', async () => {
      const o = await org();
      for (const [name, category, addressed] of [
        ['Customers', 'customer', true],
        ['ACPR', 'regulator', false],
        ['CNIL', 'regulator', true],
        ['Borrowers', 'affected_people', false],
      ] as const) {
        await o.contributor.post(`${o.T}/interested-parties`, party({ name, category, needs: [{ description: 'Something', addressed }], requirements: [] }));
      }
      const first = ZPartyPage.parse((await o.viewer.get(`${o.T}/interested-parties?limit=3`)).json());
      expect(first.items.map((p) => p.name)).toEqual(['ACPR', 'Borrowers', 'CNIL']);
      expect((await o.viewer.get(`${o.T}/interested-parties?limit=3&cursor=${first.nextCursor}`)).json().items.map((p: { name: string }) => p.name)).toEqual(['Customers']);
      expect((await o.viewer.get(`${o.T}/interested-parties?category=regulator`)).json().items.map((p: { name: string }) => p.name)).toEqual(['ACPR', 'CNIL']);
      expect((await o.viewer.get(`${o.T}/interested-parties?unaddressed=true`)).json().items.map((p: { name: string }) => p.name)).toEqual(['ACPR', 'Borrowers']);
      expect((await o.viewer.get(`${o.T}/interested-parties?q=cn`)).json().items.map((p: { name: string }) => p.name)).toEqual(['CNIL']);
      const queries = await t.queriesDuring(() => o.viewer.get(`${o.T}/interested-parties?limit=3&cursor=${first.nextCursor}&category=customer&unaddressed=false`));
      expect(queries).toHaveLength(2);
      expect(queries[1]).toMatch(/FROM interested_parties p/);
    });
  });

  describe('AI objectives (6.2)', () => {
    const objective = (o: Record<string, unknown> = {}) => ({
      title: 'Approval-rate gap between age groups',
      measure: 'Largest monthly difference in approval rate between age groups',
      targetDirection: 'at_most',
      targetValue: 3,
      targetUnit: 'points',
      dueOn: '2027-06-30',
      requirements: [{ frameworkId: ISO, ref: '6.2' }],
      ...o,
    });

    it('an objective with a target; results over time; the latest result says met or not met', async () => {
      const o = await org();
      const created = await o.contributor.post(`${o.T}/objectives`, objective({ ownerId: o.contributorId }));
      expect(created.statusCode, created.body).toBe(201);
      const obj = ZObjectiveDetail.parse(created.json());
      expect(obj).toMatchObject({ status: 'active', met: null, latestResult: null, resultCount: 0, owner: { id: o.contributorId }, target: { direction: 'at_most', value: 3, unit: 'points', dueOn: '2027-06-30' } });

      const r1 = ZObjectiveDetail.parse((await o.contributor.post(`${o.T}/objectives/${obj.id}/results`, { measuredOn: '2026-10-31', value: 4.2, comment: 'October' })).json());
      expect(r1).toMatchObject({ met: false, resultCount: 1, latestResult: { value: 4.2, met: false, measuredOn: '2026-10-31' } });
      const r2 = ZObjectiveDetail.parse((await o.contributor.post(`${o.T}/objectives/${obj.id}/results`, { measuredOn: '2026-11-30', value: 2.4 })).json());
      expect(r2).toMatchObject({ met: true, resultCount: 2, latestResult: { value: 2.4, met: true } });
      // A late entry for an earlier month does not become the latest result.
      const r3 = ZObjectiveDetail.parse((await o.contributor.post(`${o.T}/objectives/${obj.id}/results`, { measuredOn: '2026-09-30', value: 5 })).json());
      expect(r3.latestResult?.measuredOn).toBe('2026-11-30');
      expect(r3.results.map((r) => r.measuredOn)).toEqual(['2026-11-30', '2026-10-31', '2026-09-30']);

      expect((await o.viewer.post(`${o.T}/objectives/${obj.id}/results`, { measuredOn: '2026-11-30', value: 1 })).statusCode).toBe(403);
      const cancelled = (await o.contributor.patch(`${o.T}/objectives/${obj.id}`, { status: 'cancelled' })).json();
      expect(cancelled.abilities['aimsObjective.recordResult']).toBe(false);
      expect((await o.contributor.post(`${o.T}/objectives/${obj.id}/results`, { measuredOn: '2026-12-31', value: 1 })).json()).toMatchObject({ code: 'objective_cancelled' });

      expect(await actions(o.owner, o.T, obj.id)).toEqual([
        'aims_objective.updated',
        'aims_objective.result_recorded',
        'aims_objective.result_recorded',
        'aims_objective.result_recorded',
        'aims_objective.created',
      ]);
      const events = ZHistoryPage.parse((await o.viewer.get(`${o.T}/objectives/${obj.id}/history`)).json()).items;
      expect(events[0]!.summary).toMatchObject({ before: { status: 'active' }, after: { status: 'cancelled', title: obj.title } });
      expect(events[2]!.summary.after).toMatchObject({ value: 2.4, met: true, unit: 'points', measuredOn: '2026-11-30' });
    });

    it('owner must be a member; 404 across tenants; list by due date with the met filter in one statement', async () => {
      const o = await org();
      const outsider = await buildUser(t.p);
      expect((await o.contributor.post(`${o.T}/objectives`, objective({ ownerId: outsider.id }))).json()).toMatchObject({ code: 'record_member_unknown', details: [{ field: 'ownerId' }] });
      expect((await o.contributor.post(`${o.T}/objectives`, objective({ dueOn: '30/06/2027' }))).json()).toMatchObject({ details: [{ field: 'dueOn' }] });
      const a = (await o.contributor.post(`${o.T}/objectives`, objective({ title: 'A', dueOn: '2027-03-31' }))).json();
      const b = (await o.contributor.post(`${o.T}/objectives`, objective({ title: 'B', dueOn: '2027-01-31', targetDirection: 'at_least', targetValue: 95, targetUnit: '%' }))).json();
      await o.contributor.post(`${o.T}/objectives`, objective({ title: 'C', dueOn: '2027-02-28' }));
      await o.contributor.post(`${o.T}/objectives/${a.id}/results`, { measuredOn: '2026-11-30', value: 2 });
      await o.contributor.post(`${o.T}/objectives/${b.id}/results`, { measuredOn: '2026-11-30', value: 91 });

      const first = ZObjectivePage.parse((await o.viewer.get(`${o.T}/objectives?limit=2`)).json());
      expect(first.items.map((x) => x.title)).toEqual(['B', 'C']);
      expect((await o.viewer.get(`${o.T}/objectives?limit=2&cursor=${first.nextCursor}`)).json().items.map((x: { title: string }) => x.title)).toEqual(['A']);
      expect((await o.viewer.get(`${o.T}/objectives?met=true`)).json().items.map((x: { title: string }) => x.title)).toEqual(['A']);
      expect((await o.viewer.get(`${o.T}/objectives?met=false`)).json().items.map((x: { title: string }) => x.title)).toEqual(['B']);
      const queries = await t.queriesDuring(() => o.viewer.get(`${o.T}/objectives?limit=2&cursor=${first.nextCursor}&met=true&status=active`));
      expect(queries).toHaveLength(2);
      expect(queries[1]).toMatch(/FROM aims_objectives o/);

      const other = await org();
      expect((await other.owner.get(`${o.T}/objectives/${a.id}`)).statusCode).toBe(404);
      expect((await other.owner.post(`${other.T}/objectives/${a.id}/results`, { measuredOn: '2026-11-30', value: 1 })).statusCode).toBe(404);
      expect((await other.owner.patch(`${other.T}/objectives/${a.id}`, { title: 'x' })).statusCode).toBe(404);
    });
  });

  describe('competence and awareness (7.2, 7.3)', () => {
    async function upload(c: TClient, T: string, body = 'Certificate of completion') {
      const res = await t.app.inject({
        method: 'POST',
        url: `${T}/files?filename=certificate.txt`,
        payload: body,
        headers: { 'content-type': 'text/plain', cookie: [...c.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': c.jar.get('attest_csrf')! },
        remoteAddress: c.ip,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; sha256: string };
    }

    it('a member’s competence with a file as evidence and the AI-policy acknowledgement; renewal due; audited', async () => {
      const o = await org();
      const file = await upload(o.contributor, o.T);
      const res = await o.contributor.post(`${o.T}/competence-records`, {
        userId: o.viewerId,
        role: 'Model risk officer',
        requiredCompetence: 'Validation of credit-scoring models',
        evidence: 'MSc statistics',
        evidenceFileId: file.id,
        achievedOn: '2024-10-17',
        renewalOn: '2025-10-17',
      });
      expect(res.statusCode, res.body).toBe(201);
      const rec = ZCompetenceRecord.parse(res.json());
      expect(rec).toMatchObject({ person: { id: o.viewerId }, evidenceFile: { id: file.id, sha256: file.sha256, filename: 'certificate.txt' }, renewalDue: true, policyAcknowledgedOn: null });
      const upd = ZCompetenceRecord.parse((await o.contributor.patch(`${o.T}/competence-records/${rec.id}`, { policyAcknowledgedOn: '2026-11-02', renewalOn: '2099-01-31' })).json());
      expect(upd).toMatchObject({ policyAcknowledgedOn: '2026-11-02', renewalDue: false, role: 'Model risk officer' });
      expect((await o.viewer.patch(`${o.T}/competence-records/${rec.id}`, { role: 'x' })).statusCode).toBe(403);
      const history = ZHistoryPage.parse((await o.viewer.get(`${o.T}/competence-records/${rec.id}/history`)).json()).items;
      expect(history.map((e) => e.action)).toEqual(['competence_record.updated', 'competence_record.created']);
      expect(history[0]!.summary).toMatchObject({ before: { policyAcknowledgedOn: null, renewalOn: '2025-10-17' }, after: { policyAcknowledgedOn: '2026-11-02', role: 'Model risk officer' } });
    });

    it('another tenant’s file or a non-member is refused on the field; 404 across tenants; list filters in one statement', async () => {
      const o = await org();
      const other = await org();
      const foreign = await upload(other.owner, other.T);
      const body = { userId: o.contributorId, role: 'Data scientist', requiredCompetence: 'Fairness testing' };
      expect((await o.contributor.post(`${o.T}/competence-records`, { ...body, evidenceFileId: foreign.id })).json()).toMatchObject({ code: 'record_file_unknown', details: [{ field: 'evidenceFileId' }] });
      expect((await o.contributor.post(`${o.T}/competence-records`, { ...body, userId: other.contributorId })).json()).toMatchObject({ code: 'record_member_unknown', details: [{ field: 'userId' }] });

      const a = (await o.contributor.post(`${o.T}/competence-records`, { ...body, policyAcknowledgedOn: '2026-11-01' })).json();
      await o.contributor.post(`${o.T}/competence-records`, { ...body, userId: o.viewerId, role: 'Reviewer', renewalOn: '2020-01-01' });
      await o.contributor.post(`${o.T}/competence-records`, { ...body, userId: o.tenant.owner.id, role: 'AIMS owner' });
      expect((await other.owner.get(`${o.T}/competence-records/${a.id}`)).statusCode).toBe(404);
      expect((await other.owner.patch(`${other.T}/competence-records/${a.id}`, { role: 'x' })).statusCode).toBe(404);

      const all = ZCompetencePage.parse((await o.viewer.get(`${o.T}/competence-records?limit=2`)).json());
      expect(all.items).toHaveLength(2);
      const rest = (await o.viewer.get(`${o.T}/competence-records?limit=2&cursor=${all.nextCursor}`)).json();
      expect([...all.items, ...rest.items].map((r) => r.id)).toHaveLength(3);
      expect((await o.viewer.get(`${o.T}/competence-records?renewalDue=true`)).json().items.map((r: { role: string }) => r.role)).toEqual(['Reviewer']);
      expect((await o.viewer.get(`${o.T}/competence-records?acknowledged=true`)).json().items.map((r: { id: string }) => r.id)).toEqual([a.id]);
      expect((await o.viewer.get(`${o.T}/competence-records?userId=${o.contributorId}`)).json().items).toHaveLength(1);
      const queries = await t.queriesDuring(() => o.viewer.get(`${o.T}/competence-records?limit=2&cursor=${all.nextCursor}&acknowledged=false&renewalDue=false`));
      expect(queries).toHaveLength(2);
      expect(queries[1]).toMatch(/FROM competence_records c/);
    });
  });
});
