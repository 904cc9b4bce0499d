import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import { createEvidenceService } from '../../server/modules/evidence/evidence-service.ts';
import { ZCreateEvidenceBody } from '../../shared/contracts/evidence.ts';
import { onDay } from './on-day.ts';
import type { TDemoTenant } from './people.ts';

/** Which controls get evidence, how often, and the story each tells on the readiness page. */
const PLAN: { ref: string; everyDays: number; count: number; lastDaysAgo: number; url: (n: number) => string; title: string }[] = [
  { ref: 'LC-MV-01', everyDays: 30, count: 9, lastDaysAgo: 4, url: (n) => `https://git.lumiere-credit.example/ml/credit-scoring/-/pipelines/${48210 + n}`, title: 'Pipeline de validation du modèle de score' },
  { ref: 'LC-MON-01', everyDays: 7, count: 6, lastDaysAgo: 2, url: (n) => `https://grafana.lumiere-credit.example/d/drift?week=${n}`, title: 'Rapport hebdomadaire de dérive' },
  { ref: 'A.6.2.4', everyDays: 90, count: 3, lastDaysAgo: 20, url: (n) => `https://wiki.lumiere-credit.example/validation/rapport-${n}`, title: 'Rapport de vérification et de validation' },
  { ref: 'A.6.2.6', everyDays: 30, count: 4, lastDaysAgo: 12, url: (n) => `https://wiki.lumiere-credit.example/exploitation/revue-${n}`, title: 'Revue d’exploitation des systèmes d’IA' },
  { ref: 'A.5.2', everyDays: 180, count: 2, lastDaysAgo: 60, url: (n) => `https://wiki.lumiere-credit.example/impact/processus-${n}`, title: 'Revue du processus d’évaluation d’impact' },
  { ref: 'A.7.4', everyDays: 90, count: 2, lastDaysAgo: 40, url: (n) => `https://wiki.lumiere-credit.example/donnees/qualite-${n}`, title: 'Contrôle qualité des données d’entraînement' },
  { ref: 'A.3.2', everyDays: 365, count: 1, lastDaysAgo: 150, url: () => 'https://wiki.lumiere-credit.example/organisation/raci-ia', title: 'Matrice RACI des rôles IA' },
  { ref: 'A.9.3', everyDays: 90, count: 2, lastDaysAgo: 30, url: (n) => `https://wiki.lumiere-credit.example/usage/revue-${n}`, title: 'Revue des objectifs d’usage responsable' },
  // Quarterly, but the last one is seven months old: stale on the readiness page.
  { ref: 'A.8.2', everyDays: 90, count: 2, lastDaysAgo: 210, url: (n) => `https://wiki.lumiere-credit.example/info/notice-${n}`, title: 'Notice d’information aux utilisateurs' },
  { ref: 'A.4.2', everyDays: 365, count: 1, lastDaysAgo: 100, url: () => 'https://wiki.lumiere-credit.example/ressources/inventaire', title: 'Documentation des ressources des systèmes d’IA' },
];


/**
 * Nine months of evidence for the controls that operate, submitted by the compliance lead when it
 * was produced (the service's clock is set to that day, so contemporaneity is judged as it would
 * have been) and accepted by the owner; one upload came six weeks late and is flagged
 * « non contemporaine ». The audit log records the seed itself, today.
 */
export async function seedEvidence(p: TPlatform, ctx: TRequestContext, org: TDemoTenant, controls: Map<string, string>): Promise<string[]> {
  const claire = org.actors.get('claire.martin@lumiere-credit.example')!;
  const ines = org.actors.get('ines.dubois@lumiere-credit.example')!;
  const now = p.clock.now().getTime();
  let n = 0;
  for (const plan of PLAN) {
    const controlId = controls.get(plan.ref);
    if (!controlId) continue;
    for (let i = plan.count - 1; i >= 0; i--) {
      const effective = new Date(now - (plan.lastDaysAgo + i * plan.everyDays) * 86_400_000);
      // The validation run of three months ago was filed six weeks late.
      const late = plan.ref === 'LC-MV-01' && i === 3;
      const received = new Date(effective.getTime() + (late ? 45 : 1) * 86_400_000);
      const svc = createEvidenceService(onDay(p, received));
      const body = ZCreateEvidenceBody.parse({ kind: 'link', url: plan.url(i), title: `${plan.title} — ${effective.toISOString().slice(0, 10)}`, effectiveDate: effective.toISOString().slice(0, 10), controlIds: [controlId], ownerId: ines.userId });
      const created = await svc.create(ines, org.id, body, ctx);
      await createEvidenceService(onDay(p, new Date(received.getTime() + 86_400_000))).review(claire, org.id, created.id, 'accept', '', ctx);
      n++;
    }
  }
  // A structured record: the quarterly fairness metrics, kept as figures rather than a file.
  const metrics = controls.get('A.7.4');
  if (metrics) {
    const day = new Date(now - 15 * 86_400_000);
    const body = ZCreateEvidenceBody.parse({
      kind: 'record',
      title: 'Indicateurs d’équité du score de crédit — T3',
      effectiveDate: day.toISOString().slice(0, 10),
      controlIds: [metrics],
      record: { fields: [{ key: 'Écart de taux d’acceptation (H/F)', value: '1,8 point' }, { key: 'Ratio d’impact disparate', value: '0,94' }, { key: 'Seuil interne', value: '0,80' }] },
    });
    await createEvidenceService(onDay(p, new Date(day.getTime() + 86_400_000))).create(ines, org.id, body, ctx);
    n++;
  }
  return [`  ${n} evidence records over nine months (one not contemporaneous)`];
}
