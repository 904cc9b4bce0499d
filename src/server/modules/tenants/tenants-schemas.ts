import { z } from 'zod';
import { ZLocale, ZRole, ZTenantKind } from '../../../shared/roles.ts';
import { ZEmail, ZName } from '../accounts/accounts-schemas.ts';

export const ZTenantParams = z.object({ tenantId: z.uuid({ message: 'tenantId must be a UUID.' }) });
export const ZMemberParams = ZTenantParams.extend({ userId: z.uuid() });
export const ZInvitationParams = ZTenantParams.extend({ invitationId: z.uuid() });

export const ZTenantName = z.string().trim().min(2, 'The name needs at least 2 characters.').max(160);
export const ZCreateTenantBody = z.object({ name: ZTenantName, kind: ZTenantKind });
export const ZUpdateTenantBody = z
  .object({ name: ZTenantName.optional(), requireMfa: z.boolean().optional() })
  .refine((b) => b.name !== undefined || b.requireMfa !== undefined, 'Send a name or requireMfa to change.');

export const ZTenantSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: ZTenantKind,
  role: ZRole,
  requireMfa: z.boolean(),
  createdAt: z.string(),
});
export const ZTenantDetail = ZTenantSummary.extend({ abilities: z.record(z.string(), z.boolean()) });
export const ZTenantList = z.object({ items: z.array(ZTenantSummary) });

export const ZMember = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  mfaEnabled: z.boolean(),
  joinedAt: z.string(),
  abilities: z.object({ 'member.read': z.boolean(), 'member.update': z.boolean(), 'member.remove': z.boolean() }),
});
export const ZMemberList = z.object({ items: z.array(ZMember) });
export const ZUpdateMemberBody = z.object({ role: ZRole });

export const ZCreateInvitationBody = z.object({ email: ZEmail, role: ZRole, locale: ZLocale.default('en') });
export const ZInvitation = z.object({
  id: z.uuid(),
  email: z.string(),
  role: ZRole,
  locale: ZLocale,
  expiresAt: z.string(),
  createdAt: z.string(),
  invitedBy: z.string(),
  abilities: z.object({ 'member.invite': z.boolean(), 'invitation.revoke': z.boolean() }),
});
export const ZInvitationList = z.object({ items: z.array(ZInvitation) });
export const ZInvitationTokenParams = z.object({ token: z.string().min(10).max(200) });
export const ZInvitationPreview = z.object({
  tenantName: z.string(),
  tenantKind: ZTenantKind,
  email: z.string(),
  role: ZRole,
  userExists: z.boolean(),
  expiresAt: z.string(),
});
export const ZAcceptInvitationBody = z.object({ name: ZName.optional(), password: z.string().max(256).optional() });
