import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import { createAiSystemsService } from '../../server/modules/ai-systems/ai-systems-service.ts';
import { createAiIncidentsService } from '../../server/modules/aims-records/ai-incidents/ai-incidents-service.ts';
import { createAuditProgrammesService } from '../../server/modules/aims-records/internal-audits/audit-programmes-service.ts';
import { createInternalAuditsService } from '../../server/modules/aims-records/internal-audits/internal-audits-service.ts';
import { createManagementReviewsService } from '../../server/modules/aims-records/management-reviews/management-reviews-service.ts';
import { createNonconformitiesService } from '../../server/modules/aims-records/nonconformities/nonconformities-service.ts';
import { createScopeService } from '../../server/modules/aims-records/scope/scope-service.ts';
import { ZAiListQuery } from '../../shared/contracts/ai-systems.ts';
import { ZCreateIncidentBody } from '../../shared/contracts/ai-incidents.ts';
import { ZCreateAuditBody, ZCreateFindingBody, ZCreateProgrammeBody } from '../../shared/contracts/internal-audits.ts';
import { ZCreateReviewBody } from '../../shared/contracts/management-reviews.ts';
import { ZRaiseNonconformityBody, ZUpdateNonconformityBody } from '../../shared/contracts/nonconformities.ts';
import { onDay } from './on-day.ts';
import type { TDemoTenant } from './people.ts';

const AIMS = 'iso-iec-42001-2023';

/**
 * The management-system records the demo shows: the AIMS scope approved by the owner (with the AI
 * systems in scope frozen at approval), a bias incident on the credit score that raised a
 * nonconformity; the year's internal audit, whose finding on the risk criteria raised a second
 * nonconformity; and the autumn management review.
 */
export async function seedRecords(p: TPlatform, ctx: TRequestContext, org: TDemoTenant): Promise<string[]> {
  const claire = org.actors.get('claire.martin@lumiere-credit.example')!;
  const hugo = org.actors.get('hugo.bernard@lumiere-credit.example')!;
  const ines = org.actors.get('ines.dubois@lumiere-credit.example')!;
  const now = p.clock.now().getTime();
  const day = (offset: number) => new Date(now + offset * 86_400_000);

  const scope = createScopeService(p);
  const started = await scope.startVersion(ines, org.id, {
    boundaries: 'Les activités de crédit à la consommation de Lumière Crédit en France : octroi, lutte contre la fraude et relation client, au siège de Paris et sur les plateformes cloud de l’entreprise.',
    applicability: 'Lumière Crédit est fournisseur et déployeur de son score d’octroi, déployeur de ses autres systèmes d’IA. Les enjeux retenus sont l’équité envers les demandeurs, la conformité au règlement européen sur l’IA et la confiance des partenaires bancaires.',
    exclusions: [{ item: 'L’activité d’affacturage de la filiale belge', reason: 'Elle n’utilise aucun système d’IA et dispose de son propre système de management.' }],
  }, ctx);
  await scope.approve(claire, org.id, started.version, 'Domaine validé en comité de direction.', ctx);

  const systems = await createAiSystemsService(p).list(hugo, org.id, ZAiListQuery.parse({ q: 'Lumen' }));
  const scoring = systems.items[0];
  const lines = ['  AIMS scope approved'];
  if (scoring) {
    const incidents = createAiIncidentsService(p);
    const incident = await incidents.create(hugo, org.id, ZCreateIncidentBody.parse({
      aiSystemId: scoring.id,
      title: 'Écart de taux d’acceptation sur les demandeurs de moins de 25 ans',
      type: 'bias',
      severity: 'high',
      occurredAt: day(-40).toISOString(),
      detectedAt: day(-33).toISOString(),
      description: 'La surveillance hebdomadaire a montré un taux d’acceptation inférieur de 6 points pour les moins de 25 ans, au-delà du seuil interne.',
      immediateAction: 'Revue humaine systématique des refus pour cette tranche d’âge jusqu’à correction du modèle.',
    }), ctx);
    await incidents.raiseNonconformity(hugo, org.id, incident.id, ZRaiseNonconformityBody.parse({ ownerId: hugo.userId, dueOn: day(20).toISOString().slice(0, 10), requirements: [{ frameworkId: AIMS, ref: 'A.7.4' }] }), ctx);
    lines.push('  1 AI incident, which raised a nonconformity');
  }
  lines.push(...(await seedAuditAndReview(p, ctx, org, day)));
  return lines;
}


/**
 * The year's internal audit programme with one completed audit of risk management: the compliance
 * lead audits an area the admin owns (never her own, 9.2.2), and of her two findings the minor
 * nonconformity on the risk criteria raised the second nonconformity. Then the management review
 * of the autumn, held with every 9.3.2 input addressed and its decisions, completed by the owner.
 * Each step runs on the day it happened (the service's clock set to it).
 */
