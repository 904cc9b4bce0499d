import { z } from 'zod';
import { ZRole } from '../../../shared/roles.ts';
import { ZTenantParams } from '../tenants/tenants-schemas.ts';

export const ZApiTokenParams = ZTenantParams.extend({ tokenId: z.uuid() });
export const ZCreateApiTokenBody = z.object({
  name: z.string().trim().min(1, 'Name the token after the machine that will use it.').max(120),
  role: ZRole,
  expiresInDays: z.number().int().min(1).max(730).optional(),
});
export const ZApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  role: ZRole,
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdBy: z.string(),
  abilities: z.object({ 'apiToken.read': z.boolean(), 'apiToken.create': z.boolean(), 'apiToken.revoke': z.boolean() }),
});
export const ZApiTokenList = z.object({ items: z.array(ZApiToken) });
export const ZCreatedApiToken = z.object({ token: z.string(), apiToken: ZApiToken });
