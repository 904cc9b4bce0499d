import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import type { TUserActor } from '../../server/platform/authz/actor.ts';
import {
  createAuditPlanService,
  createAuditorsService,
  createOrgAuditPlansService,
  createAuditsService,
  createChecklistService,
  createReportService,
  createTeamService,
} from '../../server/modules/certification/index.ts';
import { ZCertAuditListQuery } from '../../shared/contracts/cert-audits.ts';
import { ZAuditorCompetenceBody, ZAuditorConflictBody } from '../../shared/contracts/cert-audits.ts';
import type { TChecklistItem } from '../../shared/contracts/audit-work.ts';
import { IMPARTIALITY_STATEMENT_VERSION } from '../../shared/impartiality-statement.ts';
import { reviewAndDecide } from './certification-decisions.ts';
import { STAGE2_FINDINGS, seedStage2Findings } from './certification-findings.ts';
import { staff, workChecklist } from './audit-steps.ts';
import { onDay, dayOf } from './on-day.ts';
import type { TDemoTenant } from './people.ts';

type TDay = (offset: number, hour?: number) => Date;


/**
 * The auditors' competence records (17021-1 7.1), recorded on day 0 of `day`: Marc Petit, lead
 * auditor, qualified shortly before; Julien Moreau, auditor, qualified in 2025.
 */
export async function recordCompetences(p: TPlatform, ctx: TRequestContext, body: TDemoTenant, day: TDay) {
  const anne = body.actors.get('anne.leroy@verite-certification.example')!;
  const marc = body.actors.get('marc.petit@verite-certification.example')!;
  const julien = body.actors.get('julien.moreau@verite-certification.example')!;
  const auditors = createAuditorsService(onDay(p, day(0)));
  await auditors.recordCompetence(anne, body.id, ZAuditorCompetenceBody.parse({
    userId: marc.userId,
    scheme: 'iso42001',
    qualification: 'Auditeur principal ISO/IEC 27001 et ISO/IEC 42001 (IRCA)',
    iso42001TrainedOn: dayOf(day(-20)),
    aiDomainAreas: ['Modèles de score de crédit', 'Apprentissage automatique supervisé', 'Règlement européen sur l’IA'],
    auditsDone: 46,
    leadQualified: true,
    validFrom: dayOf(day(-10)),
    validUntil: '2028-03-31',
  }), ctx);
  await auditors.recordCompetence(anne, body.id, ZAuditorCompetenceBody.parse({
    userId: julien.userId,
    scheme: 'iso42001',
    qualification: 'Auditeur ISO/IEC 42001',
    iso42001TrainedOn: '2025-09-22',
    aiDomainAreas: ['Traitement automatique du langage'],
    auditsDone: 9,
    leadQualified: false,
    validFrom: '2025-10-01',
    validUntil: '2028-09-30',
  }), ctx);
}

/**
 * The audits of Lumière Crédit's first cycle, through the services: a declared conflict that keeps
 * another auditor off this client; stage 1 held remotely six weeks ago, its checklist worked in full and its report issued (ready for stage 2); stage 2 on
 * site this week, started, with its checklist generated from the approved SoA and partly worked.
 */
