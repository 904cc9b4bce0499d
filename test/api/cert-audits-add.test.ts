import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZCertAudit } from '../../src/shared/contracts/cert-audits.ts';
import { addAuditRefusal } from '../../src/server/modules/certification/engagements/programme-rules.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildBody, buildEngagement } from '../support/certification-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * A scheme manager adds a pre-audit, a special audit or a follow-up verification to a client's
 * programme, beside the five slots of the cycle — only when the programme is at the point where
 * that audit makes sense.
 */
describe.skipIf(!backendAvailable)('certification audits added to a programme', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 240_000);
  afterAll(() => t?.close());

  async function setup() {
    const body = await buildBody(t.p, { name: 'Vérité Certification' });
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const e = await buildEngagement(t.p, body, org);
    const manager = await as(t.app, body.owner);
    const auditor = await as(t.app, await buildMembership(t.p, body, 'auditor'));
    const setState = (auditId: string, state: string) => t.p.db.updateTable('audits').set({ state: state as 'planned' }).where('tenant_id', '=', body.id).where('id', '=', auditId).execute();
    return { body, org, e, manager, auditor, setState, A: `/api/tenants/${body.id}/audits` };
  }

  it('adds a pre-audit before stage 1 once, numbered like the others and audited; refuses it after stage 1 has started', async () => {
    const s = await setup();
    const res = await s.manager.post(s.A, { engagementId: s.e.engagement.id, type: 'pre_audit', reason: 'Demandé dans la demande de devis : un audit à blanc.', dueBy: '2027-01-15', plannedDays: 1.5 });
    expect(res.statusCode, res.body).toBe(201);
    const audit = ZCertAudit.parse(res.json());
    expect(audit).toMatchObject({ type: 'pre_audit', state: 'planned', sequence: 1, dueBy: '2027-01-15', plannedDays: 1.5, clientId: s.e.client.id, programmeId: s.e.programme.id });
    expect(audit.reference).toMatch(/^AUD-\d{4}-0006$/);
    const events = await t.p.db.selectFrom('audit_events').select(['action', 'summary']).where('tenant_id', '=', s.body.id).where('action', '=', 'cert_audit.added').execute();
    expect(events).toHaveLength(1);
    expect((events[0]!.summary as unknown as { after: { reason: string } }).after.reason).toContain('audit à blanc');

    const again = await s.manager.post(s.A, { engagementId: s.e.engagement.id, type: 'pre_audit', reason: 'Un second ?' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'cert_audit_not_addable', details: { reason: 'pre_audit_exists' } });

    const s2 = await setup();
    await s2.setState(s2.e.audits.stage1.id, 'in_progress');
    expect((await s2.manager.post(s2.A, { engagementId: s2.e.engagement.id, type: 'pre_audit', reason: 'Trop tard.' })).json()).toMatchObject({ code: 'cert_audit_not_addable', details: { reason: 'pre_audit_after_stage1' } });
  });

  it('adds a special audit once stage 2 is reported and a follow-up once an audit is reported; refuses them before', async () => {
    const s = await setup();
    const add = (type: string) => s.manager.post(s.A, { engagementId: s.e.engagement.id, type, reason: 'Réclamation d’un client sur le score.' });
    expect((await add('special')).json()).toMatchObject({ code: 'cert_audit_not_addable', details: { reason: 'not_yet_certified' } });
    expect((await add('follow_up')).json()).toMatchObject({ code: 'cert_audit_not_addable', details: { reason: 'nothing_to_follow_up' } });
    await s.setState(s.e.audits.stage1.id, 'closed');
    await s.setState(s.e.audits.stage2.id, 'reported');
    const special = await add('special');
    expect(special.statusCode, special.body).toBe(201);
    expect(special.json()).toMatchObject({ type: 'special', sequence: 1 });
    const followUp = await add('follow_up');
    expect(followUp.statusCode).toBe(201);
    expect((await add('follow_up')).json()).toMatchObject({ type: 'follow_up', sequence: 2 });
    const calendar = (await s.manager.get(`${s.A}?engagementId=${s.e.engagement.id}`)).json() as { items: { type: string }[] };
    expect(calendar.items.map((a) => a.type).sort()).toEqual(['follow_up', 'follow_up', 'recertification', 'special', 'stage1', 'stage2', 'surveillance', 'surveillance']);
  });

  it('is the scheme manager’s: an auditor gets 403; another body’s engagement and a closed one are refused; bad input names the field', async () => {
    const s = await setup();
    const body = { engagementId: s.e.engagement.id, type: 'pre_audit', reason: 'Audit à blanc.' };
    expect((await s.auditor.post(s.A, body)).statusCode).toBe(403);
    const other = await buildBody(t.p, { name: 'Autre organisme' });
    expect((await (await as(t.app, other.owner)).post(`/api/tenants/${other.id}/audits`, body)).statusCode).toBe(404);
    const closedOrg = await buildTenant(t.p);
    const closed = await buildEngagement(t.p, s.body, closedOrg, { status: 'suspended' });
    expect((await s.manager.post(s.A, { ...body, engagementId: closed.engagement.id })).json()).toMatchObject({ code: 'cert_audit_not_addable', details: { reason: 'inactive' } });
    const bad = await s.manager.post(s.A, { ...body, type: 'stage2', plannedDays: 0.3 });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('plannedDays');
    expect(await t.p.db.selectFrom('audits').select('id').where('tenant_id', '=', s.body.id).where('type', '=', 'pre_audit').execute()).toEqual([]);
  });

  it('rules: pre-audit before stage 1, special after stage 2, follow-up after a reported audit', () => {
    const slots = (s1: string, s2: string) => [{ type: 'stage1' as const, state: s1 }, { type: 'stage2' as const, state: s2 }];
    expect(addAuditRefusal('pre_audit', slots('confirmed', 'planned'))).toBeNull();
    expect(addAuditRefusal('pre_audit', slots('cancelled', 'planned'))).toBeNull();
    expect(addAuditRefusal('pre_audit', slots('reported', 'planned'))).toBe('pre_audit_after_stage1');
    expect(addAuditRefusal('pre_audit', [...slots('planned', 'planned'), { type: 'pre_audit', state: 'cancelled' }])).toBeNull();
    expect(addAuditRefusal('special', slots('closed', 'in_progress'))).toBe('not_yet_certified');
    expect(addAuditRefusal('special', slots('closed', 'closed'))).toBeNull();
    expect(addAuditRefusal('follow_up', slots('reported', 'planned'))).toBe('nothing_to_follow_up');
    expect(addAuditRefusal('follow_up', [...slots('closed', 'closed'), { type: 'surveillance', state: 'reported' }])).toBeNull();
  });
});
