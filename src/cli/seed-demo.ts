import { sql } from 'kysely';
import type { TPlatform } from '../server/platform/platform.ts';
import { PLATFORM_TENANT_ID, recordAudit } from '../server/platform/audit-log/audit-log.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import type { TActor } from '../server/platform/authz/actor.ts';
import type { TRole, TTenantKind } from '../shared/contracts/roles.ts';

export const DEMO_PASSWORD = 'Lumiere-demo-2026!';

const TENANTS: { name: string; kind: TTenantKind; users: { email: string; name: string; role: TRole; locale: 'en' | 'fr' }[] }[] = [
  {
    name: 'Lumière Crédit',
    kind: 'organization',
    users: [
      { email: 'claire.martin@lumiere-credit.example', name: 'Claire Martin', role: 'owner', locale: 'fr' },
      { email: 'hugo.bernard@lumiere-credit.example', name: 'Hugo Bernard', role: 'admin', locale: 'fr' },
      { email: 'ines.dubois@lumiere-credit.example', name: 'Inès Dubois', role: 'contributor', locale: 'fr' },
      { email: 'sam.taylor@lumiere-credit.example', name: 'Sam Taylor', role: 'viewer', locale: 'en' },
    ],
  },
  {
    name: 'Vérité Certification',
    kind: 'certification_body',
    users: [
      { email: 'anne.leroy@verite-certification.example', name: 'Anne Leroy', role: 'scheme_manager', locale: 'fr' },
      { email: 'marc.petit@verite-certification.example', name: 'Marc Petit', role: 'auditor', locale: 'fr' },
      { email: 'sofia.rossi@verite-certification.example', name: 'Sofia Rossi', role: 'technical_reviewer', locale: 'en' },
      { email: 'paul.girard@verite-certification.example', name: 'Paul Girard', role: 'decision_maker', locale: 'fr' },
    ],
  },
];

const ctx = { requestId: 'seed', ip: null, userAgent: 'attest-cli seed' };

/** Idempotent: a tenant or user that already exists is left as it is. */
export async function seedDemo(p: TPlatform): Promise<string> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const lines: string[] = [];
  for (const spec of TENANTS) {
    await p.db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext('attest-seed'))`.execute(tx);
      let tenant = await tx.selectFrom('tenants').selectAll().where('name', '=', spec.name).executeTakeFirst();
      const founder = spec.users[0]!;
      const userIds: string[] = [];
      for (const u of spec.users) {
        let row = await tx.selectFrom('users').select(['id']).where(sql`lower(email)`, '=', u.email).executeTakeFirst();
        if (!row) {
          row = await tx.insertInto('users').values({ email: u.email, name: u.name, password_hash: passwordHash, locale: u.locale }).returning('id').executeTakeFirstOrThrow();
          await recordAudit(tx, null, ctx, { tenantId: PLATFORM_TENANT_ID, action: 'user.created', subjectType: 'user', subjectId: row.id, after: { email: u.email, source: 'seed' }, actorEmail: 'seed' });
        }
        userIds.push(row.id);
      }
      const founderActor = { type: 'user', userId: userIds[0]!, email: founder.email } as TActor;
      if (!tenant) {
        tenant = await tx.insertInto('tenants').values({ name: spec.name, kind: spec.kind }).returningAll().executeTakeFirstOrThrow();
        await recordAudit(tx, founderActor, ctx, { tenantId: tenant.id, action: 'tenant.created', subjectType: 'tenant', subjectId: tenant.id, after: { name: spec.name, kind: spec.kind, source: 'seed' } });
      }
      for (const [i, u] of spec.users.entries()) {
        const res = await tx
          .insertInto('memberships')
          .values({ tenant_id: tenant.id, user_id: userIds[i]!, role: u.role })
          .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doNothing())
          .executeTakeFirst();
        if (Number(res.numInsertedOrUpdatedRows ?? 0) > 0) {
          await recordAudit(tx, founderActor, ctx, { tenantId: tenant.id, action: 'member.added', subjectType: 'user', subjectId: userIds[i]!, after: { role: u.role, source: 'seed' } });
        }
      }
      lines.push(`${spec.name} (${spec.kind}, ${tenant.id})`, ...spec.users.map((u) => `  ${u.role.padEnd(19)} ${u.email}`));
    });
  }
  return [...lines, `Demo password for every account: ${DEMO_PASSWORD}`].join('\n');
}
