import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZAssignTeamResult, ZAuditorCompetence, ZAuditorCompetenceList, ZAuditorConflictList, ZCertAudit, ZTeamCheck } from '../../src/shared/contracts/cert-audits.ts';
import { IMPARTIALITY_STATEMENT, IMPARTIALITY_STATEMENT_VERSION } from '../../src/shared/impartiality-statement.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildAuditTeam, buildBody, buildEngagement } from '../support/certification-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * Audit team rules (ISO/IEC 17021-1 5.2, 7.1, 7.2, 9.1.3): competence on the audit's first day,
 * cooling-off after consultancy or employment, the body's own consultancy, lead rotation, and the
 * impartiality declaration each member signs before the audit is confirmed.
 */
describe.skipIf(!backendAvailable)('Certification audit team: competence, impartiality, declarations', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 300_000);
  afterAll(() => t?.close());

  const START = '2027-06-01';

  async function setup(o: { coolingOffMonths?: number; rotationMaxCycles?: number } = {}) {
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const body = await buildBody(t.p, { name: 'Vérité Certification', ...o });
    const built = await buildEngagement(t.p, body, org);
    const manager = await as(t.app, body.owner);
    const T = `/api/tenants/${body.id}`;
    const A = `${T}/audits/${built.audits.stage1.id}`;
    expect((await manager.patch(A, { plannedStart: START, plannedEnd: '2027-06-02', plannedDays: 2, onSiteDays: 2 })).statusCode).toBe(200);
    async function person(competence: Record<string, unknown> | null = {}) {
      const user = await buildMembership(t.p, body, 'auditor');
      if (competence) {
        const res = await manager.post(`${T}/auditors/competences`, {
          userId: user.id,
          scheme: 'iso42001',
          qualification: 'ISO/IEC 42001 Lead Auditor',
          iso42001TrainedOn: '2025-03-14',
          aiDomainAreas: ['Credit scoring models'],
          auditsDone: 9,
          leadQualified: true,
          validFrom: '2025-01-01',
          validUntil: '2029-12-31',
          ...competence,
        });
        expect(res.statusCode, res.body).toBe(201);
      }
      return user;
    }
    const conflict = (userId: string | null, endedOn: string | null, kind = 'consultancy') =>
      manager.post(`${T}/auditors/conflicts`, { clientId: built.client.id, userId, kind, description: 'AI policy drafting', startedOn: '2010-01-01', endedOn });
    const assign = (userId: string, role = 'auditor', auditUrl = A) => manager.put(`${auditUrl}/team/${userId}`, { role, plannedDays: 1 });
    return { org, body, ...built, manager, T, A, person, conflict, assign };
  }

  it('refuses an auditor who consulted for the client 18 months before the audit, accepts one after 30 months (cooling-off 24)', async () => {
    const s = await setup();
    expect(s.body.settings.cooling_off_months).toBe(24);
    const recent = await s.person();
    const older = await s.person();
    expect((await s.conflict(recent.id, '2025-12-01')).statusCode).toBe(201);
    expect((await s.conflict(older.id, '2024-12-01')).statusCode).toBe(201);

    const refused = await s.assign(recent.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'cert_team_cooling_off',
      details: { userId: recent.id, kind: 'consultancy', endedOn: '2025-12-01', coolingOffMonths: 24, eligibleFrom: '2027-12-02', day: START },
    });
    const ok = ZAssignTeamResult.parse((await s.assign(older.id)).json());
    expect(ok.warnings).toEqual([]);
    expect(ok.audit.team.map((m) => m.userId)).toEqual([older.id]);

    // An ongoing employment bars too; another interest bars only while it lasts.
    const employed = await s.person();
    await s.conflict(employed.id, null, 'employment');
    expect((await s.assign(employed.id)).json()).toMatchObject({ code: 'cert_team_cooling_off', details: { kind: 'employment', endedOn: null, eligibleFrom: null } });
    const shareholder = await s.person();
    await s.conflict(shareholder.id, '2027-12-31', 'other');
    expect((await s.assign(shareholder.id)).json()).toMatchObject({ code: 'cert_team_conflict' });
    const formerShareholder = await s.person();
    await s.conflict(formerShareholder.id, '2027-01-31', 'other');
    expect((await s.assign(formerShareholder.id)).statusCode).toBe(200);
  });

  it('refuses the consultant of 30 months ago when the body’s cooling-off is 36 months', async () => {
    const s = await setup({ coolingOffMonths: 36 });
    const older = await s.person();
    await s.conflict(older.id, '2024-12-01');
    expect((await s.assign(older.id)).json()).toMatchObject({ code: 'cert_team_cooling_off', details: { coolingOffMonths: 36, eligibleFrom: '2027-12-02' } });
  });

  it('refuses every assignment once the body itself consulted for the client (17021-1 5.2), however long ago', async () => {
    const s = await setup();
    const clean = await s.person();
    expect((await s.conflict(null, '2015-01-31', 'employment')).json()).toMatchObject({ code: 'validation_failed', details: { field: 'kind' } });
    expect((await s.conflict(null, '2015-01-31')).statusCode).toBe(201);
    const res = await s.assign(clean.id, 'lead_auditor');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'cert_team_body_consultancy' });
    // Observers are no exception.
    expect((await s.assign((await s.person(null)).id, 'observer')).json()).toMatchObject({ code: 'cert_team_body_consultancy' });
  });

  it('checks competence for the role on the audit’s first day: expired, no record, not lead-qualified, no training; experts and observers have lighter rules', async () => {
    const s = await setup();
    const expired = await s.person({ validUntil: '2027-05-31' });
    expect((await s.assign(expired.id)).json()).toMatchObject({ code: 'cert_team_not_competent', details: { reason: 'expired', competentUntil: '2027-05-31', day: START } });
    const none = await s.person(null);
    expect((await s.assign(none.id)).json()).toMatchObject({ code: 'cert_team_not_competent', details: { reason: 'no_record' } });
    const notLead = await s.person({ leadQualified: false });
    expect((await s.assign(notLead.id, 'lead_auditor')).json()).toMatchObject({ code: 'cert_team_not_competent', details: { reason: 'not_lead_qualified' } });
    expect((await s.assign(notLead.id, 'auditor')).statusCode).toBe(200);
    const untrained = await s.person({ iso42001TrainedOn: null });
    expect((await s.assign(untrained.id)).json()).toMatchObject({ code: 'cert_team_not_competent', details: { reason: 'no_42001_training' } });
    expect((await s.assign(untrained.id, 'technical_expert')).statusCode).toBe(200);
    const noDomain = await s.person({ aiDomainAreas: [], iso42001TrainedOn: null, leadQualified: false });
    expect((await s.assign(noDomain.id, 'technical_expert')).json()).toMatchObject({ code: 'cert_team_not_competent', details: { reason: 'no_ai_domain' } });
    expect((await s.assign(none.id, 'observer')).statusCode).toBe(200);
    const stranger = await buildMembership(t.p, await buildBody(t.p), 'auditor');
    expect((await s.assign(stranger.id)).json()).toMatchObject({ code: 'cert_team_not_member' });

    // The team check shows each member's status; confirming re-checks on the (new) planned start.
    const lead = await s.person({ validUntil: '2027-12-31' });
    expect((await s.assign(lead.id, 'lead_auditor')).statusCode).toBe(200);
    const check = ZTeamCheck.parse((await s.manager.get(`${s.A}/team-check`)).json());
    expect(check.day).toBe(START);
    expect(check.members.find((m) => m.userId === lead.id)).toMatchObject({ role: 'lead_auditor', competenceGap: null, competentUntil: '2027-12-31', bar: null, declaredAt: null });
    expect((await s.manager.patch(s.A, { plannedStart: '2028-03-01', plannedEnd: '2028-03-02' })).statusCode).toBe(200);
    await t.p.db
      .insertInto('audit_impartiality_declarations')
      .values(
        ZCertAudit.parse((await s.manager.get(s.A)).json()).team.map((m) => ({ tenant_id: s.body.id, audit_id: s.audits.stage1.id, user_id: m.userId, statement_version: 'test', locale: 'en' as const, statement: 'x' })),
      )
      .execute();
    expect((await s.manager.post(`${s.A}/transitions`, { event: 'confirm' })).json()).toMatchObject({ code: 'cert_team_not_competent', details: { userId: lead.id, reason: 'expired', day: '2028-03-01' } });
    const after = ZTeamCheck.parse((await s.manager.get(`${s.A}/team-check`)).json());
    expect(after.members.find((m) => m.userId === lead.id)).toMatchObject({ competenceGap: 'expired' });
  });

  it('warns (does not refuse) when the same lead has led this client’s audits in more cycles than the body allows', async () => {
    const s = await setup({ rotationMaxCycles: 1 });
    const lead = await s.person();
    // Cycle 1: this lead led stage 1. Cycle 2: a recertification slot in a second programme.
    await buildAuditTeam(t.p, s.body, s.audits.stage1.id, [{ role: 'lead_auditor', user: lead }]);
    const programme = await t.p.db
      .insertInto('audit_programmes')
      .values({ tenant_id: s.body.id, engagement_id: s.engagement.id, client_id: s.client.id, cycle: 2 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const recert = await t.p.db
      .insertInto('audits')
      .values({ tenant_id: s.body.id, programme_id: programme.id, engagement_id: s.engagement.id, client_id: s.client.id, reference: `AUD-T-${Date.now()}`, type: 'recertification', sequence: 1, planned_days: 3 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const url = `${s.T}/audits/${recert.id}`;
    const res = ZAssignTeamResult.parse((await s.assign(lead.id, 'lead_auditor', url)).json());
    expect(res.warnings).toEqual([{ code: 'rotation', cycles: 2, limit: 1 }]);
    expect(res.audit.team).toMatchObject([{ userId: lead.id, role: 'lead_auditor' }]);
    expect(ZTeamCheck.parse((await s.manager.get(`${url}/team-check`)).json()).warnings).toEqual([{ code: 'rotation', cycles: 2, limit: 1 }]);
    const log = await t.p.db.selectFrom('audit_events').select(['action', 'summary']).where('tenant_id', '=', s.body.id).where('subject_id', '=', recert.id).execute();
    expect(log[0]).toMatchObject({ action: 'cert_audit.team_assigned', summary: { after: { warnings: ['rotation'] } } });

    // Within the default limit (2 cycles), no warning.
    await t.p.db.updateTable('body_settings').set({ rotation_max_cycles: 2 }).where('tenant_id', '=', s.body.id).execute();
    expect(ZAssignTeamResult.parse((await s.assign(lead.id, 'lead_auditor', url)).json()).warnings).toEqual([]);
  });

  it('refuses to confirm until every member signed their impartiality declaration; each signs their own, on the current statement', async () => {
    const s = await setup();
    const lead = await s.person();
    const expert = await s.person({ iso42001TrainedOn: null, leadQualified: false });
    await s.assign(lead.id, 'lead_auditor');
    await s.assign(expert.id, 'technical_expert');
    expect((await s.manager.post(`${s.A}/transitions`, { event: 'confirm' })).json()).toMatchObject({ code: 'cert_audit_declarations_missing', details: { count: 2 } });

    const leadClient = await as(t.app, lead);
    expect(ZTeamCheck.parse((await leadClient.get(`${s.A}/team-check`)).json()).declarationDue).toBe(true);
    expect((await leadClient.post(`${s.A}/declaration`, { statementVersion: '2020-01', locale: 'fr' })).json()).toMatchObject({ code: 'cert_declaration_outdated' });
    expect((await leadClient.post(`${s.A}/declaration`, { statementVersion: IMPARTIALITY_STATEMENT_VERSION, locale: 'de' })).statusCode).toBe(400);
    const signed = ZCertAudit.parse((await leadClient.post(`${s.A}/declaration`, { statementVersion: IMPARTIALITY_STATEMENT_VERSION, locale: 'fr' })).json());
    expect(signed.team.find((m) => m.userId === lead.id)!.declaredAt).not.toBeNull();
    expect(ZTeamCheck.parse((await leadClient.get(`${s.A}/team-check`)).json())).toMatchObject({ declarationDue: false });
    // Signing twice keeps the first signature.
    expect((await leadClient.post(`${s.A}/declaration`, { statementVersion: IMPARTIALITY_STATEMENT_VERSION, locale: 'en' })).statusCode).toBe(200);
    const row = await t.p.db.selectFrom('audit_impartiality_declarations').selectAll().where('tenant_id', '=', s.body.id).where('user_id', '=', lead.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ statement_version: IMPARTIALITY_STATEMENT_VERSION, locale: 'fr', statement: IMPARTIALITY_STATEMENT.fr });

    // Only a team member signs; the manager cannot sign for them.
    expect((await s.manager.post(`${s.A}/declaration`, { statementVersion: IMPARTIALITY_STATEMENT_VERSION, locale: 'en' })).statusCode).toBe(403);
    expect((await s.manager.post(`${s.A}/transitions`, { event: 'confirm' })).json()).toMatchObject({ code: 'cert_audit_declarations_missing', details: { userIds: [expert.id], count: 1 } });
    expect((await (await as(t.app, expert)).post(`${s.A}/declaration`, { statementVersion: IMPARTIALITY_STATEMENT_VERSION, locale: 'en' })).statusCode).toBe(200);
    expect((await s.manager.post(`${s.A}/transitions`, { event: 'confirm' })).json()).toMatchObject({ state: 'confirmed' });

    // Someone added after confirmation signs before the audit starts.
    const late = await s.person();
    await s.assign(late.id, 'auditor');
    expect((await s.manager.post(`${s.A}/transitions`, { event: 'start', date: START })).json()).toMatchObject({ code: 'cert_audit_declarations_missing', details: { userIds: [late.id] } });
    // Taking them off drops the requirement (and their declaration, had they signed).
    expect((await s.manager.delete(`${s.A}/team/${late.id}`)).statusCode).toBe(200);
    expect((await s.manager.post(`${s.A}/transitions`, { event: 'start', date: START })).json()).toMatchObject({ state: 'in_progress' });

    const log = await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', s.body.id).where('subject_id', '=', s.audits.stage1.id).orderBy('seq').execute();
    expect(log.filter((e) => e.action === 'cert_audit.declaration_signed')).toHaveLength(2);
  });

  it('keeps competence records to the scheme manager: an auditor reads their own, cannot edit; another body answers 404', async () => {
    const s = await setup();
    const me = await s.person();
    const other = await s.person({ qualification: 'Other auditor' });
    const mine = ZAuditorCompetenceList.parse((await s.manager.get(`${s.T}/auditors/competences?userId=${me.id}`)).json()).items[0]!;
    expect(mine).toMatchObject({ userId: me.id, expired: false, abilities: { 'auditor.manage': true } });

    const auditor = await as(t.app, me);
    const seen = ZAuditorCompetenceList.parse((await auditor.get(`${s.T}/auditors/competences`)).json());
    expect(seen.items.map((c) => c.userId)).toEqual([me.id]);
    expect(seen.items[0]!.abilities).toMatchObject({ 'auditor.read': true, 'auditor.manage': false });
    expect(ZAuditorCompetenceList.parse((await auditor.get(`${s.T}/auditors/competences?userId=${other.id}`)).json()).items).toEqual([]);
    expect((await auditor.post(`${s.T}/auditors/competences`, { userId: me.id, scheme: 'iso42001', qualification: 'Self-made', validFrom: '2025-01-01', validUntil: '2099-12-31' })).statusCode).toBe(403);
    expect((await auditor.patch(`${s.T}/auditors/competences/${mine.id}`, { validUntil: '2099-12-31' })).statusCode).toBe(403);
    expect((await auditor.delete(`${s.T}/auditors/competences/${mine.id}`)).statusCode).toBe(403);
    expect((await auditor.post(`${s.T}/auditors/conflicts`, { clientId: s.client.id, userId: me.id, kind: 'other' })).statusCode).toBe(403);
    expect((await auditor.put(`${s.A}/team/${me.id}`, { role: 'auditor' })).statusCode).toBe(403);
    const reviewer = await as(t.app, await buildMembership(t.p, s.body, 'technical_reviewer'));
    expect(ZAuditorCompetenceList.parse((await reviewer.get(`${s.T}/auditors/competences`)).json()).items.map((c) => c.userId).sort()).toEqual([me.id, other.id].sort());

    // The manager keeps them: change, then delete; every step logged.
    const patched = await s.manager.patch(`${s.T}/auditors/competences/${mine.id}`, { validUntil: '2026-12-31', auditsDone: 10 });
    expect(patched.statusCode, patched.body).toBe(200);
    const changed = ZAuditorCompetence.parse(patched.json());
    expect(changed).toMatchObject({ validUntil: '2026-12-31', auditsDone: 10 });
    expect((await s.manager.patch(`${s.T}/auditors/competences/${mine.id}`, { validUntil: '2024-01-01' })).json()).toMatchObject({ code: 'validation_failed', details: { field: 'validUntil' } });
    expect((await s.manager.post(`${s.T}/auditors/competences`, { userId: me.id, scheme: 'iso42001', qualification: '', validFrom: '2025-01-01', validUntil: '2026-01-01' })).statusCode).toBe(400);

    // Another body: 404 for its records, its audits, its clients.
    const otherBody = await buildBody(t.p);
    const stranger = await as(t.app, otherBody.owner);
    const OT = `/api/tenants/${otherBody.id}`;
    expect((await stranger.patch(`${OT}/auditors/competences/${mine.id}`, { auditsDone: 1 })).statusCode).toBe(404);
    expect((await stranger.delete(`${OT}/auditors/competences/${mine.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`${OT}/auditors/conflicts`, { clientId: s.client.id, userId: null, kind: 'consultancy' })).statusCode).toBe(404);
    expect((await stranger.put(`${OT}/audits/${s.audits.stage1.id}/team/${otherBody.owner.id}`, { role: 'observer' })).statusCode).toBe(404);
    expect((await stranger.get(`${s.T}/auditors/competences`)).statusCode).toBe(404);
    expect((await stranger.get(`${s.A}/team-check`)).statusCode).toBe(404);
    expect((await stranger.post(`${s.A}/declaration`, { statementVersion: IMPARTIALITY_STATEMENT_VERSION, locale: 'en' })).statusCode).toBe(404);

    expect((await s.manager.delete(`${s.T}/auditors/competences/${mine.id}`)).statusCode).toBe(204);
    const log = await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', s.body.id).where('subject_id', '=', me.id).orderBy('seq').execute();
    expect(log.map((e) => e.action)).toEqual(['auditor.competence_recorded', 'auditor.competence_updated', 'auditor.competence_deleted']);
  });

  it('lists declared conflicts in one statement; an auditor sees their own; withdrawing is logged', async () => {
    const s = await setup();
    const me = await s.person();
    const other = await s.person();
    await s.conflict(me.id, '2020-01-31');
    await s.conflict(other.id, '2021-01-31', 'employment');
    await s.conflict(null, null);
    const all = ZAuditorConflictList.parse((await s.manager.get(`${s.T}/auditors/conflicts?clientId=${s.client.id}`)).json());
    expect(all.items).toHaveLength(3);
    expect(all.items.find((c) => c.userId === null)).toMatchObject({ kind: 'consultancy', userName: null, clientName: s.client.legal_name });
    const auditor = await as(t.app, me);
    expect(ZAuditorConflictList.parse((await auditor.get(`${s.T}/auditors/conflicts`)).json()).items.map((c) => c.userId)).toEqual([me.id]);
    expect(await t.queriesDuring(() => s.manager.get(`${s.T}/auditors/conflicts`))).toHaveLength(2);
    expect(await t.queriesDuring(() => s.manager.get(`${s.T}/auditors/competences`))).toHaveLength(2);
    const body = all.items.find((c) => c.userId === null)!;
    expect((await s.manager.delete(`${s.T}/auditors/conflicts/${body.id}`)).statusCode).toBe(204);
    expect((await s.manager.delete(`${s.T}/auditors/conflicts/${body.id}`)).statusCode).toBe(404);
    const log = await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', s.body.id).where('subject_id', '=', s.client.id).orderBy('seq').execute();
    expect(log.map((e) => e.action).filter((a) => a.startsWith('auditor.'))).toEqual(['auditor.conflict_declared', 'auditor.conflict_declared', 'auditor.conflict_declared', 'auditor.conflict_withdrawn']);
  });
});
