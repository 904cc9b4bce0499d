import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from 'vitest';
import { verifyCertificateFile } from '../../src/cli/verify-certificate.ts';
import { expireCertificates } from '../../src/server/modules/certification/certificates/jobs/expire-certificates.ts';
import type { TTestClock } from '../../src/server/platform/clock/clock.ts';
import { IMPARTIALITY_STATEMENT_VERSION } from '../../src/shared/impartiality-statement.ts';
import { as, buildMembership, type TBuiltTenant } from '../support/factories.ts';
import { createClient, type TClient, type TTestApp } from '../support/test-app.ts';
import type { TRaised } from './certification-journey-audits.ts';

type TOk = <T = Record<string, unknown>>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status?: number) => Promise<T>;
type TFinding = { id: string; reference: string; class: string; state: string; responseDueOn: string | null; closureDueOn: string | null; verificationDueOn: string | null; nonconformityId?: string | null };
type TFindingDetail = TFinding & { responses: { version: number; verdict: string | null; verdictReason: string }[] };

export type TJourneyCtx = {
  t: TTestApp;
  clock: TTestClock;
  ok: TOk;
  body: TBuiltTenant;
  manager: TClient;
  org: { tenant: TBuiltTenant; owner: TClient };
  engagementId: string;
  clientId: string;
  stage2: { id: string; reference: string };
  leadUser: TBuiltTenant['owner'];
  lead: TClient;
  findings: TRaised;
  /** A decision maker of the body who observes the follow-up audit (and so may not decide). */
  observerUser: TBuiltTenant['owner'];
  observer: TClient;
};

/**
 * Issue 11, first half: the organization answers stage 2's nonconformities in its own workspace
 * (one root cause rejected because it restates the symptom, then accepted), and a follow-up audit
 * verifies the major on site. Returns the follow-up audit.
 */
