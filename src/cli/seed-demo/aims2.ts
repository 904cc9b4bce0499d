import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import { createControlsService } from '../../server/modules/controls/controls-services.ts';
import { ZControlListQuery } from '../../shared/contracts/controls.ts';
import { seedControlsAndSoa } from './aims2-controls.ts';
import { seedDocuments } from './aims2-documents.ts';
import { seedEvidence } from './aims2-evidence.ts';
import { seedRecords } from './aims2-records.ts';
import type { TDemoTenant } from './people.ts';

/**
 * The second half of Lumière Crédit's management system, through the services: controls and the
 * approved SoA, documents, nine months of evidence, and the management-system records. Skipped
 * when the organization already has controls (the seed is idempotent).
 */
export async function seedAims2(p: TPlatform, ctx: TRequestContext, org: TDemoTenant): Promise<string[]> {
  const hugo = org.actors.get('hugo.bernard@lumiere-credit.example')!;
  const existing = await createControlsService(p).list(hugo, org.id, ZControlListQuery.parse({ limit: 1 }));
  if (existing.items.length > 0) return [];
  const { controls, lines } = await seedControlsAndSoa(p, ctx, org);
  lines.push(...(await seedDocuments(p, ctx, org)), ...(await seedEvidence(p, ctx, org, controls)), ...(await seedRecords(p, ctx, org)));
  return lines;
}
