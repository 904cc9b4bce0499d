import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import type { TUserActor } from '../../server/platform/authz/actor.ts';
import { loadUserActor } from '../../server/platform/auth/sessions.ts';
import { createAccountsService } from '../../server/modules/accounts/accounts-service.ts';
import { findUserByEmail } from '../../server/modules/accounts/accounts-repo.ts';
import { createInvitationsService, invitationToken } from '../../server/modules/tenants/invitations-service.ts';
import { createTenantsService } from '../../server/modules/tenants/tenants-service.ts';
import type { TRole, TTenantKind } from '../../shared/contracts/roles.ts';

export const DEMO_PASSWORD = 'Lumiere-demo-2026!';

type TDemoUser = { email: string; name: string; role: TRole; locale: 'en' | 'fr' };
export type TDemoTenantSpec = { key: 'organization' | 'body' | 'saas' | 'medtech' | 'cpa'; name: string; kind: TTenantKind; users: TDemoUser[] };

export const DEMO_TENANTS: TDemoTenantSpec[] = [
  {
    key: 'organization',
    name: 'Lumière Crédit',
    kind: 'organization',
    users: [
      { email: 'claire.martin@lumiere-credit.example', name: 'Claire Martin', role: 'owner', locale: 'fr' },
      { email: 'hugo.bernard@lumiere-credit.example', name: 'Hugo Bernard', role: 'admin', locale: 'fr' },
      { email: 'ines.dubois@lumiere-credit.example', name: 'Inès Dubois', role: 'contributor', locale: 'fr' },
      { email: 'sam.taylor@lumiere-credit.example', name: 'Sam Taylor', role: 'viewer', locale: 'en' },
    ],
  },
  // Two more clients of Vérité Certification, so that its register shows a suspended and an expired
  // certificate: each organization has only its founder in Attest.
  {
    key: 'saas',
    name: 'Nuage Clair',
    kind: 'organization',
    users: [{ email: 'lucas.garnier@nuage-clair.example', name: 'Lucas Garnier', role: 'owner', locale: 'fr' }],
  },
  {
    key: 'medtech',
    name: 'TriMed Santé',
    kind: 'organization',
    users: [{ email: 'nadia.haddad@trimed-sante.example', name: 'Nadia Haddad', role: 'owner', locale: 'fr' }],
  },
  {
    key: 'body',
    name: 'Vérité Certification',
    kind: 'certification_body',
    users: [
      { email: 'anne.leroy@verite-certification.example', name: 'Anne Leroy', role: 'scheme_manager', locale: 'fr' },
      { email: 'marc.petit@verite-certification.example', name: 'Marc Petit', role: 'auditor', locale: 'fr' },
      { email: 'julien.moreau@verite-certification.example', name: 'Julien Moreau', role: 'auditor', locale: 'fr' },
      { email: 'sofia.rossi@verite-certification.example', name: 'Sofia Rossi', role: 'technical_reviewer', locale: 'en' },
      { email: 'paul.girard@verite-certification.example', name: 'Paul Girard', role: 'decision_maker', locale: 'fr' },
    ],
  },
  // A CPA firm (a certification body whose settings carry its licence) that examines Lumière Crédit
  // for SOC 2. Its founder runs the SOC 2 practice; the engagement partner signs the opinion.
  {
    key: 'cpa',
    name: 'Delorme & Associés',
    kind: 'certification_body',
    users: [
      { email: 'helene.fournier@delorme-associes.example', name: 'Hélène Fournier', role: 'scheme_manager', locale: 'fr' },
      { email: 'olivier.castaing@delorme-associes.example', name: 'Olivier Castaing', role: 'scheme_manager', locale: 'fr' },
      { email: 'thomas.nguyen@delorme-associes.example', name: 'Thomas Nguyen', role: 'auditor', locale: 'fr' },
      { email: 'rachel.cohen@delorme-associes.example', name: 'Rachel Cohen', role: 'auditor', locale: 'en' },
      { email: 'karim.benali@delorme-associes.example', name: 'Karim Benali', role: 'technical_reviewer', locale: 'fr' },
    ],
  },
];

export type TDemoTenant = { id: string; spec: TDemoTenantSpec; actors: Map<string, TUserActor> };

/**
 * The founder opens an account and creates the tenant; everyone else is invited and accepts, through
 * the same services as the web app, so the audit log tells the story a real workspace would.
 * Idempotent: a tenant, account or membership that exists is left as it is.
 */
export async function seedPeople(p: TPlatform, ctx: TRequestContext, spec: TDemoTenantSpec): Promise<TDemoTenant> {
  const accounts = createAccountsService(p);
  const tenants = createTenantsService(p);
  const invitations = createInvitationsService(p);
  const actorOf = async (userId: string) => (await loadUserActor(p.database, userId))!;

  const [founder, ...others] = spec.users;
  const founderRow = await findUserByEmail(p.db, founder!.email);
  const founderId = founderRow?.id ?? (await accounts.createSeedAccount({ ...founder!, password: DEMO_PASSWORD }, ctx)).id;
  let founderActor = await actorOf(founderId);
  let tenantId = founderActor.memberships.find((m) => m.tenantName === spec.name)?.tenantId;
  if (!tenantId) {
    tenantId = (await tenants.create(founderActor, { name: spec.name, kind: spec.kind }, ctx)).id;
    founderActor = await actorOf(founderId);
  }

  const actors = new Map<string, TUserActor>([[founder!.email, founderActor]]);
  for (const u of others) {
    const existing = await findUserByEmail(p.db, u.email);
    const actor = existing ? await actorOf(existing.id) : null;
    if (actor?.memberships.some((m) => m.tenantId === tenantId)) {
      actors.set(u.email, actor);
      continue;
    }
    const inv = await invitations.create(founderActor, tenantId, { email: u.email, role: u.role, locale: u.locale }, ctx);
    const token = invitationToken(p.secretKey, tenantId, inv.id, new Date(inv.expiresAt));
    const accepted = await invitations.accept(actor, token, actor ? {} : { name: u.name, password: DEMO_PASSWORD }, ctx);
    actors.set(u.email, await actorOf(accepted.user.id));
  }
  return { id: tenantId, spec, actors };
}
