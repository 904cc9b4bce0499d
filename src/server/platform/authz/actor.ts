import type { TRole } from '../../../shared/roles.ts';

export type TUserActor = {
  type: 'user';
  userId: string;
  email: string;
  name: string;
  locale: 'en' | 'fr';
  mfaEnabled: boolean;
  isPlatformAdmin: boolean;
  sessionId: string | null;
};

/** A machine acting in exactly one tenant with one role. */
export type TTokenActor = {
  type: 'api_token';
  tokenId: string;
  tenantId: string;
  role: TRole;
  email: null;
};

export type TActor = TUserActor | TTokenActor;
