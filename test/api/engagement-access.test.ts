import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZEngagementReadPage } from '../../src/shared/contracts/engagement-reads.ts';
import { ZSoaVersion } from '../../src/shared/contracts/soa.ts';
import { buildApiToken, as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildAuditTeam, buildBody, buildEngagement } from '../support/certification-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';
import { buildControl } from '../support/evidence.ts';
import { buildCpaFirm, buildSoc2Engagement } from '../support/soc2-factories.ts';

const ENTRIES_TO_DECIDE = 200;

describe.skipIf(!backendAvailable)('Engagement access: auditors read the client’s AIMS, nobody else crosses', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 300_000);
  afterAll(() => t?.close());

  async function setup() {
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const body = await buildBody(t.p, { name: 'Vérité Certification' });
    const built = await buildEngagement(t.p, body, org);
    const [lead] = await buildAuditTeam(t.p, body, built.audits.stage1.id, [{ role: 'lead_auditor' }]);
    const colleague = await buildMembership(t.p, body, 'auditor');
    const owner = await as(t.app, org.owner);
    return { org, body, ...built, lead: lead!.user, colleague, owner, E: `/api/engagements/${built.engagement.id}/aims` };
  }

  /** An approved SoA version 1 in the organization, made through its own routes. */
  async function approvedSoa(owner: Awaited<ReturnType<typeof as>>, orgId: string) {
    const T = `/api/tenants/${orgId}/soa`;
    const draft = await owner.post(`${T}/draft`, { from: 'blank' });
    expect(draft.statusCode, draft.body).toBe(201);
    const entries = ZSoaVersion.parse(draft.json()).entries;
    expect(entries.length).toBeLessThan(ENTRIES_TO_DECIDE);
    for (const e of entries) {
      const r = await owner.patch(`${T}/draft/entries/${e.frameworkId}/${e.ref}`, { applicable: false, justification: 'Not in our scope for this test.' });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect((await owner.post(`${T}/draft/submit`, {})).statusCode).toBe(200);
    // A sole member approves their own version (see soa-policies).
    const approved = await owner.post(`${T}/draft/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
  }

  it('a lead auditor on the team reads the SoA and the risks, read-only; both logs record each read and the organization sees who read what', async () => {
    const s = await setup();
    await approvedSoa(s.owner, s.org.id);
    const risk = await s.owner.post(`/api/tenants/${s.org.id}/risks`, { title: 'Biased credit scores', source: 'organization', inherentLikelihood: 3, inherentImpact: 3 });
    expect(risk.statusCode, risk.body).toBe(201);
    const lead = await as(t.app, s.lead);

    const overview = await lead.get(`${s.E}/soa`);
    expect(overview.statusCode, overview.body).toBe(200);
    expect(overview.json().inForce).toMatchObject({ number: 1, status: 'approved' });
    const version = await lead.get(`${s.E}/soa/versions/1`);
    expect(version.statusCode, version.body).toBe(200);
    const v = ZSoaVersion.parse(version.json());
    // Read-only: every change the organization's own members could make is refused to the reader.
    expect(Object.entries(v.abilities).filter(([k, ok]) => ok && k !== 'soa.read')).toEqual([]);

    const risks = await lead.get(`${s.E}/risks`);
    expect(risks.statusCode, risks.body).toBe(200);
    expect(risks.json().items.map((r: { title: string }) => r.title)).toEqual(['Biased credit scores']);
    expect((await lead.get(`${s.E}/risks/${risk.json().id}`)).json()).toMatchObject({ title: 'Biased credit scores' });
    for (const path of ['scope', 'documents', 'impact-assessments', 'ai-systems', 'controls', 'evidence']) {
      const r = await lead.get(`${s.E}/${path}`);
      expect(r.statusCode, `${path}: ${r.body}`).toBe(200);
    }

    // No write path exists through the engagement.
    expect((await lead.post(`${s.E}/risks`, { title: 'x' })).statusCode).toBe(404);

    const bodyLog = await t.p.db.selectFrom('audit_events').select(['action', 'summary', 'actor_id']).where('tenant_id', '=', s.body.id).where('action', '=', 'engagement.aims_read').execute();
    const orgLog = await t.p.db.selectFrom('audit_events').select(['action', 'summary', 'actor_id']).where('tenant_id', '=', s.org.id).where('action', '=', 'engagement.aims_read').execute();
    expect(bodyLog).toHaveLength(10);
    expect(orgLog).toHaveLength(10);
    expect(orgLog.every((e) => e.actor_id === s.lead.id)).toBe(true);
    expect(orgLog.map((e) => (e.summary.after as { resource: string }).resource)).toContain('soa');

    const page = ZEngagementReadPage.parse((await s.owner.get(`/api/tenants/${s.org.id}/certification/engagement-reads?resource=soa`)).json());
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ bodyName: 'Vérité Certification', readerEmail: s.lead.email, resource: 'soa', recordId: '1', engagementId: s.engagement.id });
    expect(page.items[1]).toMatchObject({ resource: 'soa', recordId: null });
    const firstPage = ZEngagementReadPage.parse((await s.owner.get(`/api/tenants/${s.org.id}/certification/engagement-reads?limit=4`)).json());
    expect(firstPage.items).toHaveLength(4);
    const second = ZEngagementReadPage.parse((await s.owner.get(`/api/tenants/${s.org.id}/certification/engagement-reads?limit=4&cursor=${firstPage.nextCursor}`)).json());
    expect(second.items[0]!.id).not.toBe(firstPage.items[3]!.id);
    // The body does not read the organization's log; a viewer of the organization does.
    const viewer = await as(t.app, await buildMembership(t.p, s.org, 'viewer'));
    expect((await viewer.get(`/api/tenants/${s.org.id}/certification/engagement-reads`)).statusCode).toBe(200);
    expect((await lead.get(`/api/tenants/${s.org.id}/certification/engagement-reads`)).statusCode).toBe(404);
  });

  it('answers 404 to a colleague not on the team, another body, an API token, a cancelled audit and a closed or suspended engagement', async () => {
    const s = await setup();
    const colleague = await as(t.app, s.colleague);
    expect((await colleague.get(`${s.E}/soa`)).statusCode).toBe(404);
    // The body's scheme manager is not on the team either.
    expect((await (await as(t.app, s.body.owner)).get(`${s.E}/soa`)).statusCode).toBe(404);

    const other = await buildBody(t.p);
    const stranger = await buildMembership(t.p, other, 'auditor');
    expect((await (await as(t.app, stranger)).get(`${s.E}/soa`)).statusCode).toBe(404);
    // The organization's own owner is not the body's auditor.
    expect((await s.owner.get(`${s.E}/soa`)).statusCode).toBe(404);

    const token = await buildApiToken(t.p, s.body, { role: 'auditor' });
    expect((await t.app.inject({ method: 'GET', url: `${s.E}/soa`, headers: token.bearer })).statusCode).toBe(404);

    const lead = await as(t.app, s.lead);
    expect((await lead.get(`${s.E}/soa`)).statusCode).toBe(200);
    await t.p.db.updateTable('audits').set({ state: 'cancelled' }).where('tenant_id', '=', s.body.id).where('id', '=', s.audits.stage1.id).execute();
    expect((await lead.get(`${s.E}/soa`)).statusCode).toBe(404);
    await t.p.db.updateTable('audits').set({ state: 'reported' }).where('tenant_id', '=', s.body.id).where('id', '=', s.audits.stage1.id).execute();
    expect((await lead.get(`${s.E}/soa`)).statusCode).toBe(200);

    await t.p.db.updateTable('engagements').set({ status: 'suspended' }).where('id', '=', s.engagement.id).execute();
    expect((await lead.get(`${s.E}/soa`)).statusCode).toBe(404);
    await t.p.db.updateTable('engagements').set({ status: 'closed', closed_at: new Date() }).where('id', '=', s.engagement.id).execute();
    const closed = await lead.get(`${s.E}/soa`);
    expect(closed.statusCode).toBe(404);
    expect(closed.json()).toMatchObject({ code: 'not_found' });

    // A refused crossing leaves no read in the organization's log.
    const reads = await t.p.db.selectFrom('audit_events').select('id').where('tenant_id', '=', s.org.id).where('action', '=', 'engagement.aims_read').execute();
    expect(reads).toHaveLength(2);
  });

  it('refuses a record of another organization through the engagement (404) and malformed ids (400)', async () => {
    const s = await setup();
    const elsewhere = await buildTenant(t.p);
    const foreign = await (await as(t.app, elsewhere.owner)).post(`/api/tenants/${elsewhere.id}/risks`, { title: 'Not yours', source: 'organization', inherentLikelihood: 2, inherentImpact: 2 });
    expect(foreign.statusCode, foreign.body).toBe(201);
    const lead = await as(t.app, s.lead);
    expect((await lead.get(`${s.E}/risks/${foreign.json().id}`)).statusCode).toBe(404);
    expect((await lead.get(`${s.E}/risks/not-a-uuid`)).statusCode).toBe(400);
    expect((await lead.get(`/api/engagements/not-a-uuid/aims/soa`)).statusCode).toBe(400);
  });

  it('streams the file an evidence record holds to an auditor on the team, byte for byte, and logs the read in both tenants; a colleague off the team gets 404', async () => {
    const s = await setup();
    const control = await buildControl(t.p, s.org.id);
    const token = await buildApiToken(t.p, s.org, { role: 'contributor' });
    const report = Buffer.from('%PDF-1.4\nrestore test passed on 26 November 2026\n');
    const pushed = await t.app.inject({
      method: 'POST',
      url: `/api/tenants/${s.org.id}/evidence/files?title=Restore%20test&effectiveDate=2026-11-26&controlIds=${control.id}&filename=restauration-réussie.pdf`,
      headers: { ...token.bearer, 'content-type': 'application/pdf' },
      payload: report,
    });
    expect(pushed.statusCode, pushed.body).toBe(201);
    const evidenceId = pushed.json().id as string;

    const lead = await as(t.app, s.lead);
    const file = await lead.get(`${s.E}/evidence/${evidenceId}/file`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.rawPayload.equals(report)).toBe(true);
    expect(file.headers['x-content-sha256']).toBe(pushed.json().sha256);
    expect(file.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('restauration-réussie.pdf')}`);
    expect(file.headers['content-security-policy']).toContain('sandbox');

    const reads = await s.owner.get(`/api/tenants/${s.org.id}/certification/engagement-reads`);
    expect(ZEngagementReadPage.parse(reads.json()).items.some((r) => r.resource === 'evidence' && r.recordId === evidenceId)).toBe(true);

    expect((await (await as(t.app, s.colleague)).get(`${s.E}/evidence/${evidenceId}/file`)).statusCode).toBe(404);
    expect((await lead.get(`${s.E}/evidence/${crypto.randomUUID()}/file`)).statusCode).toBe(404);
  });

  it('lets the SOC 2 firm’s auditors through without an audit team (examinations have none), and nobody else of the firm', async () => {
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const firm = await buildCpaFirm(t.p, { name: 'Cabinet Exact' });
    const { engagement } = await buildSoc2Engagement(t.p, firm, org);
    await buildControl(t.p, org.id, { reference: 'CTL-ACC-01', title: 'Quarterly access review' });
    const auditor = await as(t.app, await buildMembership(t.p, firm, 'auditor'));
    const controls = await auditor.get(`/api/engagements/${engagement.id}/aims/controls`);
    expect(controls.statusCode, controls.body).toBe(200);
    expect(controls.json().items.map((c: { reference: string }) => c.reference)).toContain('CTL-ACC-01');
    for (const role of ['viewer', 'technical_reviewer'] as const) {
      const other = await as(t.app, await buildMembership(t.p, firm, role));
      expect((await other.get(`/api/engagements/${engagement.id}/aims/controls`)).statusCode, role).toBe(404);
    }
  });
});
