import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditTimeInputsIn } from '../../src/shared/contracts/audit-time.ts';
import { sendProposalMail } from '../../src/server/modules/certification/proposals/jobs/send-proposal-mail.ts';
import { createTestClock, type TTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { backendAvailable, createClient, createTestApp, type TClient, type TTestApp } from '../support/test-app.ts';
import { journeyAudits } from './certification-journey-audits.ts';
import { journeyCertificate, journeyCorrectiveActions, journeyDecision } from './certification-journey-decision.ts';

/*
 * Issue 10's journey, end to end through the HTTP API on a real database: a public quote request,
 * the client, audit time for the seed's three profiles, the proposal as PDF in English and French,
 * acceptance by the organization, its engagement and programme; then the stage 1 and stage 2
 * audits with their team, checklist and reports (certification-journey-audits.ts).
 */

const PROFILES: Record<string, { inputs: TAuditTimeInputsIn; range: [number, number] }> = {
  'small (1–50 people, 1–3 AI systems)': { inputs: { employeesFullTime: 35, aiSystems: 2, aiRoles: ['user'], sectorRisk: 'medium', aimsMaturity: 'initial' }, range: [3, 5] },
  'medium (50–250 people, 4–10 AI systems)': { inputs: { employeesFullTime: 160, aiSystems: 6, highRiskAiSystems: 1, aiRoles: ['provider', 'user'], sectorRisk: 'high', aimsMaturity: 'established' }, range: [6, 10] },
  'large (250+ people, 10+ AI systems)': { inputs: { employeesFullTime: 900, aiSystems: 14, highRiskAiSystems: 3, aiRoles: ['developer', 'user'], sectorRisk: 'high', aimsMaturity: 'established', sites: 3 }, range: [10, 40] },
};

async function pdfText(bytes: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return (text as unknown as string).replace(/\s+/g, ' ');
}

describe.skipIf(!backendAvailable)('certification journey: from a quote request to the certificate and its register entry', { timeout: 300_000 }, () => {
  let t: TTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const clock: TTestClock = createTestClock(new Date('2026-09-01T08:00:00Z'));
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://attest.example' });
    t.p.clock = clock;
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const ok = async <T = Record<string, unknown>>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };

  it('walks the enquiry, the client, audit time, the proposal, acceptance, the programme and both stages', async () => {
    // The certification body and its people.
    const body = await buildTenant(t.p, { kind: 'certification_body', name: 'Vérité Certification' });
    const manager = await as(t.app, body.owner);
    const slug = `verite-${body.id.slice(0, 8)}`;
    await ok(manager.put(`/api/tenants/${body.id}/body-settings`, { publicSlug: slug, legalName: 'Vérité Certification SAS', address: '27 avenue de l’Opéra, 75001 Paris', defaultDayRateCents: 145_000, proposalValidityDays: 60 }));

    // 1. A public quote request, without an account.
    const visitor = createClient(t.app);
    await ok(visitor.post(`/api/public/bodies/${slug}/quote-requests`, {
      organizationName: 'Lumière Crédit SAS',
      registeredAddress: '18 rue de la Chaussée-d’Antin, 75009 Paris',
      sector: 'Crédit à la consommation',
      contactName: 'Claire Martin',
      contactEmail: 'claire.martin@lumiere-credit.example',
      employeesFullTime: 140,
      employeesPartTime: 12,
      aiSystemsCount: 3,
      highRiskAiSystems: 1,
      aiRoles: ['provider', 'user'],
      existingCertifications: ['iso27001'],
      standards: ['iso42001'],
      preferredLocale: 'fr',
    }), 202);
    const inbox = await ok<{ items: { id: string; organizationName: string; status: string }[] }>(manager.get(`/api/tenants/${body.id}/enquiries?status=new`));
    expect(inbox.items.map((e) => e.organizationName)).toEqual(['Lumière Crédit SAS']);

    // 2. The scheme manager turns it into a client.
    const client = await ok<{ id: string; reference: string }>(manager.post(`/api/tenants/${body.id}/enquiries/${inbox.items[0]!.id}/convert`, {
      legalName: 'Lumière Crédit SAS',
      registeredAddress: '18 rue de la Chaussée-d’Antin, 75009 Paris',
      sectorRisk: 'high',
      employeesFullTime: 140,
      employeesPartTime: 12,
      partTimeFte: 7.5,
      aiSystemsCount: 3,
      highRiskAiSystems: 1,
      aiRoles: ['provider', 'user'],
      aimsMaturity: 'established',
      existingCertifications: ['iso27001'],
      contactName: 'Claire Martin',
      contactEmail: 'claire.martin@lumiere-credit.example',
      preferredLocale: 'fr',
      sites: [{ name: 'Siège', address: '18 rue de la Chaussée-d’Antin, 75009 Paris', isCentral: true, personnel: 152 }],
      aiSystems: [{ name: 'Score d’octroi « Lumen »', tier: 'high', role: 'provider' }],
    }), 201);
    expect(client.reference).toMatch(/^CLI-\d{4}$/);
    expect((await ok<{ status: string }>(manager.get(`/api/tenants/${body.id}/enquiries/${inbox.items[0]!.id}`))).status).toBe('converted');

    // 3. Audit time: the seed's three profiles land in their ranges; the client's is kept.
    for (const [name, { inputs, range }] of Object.entries(PROFILES)) {
      const { result } = await ok<{ result: { initialDays: number; stage1Days: number; stage2Days: number } }>(manager.post(`/api/tenants/${body.id}/audit-time/calculate`, { inputs }));
      expect(result.initialDays, name).toBeGreaterThanOrEqual(range[0]);
      expect(result.initialDays, name).toBeLessThanOrEqual(range[1]);
      expect(result.stage1Days + result.stage2Days, name).toBe(result.initialDays);
    }
    const { inputs } = await ok<{ inputs: TAuditTimeInputsIn }>(manager.get(`/api/tenants/${body.id}/audit-time/clients/${client.id}/inputs`));
    const kept = await ok<{ result: TAuditTime; calculation: { id: string } }>(manager.post(`/api/tenants/${body.id}/audit-time/calculate`, { inputs, clientId: client.id }));
    const r = kept.result;
    expect(r.initialDays).toBeGreaterThanOrEqual(6);
    expect(r.initialDays).toBeLessThanOrEqual(10);

    // 4. The proposal for the cycle, from the kept calculation; English preview, French as issued.
    const P = `/api/tenants/${body.id}/proposals`;
    const proposal = await ok<{ id: string; reference: string; totals: { cycleCents: number } }>(manager.post(P, {
      clientId: client.id,
      lines: [
        { slot: 'stage1', days: r.stage1Days },
        { slot: 'stage2', days: r.stage2Days, travelCents: 6_000, expensesCents: 24_000 },
        { slot: 'surveillance1', days: r.surveillanceDays },
        { slot: 'surveillance2', days: r.surveillanceDays },
        { slot: 'recertification', days: r.recertificationDays },
      ],
      recipientName: 'Claire Martin',
      calculationId: kept.calculation.id,
    }), 201);
    const english = await manager.get(`${P}/${proposal.id}/document?locale=en`);
    expect(english.statusCode, english.body).toBe(200);
    const en = await pdfText(english.rawPayload);
    expect(en).toContain(proposal.reference);
    expect(en).toContain('Lumière Crédit SAS');
    expect(en).toContain('Initial audit — stage 1');
    expect(en).toContain('1,450.00');
    // IAF MD5: the client receives the audit-time justification, in the proposal's language.
    expect(en).toMatch(/Effective personnel/i);

    await ok(manager.post(`${P}/${proposal.id}/send`, {}));
    await sendProposalMail.handler({ tenantId: body.id, proposalId: proposal.id }, { platform: t.p, jobId: 'journey' });
    const mail = mailText((await smtp.waitFor('claire.martin@lumiere-credit.example')).raw);
    const token = /https:\/\/attest\.example\/proposal\/([0-9a-f.-]+)/.exec(mail)![1]!;
    const issued = await createClient(t.app).get(`/api/public/proposals/${token}/document`);
    expect(issued.statusCode).toBe(200);
    const fr = await pdfText(issued.rawPayload);
    expect(fr).toContain(proposal.reference);
    expect(fr).toMatch(/Audit initial — étape 1/i);
    expect(fr).toContain('Lumière Crédit SAS');
    expect(fr).toMatch(/1[\s\u202f\u00a0]450,00[\s\u00a0]€/);
    expect(fr).toMatch(/Effectif/);

    // 5. The organization, with its approved SoA, accepts online.
    const org = await organization();
    const accepted = await ok<{ engagementId: string; organizationTenantId: string }>(org.owner.post(`/api/public/proposals/${token}/accept`, { organizationTenantId: org.tenant.id }));
    expect(accepted.organizationTenantId).toBe(org.tenant.id);
    const engagement = await ok<{ scheme: string; programme: { audits: { type: string; state: string }[] } | null; programmes?: unknown }>(org.owner.get(`/api/tenants/${org.tenant.id}/certification/engagements/${accepted.engagementId}`));
    expect(engagement.scheme).toBe('iso42001');
    const calendar = await ok<{ items: { id: string; type: string; state: string; reference: string }[] }>(manager.get(`/api/tenants/${body.id}/audits?clientId=${client.id}`));
    expect(calendar.items.map((a) => a.type)).toEqual(expect.arrayContaining(['stage1', 'stage2', 'surveillance', 'recertification']));
    expect(calendar.items.every((a) => a.state === 'planned')).toBe(true);

    // 6. Stage 1 and stage 2, their team, checklist and reports; the reads through the engagement.
    const done = await journeyAudits({ t, clock, ok, body, manager, org, engagementId: accepted.engagementId, clientId: client.id, audits: calendar.items });

    // Issue 11: corrective actions and the follow-up verification.
    const observerUser = await buildMembership(t.p, body, 'decision_maker');
    const journey = { t, clock, ok, body, manager, org, engagementId: accepted.engagementId, clientId: client.id, ...done, observerUser, observer: await as(t.app, observerUser) };
    await journeyCorrectiveActions(journey);
    const { decision, programmeId, decider } = await journeyDecision(journey);
    await journeyCertificate(journey, { programmeId, decider, certificateNumber: decision.certificateNumber! });
  });

  type TAuditTime = { initialDays: number; stage1Days: number; stage2Days: number; surveillanceDays: number; recertificationDays: number; table: { version: number | string }; trace: unknown[] };

  /** Lumière Crédit in Attest: owner, a contributor, an approved SoA (every fifth Annex A control excluded). */
  async function organization() {
    const tenant = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const owner: TClient = await as(t.app, tenant.owner);
    const contributor = await as(t.app, await buildMembership(t.p, tenant, 'contributor'));
    const S = `/api/tenants/${tenant.id}/soa`;
    const draft = await ok<{ id: string; entries: { ref: string }[] }>(contributor.post(`${S}/draft`, { from: 'blank' }), 201);
    const excluded = draft.entries.filter((_, i) => i % 5 === 4).map((e) => e.ref);
    await t.p.db.updateTable('soa_entries').set({ applicable: true, justification: 'Needed for credit scoring.', implementation_status: 'implemented' }).where('tenant_id', '=', tenant.id).where('version_id', '=', draft.id).execute();
    await t.p.db.updateTable('soa_entries').set({ applicable: false, justification: 'Sans objet.', implementation_status: null }).where('tenant_id', '=', tenant.id).where('version_id', '=', draft.id).where('ref', 'in', excluded).execute();
    await ok(contributor.post(`${S}/draft/submit`));
    await ok(owner.post(`${S}/draft/approve`, {}));
    return { tenant, owner, applicableAnnexA: draft.entries.length - excluded.length };
  }
});
