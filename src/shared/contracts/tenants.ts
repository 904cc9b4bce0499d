import { z } from 'zod';
import { ZAbilities, zAbilitiesOf } from './authz.ts';
import { ZEmail, ZLocale, ZName, ZTimestamp, zText } from './common.ts';
import { ZPasswordInput, ZUser } from './accounts.ts';
import { ZRole, ZTenantKind } from './roles.ts';

export const ZTenantParams = z.object({ tenantId: z.uuid() });
export const ZMemberParams = ZTenantParams.extend({ userId: z.uuid() });
export const ZInvitationParams = ZTenantParams.extend({ invitationId: z.uuid() });

export const ZTenantName = zText(160, { min: 2 });
export const ZCreateTenantBody = z.object({ name: ZTenantName, kind: ZTenantKind });
export type TCreateTenantBody = z.infer<typeof ZCreateTenantBody>;
export const ZUpdateTenantBody = z
  .object({ name: ZTenantName.optional(), requireMfa: z.boolean().optional() })
  .refine((b) => b.name !== undefined || b.requireMfa !== undefined, 'Send a name or requireMfa to change.');
export type TUpdateTenantBody = z.infer<typeof ZUpdateTenantBody>;

export const ZTenantSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: ZTenantKind,
  role: ZRole,
  requireMfa: z.boolean(),
  createdAt: ZTimestamp,
});
export type TTenantSummary = z.infer<typeof ZTenantSummary>;
export const ZTenantDetail = ZTenantSummary.extend({
  abilities: ZAbilities,
  /** The roles the caller may give here (invite, change a member's role, create a token): the role pickers offer only these. */
  grantableRoles: z.array(ZRole),
});
export type TTenantDetail = z.infer<typeof ZTenantDetail>;
export const ZTenantList = z.object({ items: z.array(ZTenantSummary) });
export type TTenantList = z.infer<typeof ZTenantList>;
export const ZCreatedTenant = z.object({ tenant: ZTenantDetail });
export type TCreatedTenant = z.infer<typeof ZCreatedTenant>;

export const ZMember = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  mfaEnabled: z.boolean(),
  joinedAt: ZTimestamp,
  abilities: zAbilitiesOf('member.read', 'member.update', 'member.remove'),
});
export type TMember = z.infer<typeof ZMember>;
export const ZMemberList = z.object({ items: z.array(ZMember) });
export type TMemberList = z.infer<typeof ZMemberList>;
export const ZUpdateMemberBody = z.object({ role: ZRole });
export type TUpdateMemberBody = z.infer<typeof ZUpdateMemberBody>;

export const ZCreateInvitationBody = z.object({ email: ZEmail, role: ZRole, locale: ZLocale.default('en') });
export type TCreateInvitationBody = z.infer<typeof ZCreateInvitationBody>;
export type TCreateInvitationInput = z.input<typeof ZCreateInvitationBody>;
export const ZInvitation = z.object({
  id: z.uuid(),
  email: z.string(),
  role: ZRole,
  locale: ZLocale,
  expiresAt: ZTimestamp,
  createdAt: ZTimestamp,
  invitedBy: z.string(),
  abilities: zAbilitiesOf('member.invite', 'invitation.revoke'),
});
export type TInvitation = z.infer<typeof ZInvitation>;
export const ZInvitationList = z.object({ items: z.array(ZInvitation) });
export type TInvitationList = z.infer<typeof ZInvitationList>;
export const ZCreatedInvitation = z.object({ invitation: ZInvitation });
export type TCreatedInvitation = z.infer<typeof ZCreatedInvitation>;

export const ZInvitationTokenParams = z.object({ token: zText(200, { min: 10 }) });
export const ZInvitationPreview = z.object({
  tenantName: z.string(),
  tenantKind: ZTenantKind,
  email: z.string(),
  role: ZRole,
  userExists: z.boolean(),
  expiresAt: ZTimestamp,
});
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;
/** A new user sends a name and a password; an existing, signed-in user sends nothing. */
export const ZAcceptInvitationBody = z.object({ name: ZName.optional(), password: ZPasswordInput.optional() });
export type TAcceptInvitationBody = z.infer<typeof ZAcceptInvitationBody>;
export const ZAcceptedInvitation = z.object({ user: ZUser, tenantId: z.uuid() });
export type TAcceptedInvitation = z.infer<typeof ZAcceptedInvitation>;
