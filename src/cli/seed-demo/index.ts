import type { TPlatform } from '../../server/platform/platform.ts';
import { loadCatalogs } from '../../server/modules/catalog/catalog-loader.ts';
import { seedAims } from './aims.ts';
import { seedAims2 } from './aims2.ts';
import { seedCertification } from './certification.ts';
import { seedSoc2 } from './soc2.ts';
import { DEMO_PASSWORD, DEMO_TENANTS, seedPeople } from './people.ts';

export { DEMO_PASSWORD } from './people.ts';

const ctx = { requestId: 'seed', ip: null, userAgent: 'attest-cli seed' };

/** Builds the demo workspace through the services the API uses (never raw inserts). Idempotent. */
export async function seedDemo(p: TPlatform): Promise<string> {
  // The AIMS data names catalog requirements: the built-in catalogs must be in the database (a no-op when they are).
  await loadCatalogs(p.db);
  const lines: string[] = [];
  const seeded = new Map<string, Awaited<ReturnType<typeof seedPeople>>>();
  for (const spec of DEMO_TENANTS) {
    const tenant = await seedPeople(p, ctx, spec);
    seeded.set(spec.key, tenant);
    lines.push(`${spec.name} (${spec.kind}, ${tenant.id})`, ...spec.users.map((u) => `  ${u.role.padEnd(19)} ${u.email}`));
    if (spec.key === 'organization') lines.push(...(await seedAims(p, ctx, tenant)), ...(await seedAims2(p, ctx, tenant)));
    // The body's side reads its clients' approved SoAs: the organizations are seeded first.
    if (spec.key === 'body') lines.push(...(await seedCertification(p, ctx, tenant, { lumiere: seeded.get('organization')!, saas: seeded.get('saas')!, medtech: seeded.get('medtech')! })));
    // The CPA firm examines Lumière Crédit's payment platform for SOC 2 (its controls are seeded first).
    if (spec.key === 'cpa') lines.push(...(await seedSoc2(p, ctx, tenant, seeded.get('organization')!)));
  }
  return [...lines, `Demo password for every account: ${DEMO_PASSWORD}`].join('\n');
}
