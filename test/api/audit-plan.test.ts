import { createHash } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZAuditPlan, ZOrgAuditPlan, ZOrgAuditPlanList, type TAuditPlan, type TOrgAuditPlanList } from '../../src/shared/contracts/audit-plan.ts';
import { sendAuditPlanMail } from '../../src/server/modules/certification/audit-plan/jobs/send-audit-plan-mail.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { buildAuditTeam, buildBody, buildClient, buildEngagement } from '../support/certification-factories.ts';
import { as, buildApiToken, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

async function pdfText(bytes: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/*
 * The audit plan through the API on a real database: drafted by the scheme manager or the lead
 * auditor from the client's profile and the catalog, issued as a PDF stored once, sent, acknowledged
 * by the organization's owner or administrator, revised as a new version — and refused to everyone
 * else (another body, an auditor not on the team, another organization: 404).
 */
describe.skipIf(!backendAvailable)('certification audit plan', { timeout: 180_000 }, () => {
  let t: TTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const clock = createTestClock(new Date('2026-11-27T09:00:00Z'));
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://attest.example' });
    t.p.clock = clock;
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  async function setup() {
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const orgAdmin = await buildUser(t.p, { name: 'Claire Martin', email: `claire-${org.id.slice(0, 6)}@lumiere-credit.example` });
    await buildMembership(t.p, org, 'admin', orgAdmin);
    const orgViewer = await buildMembership(t.p, org, 'viewer');
    const body = await buildBody(t.p, { name: 'Vérité Certification' });
    const client = await buildClient(t.p, body, { legalName: 'Lumière Crédit SA', sites: 2, organizationTenantId: org.id });
    await t.p.db.updateTable('clients').set({ preferred_locale: 'fr' }).where('tenant_id', '=', body.id).where('id', '=', client.id).execute();
    const systems = await t.p.db
      .insertInto('client_ai_systems')
      .values([
        { tenant_id: body.id, client_id: client.id, name: 'Score crédit', tier: 'high', role: 'provider' },
        { tenant_id: body.id, client_id: client.id, name: 'Détection de fraude', tier: 'limited', role: 'provider' },
      ])
      .returning(['id', 'name'])
      .execute();
    const sites = await t.p.db.selectFrom('client_sites').select(['id', 'name', 'is_central']).where('tenant_id', '=', body.id).where('client_id', '=', client.id).orderBy('is_central', 'desc').execute();
    const e = await buildEngagement(t.p, body, org, { client });
    const audit = e.audits.stage2;
    await t.p.db.updateTable('audits').set({ state: 'confirmed', planned_start: '2026-12-01', planned_end: '2026-12-03' }).where('tenant_id', '=', body.id).where('id', '=', audit.id).execute();
    const lead = await buildUser(t.p, { name: 'Léa Dubois' });
    await buildMembership(t.p, body, 'auditor', lead);
    const [, member] = await buildAuditTeam(t.p, body, audit.id, [{ role: 'lead_auditor', user: lead, plannedDays: 2 }, { role: 'auditor', plannedDays: 1.5 }]);
    const outsider = await buildMembership(t.p, body, 'auditor');
    const reviewer = await buildMembership(t.p, body, 'technical_reviewer');
    return {
      org,
      body,
      client,
      systems,
      sites,
      engagementId: e.engagement.id,
      audit,
      A: `/api/tenants/${body.id}/audits/${audit.id}/plan`,
      O: `/api/tenants/${org.id}/certification/engagements/${e.engagement.id}/plans`,
      manager: await as(t.app, body.owner),
      lead: await as(t.app, lead),
      leadUser: lead,
      member: await as(t.app, member!.user),
      outsider: await as(t.app, outsider),
      reviewer: await as(t.app, reviewer),
      orgOwner: await as(t.app, org.owner),
      orgAdmin: await as(t.app, orgAdmin),
      orgAdminUser: orgAdmin,
      orgViewer: await as(t.app, orgViewer),
    };
  }

  const draftOf = (s: Awaited<ReturnType<typeof setup>>) => ({
    objectives: 'Confirmer la conformité du SMIA à l’ISO/IEC 42001 et son efficacité.',
    scope: 'Conception et exploitation des systèmes d’IA de décision de crédit.',
    siteIds: s.sites.map((x) => x.id),
    sessions: [
      { day: '2026-12-02', start: '14:00', end: '16:00', siteId: s.sites[1]!.id, topic: 'Cycle de vie des systèmes d’IA', interviewees: ['Responsable data science'], requirements: ['8.1', 'A.6.2.4'] },
      { day: '2026-12-01', start: '09:00', end: '10:30', siteId: s.sites[0]!.id, topic: 'Leadership et politique IA', interviewees: ['Directrice générale', 'Responsable conformité'], requirements: ['5.1', '5.2', 'A.2.2'] },
      { day: '2026-12-03', start: '11:00', end: '12:00', siteId: null, topic: 'Réunion de clôture', interviewees: [], requirements: [] },
    ],
    sampledAiSystems: [{ aiSystemId: s.systems[0]!.id, reason: 'Système à haut risque, réentraîné en mars 2026.' }],
  });

  it('drafts from the client’s profile and the catalog, refuses bad input field by field, and keeps the plan from other people', async () => {
    const s = await setup();
    const empty = ZAuditPlan.parse((await s.lead.get(s.A)).json());
    expect(empty.versions).toEqual([]);
    expect(empty.options.sites.map((x) => x.name)).toEqual(['Siège', 'Site 2']);
    expect(empty.options.aiSystems.map((x) => x.name).sort()).toEqual(['Détection de fraude', 'Score crédit']);
    expect(empty.options.team.map((m) => [m.name, m.role])[0]).toEqual(['Léa Dubois', 'lead_auditor']);
    expect(empty.abilities).toEqual({ 'auditPlan.read': true, 'auditPlan.write': true, 'auditPlan.issue': true });

    // Who may not: an auditor of the team reads only; an auditor not on it, another body and the organization do not see it.
    expect((await s.member.get(s.A)).json().abilities['auditPlan.write']).toBe(false);
    expect((await s.member.put(s.A, { scope: 'x' })).statusCode).toBe(403);
    expect((await s.outsider.get(s.A)).statusCode).toBe(404);
    expect((await s.outsider.put(s.A, { scope: 'x' })).statusCode).toBe(404);
    expect((await s.reviewer.get(s.A)).statusCode).toBe(200);
    expect((await s.reviewer.put(s.A, { scope: 'x' })).statusCode).toBe(403);
    expect((await s.orgOwner.get(s.A)).statusCode).toBe(404);
    const other = await buildBody(t.p);
    const otherManager = await as(t.app, other.owner);
    expect((await otherManager.get(`/api/tenants/${other.id}/audits/${s.audit.id}/plan`)).statusCode).toBe(404);
    expect((await otherManager.get(s.A)).statusCode).toBe(404);

    const bad = async (body: unknown, code: string, field: string) => {
      const r = await s.lead.put(s.A, body);
      expect(r.statusCode, r.body).toBe(400);
      const e = r.json();
      expect(e.code).toBe(code);
      expect(JSON.stringify(e.details)).toContain(field);
    };
    const d = draftOf(s);
    await bad({ ...d, sessions: [{ ...d.sessions[0]!, requirements: ['11.2'] }] }, 'validation_failed', 'sessions.0.requirements.0');
    await bad({ ...d, sessions: [{ ...d.sessions[0]!, requirements: ['A.99.1'] }] }, 'audit_plan_requirement_unknown', 'sessions.0.requirements.0');
    await bad({ ...d, sessions: [{ ...d.sessions[0]!, end: '13:00' }] }, 'validation_failed', 'sessions.0.end');
    await bad({ ...d, sessions: [{ ...d.sessions[0]!, day: '2026-12-09' }] }, 'validation_failed', 'sessions.0.day');
    await bad({ ...d, siteIds: [s.sites[0]!.id] }, 'validation_failed', 'sessions.0.siteId');
    await bad({ ...d, siteIds: [crypto.randomUUID()] }, 'audit_plan_site_unknown', 'siteIds.0');
    await bad({ ...d, sampledAiSystems: [{ aiSystemId: crypto.randomUUID(), reason: 'x' }] }, 'audit_plan_ai_system_unknown', 'sampledAiSystems.0');
    await bad({ ...d, sampledAiSystems: [{ aiSystemId: s.systems[0]!.id, reason: '' }] }, 'validation_failed', 'sampledAiSystems');
    await bad({ ...d, sessions: [{ ...d.sessions[0]!, start: '9h' }] }, 'validation_failed', 'sessions');
    await bad({ ...d, extra: 1 }, 'validation_failed', 'extra');

    // Issuing an empty plan says what is missing.
    await s.lead.put(s.A, { scope: 'Périmètre' });
    const incomplete = await s.lead.post(`${s.A}/issue`, {});
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json()).toMatchObject({ code: 'audit_plan_incomplete', details: { missing: ['sites', 'sessions'] } });

    const saved = ZAuditPlan.parse((await s.manager.put(s.A, d)).json());
    const v1 = saved.versions[0]!;
    expect(v1).toMatchObject({ version: 1, status: 'draft', document: null });
    expect(v1.content.startDate).toBe('2026-12-01');
    expect(v1.content.sessions.map((x) => x.topic)).toEqual(['Leadership et politique IA', 'Cycle de vie des systèmes d’IA', 'Réunion de clôture']);
    expect(v1.content.sampledAiSystems).toEqual([{ aiSystemId: s.systems[0]!.id, name: 'Score crédit', tier: 'high', role: 'provider', reason: 'Système à haut risque, réentraîné en mars 2026.' }]);
    expect(v1.content.team.map((m) => m.name)[0]).toBe('Léa Dubois');

    // A cancelled audit's plan is history.
    await t.p.db.updateTable('audits').set({ state: 'cancelled' }).where('tenant_id', '=', s.body.id).where('id', '=', s.audit.id).execute();
    const cancelled = await s.lead.put(s.A, { scope: 'x' });
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().code).toBe('audit_plan_state');
  });

  it('issues in French (stored once, mailed with a link), is acknowledged by the organization in both logs, and a revision is a new version in English', async () => {
    const s = await setup();
    await s.lead.put(s.A, draftOf(s));
    const issued = ZAuditPlan.parse((await s.lead.post(`${s.A}/issue`, {})).json());
    const v1 = issued.versions[0]!;
    expect(v1).toMatchObject({ version: 1, status: 'issued', locale: 'fr', recipients: [s.orgAdminUser.email, s.org.owner.email].sort(), issuedBy: { name: 'Léa Dubois' } });
    expect((await s.lead.put(s.A, { scope: 'x' })).json().code).toBe('audit_plan_not_draft');
    expect((await s.lead.post(`${s.A}/issue`, {})).json().code).toBe('audit_plan_not_draft');

    const pdf = await s.member.get(`${s.A}/versions/1/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(v1.document!.sha256);
    expect(pdf.headers['x-content-sha256']).toBe(v1.document!.sha256);
    const fr = await pdfText(pdf.rawPayload);
    for (const x of ['Plan d’audit — étape 2', 'Lumière Crédit SA', s.audit.reference, 'du 1er décembre 2026 au 3 décembre 2026', 'Vérité Certification', 'Léa Dubois', 'Responsable d’audit', 'Leadership et politique IA', '09:00–10:30', 'A.6.2.4', 'À distance', 'Score crédit', 'Haut risque', 'réentraîné en mars 2026', 'Objectifs de l’audit', 'Merci d’accuser réception']) {
      expect(fr).toContain(x);
    }
    expect((await s.outsider.get(`${s.A}/versions/1/pdf`)).statusCode).toBe(404);

    await sendAuditPlanMail.handler({ tenantId: s.body.id, planId: v1.id }, { platform: t.p, jobId: 'test' });
    const mail = mailText((await smtp.waitFor(s.orgAdminUser.email)).raw);
    expect(mail).toContain(`Vérité Certification vous adresse le plan de l’audit ${s.audit.reference} (étape 2) de Lumière Crédit SA, du 1er décembre 2026 au 3 décembre 2026`);
    expect(mail).toContain(`https://attest.example/t/${s.org.id}/certification/${s.engagementId}`);
    expect(mail).toMatch(/filename="?AUD-\d{4}-\d{4}-plan-v1\.pdf/);

    // The organization: every member reads, owners and administrators acknowledge; another organization gets 404.
    const list = ZOrgAuditPlanList.parse((await s.orgViewer.get(s.O)).json());
    expect(list.items.map((p) => [p.auditReference, p.version, p.status, p.bodyName])).toEqual([[s.audit.reference, 1, 'issued', 'Vérité Certification']]);
    expect(list.items[0]!.abilities).toEqual({ 'orgAuditPlan.read': true, 'orgAuditPlan.acknowledge': false });
    const orgPdf = await s.orgViewer.get(`${s.O}/${v1.id}/pdf`);
    expect(createHash('sha256').update(orgPdf.rawPayload).digest('hex')).toBe(v1.document!.sha256);
    expect((await s.orgViewer.post(`${s.O}/${v1.id}/acknowledge`)).statusCode).toBe(403);
    const token = await buildApiToken(t.p, s.org, { role: 'admin' });
    expect((await t.app.inject({ method: 'POST', url: `${s.O}/${v1.id}/acknowledge`, headers: { authorization: `Bearer ${token.token}` } })).statusCode).toBe(403);
    const otherOrg = await buildTenant(t.p);
    const otherOwner = await as(t.app, otherOrg.owner);
    expect((await otherOwner.get(`/api/tenants/${otherOrg.id}/certification/engagements/${s.engagementId}/plans`)).statusCode).toBe(404);
    expect((await otherOwner.post(`/api/tenants/${otherOrg.id}/certification/engagements/${s.engagementId}/plans/${v1.id}/acknowledge`)).statusCode).toBe(404);
    expect((await otherOwner.get(`/api/tenants/${otherOrg.id}/certification/engagements/${s.engagementId}/plans/${v1.id}/pdf`)).statusCode).toBe(404);
    expect((await s.manager.get(s.O)).statusCode).toBe(404);

    clock.set(new Date('2026-11-28T10:15:00Z'));
    const ack = ZOrgAuditPlan.parse((await s.orgAdmin.post(`${s.O}/${v1.id}/acknowledge`)).json());
    expect(ack).toMatchObject({ status: 'acknowledged', acknowledgedBy: { name: 'Claire Martin' }, acknowledgedAt: '2026-11-28T10:15:00.000Z' });
    expect((await s.orgAdmin.post(`${s.O}/${v1.id}/acknowledge`)).json().code).toBe('audit_plan_acknowledged');
    const bodySide = ZAuditPlan.parse((await s.member.get(s.A)).json());
    expect(bodySide.versions[0]).toMatchObject({ status: 'acknowledged', acknowledgedBy: { name: 'Claire Martin' } });
    for (const tenantId of [s.body.id, s.org.id]) {
      const log = await t.p.db.selectFrom('audit_events').select(['action', 'actor_email']).where('tenant_id', '=', tenantId).where('action', 'like', 'audit_plan.%').orderBy('seq').execute();
      expect(log.filter((e) => e.action !== 'audit_plan.updated').map((e) => e.action)).toEqual(['audit_plan.issued', 'audit_plan.acknowledged']);
    }

    // A revision: the next version, drafted from the last one issued; v1 stays as issued.
    expect((await s.member.post(`${s.A}/revise`)).statusCode).toBe(403);
    const revised = ZAuditPlan.parse((await s.manager.post(`${s.A}/revise`)).json());
    expect(revised.versions.map((v) => [v.version, v.status])).toEqual([[2, 'draft'], [1, 'acknowledged']]);
    expect((await s.manager.post(`${s.A}/revise`)).json().code).toBe('audit_plan_draft_exists');
    await s.manager.put(s.A, { endDate: '2026-12-04', sessions: [...draftOf(s).sessions, { day: '2026-12-04', start: '09:00', end: '10:00', siteId: null, topic: 'Internal audit follow-up', interviewees: ['Internal auditor'], requirements: ['9.2.2'] }] });
    const v2 = ZAuditPlan.parse((await s.manager.post(`${s.A}/issue`, { locale: 'en' })).json()).versions;
    expect(v2.map((v) => [v.version, v.status, v.superseded, v.locale])).toEqual([[2, 'issued', false, 'en'], [1, 'acknowledged', true, 'fr']]);
    const en = await pdfText((await s.lead.get(`${s.A}/versions/2/pdf`)).rawPayload);
    for (const x of ['Audit plan — stage 2', '1 December 2026 to 4 December 2026', 'Internal audit follow-up', '9.2.2', 'Remote', 'High risk', 'Please acknowledge receipt']) expect(en).toContain(x);
    const v1Again = await s.lead.get(`${s.A}/versions/1/pdf`);
    expect(createHash('sha256').update(v1Again.rawPayload).digest('hex')).toBe(v1.document!.sha256);
    expect((await s.lead.get(`${s.A}/versions/3/pdf`)).statusCode).toBe(404);

    const orgList = ZOrgAuditPlanList.parse((await s.orgOwner.get(s.O)).json()) as TOrgAuditPlanList;
    expect(orgList.items.map((p) => [p.version, p.status, p.superseded, p.abilities['orgAuditPlan.acknowledge']])).toEqual([
      [2, 'issued', false, true],
      [1, 'acknowledged', true, false],
    ]);
    const ack2 = await s.orgOwner.post(`${s.O}/${v2[0]!.id}/acknowledge`);
    expect(ack2.statusCode, ack2.body).toBe(200);
  });

  it('refuses to acknowledge a version replaced by a later one', async () => {
    const s = await setup();
    await s.lead.put(s.A, draftOf(s));
    const v1 = (ZAuditPlan.parse((await s.lead.post(`${s.A}/issue`, {})).json()) as TAuditPlan).versions[0]!;
    await s.lead.post(`${s.A}/revise`);
    await s.lead.post(`${s.A}/issue`, {});
    const r = await s.orgAdmin.post(`${s.O}/${v1.id}/acknowledge`);
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('audit_plan_superseded');
  });
  it('the organization filters who read what by the reader of the body', async () => {
    const s = await setup();
    expect((await s.lead.get(`/api/engagements/${s.engagementId}/aims/soa`)).statusCode).toBe(200);
    expect((await s.member.get(`/api/engagements/${s.engagementId}/aims/risks`)).statusCode).toBe(200);
    const R = `/api/tenants/${s.org.id}/certification/engagement-reads`;
    const all = (await s.orgViewer.get(`${R}?engagementId=${s.engagementId}`)).json();
    expect(all.items).toHaveLength(2);
    const byLead = (await s.orgViewer.get(`${R}?readerEmail=${encodeURIComponent(s.leadUser.email.toUpperCase())}`)).json();
    expect(byLead.items.map((r: { resource: string; readerName: string }) => [r.resource, r.readerName])).toEqual([['soa', 'Léa Dubois']]);
    expect((await s.orgViewer.get(`${R}?readerEmail=nobody%40example.org`)).json().items).toEqual([]);
    expect((await s.orgViewer.get(`${R}?readerEmail=not-an-email`)).statusCode).toBe(400);
  });
});
