import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZTimestamp, zText } from './common.ts';
import { ZRole } from './roles.ts';
import { ZTenantParams } from './tenants.ts';

export const API_TOKEN_MAX_DAYS = 730;

export const ZApiTokenParams = ZTenantParams.extend({ tokenId: z.uuid() });
export const ZCreateApiTokenBody = z.object({
  name: zText(120, { min: 1 }),
  role: ZRole,
  expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS).optional(),
});
export type TCreateApiTokenBody = z.infer<typeof ZCreateApiTokenBody>;
export const ZApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  role: ZRole,
  prefix: z.string(),
  createdAt: ZTimestamp,
  lastUsedAt: ZTimestamp.nullable(),
  expiresAt: ZTimestamp.nullable(),
  revokedAt: ZTimestamp.nullable(),
  createdBy: z.string(),
  abilities: zAbilitiesOf('apiToken.read', 'apiToken.create', 'apiToken.revoke'),
});
export type TApiToken = z.infer<typeof ZApiToken>;
export const ZApiTokenList = z.object({ items: z.array(ZApiToken) });
export type TApiTokenList = z.infer<typeof ZApiTokenList>;
export const ZCreatedApiToken = z.object({ token: z.string(), apiToken: ZApiToken });
export type TCreatedApiToken = z.infer<typeof ZCreatedApiToken>;
