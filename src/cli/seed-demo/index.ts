import type { TPlatform } from '../../server/platform/platform.ts';
import { DEMO_PASSWORD, DEMO_TENANTS, seedPeople } from './people.ts';

export { DEMO_PASSWORD } from './people.ts';

const ctx = { requestId: 'seed', ip: null, userAgent: 'attest-cli seed' };

/** Builds the demo workspace through the services the API uses (never raw inserts). Idempotent. */
export async function seedDemo(p: TPlatform): Promise<string> {
  const lines: string[] = [];
  for (const spec of DEMO_TENANTS) {
    const tenant = await seedPeople(p, ctx, spec);
    lines.push(`${spec.name} (${spec.kind}, ${tenant.id})`, ...spec.users.map((u) => `  ${u.role.padEnd(19)} ${u.email}`));
  }
  return [...lines, `Demo password for every account: ${DEMO_PASSWORD}`].join('\n');
}