export async function journeyCorrectiveActions(o: TJourneyCtx) {
  const { t, clock, ok, body, manager, org, lead, findings } = o;
  const O = `/api/tenants/${org.tenant.id}/certification/findings`;
  const F = `/api/tenants/${body.id}/audit-findings`;

  // Shared at once: the organization sees the three nonconformities with their deadlines, counted
  // from stage 2's last day (27 November) under the body's defaults, and among its own nonconformities.
  clock.set(new Date('2026-11-30T09:00:00Z'));
  const mine = await ok<{ items: TFinding[] }>(org.owner.get(O));
  const byRef = new Map(mine.items.map((f) => [f.reference, f]));
  expect(byRef.get(findings.major.reference)).toMatchObject({ class: 'major', responseDueOn: '2026-12-27', verificationDueOn: '2027-05-27' });
  expect(byRef.get(findings.minorCompetence.reference)).toMatchObject({ class: 'minor', responseDueOn: '2026-12-27', closureDueOn: '2027-02-25' });
  const mirrored = await ok<{ items: { source: string; title: string }[] }>(org.owner.get(`/api/tenants/${org.tenant.id}/nonconformities?source=external_audit`));
  expect(mirrored.items).toHaveLength(3);

  const contributor = await as(t.app, await buildMembership(t.p, org.tenant, 'contributor'));
  const viewer = await as(t.app, await buildMembership(t.p, org.tenant, 'viewer'));
  const answer = (rootCause: string) => ({
    correction: 'Les deux analystes ont suivi la formation le 3 décembre ; attestations versées au registre.',
    rootCause,
    correctiveAction: 'La formation devient un prérequis de l’accès au score dans l’outil d’octroi, contrôlé chaque trimestre par la conformité.',
    plannedCompletionOn: '2027-01-31',
  });
  expect((await viewer.post(`${O}/${findings.minorCompetence.id}/responses`, answer('x'))).statusCode).toBe(403);

  // The classic rejection: a root cause that restates the symptom.
  clock.set(new Date('2026-12-04T10:00:00Z'));
  await ok(contributor.post(`${O}/${findings.minorCompetence.id}/responses`, answer('Les analystes n’avaient pas été formés.')), 201);
  const noReason = await lead.post(`${F}/${findings.minorCompetence.id}/verdict`, { verdict: 'rejected' });
  expect(noReason.statusCode).toBe(400);
  clock.set(new Date('2026-12-07T10:00:00Z'));
  await ok(lead.post(`${F}/${findings.minorCompetence.id}/verdict`, { verdict: 'rejected', reason: 'La cause racine reformule le constat : pourquoi la formation n’était-elle pas exigée avant l’accès au score ?' }));
  clock.set(new Date('2026-12-09T10:00:00Z'));
  await ok(contributor.post(`${O}/${findings.minorCompetence.id}/responses`, answer('L’habilitation à l’outil d’octroi ne dépendait d’aucun prérequis de formation : le processus d’arrivée ne prévoyait pas la formation IA pour les métiers du crédit.')), 201);
  await ok(lead.post(`${F}/${findings.minorCompetence.id}/verdict`, { verdict: 'accepted' }));
  const history = await ok<TFindingDetail>(org.owner.get(`${O}/${findings.minorCompetence.id}`));
  expect(history.state).toBe('accepted');
  expect(history.responses.map((r) => [r.version, r.verdict])).toEqual(expect.arrayContaining([[1, 'rejected'], [2, 'accepted']]));

  await ok(contributor.post(`${O}/${findings.minorReview.id}/responses`, {
    correction: 'Une revue de direction extraordinaire a examiné les résultats de l’audit interne le 10 décembre.',
    rootCause: 'Le modèle d’ordre du jour de la revue de direction ne listait pas les entrées exigées par 9.3.2.',
    correctiveAction: 'Ordre du jour type aligné sur 9.3.2, vérifié par la conformité avant chaque revue.',
    plannedCompletionOn: '2027-01-15',
  }), 201);
  await ok(lead.post(`${F}/${findings.minorReview.id}/verdict`, { verdict: 'accepted' }));
  await ok(contributor.post(`${O}/${findings.major.id}/responses`, {
    correction: 'Les trois dépassements de septembre et octobre ont été analysés ; le modèle a été recalibré le 8 décembre.',
    rootCause: 'Aucun rôle n’était chargé de traiter les alertes de dérive : elles arrivaient dans une boîte partagée sans astreinte.',
    correctiveAction: 'Procédure de traitement des alertes avec un responsable nommé, un délai de 48 heures et un compte rendu au comité des modèles.',
    plannedCompletionOn: '2026-12-31',
  }), 201);
  await ok(lead.post(`${F}/${findings.major.id}/verdict`, { verdict: 'accepted' }));
  expect((await ok<TFinding>(lead.get(`${F}/${findings.major.id}`))).state).toBe('accepted');

  // The major is verified on site by a follow-up audit, with its own short report.
  const A = `/api/tenants/${body.id}/audits`;
  clock.set(new Date('2027-01-04T09:00:00Z'));
  const followUp = await ok<{ id: string; reference: string; type: string }>(manager.post(A, {
    engagementId: o.engagementId,
    type: 'follow_up',
    reason: `Vérification sur site des corrections de la non-conformité majeure ${findings.major.reference}.`,
  }), 201);
  await ok(manager.patch(`${A}/${followUp.id}`, { plannedStart: '2027-01-12', plannedEnd: '2027-01-12', plannedDays: 0.5, onSiteDays: 0.5 }));
  await ok(manager.put(`${A}/${followUp.id}/team/${o.leadUser.id}`, { role: 'lead_auditor', plannedDays: 0.5 }));
  await ok(lead.post(`${A}/${followUp.id}/declaration`, { statementVersion: IMPARTIALITY_STATEMENT_VERSION, locale: 'fr' }));
  // A decision maker joins the follow-up as an observer: from then on they may not decide on this client in this cycle.
  await ok(manager.put(`${A}/${followUp.id}/team/${o.observerUser.id}`, { role: 'observer', plannedDays: 0.5 }));
  await ok(o.observer.post(`${A}/${followUp.id}/declaration`, { statementVersion: IMPARTIALITY_STATEMENT_VERSION, locale: 'fr' }));
  await ok(manager.post(`${A}/${followUp.id}/transitions`, { event: 'confirm' }));
  clock.set(new Date('2027-01-12T08:00:00Z'));
  await ok(lead.post(`${A}/${followUp.id}/transitions`, { event: 'start', date: '2027-01-12' }));
  const checklist = await ok<{ items: { id: string; ref: string }[] }>(lead.post(`${A}/${followUp.id}/checklist`, { sample: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.1' }] }), 201);
  // The sampled requirement and the areas of the earlier nonconformities, the major's among them.
  expect(checklist.items.map((i) => i.ref)).toEqual(expect.arrayContaining(['9.1', 'A.6.2.6', '7.2']));
  for (const item of checklist.items) await ok(lead.patch(`${A}/${followUp.id}/checklist/items/${item.id}`, { verdict: 'conforming', notes: `Vérifié sur site : ${item.ref}.` }));
  await ok(lead.post(`${F}/${findings.major.id}/verify`, { method: 'on_site', auditId: followUp.id, notes: 'Procédure appliquée ; deux alertes de décembre traitées sous 48 heures.' }));
  await ok(lead.patch(`${A}/${followUp.id}/report`, {
    summary: 'Audit de suivi sur site, une demi-journée.',
    conclusions: `Les corrections et l’action corrective de ${findings.major.reference} sont mises en œuvre et efficaces.`,
    closingMeetingDate: '2027-01-12',
    attendees: [{ name: 'Claire Martin', organization: 'Lumière Crédit', role: 'Directrice générale' }],
    recommendation: 'grant',
  }));
  await ok(lead.post(`${A}/${followUp.id}/report/issue`));
  await ok(lead.post(`${A}/${followUp.id}/transitions`, { event: 'report', date: '2027-01-12' }));
  expect((await ok<TFinding>(lead.get(`${F}/${findings.major.id}`))).state).toBe('verified');
  return followUp;
}

type TReview = { id: string; state: string; checklist: { item: string; fact?: unknown }[]; recommendation: string | null; fileSha256: string | null };
type TDecision = { id: string; reference: string; kind: string; certificateId: string | null; certificateNumber: string | null; decidedOn: string; fileSha256: string };

/**
 * Issue 11, second half: the technical review of the whole file, a decision refused to a decision
 * maker who observed the follow-up audit, then granted by an independent one; the programme is dated
 * from the decision and the certificate issued.
 */
export async function journeyDecision(o: TJourneyCtx) {
  const { t, clock, ok, body, manager } = o;
  const stage2 = await ok<{ programmeId: string }>(manager.get(`/api/tenants/${body.id}/audits/${o.stage2.id}`));
  const R = `/api/tenants/${body.id}/technical-reviews`;
  const D = `/api/tenants/${body.id}/decisions`;

  // Before the follow-up's verification the decision would have been blocked; now the file is whole.
  clock.set(new Date('2027-01-18T09:00:00Z'));
  const reviewer = await as(t.app, await buildMembership(t.p, body, 'technical_reviewer'));
  const review = await ok<TReview>(reviewer.post(R, { programmeId: stage2.programmeId, auditId: o.stage2.id }), 201);
  await ok(reviewer.patch(`${R}/${review.id}`, {
    items: review.checklist.map((i) => ({ item: i.item, confirmed: true, note: 'Vérifié sur pièces.' })),
    recommendation: 'grant',
    notes: 'Dossier complet : la majeure vérifiée sur site, les deux mineures avec un plan accepté.',
  }));
  const completed = await ok<TReview>(reviewer.post(`${R}/${review.id}/complete`));
  expect(completed.state).toBe('completed');
  expect(completed.fileSha256).toMatch(/^[0-9a-f]{64}$/);

  // 17021-1 9.5: who took part in an audit of this client in the cycle does not decide — refused, and told why.
  clock.set(new Date('2027-01-21T14:00:00Z'));
  const grant = { programmeId: stage2.programmeId, kind: 'grant', reasoning: 'Exigences satisfaites : non-conformité majeure vérifiée sur site le 12 janvier 2027, plans d’actions des deux mineures acceptés.' };
  const refused = await o.observer.post(D, grant);
  expect(refused.statusCode, refused.body).toBe(403);
  expect(refused.json()).toMatchObject({ code: 'cert_decision_not_independent' });
  expect(JSON.stringify(refused.json().details)).toContain('observer');

  const decider = await as(t.app, await buildMembership(t.p, body, 'decision_maker'));
  const decision = await ok<TDecision>(decider.post(D, grant), 201);
  expect(decision).toMatchObject({ kind: 'grant', decidedOn: '2027-01-21', fileSha256: completed.fileSha256 });
  expect(decision.certificateNumber).toBeTruthy();

  // The cycle starts at the decision: surveillance 1 within twelve months, the certificate for three years.
  const calendar = await ok<{ items: { type: string; sequence: number; dueBy: string | null }[] }>(manager.get(`/api/tenants/${body.id}/audits?clientId=${o.clientId}`));
  const due = (type: string, sequence: number) => calendar.items.find((a) => a.type === type && a.sequence === sequence)?.dueBy;
  expect(due('surveillance', 1)).toBe('2028-01-20');
  expect(due('surveillance', 2)).toBe('2029-01-20');
  return { decision, programmeId: stage2.programmeId, decider };
}

/**
 * Issue 11, the certificate: both PDFs read back, the credential verified offline by `attest verify`
 * and refused after one changed byte, the public register's status through a suspension, a
 * reinstatement and, once the clock passes the expiry, the daily job's expiry.
 */
export async function journeyCertificate(o: TJourneyCtx, d: { programmeId: string; decider: TClient; certificateNumber: string }) {
  const { t, clock, ok, org } = o;
  const C = `/api/tenants/${org.tenant.id}/certification/certificates`;
  const list = await ok<{ items: { id: string; number: string; status: string }[] }>(org.owner.get(C));
  const cert = list.items.find((c) => c.number === d.certificateNumber)!;
  expect(cert.status).toBe('valid');

  const en = await pdfText((await org.owner.get(`${C}/${cert.id}/pdf/en`)).rawPayload);
  expect(en).toContain(d.certificateNumber);
  expect(en).toContain('Lumière Crédit SAS');
  expect(en).toContain('ISO/IEC 42001:2023');
  expect(en).toMatch(/January 2030/);
  const fr = await pdfText((await org.owner.get(`${C}/${cert.id}/pdf/fr`)).rawPayload);
  expect(fr).toContain(d.certificateNumber);
  expect(fr).toContain('Lumière Crédit SAS');
  expect(fr).toMatch(/21 janvier 2027/);
  expect(fr).toMatch(/janvier 2030/);

  // The signed credential, verified offline against the body's published key; one changed byte and it is refused.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-journey-'));
  const vcFile = path.join(dir, 'certificate.json');
  const keyFile = path.join(dir, 'keys.json');
  const vcText = (await org.owner.get(`${C}/${cert.id}/credential`)).body;
  fs.writeFileSync(vcFile, vcText);
  fs.writeFileSync(keyFile, (await createClient(t.app).get('/.well-known/attest-keys.json')).body);
  const out: string[] = [];
  const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
  expect(await verifyCertificateFile(vcFile, keyFile, io)).toBe(0);
  expect(out.join('\n')).toContain('Lumière Crédit SAS');
  fs.writeFileSync(vcFile, vcText.replace('Lumière Crédit SAS', 'Lumière Crédit SAT'));
  expect(await verifyCertificateFile(vcFile, keyFile, io)).toBe(1);

  // The public register, without an account: valid, then suspended, then valid again.
  const visitor = createClient(t.app);
  const status = async () => (await ok<{ status: string }>(visitor.get(`/api/register/certificates/${encodeURIComponent(d.certificateNumber)}`))).status;
  expect(await status()).toBe('valid');
  clock.set(new Date('2027-06-01T10:00:00Z'));
  const D = `/api/tenants/${o.body.id}/decisions`;
  await ok(d.decider.post(D, {
    programmeId: d.programmeId,
    kind: 'suspend',
    certificateId: cert.id,
    suspendedUntil: '2027-09-30',
    reasoning: 'Le client refuse la date de l’audit de surveillance sans en proposer d’autre.',
    publicReason: { en: 'Surveillance audit refused by the client.', fr: 'Audit de surveillance refusé par le client.' },
  }), 201);
  expect(await status()).toBe('suspended');
  clock.set(new Date('2027-07-05T10:00:00Z'));
  await ok(d.decider.post(D, { programmeId: d.programmeId, kind: 'reinstate', certificateId: cert.id, reasoning: 'L’audit de surveillance a été replanifié et confirmé.' }), 201);
  expect(await status()).toBe('valid');

  // Three years after the decision, without a recertification, the daily job marks it expired.
  clock.set(new Date('2030-01-21T03:00:00Z'));
  await expireCertificates.handler({}, { platform: t.p, jobId: 'journey' });
  expect(await status()).toBe('expired');
  const history = await ok<{ history: { kind: string }[] }>(visitor.get(`/api/register/certificates/${encodeURIComponent(d.certificateNumber)}`));
  expect(history.history.map((h) => h.kind)).toEqual(expect.arrayContaining(['issued', 'suspended', 'reinstated', 'expired']));
}

async function pdfText(bytes: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return String(text).replace(/\s+/g, ' ');
}
