import { sql } from 'kysely';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalToken } from '../../src/server/modules/certification/proposals/proposal-common.ts';
import { DEFAULT_SOC2_FEE_PARAMETERS, estimateSoc2Fee } from '../../src/server/modules/soc2/fees/fee-estimate.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { ZProposal, ZPublicProposal } from '../../src/shared/contracts/proposals.ts';
import { formatMoney } from '../../src/shared/proposal-pricing.ts';
import { buildBody, buildClient } from '../support/certification-factories.ts';
import { as, buildTenant } from '../support/factories.ts';
import { buildCpaFirm, createSoc2ExaminationThroughProposal } from '../support/soc2-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * The commercial side of a SOC 2 engagement: only a licensed CPA firm drafts a SOC 2 proposal; its
 * fee is the firm's own estimate (estimateSoc2Fee with the firm's parameters), printed with its
 * trace on the PDF in the proposal's language; the organization's acceptance opens the engagement
 * and the first examination in one transaction, or neither.
 */

const flat = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
async function pdfText(bytes: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return flat(text as unknown as string);
}

const SCOPE = {
  reportType: 'type2',
  periodStart: '2027-01-01',
  periodEnd: '2027-06-30',
  categories: ['availability', 'processing_integrity'],
  services: 'Credit scoring API for retail lenders',
  systems: 'Scoring API; back office; data warehouse',
  locations: 'Paris; AWS eu-west-3',
  people: 'Engineering, operations, risk',
  complexity: 'high',
  documentationMaturity: 'initial',
  subserviceOrganizations: [
    { name: 'Amazon Web Services', service: 'Hosting', treatment: 'carve_out' },
    { name: 'Scoring Data SAS', service: 'Bureau data', treatment: 'inclusive' },
  ],
} as const;

