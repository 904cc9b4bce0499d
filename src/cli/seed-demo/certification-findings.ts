import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import type { TUserActor } from '../../server/platform/authz/actor.ts';
import { createAddAuditService } from '../../server/modules/certification/audits/add-audit-service.ts';
import {
  createAuditsService,
  createChecklistService,
  createFindingVerdictService,
  createFindingsService,
  createOrgFindingsService,
  createReportService,
} from '../../server/modules/certification/index.ts';
import { ZAddCertAuditBody } from '../../shared/contracts/cert-audits.ts';
import { ZCloseFindingBody, ZRaiseFindingBody, ZSubmitResponseBody, ZVerdictBody, ZVerifyFindingBody, type TRaiseFindingBody } from '../../shared/contracts/findings.ts';
import { staff } from './audit-steps.ts';
import { dayOf, onDay } from './on-day.ts';
import type { TDemoTenant } from './people.ts';

type TDay = (offset: number, hour?: number) => Date;

/** What Marc Petit found at Lumière Crédit's head office during stage 2: the refs the checklist marks nonconforming. */
export const STAGE2_FINDINGS: (TRaiseFindingBody & { key: 'major' | 'training' | 'review' | 'risk' })[] = [
  {
    key: 'major',
    class: 'major',
    ref: 'A.6.2.6',
    statement: 'Les alertes de dérive du score Lumen ne déclenchent aucune action : trois dépassements de seuil entre la mi-avril et la fin mai sont restés sans analyse ni décision.',
    evidence: 'Tableau de bord de surveillance des modèles sur huit semaines ; boîte de réception partagée des alertes ; entretien avec le responsable science des données.',
  },
  {
    key: 'training',
    class: 'minor',
    ref: '7.2',
    statement: 'Deux analystes de crédit qui utilisent le score Lumen n’ont pas d’attestation de formation à l’IA responsable.',
    evidence: 'Registre des formations, échantillon de huit analystes du service d’octroi.',
  },
  {
    key: 'review',
    class: 'minor',
    ref: '9.3.2',
    statement: 'La dernière revue de direction ne reprend pas les résultats de l’audit interne du système de management de l’IA.',
    evidence: 'Compte rendu de la revue de direction ; programme d’audit interne.',
  },
  {
    key: 'risk',
    class: 'observation',
    ref: '6.1.3',
    statement: 'Les critères d’acceptation des risques gagneraient à nommer qui peut accepter un risque résiduel élevé.',
    evidence: 'Procédure d’appréciation des risques liés à l’IA, version 2.',
  },
];

/**
 * Stage 2's findings and what followed, through the services and each on its day: raised on the
 * audit's third day, answered by Lumière Crédit's compliance lead — the training root cause first
 * rejected because it restates the finding, then accepted —, and the major verified on site by a
 * follow-up audit six weeks after stage 2, with its own report.
 */
