import type { Locale } from '../i18n';

export type { Locale };

export const ORGANIZATION_ROLES = ['owner', 'admin', 'contributor', 'viewer'] as const;
export const CERTIFICATION_BODY_ROLES = [
  'scheme_manager',
  'auditor',
  'technical_reviewer',
  'decision_maker',
] as const;

export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];
export type CertificationBodyRole = (typeof CERTIFICATION_BODY_ROLES)[number];
export type Role = OrganizationRole | CertificationBodyRole;

export const TENANT_KINDS = ['organization', 'certification_body'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

export const ABILITIES = [
  'tenant.update',
  'member.read',
  'member.invite',
  'member.update',
  'member.remove',
  'apiToken.read',
  'apiToken.create',
  'apiToken.revoke',
  'audit.read',
] as const;
export type Ability = (typeof ABILITIES)[number];
export type Abilities = Partial<Record<Ability, boolean>> & Record<string, boolean>;

export interface User {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  mfaEnabled: boolean;
  isPlatformAdmin: boolean;
  createdAt: string;
}

export interface Membership {
  tenantId: string;
  tenantName: string;
  tenantKind: TenantKind;
  role: Role;
  requireMfa: boolean;
  abilities: Abilities;
}

export interface Me {
  user: User;
  memberships: Membership[];
  mfaSetupRequired: boolean;
}

export interface TenantSummary {
  id: string;
  name: string;
  kind: TenantKind;
  role: Role;
  requireMfa: boolean;
  createdAt: string;
}

export interface TenantDetail extends TenantSummary {
  abilities: Abilities;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  mfaEnabled: boolean;
  joinedAt: string;
  abilities: Record<'member.read' | 'member.update' | 'member.remove', boolean>;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  locale: Locale;
  expiresAt: string;
  createdAt: string;
  invitedBy: string | null;
  abilities: Record<'member.invite' | 'invitation.revoke', boolean>;
}

export interface PublicInvitation {
  tenantName: string;
  tenantKind: TenantKind;
  email: string;
  role: Role;
  userExists: boolean;
  expiresAt: string;
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  createdBy: string | null;
  abilities: Record<'apiToken.read' | 'apiToken.create' | 'apiToken.revoke', boolean>;
}

export interface AuditEvent {
  id: string;
  seq: number;
  occurredAt: string;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  actorType: string;
  subjectType: string | null;
  subjectId: string | null;
  summary: AuditSummary | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  truncated: boolean;
  checkpoint: { seq: number; hash: string; time: string } | null;
  checkpointsVerified: number;
  forgedCheckpoints: number[];
}

export interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface Page<T> {
  items: T[];
}

export interface CursorPage<T> extends Page<T> {
  nextCursor: string | null;
}

export function rolesForKind(kind: TenantKind): readonly Role[] {
  return kind === 'organization' ? ORGANIZATION_ROLES : CERTIFICATION_BODY_ROLES;
}

export interface AuditSummary {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
