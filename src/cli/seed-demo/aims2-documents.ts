import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import { createDocumentsService } from '../../server/modules/documents/index.ts';
import { ZCreateDocumentBody } from '../../shared/contracts/documents.ts';
import type { TDemoTenant } from './people.ts';

const AIMS = 'iso-iec-42001-2023';

/** Lumière Crédit's policies and procedures, written in our own words for the demo. */
const DOCUMENTS = [
  {
    title: 'Politique IA de Lumière Crédit',
    type: 'policy',
    kind: 'maintained',
    mandatoryItem: 'ai-policy-5.2',
    refs: ['5.2', 'A.2.2'],
    reviewInDays: 300,
    text: '# Politique IA\n\nLumière Crédit utilise l’IA pour servir ses clients avec équité et transparence.\n\n1. Toute décision de crédit défavorable peut être revue par une personne.\n2. Aucun modèle n’est déployé sans évaluation d’impact approuvée.\n3. Les risques liés à l’IA sont appréciés au moins une fois par an et à chaque changement significatif.\n4. Chacun peut signaler une préoccupation liée à l’IA sans crainte de représailles.',
  },
  {
    title: 'Procédure d’appréciation des risques liés à l’IA',
    type: 'procedure',
    kind: 'maintained',
    mandatoryItem: 'risk-assessment-process-6.1.2',
    refs: ['6.1.2', '8.2'],
    reviewInDays: 200,
    text: '# Appréciation des risques\n\nChaque risque est coté sur la matrice 5 × 5 (vraisemblance × impact), avant et après traitement. Le propriétaire du risque propose le traitement ; un niveau résiduel au-dessus du seuil est accepté par la direction.',
  },
  {
    title: 'Procédure de traitement des risques liés à l’IA',
    type: 'procedure',
    kind: 'maintained',
    mandatoryItem: 'risk-treatment-process-6.1.3',
    refs: ['6.1.3', '8.3'],
    reviewInDays: 200,
    text: '# Traitement des risques\n\nLes options sont : réduire, transférer, éviter ou accepter. Les mesures retenues sont reportées dans la déclaration d’applicabilité avec leur justification.',
  },
  {
    title: 'Procédure de gestion des incidents d’IA',
    type: 'procedure',
    kind: 'maintained',
    mandatoryItem: null,
    refs: ['10.2', 'A.3.3'],
    reviewInDays: 120,
    text: '# Incidents d’IA\n\nTout comportement inattendu d’un système d’IA est signalé dans l’outil sous 24 heures, qualifié par le responsable technique et, s’il révèle un écart, traité comme une non-conformité.',
  },
  {
    // Its review date has passed: the checklist shows it overdue and readiness says so.
    title: 'Procédure de surveillance et de mesure',
    type: 'procedure',
    kind: 'maintained',
    mandatoryItem: 'monitoring-results-9.1',
    refs: ['9.1'],
    reviewInDays: -20,
    text: '# Surveillance\n\nLes indicateurs de performance et de dérive des modèles sont revus chaque mois en comité des risques.',
  },
] as const;

/** Five documents written by the compliance lead, approved by the owner (four eyes) and published. */
export async function seedDocuments(p: TPlatform, ctx: TRequestContext, org: TDemoTenant): Promise<string[]> {
  const claire = org.actors.get('claire.martin@lumiere-credit.example')!;
  const ines = org.actors.get('ines.dubois@lumiere-credit.example')!;
  const svc = createDocumentsService(p);
  const day = (offset: number) => new Date(p.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  for (const d of DOCUMENTS) {
    const body = ZCreateDocumentBody.parse({
      title: d.title,
      type: d.type,
      kind: d.kind,
      ownerId: claire.userId,
      mandatoryItem: d.mandatoryItem,
      nextReviewOn: day(d.reviewInDays),
      requirements: d.refs.map((ref) => ({ frameworkId: AIMS, ref })),
      text: d.text,
    });
    const created = await svc.create(ines, org.id, body, ctx);
    const v = created.versions[0]!;
    await svc.submit(ines, org.id, created.id, v.version, ctx);
    await svc.approve(claire, org.id, created.id, v.version, { sha256: v.sha256, comment: 'Relu et approuvé.' }, ctx);
    await svc.publish(claire, org.id, created.id, v.version, ctx);
  }
  return [`  ${DOCUMENTS.length} documents published (the AI policy first)`];
}
