import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import { createAiSystemsService } from '../../server/modules/ai-systems/ai-systems-service.ts';
import { createAiIncidentsService } from '../../server/modules/aims-records/ai-incidents/ai-incidents-service.ts';
import { createNonconformitiesService } from '../../server/modules/aims-records/nonconformities/nonconformities-service.ts';
import { createScopeService } from '../../server/modules/aims-records/scope/scope-service.ts';
import { ZAiListQuery } from '../../shared/contracts/ai-systems.ts';
import { ZCreateIncidentBody } from '../../shared/contracts/ai-incidents.ts';
import { ZCreateNonconformityBody, ZRaiseNonconformityBody } from '../../shared/contracts/nonconformities.ts';
import type { TDemoTenant } from './people.ts';

const AIMS = 'iso-iec-42001-2023';

/**
 * The management-system records the demo shows: the AIMS scope approved by the owner (with the AI
 * systems in scope frozen at approval), a bias incident on the credit score that raised a
 * nonconformity, and a second nonconformity found when the risk criteria were last reviewed.
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
  await createNonconformitiesService(p).create(ines, org.id, ZCreateNonconformityBody.parse({
    title: 'Critères d’acceptation des risques non revus depuis 14 mois',
    description: 'La procédure prévoit une revue annuelle des critères ; la dernière date de septembre de l’an dernier.',
    source: 'other',
    correction: 'Revue des critères inscrite au prochain comité des risques.',
    ownerId: claire.userId,
    dueOn: day(30).toISOString().slice(0, 10),
    requirements: [{ frameworkId: AIMS, ref: '6.1.2' }],
  }), ctx);
  lines.push('  2 nonconformities open');
  return lines;
}