export async function seedCertificationAudits(p: TPlatform, ctx: TRequestContext, body: TDemoTenant, org: TDemoTenant, engagementId: string, day: TDay): Promise<string[]> {
  const anne = body.actors.get('anne.leroy@verite-certification.example')!;
  const marc = body.actors.get('marc.petit@verite-certification.example')!;
  const julien = body.actors.get('julien.moreau@verite-certification.example')!;

  const auditors = createAuditorsService(onDay(p, day(-60)));
  const audits = createAuditsService(p);
  const programme = await audits.list(anne, body.id, ZCertAuditListQuery.parse({ engagementId, limit: 20 }));
  const stage1 = programme.items.find((a) => a.type === 'stage1')!;
  const stage2 = programme.items.find((a) => a.type === 'stage2')!;
  const clientId = stage1.clientId;
  await auditors.declareConflict(anne, body.id, ZAuditorConflictBody.parse({
    clientId,
    userId: julien.userId,
    kind: 'consultancy',
    description: 'A accompagné Lumière Crédit dans la mise en place de son système de management de l’IA (mission de conseil terminée en mars 2025).',
    startedOn: '2024-09-01',
    endedOn: '2025-03-31',
  }), ctx);

  // Stage 1, remote: two days six weeks ago.
  await staff(p, ctx, anne, marc, body.id, stage1.id, day(-52), { plannedStart: dayOf(day(-45)), plannedEnd: dayOf(day(-44)), plannedDays: stage1.plannedDays || 2, onSiteDays: 0 }, stage1.plannedDays || 2);
  await createAuditsService(onDay(p, day(-45, 8))).transition(marc, body.id, stage1.id, { event: 'start', date: dayOf(day(-45)) }, ctx);
  const stage1Checklist = await workChecklist(onDay(p, day(-45, 11)), ctx, marc, body.id, stage1.id, 1);
  const reports = createReportService(onDay(p, day(-44, 17)));
  await reports.update(marc, body.id, stage1.id, {
    summary: 'Revue documentaire du système de management de l’IA de Lumière Crédit, à distance, sur la base des informations documentées et de la vue de préparation de l’organisme.',
    conformities: 'Politique IA approuvée par la direction ; domaine d’application validé ; déclaration d’applicabilité approuvée ; évaluation d’impact du score d’octroi réalisée, y compris l’analyse des droits fondamentaux.',
    observations: 'Les critères d’acceptation du risque ne précisent pas qui peut accepter un risque résiduel élevé ; la revue de direction ne reprend pas encore les indicateurs d’équité du score.',
    areasToClarify: 'Preuves de la surveillance hebdomadaire des écarts de taux d’acceptation ; modalités de validation des nouvelles versions du modèle Lumen.',
    readyForStage2: 'yes',
  }, ctx);
  await reports.issue(marc, body.id, stage1.id, ctx);
  await createAuditsService(onDay(p, day(-44, 18))).transition(marc, body.id, stage1.id, { event: 'report', date: dayOf(day(-44)) }, ctx);

  // Stage 2, on site at the head office this week: started, checklist partly worked.
  await staff(p, ctx, anne, marc, body.id, stage2.id, day(-20), { plannedStart: dayOf(day(-3)), plannedEnd: dayOf(day(1)), plannedDays: stage2.plannedDays || 5, onSiteDays: stage2.onSiteDays || 4 }, stage2.plannedDays || 5);
  await planStage2(p, ctx, marc, org, body.id, stage2.id, engagementId, day);
  await createAuditsService(onDay(p, day(-3, 8))).transition(marc, body.id, stage2.id, { event: 'start', date: dayOf(day(-3)) }, ctx);
  const found = new Map(STAGE2_FINDINGS.map((f) => [f.ref, f.class]));
  const stage2Checklist = await workChecklist(onDay(p, day(-1, 16)), ctx, marc, body.id, stage2.id, 1, (item, i) => {
    const cls = found.get(item.ref);
    return cls === 'major' || cls === 'minor' ? 'nonconforming' : cls || i % 13 === 6 ? 'observation' : 'conforming';
  });
  const { followUp, findings } = await seedStage2Findings(p, ctx, body, org, engagementId, stage2.id, day);
  const granted = await reviewAndDecide(p, ctx, body, {
    programmeId: stage2.programmeId,
    auditId: stage2.id,
    reviewOn: 47,
    decideOn: 54,
    reviewNotes: 'Dossier complet : rapports d’étape 1 et d’étape 2 émis, non-conformité majeure vérifiée sur site par l’audit de suivi, plans d’actions des deux mineures acceptés, déclarations d’impartialité signées, compétence de l’équipe valide aux dates d’audit.',
    reasoning: 'Les exigences de l’ISO/IEC 42001:2023 sont satisfaites sur le domaine audité : la non-conformité majeure a été levée lors de l’audit de suivi, les plans d’actions des deux non-conformités mineures sont acceptés et seront vérifiés lors de la surveillance.',
  }, day);
  // Surveillance 1 is booked: within twelve months of the decision, four months from today.
  const surveillance1 = programme.items.find((a) => a.type === 'surveillance' && a.sequence === 1)!;
  await staff(p, ctx, anne, marc, body.id, surveillance1.id, day(170), { plannedStart: dayOf(day(300)), plannedEnd: dayOf(day(301)), plannedDays: surveillance1.plannedDays || 2, onSiteDays: surveillance1.plannedDays || 2 }, surveillance1.plannedDays || 2);

  return [
    `  stage 1 ${stage1.reference} reported (${stage1Checklist.judged} checklist items, ready for stage 2)`,
    `  stage 2 ${stage2.reference} reported (${stage2Checklist.total} checklist items): ${[...findings.values()].map((f) => f.reference).join(', ')}; one root cause rejected, then accepted`,
    `  follow-up ${followUp.reference} verified the major on site`,
    `  certificate ${granted.certificateNumber} granted on ${granted.decidedOn} (${granted.reference}); surveillance 1 ${surveillance1.reference} confirmed for ${dayOf(day(300))}`,
  ];
}

