import type { TRole } from '../../../shared/roles.ts';

/*
 * Declarative policies: for each subject, which roles may do what. The web app receives the
 * evaluated abilities and never re-implements these rules.
 */
export const ACTIONS = [
  'tenant.read',
  'tenant.update',
  'member.read',
  'member.invite',
  'member.update',
  'member.remove',
  'apiToken.read',
  'apiToken.create',
  'apiToken.revoke',
  'audit.read',
  'audit.checkpoint',
  'file.upload',
  'file.read',
  'catalog.read',
  'catalog.import',
] as const;
export type TAction = (typeof ACTIONS)[number];

const TENANT_ADMINS: TRole[] = ['owner', 'admin', 'scheme_manager'];
const EVERYONE: TRole[] = ['owner', 'admin', 'contributor', 'viewer', 'scheme_manager', 'auditor', 'technical_reviewer', 'decision_maker'];
const WRITERS: TRole[] = ['owner', 'admin', 'contributor', 'scheme_manager', 'auditor'];

export const POLICIES: Record<TAction, readonly TRole[]> = {
  'tenant.read': EVERYONE,
  'tenant.update': TENANT_ADMINS,
  'member.read': EVERYONE,
  'member.invite': TENANT_ADMINS,
  'member.update': TENANT_ADMINS,
  'member.remove': TENANT_ADMINS,
  'apiToken.read': TENANT_ADMINS,
  'apiToken.create': TENANT_ADMINS,
  'apiToken.revoke': TENANT_ADMINS,
  'audit.read': [...TENANT_ADMINS, 'technical_reviewer', 'decision_maker'],
  'audit.checkpoint': TENANT_ADMINS,
  'file.upload': WRITERS,
  'file.read': EVERYONE,
  'catalog.read': EVERYONE,
  'catalog.import': TENANT_ADMINS,
};

export const can = (role: TRole, action: TAction) => POLICIES[action].includes(role);

/** The abilities shown to the web app for the role, keyed by action. */
export const abilitiesFor = (role: TRole): Record<TAction, boolean> =>
  Object.fromEntries(ACTIONS.map((a) => [a, can(role, a)])) as Record<TAction, boolean>;

/** Only an owner may grant or take away ownership, so an admin cannot lock the owners out. */
export const canAssignRole = (actorRole: TRole, targetCurrentRole: TRole | null, newRole: TRole | null) =>
  actorRole === 'owner' || (targetCurrentRole !== 'owner' && newRole !== 'owner');
