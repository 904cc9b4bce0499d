import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import { createControlsService } from '../../server/modules/controls/controls-services.ts';
import { createSoaService } from '../../server/modules/soa/soa-service.ts';
import { ZControlListQuery, ZCreateControlBody } from '../../shared/contracts/controls.ts';
import { onDay } from './on-day.ts';
import type { TDemoTenant } from './people.ts';

const AIMS = 'iso-iec-42001-2023';

/** Controls of Lumière Crédit's own beyond the starter library, each for the clauses it serves. */
const OWN_CONTROLS = [
  { reference: 'LC-MV-01', title: 'Porte de validation des modèles en CI', description: 'Aucun modèle n’est déployé sans les tests de performance, de biais et de robustesse verts dans la chaîne CI.', frequency: 'on_event', automation: 'automated', refs: ['8.1', 'A.6.2.4'] },
  { reference: 'LC-MON-01', title: 'Surveillance de la dérive du score de crédit', description: 'Indicateurs de dérive et de stabilité de population calculés chaque semaine ; alerte au-delà des seuils.', frequency: 'weekly', automation: 'automated', refs: ['9.1', 'A.6.2.6'] },
  { reference: 'LC-IR-01', title: 'Réponse aux incidents d’IA', description: 'Qualification, escalade et analyse des causes de tout incident touchant un système d’IA.', frequency: 'on_event', automation: 'manual', refs: ['10.2', 'A.3.3'] },
  { reference: 'LC-TR-01', title: 'Sensibilisation annuelle à l’IA responsable', description: 'Formation annuelle des équipes produit, risques et conformité, avec attestation individuelle.', frequency: 'annually', automation: 'manual', refs: ['7.2', '7.3', 'A.4.6'] },
] as const;

/** Annex A controls Lumière Crédit excludes, with the reason an auditor will read. */
const EXCLUDED: Record<string, string> = {
  'A.10.4': 'Lumière Crédit ne fournit aucun système d’IA à ses clients : ses modèles servent ses propres décisions de crédit, encadrées par A.9.',
};

/**
 * About forty controls (the ISO/IEC 42001 starter library plus four of the organization's own),
 * most operating, a few still planned; then the Statement of Applicability drafted by the
 * compliance lead, every Annex A control decided with its implementing control, and approved by
 * the owner as version 1.
 */
export async function seedControlsAndSoa(p: TPlatform, ctx: TRequestContext, org: TDemoTenant): Promise<{ controls: Map<string, string>; lines: string[] }> {
  const who = (email: string) => org.actors.get(email)!;
  const claire = who('claire.martin@lumiere-credit.example');
  const hugo = who('hugo.bernard@lumiere-credit.example');
  const ines = who('ines.dubois@lumiere-credit.example');
  const controls = createControlsService(p);

  await controls.frameworks.adopt(hugo, org.id, AIMS, ctx);
  await controls.frameworks.adopt(hugo, org.id, 'eu-ai-act-2024', ctx);
  await controls.library.apply(hugo, org.id, { framework: AIMS }, ctx);
  const byRef = new Map<string, string>();
  const all = await controls.list(hugo, org.id, ZControlListQuery.parse({ limit: 100 }));
  for (const c of all.items) if (c.libraryRef) byRef.set(c.libraryRef, c.id);
  // Most of the library is in operation after a year of work; a handful is still being rolled out.
  const planned = new Set(['A.7.5', 'A.7.6', 'A.8.5', 'A.10.3']);
  const implementedOnly = new Set(['A.6.2.7', 'A.6.2.8', 'A.8.3', 'A.9.4']);
  for (const [ref, id] of byRef) {
    if (planned.has(ref) || EXCLUDED[ref]) continue;
    await controls.update(hugo, org.id, id, { status: 'implemented', ownerId: ref.startsWith('A.6') || ref.startsWith('A.7') ? hugo.userId : ines.userId }, ctx);
    if (!implementedOnly.has(ref)) await controls.update(hugo, org.id, id, { status: 'operating' }, ctx);
  }
  for (const c of OWN_CONTROLS) {
    const { refs, ...fields } = c;
    const body = ZCreateControlBody.parse({ ...fields, ownerId: hugo.userId, status: 'implemented', requirements: refs.map((ref) => ({ frameworkId: AIMS, ref })) });
    const created = await controls.create(hugo, org.id, body, ctx);
    await controls.update(hugo, org.id, created.id, { status: 'operating' }, ctx);
    byRef.set(c.reference, created.id);
  }

  // Approved before the certification audits (seed-demo/certification.ts): stage 1 read this version.
  const daysAgo = (n: number, hour: number) => new Date(Math.floor(p.clock.now().getTime() / 86_400_000 - n) * 86_400_000 + hour * 3_600_000);
  const soa = createSoaService(onDay(p, daysAgo(250, 10)));
  const draft = await soa.createDraft(ines, org.id, { from: 'blank' }, ctx);
  for (const e of draft.entries) {
    const excluded = EXCLUDED[e.ref];
    const controlId = byRef.get(e.ref);
    await soa.updateEntry(ines, org.id, e.frameworkId, e.ref, {
      applicable: !excluded,
      justification: excluded ?? `Retenue pour traiter les risques de nos systèmes d’IA identifiés en 6.1.2 ; mise en œuvre par la mesure ${e.ref}.`,
      implementationStatus: excluded ? null : planned.has(e.ref) ? 'in_progress' : 'implemented',
      ...(controlId && !excluded ? { controlIds: [controlId] } : {}),
    }, ctx);
  }
  await createSoaService(onDay(p, daysAgo(248, 16))).submit(ines, org.id, ctx);
  await createSoaService(onDay(p, daysAgo(245, 11))).approve(claire, org.id, 'Revue avec la direction des risques ; approuvée pour l’audit d’étape 1.', ctx);
  return { controls: byRef, lines: [`  ${byRef.size} controls, Statement of Applicability version 1 approved`] };
}