/**
 * The stage 2 plan the lead auditor issues ten days before, in French, and Lumière Crédit's owner
 * acknowledges: four days at the head office, the credit score sampled as the high-risk system.
 */
async function planStage2(p: TPlatform, ctx: TRequestContext, lead: TUserActor, org: TDemoTenant, bodyId: string, auditId: string, engagementId: string, day: TDay) {
  const plans = createAuditPlanService(onDay(p, day(-12, 10)));
  const draft = await plans.get(lead, bodyId, auditId);
  const site = draft.options.sites.find((x) => x.isCentral)!;
  const lumen = draft.options.aiSystems.find((a) => a.tier === 'high');
  const d = (offset: number) => dayOf(day(-3 + offset));
  const session = (offset: number, start: string, end: string, topic: string, interviewees: string[], requirements: string[]) => ({ day: d(offset), start, end, siteId: site.id, topic, interviewees, requirements });
  await plans.update(lead, bodyId, auditId, {
    startDate: d(0),
    endDate: d(3),
    objectives: 'Évaluer la mise en œuvre et l’efficacité du système de management de l’IA au regard de l’ISO/IEC 42001:2023 et de la déclaration d’applicabilité approuvée, et recommander ou non la certification.',
    scope: 'Conception, développement, déploiement et surveillance des systèmes d’IA de Lumière Crédit pour l’octroi de crédit à la consommation, la lutte contre la fraude et la relation client, au siège de Paris.',
    siteIds: [site.id],
    sessions: [
      session(0, '09:00', '10:00', 'Réunion d’ouverture', ['Directrice générale', 'Responsable conformité'], []),
      session(0, '10:15', '12:30', 'Contexte, domaine d’application et leadership', ['Directrice générale'], ['4.1', '4.2', '4.3', '5.1', '5.2', '5.3']),
      session(0, '14:00', '17:30', 'Appréciation et traitement des risques liés à l’IA', ['Responsable des risques', 'Responsable conformité'], ['6.1.2', '6.1.3', '8.2', '8.3', 'A.5.2']),
      session(1, '09:00', '12:30', 'Évaluation d’impact du score d’octroi', ['Responsable science des données', 'Délégué à la protection des données'], ['6.1.4', '8.4', 'A.5.3', 'A.5.4']),
      session(1, '14:00', '17:30', 'Cycle de vie du modèle Lumen : données, validation, surveillance', ['Responsable science des données'], ['A.6.2.4', 'A.6.2.6', 'A.7.4']),
      session(2, '09:00', '12:30', 'Fournisseurs, tiers et information des parties intéressées', ['Acheteur informatique', 'Responsable relation client'], ['A.10.2', 'A.10.3', 'A.8.2']),
      session(2, '14:00', '17:30', 'Audit interne, revue de direction, non-conformités', ['Responsable conformité'], ['9.2.1', '9.3.1', '10.2']),
      session(3, '09:00', '12:00', 'Synthèse de l’équipe d’audit', [], []),
      session(3, '14:00', '15:00', 'Réunion de clôture', ['Directrice générale', 'Responsable conformité'], []),
    ],
    sampledAiSystems: lumen ? [{ aiSystemId: lumen.id, reason: 'Seul système à haut risque (annexe III, point 5 b) : audité en profondeur, de la conception à la surveillance après commercialisation.' }] : [],
  }, ctx);
  await plans.issue(lead, bodyId, auditId, { locale: 'fr' }, ctx);
  const claire = org.actors.get('claire.martin@lumiere-credit.example')!;
  const orgPlans = createOrgAuditPlansService(onDay(p, day(-10, 15)));
  const issued = (await orgPlans.list(claire, org.id, engagementId)).items.find((x) => x.auditId === auditId)!;
  await orgPlans.acknowledge(claire, org.id, engagementId, issued.id, ctx);
}


