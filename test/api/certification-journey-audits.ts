import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from 'vitest';
import type { TTestClock } from '../../src/server/platform/clock/clock.ts';
import { IMPARTIALITY_STATEMENT_VERSION } from '../../src/shared/impartiality-statement.ts';
import { as, buildMembership, buildTenant, type TBuiltTenant } from '../support/factories.ts';
import type { TClient, TTestApp } from '../support/test-app.ts';

type TOk = <T = Record<string, unknown>>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status?: number) => Promise<T>;
type TAudit = { id: string; type: string; state: string; reference: string };
type TItem = { id: string; ref: string; section: string; verdict: string | null };

/**
 * The second half of issue 10's journey: stage 1 and stage 2 with their team (an auditor who
 * consulted for the client within the cooling-off period is refused), their checklists and
 * reports, and the reads of the client's records through the engagement, seen in both logs.
 */
export async function journeyAudits(o: {
  t: TTestApp;
  clock: TTestClock;
  ok: TOk;
  body: TBuiltTenant;
  manager: TClient;
  org: { tenant: TBuiltTenant; owner: TClient; applicableAnnexA: number };
  engagementId: string;
  clientId: string;
  audits: TAudit[];
}) {
  const { t, clock, ok, body, manager, org } = o;
  const A = `/api/tenants/${body.id}/audits`;
  const leadUser = await buildMembership(t.p, body, 'auditor');
  const consultantUser = await buildMembership(t.p, body, 'auditor');
  const outsider = await as(t.app, await buildMembership(t.p, body, 'auditor'));
  const lead = await as(t.app, leadUser);
  for (const u of [leadUser, consultantUser]) {
    await ok(manager.post(`/api/tenants/${body.id}/auditors/competences`, {
      userId: u.id, scheme: 'iso42001', qualification: 'Auditeur ISO/IEC 42001', iso42001TrainedOn: '2025-03-14', aiDomainAreas: ['Score de crédit'], auditsDone: 20, leadQualified: true, validFrom: '2025-04-01', validUntil: '2028-03-31',
    }), 201);
  }
  // Consulted for the client until eighteen months before stage 1: inside the body's two years.
  await ok(manager.post(`/api/tenants/${body.id}/auditors/conflicts`, { clientId: o.clientId, userId: consultantUser.id, kind: 'consultancy', description: 'Mise en place du SMIA', startedOn: '2024-01-01', endedOn: '2025-04-15' }), 201);

  const stage1 = o.audits.find((a) => a.type === 'stage1')!;
  const stage2 = o.audits.find((a) => a.type === 'stage2')!;

  // Stage 2 cannot start its work before stage 1 is reported.
  await ok(manager.patch(`${A}/${stage2.id}`, { plannedStart: '2026-11-23', plannedEnd: '2026-11-27', plannedDays: 5, onSiteDays: 4 }));
  const early = await manager.post(`${A}/${stage2.id}/transitions`, { event: 'confirm' });
  expect(early.statusCode).toBeGreaterThanOrEqual(400);

  // Stage 1: dates, team, declarations, confirmation.
  clock.set(new Date('2026-10-01T08:00:00Z'));
  await ok(manager.patch(`${A}/${stage1.id}`, { plannedStart: '2026-10-15', plannedEnd: '2026-10-16', plannedDays: 2, onSiteDays: 0 }));
  const refused = await manager.put(`${A}/${stage1.id}/team/${consultantUser.id}`, { role: 'auditor', plannedDays: 1 });
  expect(refused.statusCode, refused.body).toBe(409);
  expect(refused.json().code).toBe('cert_team_cooling_off');
  await ok(manager.put(`${A}/${stage1.id}/team/${leadUser.id}`, { role: 'lead_auditor', plannedDays: 2 }));
  expect((await manager.post(`${A}/${stage1.id}/transitions`, { event: 'confirm' })).json().code).toBe('cert_audit_declarations_missing');
  await ok(lead.post(`${A}/${stage1.id}/declaration`, { statementVersion: IMPARTIALITY_STATEMENT_VERSION, locale: 'fr' }));
  await ok(manager.post(`${A}/${stage1.id}/transitions`, { event: 'confirm' }));
  clock.set(new Date('2026-10-15T07:30:00Z'));
  await ok(lead.post(`${A}/${stage1.id}/transitions`, { event: 'start', date: '2026-10-15' }));

  // Auditors on the team read the client's SoA through the engagement; nobody else does.
  const E = `/api/engagements/${o.engagementId}/aims`;
  const soa = await ok<{ status?: string; number?: number }>(lead.get(`${E}/soa`));
  expect(soa).toBeTruthy();
  expect((await outsider.get(`${E}/soa`)).statusCode).toBe(404);
  expect((await manager.get(`${E}/soa`)).statusCode).toBe(404);
  const otherBody = await buildTenant(t.p, { kind: 'certification_body', name: 'Autre organisme' });
  expect((await (await as(t.app, otherBody.owner)).get(`${E}/soa`)).statusCode).toBe(404);
  expect((await org.owner.get(`${E}/soa`)).statusCode).toBe(404);

  // Stage 1 checklist (documented information) worked in full, then the report.
  const s1 = await ok<{ items: TItem[] }>(lead.post(`${A}/${stage1.id}/checklist`, {}), 201);
  expect(s1.items.length).toBeGreaterThan(10);
  expect(s1.items.every((i) => i.section === 'documented_information')).toBe(true);
  for (const item of s1.items) await ok(lead.patch(`${A}/${stage1.id}/checklist/items/${item.id}`, { verdict: 'conforming', notes: 'Information documentée consultée.' }));
  await ok(lead.patch(`${A}/${stage1.id}/report`, { summary: 'Revue documentaire à distance.', conformities: 'Politique, domaine et SoA approuvés.', observations: 'Critères d’acceptation du risque à préciser.', areasToClarify: 'Surveillance des écarts de taux d’acceptation.', readyForStage2: 'yes' }));
  await ok(lead.post(`${A}/${stage1.id}/report/issue`));
  await ok(lead.post(`${A}/${stage1.id}/transitions`, { event: 'report', date: '2026-10-16' }));

  // Stage 2: now it can be confirmed; its checklist covers clauses 4–10 and the SoA's applicable controls.
  clock.set(new Date('2026-11-02T08:00:00Z'));
  await ok(manager.put(`${A}/${stage2.id}/team/${leadUser.id}`, { role: 'lead_auditor', plannedDays: 5 }));
  await ok(lead.post(`${A}/${stage2.id}/declaration`, { statementVersion: IMPARTIALITY_STATEMENT_VERSION, locale: 'fr' }));
  await ok(manager.post(`${A}/${stage2.id}/transitions`, { event: 'confirm' }));
  clock.set(new Date('2026-11-23T07:30:00Z'));
  await ok(lead.post(`${A}/${stage2.id}/transitions`, { event: 'start', date: '2026-11-23' }));
  const s2 = await ok<{ items: TItem[]; soaVersion: number }>(lead.post(`${A}/${stage2.id}/checklist`, {}), 201);
  expect(s2.soaVersion).toBe(1);
  expect(s2.items.filter((i) => i.section === 'control')).toHaveLength(org.applicableAnnexA);
  expect(s2.items.filter((i) => i.section === 'clause').map((i) => i.ref)).toEqual(expect.arrayContaining(['4.1', '6.1.2', '9.2.2', '10.2']));
  for (const [n, item] of s2.items.entries()) {
    const verdict = n === 3 ? 'nonconforming' : n === 7 ? 'observation' : 'conforming';
    await ok(lead.patch(`${A}/${stage2.id}/checklist/items/${item.id}`, { verdict, notes: `Constat sur ${item.ref}.` }));
  }
  // Issue 11: the findings of stage 2 — one major, two minors and an observation — shared with the organization at once.
  const raised = await raiseStage2Findings(ok, lead, body.id, stage2.id);
  clock.set(new Date('2026-11-27T16:00:00Z'));
  await ok(lead.patch(`${A}/${stage2.id}/report`, {
    summary: 'Audit sur site au siège de Paris.',
    conclusions: 'Système de management en place ; une non-conformité majeure (surveillance de la dérive du score) et deux mineures à corriger avant la décision.',
    closingMeetingDate: '2026-11-27',
    attendees: [{ name: 'Claire Martin', organization: 'Lumière Crédit', role: 'Directrice générale' }],
    recommendation: 'grant_after_corrections',
  }));
  const issued = await ok<{ status: string }>(lead.post(`${A}/${stage2.id}/report/issue`));
  expect(issued.status).toBe('issued');
  const pdf = await lead.get(`${A}/${stage2.id}/report/files/fr/pdf`);
  expect(pdf.statusCode).toBe(200);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
  expect(String(text)).toContain('Lumière Crédit');
  expect(String(text)).toContain(stage2.reference);
  await ok(lead.post(`${A}/${stage2.id}/transitions`, { event: 'report', date: '2026-11-27' }));

  // Both audit logs show the reads: the organization's "who read what", the body's audit log.
  const reads = await ok<{ items: { resource: string; readerEmail: string | null; bodyName: string }[] }>(org.owner.get(`/api/tenants/${org.tenant.id}/certification/engagement-reads`));
  expect(reads.items.filter((r) => r.resource === 'soa' && r.readerEmail === leadUser.email).length).toBeGreaterThanOrEqual(2);
  expect(reads.items.every((r) => r.bodyName === 'Vérité Certification')).toBe(true);
  const bodyLog = await t.p.db.selectFrom('audit_events').select(['action', 'actor_id']).where('tenant_id', '=', body.id).where('action', '=', 'engagement.aims_read').execute();
  expect(bodyLog.length).toBe(reads.items.length);
  expect(bodyLog.every((e) => e.actor_id === leadUser.id)).toBe(true);
  return { stage2, leadUser, lead, findings: raised };
}

