import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { sendProposalMail } from '../../src/server/modules/certification/proposals/jobs/send-proposal-mail.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { buildBody, buildClient, type TBuiltBody } from '../support/certification-factories.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { backendAvailable, createClient, createTestApp, signIn, type TTestApp } from '../support/test-app.ts';

const LINES = [
  { slot: 'stage1', days: 1.5, travelCents: 18_000 },
  { slot: 'stage2', days: 3, travelCents: 18_000, expensesCents: 9_500 },
  { slot: 'surveillance1', days: 1.5, travelCents: 18_000 },
  { slot: 'surveillance2', days: 1.5, travelCents: 18_000 },
  { slot: 'recertification', days: 3, travelCents: 18_000, expensesCents: 9_500 },
];

async function pdfText(bytes: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text as unknown as string;
}

describe.skipIf(!backendAvailable)('proposals: drafted, issued as PDF by e-mail, accepted online into an engagement and its programme', { timeout: 180_000 }, () => {
  let t: TTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const clock = createTestClock(new Date('2026-11-27T09:00:00Z'));
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://attest.example' });
    t.p.clock = clock;
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  async function setup(o: { email?: string } = {}) {
    clock.set(new Date('2026-11-27T09:00:00Z'));
    const body: TBuiltBody = await buildBody(t.p, { name: 'Vérité Certification' });
    await t.p.db.updateTable('body_settings').set({ default_day_rate_cents: 145_000, legal_name: 'Vérité Certification SAS' }).where('tenant_id', '=', body.id).execute();
    const client = await buildClient(t.p, body, { legalName: 'Lumière Crédit SA' });
    const email = o.email ?? `camille-${client.id.slice(0, 6)}@lumiere-credit.example`;
    await t.p.db.updateTable('clients').set({ contact_email: email, contact_name: 'Camille Durand', preferred_locale: 'fr' }).where('tenant_id', '=', body.id).where('id', '=', client.id).execute();
    const manager = await as(t.app, body.owner);
    return { body, client, email, manager, B: `/api/tenants/${body.id}/proposals` };
  }

  /** Sends the proposal, runs the mail job and returns the mail and the token its link carries. */
  async function issue(s: Awaited<ReturnType<typeof setup>>, proposalId: string) {
    const sent = await s.manager.post(`${s.B}/${proposalId}/send`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    await sendProposalMail.handler({ tenantId: s.body.id, proposalId }, { platform: t.p, jobId: 'test' });
    const mail = mailText((await smtp.waitFor(s.email)).raw);
    const token = /https:\/\/attest\.example\/proposal\/([0-9a-f.-]+)/.exec(mail)![1]!;
    return { proposal: sent.json(), mail, token };
  }

  it('prices the cycle per year with the fixed part, refuses bad input, and keeps fees from auditors and other bodies', async () => {
    const s = await setup();
    const res = await s.manager.post(s.B, { clientId: s.client.id, lines: LINES });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      reference: 'PRO-2026-0001',
      state: 'draft',
      locale: 'fr',
      currency: 'EUR',
      validUntil: '2027-02-25',
      recipientEmail: s.email,
      recipientName: 'Camille Durand',
      client: { id: s.client.id, legalName: 'Lumière Crédit SA' },
      abilities: { 'proposal.read': true, 'proposal.update': true, 'proposal.send': true, 'proposal.withdraw': true },
    });
    expect(p.lines.map((l: { slot: string; amountCents: number; feeFixed: boolean }) => [l.slot, l.amountCents, l.feeFixed])).toEqual([
      ['stage1', 235_500, true],
      ['stage2', 462_500, true],
      ['surveillance1', 235_500, true],
      ['surveillance2', 235_500, false],
      ['recertification', 462_500, false],
    ]);
    expect(p.totals).toEqual({
      years: [
        { year: 1, days: 4.5, amountCents: 698_000 },
        { year: 2, days: 1.5, amountCents: 235_500 },
        { year: 3, days: 4.5, amountCents: 698_000 },
      ],
      cycleDays: 10.5,
      cycleCents: 1_631_500,
      fixedCents: 933_500,
    });

    const missing = await s.manager.post(s.B, { clientId: s.client.id, lines: LINES.slice(1) });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().details)).toMatch(/lines/);
    const third = await s.manager.post(s.B, { clientId: s.client.id, lines: LINES.map((l, i) => (i === 0 ? { ...l, days: 1.3 } : l)) });
    expect(third.statusCode).toBe(400);
    expect(JSON.stringify(third.json().details)).toMatch(/half days/);
    expect((await s.manager.post(s.B, { clientId: s.client.id, lines: LINES, validUntil: '2026-11-26' })).json().details).toEqual([expect.objectContaining({ field: 'validUntil' })]);
    expect((await s.manager.post(s.B, { clientId: s.body.id, lines: LINES })).json()).toMatchObject({ code: 'proposal_client_unknown', details: { field: 'clientId' } });

    const auditor = await as(t.app, await buildMembership(t.p, s.body, 'auditor'));
    expect((await auditor.get(`${s.B}/${p.id}`)).statusCode).toBe(403);
    expect((await auditor.post(s.B, { clientId: s.client.id, lines: LINES })).statusCode).toBe(403);
    const reviewer = await as(t.app, await buildMembership(t.p, s.body, 'technical_reviewer'));
    expect((await reviewer.get(`${s.B}/${p.id}`)).json().abilities).toMatchObject({ 'proposal.read': true, 'proposal.send': false });
    expect((await reviewer.post(`${s.B}/${p.id}/send`, {})).statusCode).toBe(403);
    const other = await buildBody(t.p);
    const otherManager = await as(t.app, other.owner);
    expect((await otherManager.get(`/api/tenants/${s.body.id}/proposals/${p.id}`)).statusCode).toBe(404);
    expect((await otherManager.get(`/api/tenants/${other.id}/proposals/${p.id}`)).statusCode).toBe(404);
    expect((await otherManager.post(`/api/tenants/${other.id}/proposals`, { clientId: s.client.id, lines: LINES })).json().code).toBe('proposal_client_unknown');
  });

  it('renders a draft preview in English and in French, then issues the French PDF once and serves those bytes ever after', async () => {
    const s = await setup();
    const p = (await s.manager.post(s.B, { clientId: s.client.id, lines: LINES, notes: 'Audits sur le site de Lyon.' })).json();
    const en = await s.manager.get(`${s.B}/${p.id}/document?locale=en`);
    expect(en.headers['content-type']).toBe('application/pdf');
    const enText = await pdfText(en.rawPayload);
    for (const s of ['Certification proposal', 'Draft — not issued', 'Initial audit — stage 1', 'Recertification audit', 'Year 1 — initial certification', '€16,315.00', 'Vérité Certification SAS', 'Lumière Crédit SA', '25 February 2027', 'first surveillance audit are fixed at €9,335.00']) {
      expect(enText).toContain(s);
    }
    const frText = await pdfText((await s.manager.get(`${s.B}/${p.id}/document?locale=fr`)).rawPayload);
    for (const s of ['Proposition de certification', 'Audit initial — étape 1', 'Audit de renouvellement', 'Cycle de trois ans', '16 315,00 €', 'Valable jusqu’au', '25 février 2027', 'Audits sur le site de Lyon.']) {
      expect(frText.replace(/[\u00a0\u202f]/g, ' ')).toContain(s);
    }

    const { proposal, mail } = await issue(s, p.id);
    expect(proposal).toMatchObject({ state: 'sent', sent: { documentSha256: expect.stringMatching(/^[0-9a-f]{64}$/), by: { id: s.body.owner.id } }, abilities: { 'proposal.update': false, 'proposal.send': false } });
    expect(mail).toContain('Vérité Certification SAS vous adresse sa proposition PRO-2026-0001 pour la certification ISO/IEC 42001 de Lumière Crédit SA');
    expect(mail).toContain('valable jusqu’au 25 février 2027');
    expect(mail).toMatch(/filename="?PRO-2026-0001\.pdf/);
    const issued = await s.manager.get(`${s.B}/${p.id}/document?locale=en`);
    expect(issued.headers['x-content-sha256']).toBe(proposal.sent.documentSha256);
    expect(createHash('sha256').update(issued.rawPayload).digest('hex')).toBe(proposal.sent.documentSha256);
    const issuedText = await pdfText(issued.rawPayload);
    expect(issuedText).toContain('Émise le');
    expect(issuedText).not.toContain('Brouillon');

    const edit = await s.manager.patch(`${s.B}/${p.id}`, { notes: 'Changed after sending' });
    expect(edit.json()).toMatchObject({ code: 'proposal_not_draft', details: { state: 'sent' } });
    expect((await s.manager.post(`${s.B}/${p.id}/send`, {})).statusCode).toBe(409);
    const events = (await s.manager.get(`/api/tenants/${s.body.id}/audit-events?subjectId=${p.id}`)).json().items.map((e: { action: string }) => e.action);
    expect(events).toEqual(['proposal.sent', 'proposal.created']);
  });

  it('is accepted through its link by a newcomer who founds the organization: engagement, programme, client linked, both logs', async () => {
    const s = await setup();
    const p = (await s.manager.post(s.B, { clientId: s.client.id, lines: LINES })).json();
    const { token } = await issue(s, p.id);
    const anonymous = createClient(t.app);

    const preview = await anonymous.get(`/api/public/proposals/${token}`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ reference: p.reference, state: 'sent', bodyName: 'Vérité Certification SAS', clientName: 'Lumière Crédit SA', totals: { cycleCents: 1_631_500 } });
    const doc = await anonymous.get(`/api/public/proposals/${token}/document`);
    expect(doc.headers['x-content-sha256']).toBe(preview.json().documentSha256);
    const forged = token.slice(0, -4) + (token.endsWith('0000') ? '1111' : '0000');
    expect((await anonymous.get(`/api/public/proposals/${forged}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/public/proposals/${token.replace(s.body.id, (await buildBody(t.p)).id)}`)).statusCode).toBe(404);
    expect((await anonymous.post(`/api/public/proposals/${token}/accept`, { organizationName: 'Lumière Crédit' })).statusCode).toBe(401);

    const camille = await buildUser(t.p, { email: s.email, name: 'Camille Durand', locale: 'fr' });
    const c = await signIn(t.app, camille);
    expect((await c.post(`/api/public/proposals/${token}/accept`, { organizationName: 'L' })).statusCode).toBe(400);
    const accepted = await c.post(`/api/public/proposals/${token}/accept`, { organizationName: 'Lumière Crédit' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const { organizationTenantId: orgId, engagementId } = accepted.json();

    const detail = (await s.manager.get(`${s.B}/${p.id}`)).json();
    expect(detail).toMatchObject({
      state: 'accepted',
      acceptance: { by: { id: camille.id, name: 'Camille Durand' }, ip: c.ip, organizationTenantId: orgId, organizationName: 'Lumière Crédit', engagementId },
      abilities: { 'proposal.withdraw': false },
    });
    const client = await t.p.db.selectFrom('clients').select('organization_tenant_id').where('id', '=', s.client.id).executeTakeFirstOrThrow();
    expect(client.organization_tenant_id).toBe(orgId);

    const mine = (await c.get(`/api/tenants/${orgId}/certification/engagements`)).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      id: engagementId,
      scheme: 'iso42001',
      status: 'active',
      bodyName: 'Vérité Certification SAS',
      proposal: { reference: p.reference, acceptedBy: 'Camille Durand', cycleCents: 1_631_500 },
      programme: { cycle: 1, status: 'active', decisionDate: null, expiryDate: null },
    });
    expect(mine[0].programme.audits.map((a: { type: string; sequence: number; state: string; plannedDays: number; dueBy: string | null; reference: string }) => [a.reference, a.type, a.sequence, a.state, a.plannedDays, a.dueBy])).toEqual([
      ['AUD-2026-0001', 'stage1', 1, 'planned', 1.5, null],
      ['AUD-2026-0002', 'stage2', 1, 'planned', 3, null],
      ['AUD-2026-0003', 'surveillance', 1, 'planned', 1.5, null],
      ['AUD-2026-0004', 'surveillance', 2, 'planned', 1.5, null],
      ['AUD-2026-0005', 'recertification', 1, 'planned', 3, null],
    ]);
    expect((await c.get(`/api/tenants/${orgId}/certification/engagements/${engagementId}`)).json().id).toBe(engagementId);

    const bodyLog = (await s.manager.get(`/api/tenants/${s.body.id}/audit-events?limit=10`)).json().items;
    expect(bodyLog.slice(0, 2)).toMatchObject([
      { action: 'proposal.accepted', actorId: camille.id, subjectId: p.id, summary: { after: { organizationTenantId: orgId, engagementId, ip: c.ip } } },
      { action: 'engagement.opened', actorId: camille.id, subjectId: engagementId, summary: { after: { audits: 5, proposal: p.reference } } },
    ]);
    const orgLog = (await c.get(`/api/tenants/${orgId}/audit-events?limit=10`)).json().items.map((e: { action: string }) => e.action);
    expect(orgLog).toEqual(['engagement.opened', 'tenant.created']);
    expect((await c.get(`/api/tenants/${orgId}/audit-events/verify`)).json().ok).toBe(true);
    expect((await s.manager.get(`/api/tenants/${s.body.id}/audit-events/verify`)).json().ok).toBe(true);

    // The link is single-use for answering: a second acceptance, or a decline, is gone.
    expect((await c.post(`/api/public/proposals/${token}/accept`, { organizationTenantId: orgId })).json()).toMatchObject({ code: 'proposal_answered', details: { state: 'accepted' } });
    expect((await c.post(`/api/public/proposals/${token}/decline`, { reason: 'Changed our minds' })).statusCode).toBe(410);
    expect((await anonymous.get(`/api/public/proposals/${token}`)).json()).toMatchObject({ state: 'accepted', organizationName: 'Lumière Crédit' });

    // Another organization reads none of it.
    const stranger = await buildTenant(t.p);
    const sc = await as(t.app, stranger.owner);
    expect((await sc.get(`/api/tenants/${stranger.id}/certification/engagements`)).json().items).toEqual([]);
    expect((await sc.get(`/api/tenants/${stranger.id}/certification/engagements/${engagementId}`)).statusCode).toBe(404);
    expect((await sc.get(`/api/tenants/${orgId}/certification/engagements`)).statusCode).toBe(404);
  });

  it('an existing organization accepts only through its owner or admin; a second live engagement is refused', async () => {
    const s = await setup();
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const contributor = await as(t.app, await buildMembership(t.p, org, 'contributor'));
    const outsider = await as(t.app, await buildUser(t.p));
    const owner = await as(t.app, org.owner);
    const p1 = (await s.manager.post(s.B, { clientId: s.client.id, lines: LINES })).json();
    const { token } = await issue(s, p1.id);
    expect((await contributor.post(`/api/public/proposals/${token}/accept`, { organizationTenantId: org.id })).statusCode).toBe(403);
    expect((await outsider.post(`/api/public/proposals/${token}/accept`, { organizationTenantId: org.id })).statusCode).toBe(404);
    expect((await s.manager.post(`/api/public/proposals/${token}/accept`, { organizationTenantId: s.body.id })).statusCode).toBe(403);
    expect((await owner.post(`/api/public/proposals/${token}/accept`, { organizationTenantId: org.id })).statusCode).toBe(200);

    // A second proposal to the same organization while the first engagement is live: nothing changes.
    const p2 = (await s.manager.post(s.B, { clientId: s.client.id, lines: LINES, recipientEmail: `second-${s.email}` })).json();
    await s.manager.post(`${s.B}/${p2.id}/send`, {});
    await sendProposalMail.handler({ tenantId: s.body.id, proposalId: p2.id }, { platform: t.p, jobId: 'test' });
    const token2 = /proposal\/([0-9a-f.-]+)/.exec(mailText((await smtp.waitFor(`second-${s.email}`)).raw))![1]!;
    const again = await owner.post(`/api/public/proposals/${token2}/accept`, { organizationTenantId: org.id });
    expect(again.json()).toMatchObject({ code: 'engagement_already_live' });
    expect((await s.manager.get(`${s.B}/${p2.id}`)).json().state).toBe('sent');
    const engagements = await t.p.db.selectFrom('engagements').select('id').where('body_tenant_id', '=', s.body.id).execute();
    expect(engagements).toHaveLength(1);
  });

  it('is declined with a reason, withdrawn, or expires on the platform clock; the list filters by state in one query', async () => {
    const s = await setup();
    const declined = (await s.manager.post(s.B, { clientId: s.client.id, lines: LINES })).json();
    const { token } = await issue(s, declined.id);
    const c = await as(t.app, await buildUser(t.p));
    expect((await c.post(`/api/public/proposals/${token}/decline`, { reason: '' })).statusCode).toBe(400);
    expect((await c.post(`/api/public/proposals/${token}/decline`, { reason: 'Nous avons retenu un autre organisme.' })).statusCode).toBe(204);
    expect((await s.manager.get(`${s.B}/${declined.id}`)).json()).toMatchObject({ state: 'declined', decline: { reason: 'Nous avons retenu un autre organisme.', ip: c.ip } });

    const withdrawn = (await s.manager.post(s.B, { clientId: s.client.id, lines: LINES, recipientEmail: `w-${s.email}` })).json();
    await s.manager.post(`${s.B}/${withdrawn.id}/send`, {});
    await sendProposalMail.handler({ tenantId: s.body.id, proposalId: withdrawn.id }, { platform: t.p, jobId: 'test' });
    const wToken = /proposal\/([0-9a-f.-]+)/.exec(mailText((await smtp.waitFor(`w-${s.email}`)).raw))![1]!;
    expect((await s.manager.post(`${s.B}/${withdrawn.id}/withdraw`, { reason: 'Scope changed.' })).json()).toMatchObject({ state: 'withdrawn', withdrawal: { reason: 'Scope changed.' } });
    expect((await c.post(`/api/public/proposals/${wToken}/accept`, { organizationName: 'Late SAS' })).json()).toMatchObject({ code: 'proposal_withdrawn' });

    const expiring = (await s.manager.post(s.B, { clientId: s.client.id, lines: LINES, validUntil: '2026-12-15', recipientEmail: `e-${s.email}` })).json();
    await s.manager.post(`${s.B}/${expiring.id}/send`, {});
    await sendProposalMail.handler({ tenantId: s.body.id, proposalId: expiring.id }, { platform: t.p, jobId: 'test' });
    const eToken = /proposal\/([0-9a-f.-]+)/.exec(mailText((await smtp.waitFor(`e-${s.email}`)).raw))![1]!;
    const draft = (await s.manager.post(s.B, { clientId: s.client.id, lines: LINES })).json();
    clock.set(new Date('2026-12-15T22:00:00Z'));
    expect((await createClient(t.app).get(`/api/public/proposals/${eToken}`)).json().state).toBe('sent');
    clock.set(new Date('2026-12-16T00:30:00Z'));
    expect((await createClient(t.app).get(`/api/public/proposals/${eToken}`)).json().state).toBe('expired');
    expect((await c.post(`/api/public/proposals/${eToken}/accept`, { organizationName: 'Late SAS' })).json()).toMatchObject({ code: 'proposal_expired', details: { state: 'expired' } });

    const states = async (q: string) => (await s.manager.get(`${s.B}?${q}`)).json().items.map((i: { reference: string; state: string }) => `${i.reference}:${i.state}`);
    expect(await states('')).toEqual([`${draft.reference}:draft`, `${expiring.reference}:expired`, `${withdrawn.reference}:withdrawn`, `${declined.reference}:declined`]);
    expect(await states('status=expired')).toEqual([`${expiring.reference}:expired`]);
    expect(await states('status=sent')).toEqual([]);
    expect((await s.manager.get(`${s.B}?status=bogus`)).statusCode).toBe(400);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      let page: { items: { reference: string }[]; nextCursor: string | null } = { items: [], nextCursor: null };
      const statements = await t.queriesDuring(async () => {
        page = (await s.manager.get(`${s.B}?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
      });
      expect(statements.filter((q) => !/FROM sessions/.test(q))).toHaveLength(1);
      seen.push(...page.items.map((i) => i.reference));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([draft.reference, expiring.reference, withdrawn.reference, declined.reference]);
  });
});
