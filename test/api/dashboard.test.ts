import { describe, expect, it } from 'vitest';
import { ZOrganizationDashboard } from '../../src/shared/contracts/dashboard.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { backendAvailable, useTestApp, type TClient } from '../support/test-app.ts';

describe.skipIf(!backendAvailable)('organization dashboard', () => {
  const t = useTestApp();

  const post = async (c: TClient, url: string, body: object) => {
    const res = await c.post(url, body);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as { id: string };
  };

  it('counts AI systems by tier, risks by level of the matrix in force, and what is overdue, in one statement', async () => {
    const tenant = await buildTenant(t.p);
    const T = `/api/tenants/${tenant.id}`;
    const owner = await as(t.app, tenant.owner);
    for (const name of ['Credit scoring', 'Fraud detection']) await post(owner, `${T}/ai-systems`, { name, lifecycleStage: 'deployed' });
    await post(owner, `${T}/ai-systems`, { name: 'Old chatbot', lifecycleStage: 'retired' });
    // 4×4 = 16 is "high" on the default matrix, 2×2 = 4 "low"; one review long overdue.
    const high = await post(owner, `${T}/risks`, { title: 'Drift on young applicants', source: 'ai_system', inherentLikelihood: 4, inherentImpact: 4, residualLikelihood: 2, residualImpact: 2, treatment: 'accept' });
    await post(owner, `${T}/risks`, { title: 'Supplier outage', source: 'supplier', inherentLikelihood: 2, inherentImpact: 2, reviewDate: '2020-01-31' });
    await post(owner, `${T}/risks/${high.id}/accept`, { rationale: 'Within the board’s appetite.', expiresOn: t.p.clock.now().toISOString().slice(0, 10).replace(/^\d{4}/, (y) => String(Number(y) + 1)) });

    let dashboard: unknown;
    const sql = await t.queriesDuring(async () => {
      const res = await owner.get(`${T}/dashboard`);
      expect(res.statusCode, res.body).toBe(200);
      dashboard = ZOrganizationDashboard.parse(res.json());
    });
    expect(sql.filter((s) => !/FROM sessions/.test(s))).toHaveLength(1);
    const d = ZOrganizationDashboard.parse(dashboard);
    expect(d.aiSystems).toEqual({ total: 2, inScope: 2, byTier: { prohibited: 0, 'high-risk': 0, limited: 0, minimal: 0, unclassified: 2 } });
    expect(d.risks).toMatchObject({ open: 1, accepted: 1, overdueReviews: 1, overdueActions: 0, acceptancesExpiringSoon: 0, oldestOverdue: [{ title: 'Supplier outage', reviewDate: '2020-01-31' }] });
    expect(d.risks!.byLevel.map((l) => [l.key, l.inherent, l.residual])).toEqual([
      ['low', 1, 1],
      ['medium', 0, 0],
      ['high', 1, 0],
      ['critical', 0, 0],
    ]);
    expect(d.risks!.byLevel[2]!.label).toEqual({ en: 'High', fr: 'Élevé' });
    expect(d.impactAssessments).toEqual({ open: 0, inReview: 0, approved: 0, reviewsDue: 0, oldestOverdue: [] });
  });

  it('a viewer reads it; another tenant’s id answers 404; a certification body has none', async () => {
    const tenant = await buildTenant(t.p);
    const viewer = await as(t.app, await buildMembership(t.p, tenant, 'viewer'));
    expect((await viewer.get(`/api/tenants/${tenant.id}/dashboard`)).statusCode).toBe(200);
    const other = await buildTenant(t.p);
    expect((await viewer.get(`/api/tenants/${other.id}/dashboard`)).statusCode).toBe(404);
    const body = await buildTenant(t.p, { kind: 'certification_body' });
    const schemeManager = await as(t.app, body.owner);
    expect((await schemeManager.get(`/api/tenants/${body.id}/dashboard`)).statusCode).toBe(403);
  });
});