describe.skipIf(!backendAvailable)('SOC 2 proposals', { timeout: 300_000 }, () => {
  let t: TTestApp;
  const clock = createTestClock(new Date('2026-11-27T09:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://attest.example' });
    t.p.clock = clock;
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  async function tokenOf(firmId: string, proposalId: string) {
    const row = await t.p.db.selectFrom('proposals').select(['sent_at', sql<string>`valid_until::text`.as('valid_until')]).where('tenant_id', '=', firmId).where('id', '=', proposalId).executeTakeFirstOrThrow();
    return proposalToken(t.p.secretKey, firmId, proposalId, row.sent_at!, row.valid_until);
  }

  it('is drafted by a licensed CPA firm only, priced by estimateSoc2Fee with the firm’s parameters, its PDF in French with the fee in French', async () => {
    const plain = await buildBody(t.p, { name: 'Vérité Certification' });
    const plainClient = await buildClient(t.p, plain);
    const refused = await (await as(t.app, plain.owner)).post(`/api/tenants/${plain.id}/proposals/soc2`, { clientId: plainClient.id, scope: SCOPE });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'soc2_firm_not_licensed' });

    const firm = await buildCpaFirm(t.p, { name: 'Cabinet Lafayette CPA' });
    const manager = await as(t.app, firm.owner);
    const fee = { ...DEFAULT_SOC2_FEE_PARAMETERS, version: 3, dayRateCents: 137_500, minimumDays: 8 };
    const saved = await manager.put(`/api/tenants/${firm.id}/body-settings`, { publicSlug: firm.settings.public_slug, legalName: 'Cabinet Lafayette CPA LLP', soc2FeeParameters: fee });
    expect(saved.statusCode, saved.body).toBe(200);
    const client = await buildClient(t.p, firm, { legalName: 'Lumière Crédit SA' });
    const B = `/api/tenants/${firm.id}/proposals`;

    const short = await manager.post(`${B}/soc2`, { clientId: client.id, scope: { ...SCOPE, periodEnd: '2027-02-28' } });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'soc2_period_too_short' });
    expect((await manager.post(`${B}/soc2`, { clientId: client.id, scope: { ...SCOPE, reportType: 'type1', periodStart: null, periodEnd: null, asOfDate: '2027-03-31', priorType1: true } })).statusCode).toBe(400);

    const res = await manager.post(`${B}/soc2`, { clientId: client.id, scope: SCOPE, locale: 'fr', recipientEmail: 'camille@lumiere-credit.example' });
    expect(res.statusCode, res.body).toBe(201);
    const p = ZProposal.parse(res.json());
    const expected = estimateSoc2Fee(fee, {
      reportType: 'type2',
      observationMonths: 6,
      categories: ['availability', 'processing_integrity'],
      complexity: 'high',
      documentationMaturity: 'initial',
      subserviceOrganizations: { carveOut: 1, inclusive: 1 },
      priorType1: false,
    });
    expect(p.soc2?.feeEstimate).toEqual(expected);
    expect(p).toMatchObject({ scheme: 'soc2-type2', lines: [], cycleCents: expected.totalCents, currency: 'EUR', soc2: { observationMonths: 6, scope: { categories: ['security', 'availability', 'processing_integrity'] } } });
    const list = (await manager.get(B)).json();
    expect(list.items.find((i: { id: string }) => i.id === p.id)).toMatchObject({ scheme: 'soc2-type2', cycleCents: expected.totalCents });
    const created = await t.p.db.selectFrom('audit_events').select('summary').where('tenant_id', '=', firm.id).where('action', '=', 'proposal.created').where('subject_id', '=', p.id).executeTakeFirstOrThrow();
    expect(created.summary.after).toMatchObject({ scheme: 'soc2-type2', feeParametersVersion: 3, cycleCents: expected.totalCents });

    // A SOC 2 draft has no lines to edit; a new scope is estimated again.
    expect((await manager.patch(`${B}/${p.id}`, { lines: [] })).statusCode).toBe(400);
    const rescoped = ZProposal.parse((await manager.patch(`${B}/${p.id}`, { soc2Scope: { ...SCOPE, subserviceOrganizations: [] } })).json());
    expect(rescoped.soc2?.feeEstimate.totalCents).toBeLessThan(expected.totalCents);
    const back = ZProposal.parse((await manager.patch(`${B}/${p.id}`, { soc2Scope: SCOPE })).json());
    expect(back.cycleCents).toBe(expected.totalCents);

    const sent = await manager.post(`${B}/${p.id}/send`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    const text = await pdfText((await manager.get(`${B}/${p.id}/document`)).rawPayload);
    const total = flat(formatMoney('fr', expected.totalCents, 'EUR'));
    expect(total).toMatch(/^\d{1,3}( \d{3})*,\d{2} €$/);
    expect(text).toContain(total);
    expect(text).toContain('CPA-123456');
    expect(text).toContain('Amazon Web Services');
    expect(text).toContain('1 janvier 2027'.replace('1 janvier', '1er janvier'));
    expect(text.toLowerCase()).not.toContain('certificat soc 2');
    const en = await pdfText((await manager.get(`${B}/${p.id}/document?locale=en`)).rawPayload);
    expect(en).toContain(total); // issued: the stored French PDF whatever language is asked

    const preview = ZPublicProposal.parse((await (await as(t.app, firm.owner)).get(`/api/public/proposals/${await tokenOf(firm.id, p.id)}`)).json());
    expect(preview).toMatchObject({ scheme: 'soc2-type2', totals: { cycleCents: expected.totalCents }, soc2: { scope: { reportType: 'type2', periodStart: '2027-01-01' }, feeEstimate: expected } });
  });

  it('is accepted by the organization: one engagement and one examination with the proposal’s scope, in both logs', async () => {
    const firm = await buildCpaFirm(t.p, { name: 'Cabinet Lafayette CPA' });
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const client = await buildClient(t.p, firm, { legalName: 'Lumière Crédit SA' });
    const manager = await as(t.app, firm.owner);
    const B = `/api/tenants/${firm.id}/proposals`;
    const p = (await manager.post(`${B}/soc2`, { clientId: client.id, scope: SCOPE, recipientEmail: org.owner.email })).json();
    expect((await manager.post(`${B}/${p.id}/send`, {})).statusCode).toBe(200);
    const token = await tokenOf(firm.id, p.id);
    const owner = await as(t.app, org.owner);
    const accepted = await owner.post(`/api/public/proposals/${token}/accept`, { organizationTenantId: org.id });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const { engagementId, examinationId } = accepted.json();

    const engagements = await t.p.db.selectFrom('engagements').selectAll().where('body_tenant_id', '=', firm.id).where('organization_tenant_id', '=', org.id).execute();
    expect(engagements).toHaveLength(1);
    expect(engagements[0]).toMatchObject({ id: engagementId, scheme: 'soc2-type2', status: 'active', proposal_id: p.id });
    expect(await t.p.db.selectFrom('audit_programmes').select('id').where('engagement_id', '=', engagementId).execute()).toHaveLength(0);
    const exams = await t.p.db
      .selectFrom('soc2_examinations')
      .select(['id', 'engagement_id', 'report_type', 'categories', 'services', 'state', sql<string>`period_start::text`.as('period_start'), sql<string>`period_end::text`.as('period_end')])
      .where('tenant_id', '=', firm.id)
      .execute();
    expect(exams).toEqual([
      { id: examinationId, engagement_id: engagementId, report_type: 'type2', categories: ['security', 'availability', 'processing_integrity'], services: SCOPE.services, state: 'scoping', period_start: '2027-01-01', period_end: '2027-06-30' },
    ]);
    for (const tenantId of [firm.id, org.id]) {
      const actions = (await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', tenantId).where('action', 'in', ['engagement.opened', 'soc2_examination.opened']).execute()).map((e) => e.action).sort();
      expect(actions, tenantId).toEqual(['engagement.opened', 'soc2_examination.opened']);
    }
    // The organization sees the examination through its own route.
    const orgList = await owner.get(`/api/tenants/${org.id}/soc2/org-examinations`);
    expect(orgList.statusCode, orgList.body).toBe(200);
    expect(JSON.stringify(orgList.json())).toContain(examinationId);
  });

  it('leaves neither engagement nor examination when the examination cannot be opened', async () => {
    const firm = await buildCpaFirm(t.p, { name: 'Cabinet Lafayette CPA' });
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const client = await buildClient(t.p, firm);
    const manager = await as(t.app, firm.owner);
    const B = `/api/tenants/${firm.id}/proposals`;
    const p = (await manager.post(`${B}/soc2`, { clientId: client.id, scope: SCOPE, recipientEmail: org.owner.email })).json();
    expect((await manager.post(`${B}/${p.id}/send`, {})).statusCode).toBe(200);
    // The stored scope's period made invalid behind the proposal's back: two months.
    await t.p.db.updateTable('proposals').set({ soc2_scope: JSON.stringify({ ...p.soc2.scope, periodEnd: '2027-02-28' }) }).where('tenant_id', '=', firm.id).where('id', '=', p.id).execute();
    const owner = await as(t.app, org.owner);
    const refused = await owner.post(`/api/public/proposals/${await tokenOf(firm.id, p.id)}/accept`, { organizationTenantId: org.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'soc2_period_too_short' });
    expect(await t.p.db.selectFrom('engagements').select('id').where('body_tenant_id', '=', firm.id).execute()).toHaveLength(0);
    expect(await t.p.db.selectFrom('soc2_examinations').select('id').where('tenant_id', '=', firm.id).execute()).toHaveLength(0);
    expect(await t.p.db.selectFrom('audit_events').select('id').where('tenant_id', 'in', [firm.id, org.id]).where('action', 'in', ['engagement.opened', 'soc2_examination.opened', 'proposal.accepted']).execute()).toHaveLength(0);
    expect((await manager.get(`${B}/${p.id}`)).json()).toMatchObject({ state: 'sent', acceptance: null });
  });

  it('builds an examination through the proposal path (factory)', async () => {
    const built = await createSoc2ExaminationThroughProposal(t.p);
    expect(built.engagement).toMatchObject({ scheme: 'soc2-type2', proposal_id: built.proposal.id });
    expect(built.examination).toMatchObject({ engagement_id: built.engagement.id, report_type: 'type2', state: 'scoping' });
  });
});
