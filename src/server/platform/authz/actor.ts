import type { TLocale } from '../../../shared/contracts/common.ts';
import type { TRole, TTenantKind } from '../../../shared/contracts/roles.ts';

/** Loaded with the session in the same query, so authorization needs no further round trip. */
export type TActorMembership = {
  tenantId: string;
  tenantName: string;
  tenantKind: TTenantKind;
  role: TRole;
  requireMfa: boolean;
  /** The tenant's audit-chain head when the session was read: a version of all its records (see platform/cache/page-cache.ts). */
  dataVersion?: number;
};

export type TUserActor = {
  type: 'user';
  userId: string;
  email: string;
  name: string;
  locale: TLocale;
  mfaEnabled: boolean;
  isPlatformAdmin: boolean;
  sessionId: string | null;
  createdAt: string;
  memberships: TActorMembership[];
};

/** A machine acting in exactly one tenant with one role. */
export type TTokenActor = {
  type: 'api_token';
  tokenId: string;
  tenantId: string;
  role: TRole;
  tenantKind: TTenantKind;
  requireMfa: boolean;
  email: null;
};

export type TActor = TUserActor | TTokenActor;