export async function seedStage2Findings(p: TPlatform, ctx: TRequestContext, body: TDemoTenant, org: TDemoTenant, engagementId: string, stage2Id: string, day: TDay) {
  const anne = body.actors.get('anne.leroy@verite-certification.example')!;
  const marc = body.actors.get('marc.petit@verite-certification.example')!;
  const ines = org.actors.get('ines.dubois@lumiere-credit.example')!;
  const ids = new Map<string, { id: string; reference: string }>();
  for (const { key, ...f } of STAGE2_FINDINGS) {
    const raised = await createFindingsService(onDay(p, day(-1, 11))).raise(marc, body.id, stage2Id, ZRaiseFindingBody.parse(f), ctx);
    ids.set(key, { id: raised.id, reference: raised.reference });
  }
  const stage2Reports = createReportService(onDay(p, day(1, 17)));
  await stage2Reports.update(marc, body.id, stage2Id, {
    summary: 'Audit sur site au siège de Paris, quatre jours, sur l’ensemble du domaine d’application ; le score d’octroi Lumen échantillonné comme système à haut risque.',
    conclusions: `Système de management de l’IA en place et largement efficace. Une non-conformité majeure (${ids.get('major')!.reference}, surveillance de la dérive du score) et deux mineures (${ids.get('training')!.reference}, ${ids.get('review')!.reference}) doivent être traitées avant la décision ; la majeure sera vérifiée par un audit de suivi.`,
    closingMeetingDate: dayOf(day(1)),
    attendees: [
      { name: 'Claire Martin', organization: 'Lumière Crédit', role: 'Directrice générale' },
      { name: 'Hugo Bernard', organization: 'Lumière Crédit', role: 'Directeur des risques' },
      { name: 'Inès Dubois', organization: 'Lumière Crédit', role: 'Responsable conformité' },
    ],
    recommendation: 'grant_after_corrections',
  } as never, ctx);
  await stage2Reports.issue(marc, body.id, stage2Id, ctx);
  await createAuditsService(onDay(p, day(1, 18))).transition(marc, body.id, stage2Id, { event: 'report', date: dayOf(day(1)) }, ctx);

  const respond = (when: Date, key: string, answer: Record<string, unknown>) =>
    createOrgFindingsService(onDay(p, when)).respond(ines, org.id, ids.get(key)!.id, ZSubmitResponseBody.parse(answer), ctx);
  const judge = (when: Date, key: string, verdict: 'accepted' | 'rejected', reason = '') =>
    createFindingVerdictService(onDay(p, when)).verdict(marc, body.id, ids.get(key)!.id, ZVerdictBody.parse({ verdict, reason }), ctx);

  await respond(day(8, 10), 'training', {
    correction: 'Les deux analystes ont suivi la formation à l’IA responsable ; leurs attestations sont au registre.',
    rootCause: 'Les analystes n’avaient pas été formés.',
    correctiveAction: 'Rappel aux managers de l’obligation de formation.',
    plannedCompletionOn: dayOf(day(40)),
  });
  await judge(day(11, 9), 'training', 'rejected', 'La cause racine reformule le constat : pourquoi un analyste peut-il utiliser le score sans avoir été formé ? Le rappel aux managers ne l’empêche pas de se reproduire.');
  await respond(day(14, 16), 'training', {
    correction: 'Les deux analystes ont suivi la formation à l’IA responsable ; leurs attestations sont au registre.',
    rootCause: 'L’habilitation à l’outil d’octroi ne dépendait d’aucun prérequis : le parcours d’arrivée des métiers du crédit ne prévoyait pas la formation IA.',
    correctiveAction: 'La formation devient un prérequis technique de l’habilitation au score, contrôlé chaque trimestre par la conformité.',
    plannedCompletionOn: dayOf(day(45)),
  });
  await judge(day(16, 10), 'training', 'accepted');
  await respond(day(9, 15), 'review', {
    correction: 'Une revue de direction complémentaire a examiné les résultats de l’audit interne.',
    rootCause: 'L’ordre du jour type de la revue de direction ne reprenait pas les entrées exigées par 9.3.2.',
    correctiveAction: 'Ordre du jour type aligné sur 9.3.2, vérifié par la conformité avant chaque revue.',
    plannedCompletionOn: dayOf(day(30)),
  });
  await judge(day(12, 14), 'review', 'accepted');
  await respond(day(10, 11), 'major', {
    correction: 'Les trois dépassements ont été analysés ; le modèle Lumen a été recalibré et redéployé après validation.',
    rootCause: 'Aucun rôle n’était chargé de traiter les alertes de dérive : elles arrivaient dans une boîte partagée sans astreinte ni délai.',
    correctiveAction: 'Procédure de traitement des alertes : un responsable nommé et son suppléant, un délai de 48 heures, un compte rendu mensuel au comité des modèles.',
    plannedCompletionOn: dayOf(day(25)),
  });
  await judge(day(13, 9), 'major', 'accepted');

  // The follow-up verification of the major, on site, half a day.
  const followUp = await createAddAuditService(onDay(p, day(20, 9))).add(anne, body.id, ZAddCertAuditBody.parse({
    engagementId,
    type: 'follow_up',
    reason: `Vérification sur site de la correction et de l’action corrective de la non-conformité majeure ${ids.get('major')!.reference}.`,
    plannedDays: 0.5,
  }), ctx);
  await staff(p, ctx, anne, marc, body.id, followUp.id, day(22), { plannedStart: dayOf(day(40)), plannedEnd: dayOf(day(40)), plannedDays: 0.5, onSiteDays: 0.5 }, 0.5);
  await createAuditsService(onDay(p, day(40, 8))).transition(marc, body.id, followUp.id, { event: 'start', date: dayOf(day(40)) }, ctx);
  const checklists = createChecklistService(onDay(p, day(40, 9)));
  const list = await checklists.generate(marc, body.id, followUp.id, { sample: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.1' }] }, ctx);
  for (const item of list.items) {
    await checklists.recordItem(marc, body.id, followUp.id, item.id, { verdict: 'conforming', notes: `Exigence ${item.ref} : correction et action corrective constatées sur site, deux alertes récentes traitées dans le délai.` }, ctx);
  }
  await createFindingVerdictService(onDay(p, day(40, 12))).verify(marc, body.id, ids.get('major')!.id, ZVerifyFindingBody.parse({
    method: 'on_site',
    auditId: followUp.id,
    notes: 'Procédure appliquée depuis six semaines ; registre des alertes tenu ; comptes rendus au comité des modèles consultés.',
  }), ctx);
  const reports = createReportService(onDay(p, day(40, 15)));
  await reports.update(marc, body.id, followUp.id, {
    summary: 'Audit de suivi sur site, une demi-journée, consacré à la non-conformité majeure de l’étape 2.',
    conclusions: `La correction et l’action corrective de ${ids.get('major')!.reference} sont mises en œuvre et efficaces ; la non-conformité est levée.`,
    closingMeetingDate: dayOf(day(40)),
    attendees: [
      { name: 'Claire Martin', organization: 'Lumière Crédit', role: 'Directrice générale' },
      { name: 'Inès Dubois', organization: 'Lumière Crédit', role: 'Responsable conformité' },
    ],
    recommendation: 'grant',
  } as never, ctx);
  await reports.issue(marc, body.id, followUp.id, ctx);
  await createAuditsService(onDay(p, day(40, 16))).transition(marc, body.id, followUp.id, { event: 'report', date: dayOf(day(40)) }, ctx);
  // The minors' actions checked on the evidence sent, within the 90 days the body allows for closure.
  for (const [key, notes] of [
    ['training', 'Attestations de formation des analystes et paramétrage de l’habilitation conditionnelle consultés.'],
    ['review', 'Ordre du jour type et compte rendu de la revue complémentaire consultés.'],
  ] as const) {
    await createFindingVerdictService(onDay(p, day(key === 'training' ? 52 : 48, 11))).close(marc, body.id, ids.get(key)!.id, ZCloseFindingBody.parse({ notes }), ctx);
  }
  return { followUp, findings: ids, lead: marc as TUserActor };
}
