import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { sendProposalMail } from '../../src/server/modules/certification/proposals/jobs/send-proposal-mail.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { auditTimeTraceLines } from '../../src/shared/audit-time-trace.ts';
import { as } from '../support/factories.ts';
import { buildBody, buildClient } from '../support/certification-factories.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { backendAvailable, createClient, createTestApp, STRONG_PASSWORD, type TTestApp } from '../support/test-app.ts';

/*
 * What the proposal pages need beyond the proposals API: a proposal priced from the client's
 * stored audit-time calculation (frozen with it, its trace printed on the PDF in the proposal's
 * language), and an account created from the proposal link by the person it was mailed to.
 */

const LINES = [
  { slot: 'stage1', days: 1.5 },
  { slot: 'stage2', days: 3 },
  { slot: 'surveillance1', days: 1.5 },
  { slot: 'surveillance2', days: 1.5 },
  { slot: 'recertification', days: 3 },
];

async function pdfText(bytes: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return (text as unknown as string).replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
}
const flat = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

describe.skipIf(!backendAvailable)('proposals: priced from the stored audit time, answered by a newcomer who signs up from the link', { timeout: 180_000 }, () => {
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

  async function setup() {
    clock.set(new Date('2026-11-27T09:00:00Z'));
    const body = await buildBody(t.p, { name: 'Vérité Certification' });
    const client = await buildClient(t.p, body, { legalName: 'Lumière Crédit SA' });
    const email = `camille-${client.id.slice(0, 6)}@lumiere-credit.example`;
    await t.p.db.updateTable('clients').set({ contact_email: email, contact_name: 'Camille Durand', preferred_locale: 'fr' }).where('tenant_id', '=', body.id).where('id', '=', client.id).execute();
    const manager = await as(t.app, body.owner);
    const T = `/api/tenants/${body.id}`;
    const inputs = (await manager.get(`${T}/audit-time/clients/${client.id}/inputs`)).json().inputs;
    const kept = await manager.post(`${T}/audit-time/calculate`, { inputs, clientId: client.id });
    expect(kept.statusCode, kept.body).toBe(200);
    return { body, client, email, manager, T, B: `${T}/proposals`, calculation: kept.json().calculation };
  }

  async function issue(s: Awaited<ReturnType<typeof setup>>, proposalId: string) {
    const sent = await s.manager.post(`${s.B}/${proposalId}/send`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    await sendProposalMail.handler({ tenantId: s.body.id, proposalId }, { platform: t.p, jobId: 'test' });
    const mail = mailText((await smtp.waitFor(sent.json().recipientEmail)).raw);
    return /https:\/\/attest\.example\/proposal\/([0-9a-f.-]+)/.exec(mail)![1]!;
  }

  it('freezes the client’s calculation on the proposal and prints its trace in the proposal’s language, EN and FR', async () => {
    const s = await setup();
    const res = await s.manager.post(s.B, { clientId: s.client.id, lines: LINES, calculationId: s.calculation.id });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    const r = s.calculation.result;
    expect(p.auditTime).toEqual({
      calculationId: s.calculation.id,
      tableVersion: r.table.version,
      stage1Days: r.stage1Days,
      stage2Days: r.stage2Days,
      surveillanceDays: r.surveillanceDays,
      recertificationDays: r.recertificationDays,
      trace: r.trace,
    });
    const created = (await s.manager.get(`${s.T}/audit-events?subjectId=${p.id}`)).json().items[0];
    expect(created.summary.after.calculationId).toBe(s.calculation.id);

    const en = await pdfText((await s.manager.get(`${s.B}/${p.id}/document?locale=en`)).rawPayload);
    expect(en).toContain('Audit time justification');
    for (const line of auditTimeTraceLines(r.trace, 'en').slice(0, 4)) expect(en).toContain(flat(line));
    const frLines = auditTimeTraceLines(r.trace, 'fr');
    expect(frLines.length).toBeGreaterThan(3);

    // The issued French PDF carries the French trace, and a later recalculation does not change the proposal.
    await issue(s, p.id);
    const fr = await pdfText((await s.manager.get(`${s.B}/${p.id}/document`)).rawPayload);
    expect(fr).toContain('Justification du temps d’audit');
    for (const line of frLines.slice(0, 4)) expect(fr).toContain(flat(line));
    expect(fr).not.toContain('Effective personnel');
    const inputs = (await s.manager.get(`${s.T}/audit-time/clients/${s.client.id}/inputs`)).json().inputs;
    await s.manager.post(`${s.T}/audit-time/calculate`, { inputs: { ...inputs, employeesFullTime: inputs.employeesFullTime + 400 }, clientId: s.client.id });
    expect((await s.manager.get(`${s.B}/${p.id}`)).json().auditTime.calculationId).toBe(s.calculation.id);

    // Another client's calculation, or another body's, is refused; the update contract cannot swap it.
    const other = await buildClient(t.p, s.body, { legalName: 'Autre SA' });
    const wrong = await s.manager.post(s.B, { clientId: other.id, lines: LINES, calculationId: s.calculation.id });
    expect(wrong.json()).toMatchObject({ code: 'proposal_calculation_unknown', details: { field: 'calculationId' } });
    const foreign = await setup();
    expect((await s.manager.post(s.B, { clientId: s.client.id, lines: LINES, calculationId: foreign.calculation.id })).json().code).toBe('proposal_calculation_unknown');
    const draft = (await s.manager.post(s.B, { clientId: s.client.id, lines: LINES })).json();
    expect(draft.auditTime).toBeNull();
    expect((await s.manager.patch(`${s.B}/${draft.id}`, { calculationId: s.calculation.id })).json().auditTime).toBeNull();
  });

  it('lets the person it was mailed to create an account from the link, signed in, and accept; nobody else', async () => {
    const s = await setup();
    const p = (await s.manager.post(s.B, { clientId: s.client.id, lines: LINES, calculationId: s.calculation.id })).json();
    const token = await issue(s, p.id);
    const visitor = createClient(t.app);
    const preview = (await visitor.get(`/api/public/proposals/${token}`)).json();
    expect(preview.recipientEmail).toBe(s.email);
    expect(preview.auditTime.calculationId).toBe(s.calculation.id);

    const SU = `/api/public/proposals/${token}/sign-up`;
    const good = { email: s.email, name: 'Camille Durand', password: STRONG_PASSWORD, locale: 'fr' };
    expect((await visitor.post(SU, { ...good, email: 'someone.else@example.com' })).json()).toMatchObject({ code: 'proposal_sign_up_email', details: { field: 'email' } });
    expect((await visitor.post(SU, { ...good, password: 'short' })).statusCode).toBe(400);
    const forged = token.slice(0, -4) + (token.endsWith('0000') ? '1111' : '0000');
    expect((await visitor.post(`/api/public/proposals/${forged}/sign-up`, good)).statusCode).toBe(404);
    const noCsrf = await t.app.inject({ method: 'POST', url: SU, payload: good });
    expect(noCsrf.statusCode).toBe(403);

    const signed = await visitor.post(SU, { ...good, email: s.email.toUpperCase() });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().user).toMatchObject({ name: 'Camille Durand', locale: 'fr' });
    expect(visitor.jar.has('attest_session')).toBe(true);
    const me = (await visitor.get('/api/me')).json();
    expect(me.user.email.toLowerCase()).toBe(s.email.toLowerCase());
    expect((await visitor.post(SU, good)).json()).toMatchObject({ code: 'email_taken', details: { field: 'email' } });

    const accepted = await visitor.post(`/api/public/proposals/${token}/accept`, { organizationName: 'Lumière Crédit' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const created = await t.p.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('subject_id', '=', me.user.id)
      .where('action', '=', 'user.created')
      .executeTakeFirst();
    expect(created?.summary).toMatchObject({ after: { source: 'proposal', proposal: p.reference } });

    // Once answered the link no longer opens accounts.
    expect((await createClient(t.app).post(SU, { ...good, email: s.email })).statusCode).toBe(410);
  });

  it('refuses sign-up on a withdrawn or expired proposal and limits attempts per address', async () => {
    const s = await setup();
    const p = (await s.manager.post(s.B, { clientId: s.client.id, lines: LINES, validUntil: '2026-12-15' })).json();
    const token = await issue(s, p.id);
    const good = { email: s.email, name: 'Camille Durand', password: STRONG_PASSWORD, locale: 'en' };
    clock.set(new Date('2026-12-16T09:00:00Z'));
    expect((await createClient(t.app).post(`/api/public/proposals/${token}/sign-up`, good)).json()).toMatchObject({ code: 'proposal_expired' });
    clock.set(new Date('2026-11-27T09:00:00Z'));
    await s.manager.post(`${s.B}/${p.id}/withdraw`, { reason: 'Scope changed.' });
    expect((await createClient(t.app).post(`/api/public/proposals/${token}/sign-up`, good)).json()).toMatchObject({ code: 'proposal_withdrawn' });

    const flood = createClient(t.app);
    const codes: number[] = [];
    for (let i = 0; i < t.p.config.LOGIN_MAX_FAILURES + 1; i++) codes.push((await flood.post(`/api/public/proposals/${token}/sign-up`, { ...good, email: `x${i}@example.com` })).statusCode);
    expect(codes.at(-1)).toBe(429);
  });
});