async function seedAuditAndReview(p: TPlatform, ctx: TRequestContext, org: TDemoTenant, day: (offset: number) => Date): Promise<string[]> {
  const claire = org.actors.get('claire.martin@lumiere-credit.example')!;
  const hugo = org.actors.get('hugo.bernard@lumiere-credit.example')!;
  const ines = org.actors.get('ines.dubois@lumiere-credit.example')!;
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const year = day(0).getUTCFullYear();

  const programme = await createAuditProgrammesService(onDay(p, day(-120))).create(ines, org.id, ZCreateProgrammeBody.parse({
    title: `Programme d’audit interne ${year}`,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    processes: 'Gestion des risques IA, cycle de vie des modèles, gestion des fournisseurs de données, information des demandeurs de crédit.',
    criteria: 'Les exigences de l’ISO/IEC 42001 retenues dans la déclaration d’applicabilité et les procédures internes de Lumière Crédit.',
    requirements: [{ frameworkId: AIMS, ref: '6.1.2' }, { frameworkId: AIMS, ref: '6.1.3' }, { frameworkId: AIMS, ref: '8.2' }, { frameworkId: AIMS, ref: 'A.5.2' }],
  }), ctx);

  const audit = await createInternalAuditsService(onDay(p, day(-90))).create(ines, org.id, ZCreateAuditBody.parse({
    programmeId: programme.id,
    title: 'Audit du processus de gestion des risques IA',
    scope: 'Appréciation et traitement des risques du score d’octroi Lumen et de l’outil de détection de fraude, de la cartographie à la validation des mesures.',
    plannedOn: iso(day(-50)),
    auditorId: ines.userId,
    auditeeIds: [hugo.userId],
    requirements: [{ frameworkId: AIMS, ref: '6.1.2' }, { frameworkId: AIMS, ref: '6.1.3' }, { frameworkId: AIMS, ref: '8.2' }],
  }), ctx);
  await createInternalAuditsService(onDay(p, day(-50))).transition(ines, org.id, audit.id, 'start', ctx);
  const onAuditDay = createInternalAuditsService(onDay(p, day(-49)));
  const finding = await onAuditDay.addFinding(ines, org.id, audit.id, ZCreateFindingBody.parse({
    type: 'minor_nonconformity',
    requirement: { frameworkId: AIMS, ref: '6.1.2' },
    description: 'Les critères d’acceptation des risques n’ont pas été revus depuis 14 mois, alors que la procédure prévoit une revue annuelle.',
    evidence: 'Procédure de gestion des risques v3, § 4 ; compte rendu du comité des risques de septembre de l’an dernier, dernière revue en date.',
    ownerId: claire.userId,
    dueOn: iso(day(30)),
  }), ctx);
  await onAuditDay.addFinding(ines, org.id, audit.id, ZCreateFindingBody.parse({
    type: 'opportunity',
    requirement: { frameworkId: AIMS, ref: '8.2' },
    description: 'Les analyses de risques des deux systèmes gagneraient à partager un même gabarit, pour comparer les niveaux de risque d’un système à l’autre.',
  }), ctx);
  const nc = finding.findingList.find((f) => f.nonconformity)?.nonconformity;
  if (nc) {
    await createNonconformitiesService(p).update(claire, org.id, nc.id, ZUpdateNonconformityBody.parse({ correction: 'Revue des critères inscrite au prochain comité des risques.' }), ctx);
  }
  const closing = createInternalAuditsService(onDay(p, day(-45)));
  await closing.update(ines, org.id, audit.id, { conclusion: 'Le processus est appliqué et les appréciations de risques sont à jour pour les deux systèmes. Une non-conformité mineure sur la revue des critères d’acceptation ; une piste d’amélioration sur l’harmonisation des analyses.' }, ctx);
  await closing.transition(ines, org.id, audit.id, 'complete', ctx);

  const reviews = createManagementReviewsService(onDay(p, day(-14)));
  const review = await reviews.create(claire, org.id, ZCreateReviewBody.parse({
    title: `Revue de direction du SMIA — automne ${year}`,
    heldOn: iso(day(-14)),
    attendees: ['Claire Martin', 'Hugo Bernard', 'Inès Dubois'],
    inputs: {
      previous_actions: 'Les trois actions de la revue précédente sont soldées : registre des systèmes complété, politique IA publiée, formation des analystes crédit réalisée.',
      issues_changes: 'Entrée en application progressive du règlement européen sur l’IA ; le score d’octroi est un système à haut risque. Nouveau partenaire bancaire exigeant un rapport annuel sur l’équité.',
      interested_parties_changes: 'Les associations de consommateurs demandent des explications plus lisibles sur les refus ; l’autorité de contrôle a publié de nouvelles attentes sur la gouvernance des modèles.',
      aims_performance: 'Deux non-conformités ouvertes : l’écart de taux d’acceptation des moins de 25 ans (incident de biais) et la revue des critères d’acceptation des risques relevée par l’audit interne.',
      monitoring_results: 'Objectifs d’équité atteints sauf pour la tranche des moins de 25 ans ; délai moyen de revue humaine des refus conforme à la cible.',
      audit_results: 'Audit interne du processus de gestion des risques terminé : une non-conformité mineure, une piste d’amélioration.',
      improvement_opportunities: 'Harmoniser les analyses de risques des systèmes ; automatiser l’alerte de dérive sur les indicateurs d’équité.',
    },
    decisions: [
      { decision: 'Recalibrer le score d’octroi sur la tranche des moins de 25 ans et en mesurer l’effet pendant deux mois.', ownerId: hugo.userId, dueOn: iso(day(45)) },
      { decision: 'Revoir les critères d’acceptation des risques au prochain comité des risques.', ownerId: claire.userId, dueOn: iso(day(30)) },
      { decision: 'Adopter un gabarit commun d’analyse de risques pour tous les systèmes d’IA.', ownerId: ines.userId, dueOn: iso(day(75)) },
    ],
  }), ctx);
  await reviews.complete(claire, org.id, review.id, ctx);
  return [`  Internal audit programme ${year}: 1 audit completed, 2 findings${nc ? ' (one raised a nonconformity)' : ''}`, '  1 management review completed', `  ${nc ? 2 : 1} nonconformities open`];
}
