import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZBodySettings, ZClientDetail, ZClientPage, ZEnquiry, ZEnquiryPage, type TCreateClientBody, type TQuoteRequestBody } from '../../src/shared/contracts/intake.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { backendAvailable, createClient, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * The certification body's intake through the API on a real database: its settings, the public
 * quote request (no account; honeypot, per-address limit, size limits), the enquiries inbox and
 * clients with their sites and AI systems. Isolation: another body's ids answer 404, an auditor
 * reads but changes nothing, an organization's owner has no access.
 */
describe.skipIf(!backendAvailable)('certification intake', () => {
  let t: TTestApp;
  const clock = createTestClock(new Date('2026-11-27T09:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp({ QUOTE_REQUESTS_PER_HOUR: '5' });
    t.p.clock = clock;
  });
  afterAll(() => t?.close());

  async function body(o: { slug?: string | false } = {}) {
    const tenant = await buildTenant(t.p, { kind: 'certification_body' });
    const auditorUser = await buildMembership(t.p, tenant, 'auditor');
    const reviewerUser = await buildMembership(t.p, tenant, 'technical_reviewer');
    const manager = await as(t.app, tenant.owner);
    const T = `/api/tenants/${tenant.id}`;
    const slug = o.slug === false ? null : (o.slug ?? `body-${randomUUID().slice(0, 8)}`);
    if (slug) {
      const res = await manager.put(`${T}/body-settings`, { publicSlug: slug, legalName: 'Vérité Certification SAS', address: '8 avenue de l’Opéra, 75001 Paris' });
      expect(res.statusCode, res.body).toBe(200);
    }
    return { tenant, T, slug: slug!, manager, auditor: await as(t.app, auditorUser), reviewer: await as(t.app, reviewerUser) };
  }

  const quote = (o: Partial<TQuoteRequestBody> = {}): TQuoteRequestBody => ({
    organizationName: 'Lumière Crédit SAS',
    registeredAddress: '12 rue de la Paix, 75002 Paris',
    sector: 'Consumer credit',
    contactName: 'Camille Martin',
    contactEmail: 'camille.martin@lumiere-credit.example',
    sites: [{ name: 'Lyon', address: '3 quai Saint-Antoine, 69002 Lyon', personnel: 20 }],
    employeesFullTime: 140,
    employeesPartTime: 12,
    aiSystemsCount: 6,
    highRiskAiSystems: 2,
    aiSystemsDescription: 'A credit-scoring model we build, a chatbot we buy.',
    aiRoles: ['provider', 'user'],
    existingCertifications: ['iso27001'],
    standards: ['iso42001'],
    preferredLocale: 'fr',
    preAudit: true,
    ...o,
  });

  const client = (o: Partial<TCreateClientBody> = {}): TCreateClientBody => ({
    legalName: 'Lumière Crédit SAS',
    registeredAddress: '12 rue de la Paix, 75002 Paris',
    sector: 'Consumer credit',
    sectorRisk: 'high',
    employeesFullTime: 140,
    employeesPartTime: 12,
    partTimeFte: 7.5,
    aiSystemsCount: 6,
    highRiskAiSystems: 2,
    aiRoles: ['provider', 'user'],
    aimsMaturity: 'established',
    existingCertifications: ['iso27001'],
    contactName: 'Camille Martin',
    contactEmail: 'camille.martin@lumiere-credit.example',
    preferredLocale: 'fr',
    sites: [
      { name: 'Siège', address: '12 rue de la Paix, 75002 Paris', isCentral: true, personnel: 120 },
      { name: 'Lyon', address: '3 quai Saint-Antoine, 69002 Lyon', personnel: 20 },
    ],
    aiSystems: [{ name: 'Credit scoring', tier: 'high', role: 'provider' }],
    ...o,
  });

  const events = (tenantId: string, action: string) =>
    t.p.db.selectFrom('audit_events').select(['action', 'actor_type', 'actor_email', 'summary', 'subject_id']).where('tenant_id', '=', tenantId).where('action', '=', action).orderBy('seq').execute();

  it('keeps the body’s settings: defaults until saved, a unique public address, scheme managers only', async () => {
    const b = await body({ slug: false });
    const first = await b.auditor.get(`${b.T}/body-settings`);
    expect(first.statusCode).toBe(200);
    expect(ZBodySettings.parse(first.json())).toMatchObject({ configured: false, publicSlug: null, coolingOffMonths: 24, rotationMaxCycles: 2, abilities: { 'bodySettings.update': false } });
    const settings = { publicSlug: `verite-${randomUUID().slice(0, 6)}`, legalName: 'Vérité Certification SAS', coolingOffMonths: 36 };
    expect((await b.auditor.put(`${b.T}/body-settings`, settings)).statusCode).toBe(403);
    const saved = await b.manager.put(`${b.T}/body-settings`, settings);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ configured: true, publicSlug: settings.publicSlug, coolingOffMonths: 36, quotesOpen: true, currency: 'EUR', abilities: { 'bodySettings.update': true } });
    await b.manager.put(`${b.T}/body-settings`, { ...settings, coolingOffMonths: 24 });
    const [, changed] = await events(b.tenant.id, 'body_settings.updated');
    expect(changed!.summary).toEqual({ before: { coolingOffMonths: 36 }, after: { coolingOffMonths: 24 } });

    const other = await body();
    const taken = await other.manager.put(`${other.T}/body-settings`, settings);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'body_slug_taken', details: { field: 'publicSlug' } });
    expect((await b.manager.put(`${b.T}/body-settings`, { ...settings, publicSlug: 'Not A Slug' })).json()).toMatchObject({ code: 'validation_failed', details: [{ field: 'publicSlug' }] });

    // An organization's owner is no member of a body (404), and its own tenant has no body settings (403).
    const org = await buildTenant(t.p);
    const orgOwner = await as(t.app, org.owner);
    expect((await orgOwner.get(`${b.T}/body-settings`)).statusCode).toBe(404);
    expect((await orgOwner.get(`/api/tenants/${org.id}/body-settings`)).statusCode).toBe(403);
  });

  it('takes a public quote request without an account into the body’s inbox, and a bot’s into nowhere', async () => {
    const b = await body();
    const visitor = createClient(t.app);
    const page = await visitor.get(`/api/public/bodies/${b.slug}`);
    expect(page.json()).toEqual({ legalName: 'Vérité Certification SAS', address: '8 avenue de l’Opéra, 75001 Paris', quotesOpen: true });
    expect((await visitor.get('/api/public/bodies/no-such-body')).statusCode).toBe(404);

    const sent = await visitor.post(`/api/public/bodies/${b.slug}/quote-requests`, quote());
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json()).toEqual({ status: 'received' });
    const bot = await visitor.post(`/api/public/bodies/${b.slug}/quote-requests`, quote({ organizationName: 'Cheap Pills Ltd', website: 'http://spam.example' }));
    expect(bot.statusCode).toBe(202);
    expect(bot.json()).toEqual({ status: 'received' });

    const inbox = await b.manager.get(`${b.T}/enquiries`);
    const page1 = ZEnquiryPage.parse(inbox.json());
    expect(page1.items.map((e) => e.organizationName)).toEqual(['Lumière Crédit SAS']);
    expect(page1.items[0]).toMatchObject({
      status: 'new',
      employeesFullTime: 140,
      employeesPartTime: 12,
      standards: ['iso42001'],
      preAudit: true,
      preferredLocale: 'fr',
      sites: [{ name: 'Lyon', address: '3 quai Saint-Antoine, 69002 Lyon', personnel: 20 }],
      receivedAt: clock.now().toISOString(),
      abilities: { 'enquiry.convert': true, 'enquiry.decline': true },
    });
    const [received] = await events(b.tenant.id, 'quote_request.received');
    expect(received).toMatchObject({ actor_type: 'system', actor_email: 'camille.martin@lumiere-credit.example', subject_id: page1.items[0]!.id });

    const bad = await visitor.post(`/api/public/bodies/${b.slug}/quote-requests`, quote({ organizationName: '', highRiskAiSystems: 9, standards: [] }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field).sort()).toEqual(['highRiskAiSystems', 'organizationName', 'standards']);
    const huge = await visitor.post(`/api/public/bodies/${b.slug}/quote-requests`, quote({ message: 'x'.repeat(40_000) }));
    expect(huge.statusCode).toBe(413);
    const long = await createClient(t.app).post(`/api/public/bodies/${b.slug}/quote-requests`, quote({ message: 'x'.repeat(4001) }));
    expect(long.json()).toMatchObject({ code: 'validation_failed', details: [{ field: 'message', issue: 'too_long', limit: 4000 }] });

    // A body that closed its page.
    await b.manager.put(`${b.T}/body-settings`, { publicSlug: b.slug, legalName: 'Vérité Certification SAS', quotesOpen: false });
    const closed = await createClient(t.app).post(`/api/public/bodies/${b.slug}/quote-requests`, quote());
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('quotes_closed');
  });

  it('answers 429 to a flood from one address, and takes requests again once the hour has passed', async () => {
    const b = await body();
    const flood = createClient(t.app);
    const url = `/api/public/bodies/${b.slug}/quote-requests`;
    for (let i = 0; i < 5; i++) expect((await flood.post(url, quote({ organizationName: `Flood ${i}` }))).statusCode).toBe(202);
    const refused = await flood.post(url, quote({ organizationName: 'Flood 6' }));
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'too_many_requests', details: { retryAfterMinutes: 60 } });
    expect(Number(refused.headers['retry-after'])).toBe(3600);
    // Another address is not held up.
    expect((await createClient(t.app).post(url, quote({ organizationName: 'Someone else' }))).statusCode).toBe(202);
    clock.advance(3600_000 + 1000);
    expect((await flood.post(url, quote({ organizationName: 'Flood 7' }))).statusCode).toBe(202);
    const count = await t.p.db.selectFrom('quote_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', b.tenant.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(7);
  });

  it('converts an enquiry into a client once, or declines it with a reason; only the scheme manager answers', async () => {
    const b = await body();
    const other = await body();
    const visitor = createClient(t.app);
    for (const name of ['Lumière Crédit SAS', 'Nébuleuse Santé']) await visitor.post(`/api/public/bodies/${b.slug}/quote-requests`, quote({ organizationName: name }));
    const { items } = ZEnquiryPage.parse((await b.manager.get(`${b.T}/enquiries?status=new`)).json());
    const lumiere = items.find((e) => e.organizationName === 'Lumière Crédit SAS')!;
    const nebuleuse = items.find((e) => e.organizationName === 'Nébuleuse Santé')!;

    expect((await b.auditor.get(`${b.T}/enquiries`)).statusCode).toBe(403);
    expect((await b.reviewer.get(`${b.T}/enquiries/${lumiere.id}`)).json()).toMatchObject({ abilities: { 'enquiry.read': true, 'enquiry.convert': false } });
    expect((await b.reviewer.post(`${b.T}/enquiries/${lumiere.id}/decline`, { reason: 'No.' })).statusCode).toBe(403);
    expect((await other.manager.get(`${other.T}/enquiries/${lumiere.id}`)).statusCode).toBe(404);
    expect((await other.manager.post(`${other.T}/enquiries/${lumiere.id}/decline`, { reason: 'No.' })).statusCode).toBe(404);
    expect((await b.manager.post(`${b.T}/enquiries/${nebuleuse.id}/decline`, { reason: '' })).json()).toMatchObject({ details: [{ field: 'reason', issue: 'required' }] });

    const declined = await b.manager.post(`${b.T}/enquiries/${nebuleuse.id}/decline`, { reason: 'Medical devices are outside our accreditation scope.' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(ZEnquiry.parse(declined.json())).toMatchObject({ status: 'declined', declineReason: 'Medical devices are outside our accreditation scope.', decidedAt: clock.now().toISOString() });
    expect(declined.json().decidedBy.id).toBe(b.tenant.owner.id);
    const again = await b.manager.post(`${b.T}/enquiries/${nebuleuse.id}/convert`, client());
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'enquiry_already_answered', details: { status: 'declined' } });

    const converted = await b.manager.post(`${b.T}/enquiries/${lumiere.id}/convert`, client());
    expect(converted.statusCode, converted.body).toBe(201);
    const c = ZClientDetail.parse(converted.json());
    expect(c).toMatchObject({ reference: 'CLI-0001', legalName: 'Lumière Crédit SAS', enquiryId: lumiere.id, effectivePersonnel: 147.5 });
    const after = ZEnquiry.parse((await b.manager.get(`${b.T}/enquiries/${lumiere.id}`)).json());
    expect(after).toMatchObject({ status: 'converted', client: { id: c.id, reference: 'CLI-0001', legalName: 'Lumière Crédit SAS' }, abilities: { 'enquiry.convert': false, 'enquiry.decline': false } });
    expect((await b.manager.post(`${b.T}/enquiries/${lumiere.id}/convert`, client())).json()).toMatchObject({ code: 'enquiry_already_answered', details: { status: 'converted' } });
    expect(await events(b.tenant.id, 'quote_request.converted')).toHaveLength(1);
    expect((await events(b.tenant.id, 'client.created'))[0]!.summary).toMatchObject({ after: { reference: 'CLI-0001', enquiryId: lumiere.id, sites: 2, aiSystems: 1 } });
    // A conversion that fails validation leaves the enquiry as it was.
    await visitor.post(`/api/public/bodies/${b.slug}/quote-requests`, quote({ organizationName: 'Third' }));
    const third = ZEnquiryPage.parse((await b.manager.get(`${b.T}/enquiries?status=new`)).json()).items[0]!;
    expect((await b.manager.post(`${b.T}/enquiries/${third.id}/convert`, client({ sites: [] }))).statusCode).toBe(400);
    expect((await b.manager.get(`${b.T}/enquiries/${third.id}`)).json().status).toBe('new');
  });

  it('creates clients with one central site; keeps the figures consistent; sites and AI systems change under the same rules', async () => {
    const b = await body();
    const other = await body();
    const twoCentral = await b.manager.post(`${b.T}/clients`, client({ sites: [{ name: 'A', address: 'a', isCentral: true }, { name: 'B', address: 'b', isCentral: true }] }));
    expect(twoCentral.json()).toMatchObject({ code: 'validation_failed', details: [{ field: 'sites' }] });
    expect((await b.manager.post(`${b.T}/clients`, client({ partTimeFte: 13 }))).json()).toMatchObject({ details: [{ field: 'partTimeFte', issue: 'too_big', limit: 12 }] });
    expect((await b.auditor.post(`${b.T}/clients`, client())).statusCode).toBe(403);

    const created = await b.manager.post(`${b.T}/clients`, client({ aiSystemsCount: 0, highRiskAiSystems: 0 }));
    expect(created.statusCode, created.body).toBe(201);
    const c = ZClientDetail.parse(created.json());
    expect(c).toMatchObject({ reference: 'CLI-0001', siteCount: 2, aiSystemsCount: 1, highRiskAiSystems: 1, organizationTenantId: null, abilities: { 'client.update': true } });
    expect(c.sites.map((s) => [s.name, s.isCentral])).toEqual([['Siège', true], ['Lyon', false]]);
    const C = `${b.T}/clients/${c.id}`;

    // The auditor reads; another body sees nothing.
    expect((await b.auditor.get(C)).json()).toMatchObject({ id: c.id, abilities: { 'client.read': true, 'client.update': false } });
    expect((await b.auditor.patch(C, { sector: 'Banking' })).statusCode).toBe(403);
    for (const res of [await other.manager.get(C.replace(b.T, other.T)), await other.manager.patch(C.replace(b.T, other.T), { sector: 'x' }), await other.manager.post(`${C.replace(b.T, other.T)}/sites`, { name: 'x', address: 'y' })]) {
      expect(res.statusCode).toBe(404);
    }

    const patched = await b.manager.patch(C, { employeesFullTime: 155, aimsMaturity: 'mature' });
    expect(patched.json()).toMatchObject({ employeesFullTime: 155, effectivePersonnel: 162.5, aimsMaturity: 'mature' });
    expect((await events(b.tenant.id, 'client.updated'))[0]!.summary).toEqual({
      before: { employeesFullTime: 140, aimsMaturity: 'established' },
      after: { legalName: 'Lumière Crédit SAS', employeesFullTime: 155, aimsMaturity: 'mature' },
    });
    const below = await b.manager.patch(C, { aiSystemsCount: 0, highRiskAiSystems: 0 });
    expect(below.statusCode).toBe(400);
    expect(below.json()).toMatchObject({ code: 'client_figures_inconsistent' });
    expect(below.json().details.map((d: { field: string }) => d.field)).toEqual(['aiSystemsCount', 'highRiskAiSystems']);
    expect((await b.manager.patch(C, { partTimeFte: 20 })).json()).toMatchObject({ code: 'client_figures_inconsistent', details: [{ field: 'partTimeFte', limit: 12 }] });

    // Sites: the central function moves, and cannot be removed.
    const lyon = c.sites.find((s) => s.name === 'Lyon')!;
    const siege = c.sites.find((s) => s.isCentral)!;
    const removeCentral = await b.manager.delete(`${C}/sites/${siege.id}`);
    expect(removeCentral.statusCode).toBe(409);
    expect(removeCentral.json().code).toBe('client_central_site');
    const moved = ZClientDetail.parse((await b.manager.patch(`${C}/sites/${lyon.id}`, { isCentral: true })).json());
    expect(moved.sites.map((s) => [s.name, s.isCentral])).toEqual([['Lyon', true], ['Siège', false]]);
    expect((await b.manager.patch(`${C}/sites/${lyon.id}`, { isCentral: false })).statusCode).toBe(400);
    const added = await b.manager.post(`${C}/sites`, { name: 'Bordeaux', address: '1 cours de l’Intendance, 33000 Bordeaux', personnel: 8 });
    expect(added.statusCode).toBe(201);
    expect(added.json().siteCount).toBe(3);
    const removed = await b.manager.delete(`${C}/sites/${siege.id}`);
    expect(removed.json().sites.map((s: { name: string }) => s.name)).toEqual(['Lyon', 'Bordeaux']);
    expect((await b.manager.delete(`${C}/sites/${siege.id}`)).statusCode).toBe(404);

    // AI systems: the declared counts follow the list up, never down.
    const withTwo = await b.manager.post(`${C}/ai-systems`, { name: 'Fraud detection', tier: 'high', role: 'developer' });
    expect(withTwo.json()).toMatchObject({ aiSystemsCount: 2, highRiskAiSystems: 2 });
    const fraud = withTwo.json().aiSystems.find((s: { name: string }) => s.name === 'Fraud detection');
    expect((await b.manager.patch(`${C}/ai-systems/${fraud.id}`, { tier: 'limited' })).json()).toMatchObject({ highRiskAiSystems: 2, aiSystems: expect.arrayContaining([{ ...fraud, tier: 'limited' }]) });
    expect((await b.manager.delete(`${C}/ai-systems/${fraud.id}`)).json()).toMatchObject({ aiSystemsCount: 2, aiSystems: [{ name: 'Credit scoring' }] });
    for (const action of ['client_site.added', 'client_site.updated', 'client_site.removed', 'client_ai_system.added', 'client_ai_system.updated', 'client_ai_system.removed']) {
      expect(await events(b.tenant.id, action), action).not.toHaveLength(0);
    }
  });

  it('lists clients by name with keyset pages and filters, in one SQL statement per page', async () => {
    const b = await body();
    const names = ['Zéphyr IA', 'alpha analytics', 'Banque Beta', 'Cobalt Santé', 'Delta Crédit'];
    for (const [i, legalName] of names.entries()) {
      const res = await b.manager.post(`${b.T}/clients`, client({ legalName, sectorRisk: i % 2 ? 'low' : 'high' }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const page1 = ZClientPage.parse((await b.auditor.get(`${b.T}/clients?limit=2`)).json());
    expect(page1.items.map((c) => c.legalName)).toEqual(['alpha analytics', 'Banque Beta']);
    const page2 = ZClientPage.parse((await b.auditor.get(`${b.T}/clients?limit=2&cursor=${page1.nextCursor}`)).json());
    expect(page2.items.map((c) => c.legalName)).toEqual(['Cobalt Santé', 'Delta Crédit']);
    const page3 = ZClientPage.parse((await b.auditor.get(`${b.T}/clients?limit=2&cursor=${page2.nextCursor}`)).json());
    expect(page3).toMatchObject({ items: [{ legalName: 'Zéphyr IA' }], nextCursor: null });
    expect(ZClientPage.parse((await b.auditor.get(`${b.T}/clients?sectorRisk=low`)).json()).items.map((c) => c.legalName)).toEqual(['alpha analytics', 'Cobalt Santé']);
    expect(ZClientPage.parse((await b.auditor.get(`${b.T}/clients?q=cli-0003`)).json()).items.map((c) => c.legalName)).toEqual(['Banque Beta']);
    expect(ZClientPage.parse((await b.auditor.get(`${b.T}/clients?linked=true`)).json()).items).toEqual([]);
    // The session lookup, then one statement for the page.
    expect(await t.queriesDuring(() => b.auditor.get(`${b.T}/clients?limit=3`))).toHaveLength(2);
    expect(await t.queriesDuring(() => b.manager.get(`${b.T}/enquiries?limit=3`))).toHaveLength(2);
    expect((await b.auditor.get(`${b.T}/clients?cursor=not*valid`)).statusCode).toBe(400);
  });
});