export type TRaised = { major: TFinding; minorCompetence: TFinding; minorReview: TFinding; observation: TFinding };
type TFinding = { id: string; reference: string; class: string; state: string; responseDueOn: string | null; verificationDueOn: string | null; closureDueOn: string | null };

/** What Marc Petit found at Lumière Crédit's head office, each against the requirement it breaches. */
async function raiseStage2Findings(ok: TOk, lead: TClient, bodyId: string, auditId: string): Promise<TRaised> {
  const F = `/api/tenants/${bodyId}/audits/${auditId}/findings`;
  const major = await ok<TFinding>(lead.post(F, {
    class: 'major',
    ref: 'A.6.2.6',
    statement: 'Les alertes de dérive du score Lumen ne déclenchent aucune action : trois dépassements de seuil en septembre et octobre sont restés sans analyse ni décision.',
    evidence: 'Tableau de bord de surveillance du 12 septembre au 20 octobre 2026 ; entretien avec le responsable science des données.',
  }), 201);
  const minorCompetence = await ok<TFinding>(lead.post(F, {
    class: 'minor',
    ref: '7.2',
    statement: 'Deux analystes de crédit qui utilisent le score n’ont pas d’attestation de formation à l’IA responsable.',
    evidence: 'Registre des formations 2026, échantillon de huit personnes.',
  }), 201);
  const minorReview = await ok<TFinding>(lead.post(F, {
    class: 'minor',
    ref: '9.3.2',
    statement: 'La revue de direction de juin ne reprend pas les résultats de l’audit interne du système de management de l’IA.',
    evidence: 'Compte rendu de la revue de direction du 18 juin 2026.',
  }), 201);
  const observation = await ok<TFinding>(lead.post(F, {
    class: 'observation',
    statement: 'Les critères d’acceptation du risque gagneraient à nommer qui accepte un risque résiduel élevé.',
  }), 201);
  expect([major, minorCompetence, minorReview].map((f) => f.state)).toEqual(['open', 'open', 'open']);
  expect(observation.state).toBe('noted');
  expect(major.reference).toMatch(/^NC-2026-\d{4}$/);
  return { major, minorCompetence, minorReview, observation };
}
