import { z } from 'zod';
import { ZAbilities } from './authz.ts';
import { ZEmail, ZLocale, ZName, ZTimestamp, zText } from './common.ts';
import { ZRole, ZTenantKind } from './roles.ts';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** A password being checked (sign-in, confirmation): any length the new-password rule ever allowed. */
export const ZPasswordInput = zText(PASSWORD_MAX_LENGTH, { min: 1, trim: false });
/** A password being chosen; the server also refuses common ones (`password_too_common`). */
export const ZNewPassword = zText(PASSWORD_MAX_LENGTH, { min: PASSWORD_MIN_LENGTH, trim: false });

export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: ZLocale,
  mfaEnabled: z.boolean(),
  isPlatformAdmin: z.boolean(),
  createdAt: ZTimestamp,
});
export type TUser = z.infer<typeof ZUser>;
export const ZUserResponse = z.object({ user: ZUser });

export const ZSetupStatus = z.object({ needsSetup: z.boolean() });
export type TSetupStatus = z.infer<typeof ZSetupStatus>;
export const ZSetupBody = z.object({ email: ZEmail, name: ZName, password: ZNewPassword, locale: ZLocale.default('en') });
export type TSetupBody = z.infer<typeof ZSetupBody>;
export type TSetupInput = z.input<typeof ZSetupBody>;

export const ZMfaCode = zText(32, { min: 6 });
export const ZLoginBody = z.object({ email: ZEmail, password: ZPasswordInput, mfaCode: ZMfaCode.optional() });
export type TLoginBody = z.infer<typeof ZLoginBody>;
export const ZLoginResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), user: ZUser }),
  z.object({ status: z.literal('mfa_required') }),
]);
export type TLoginResponse = z.infer<typeof ZLoginResponse>;

export const ZMembership = z.object({
  tenantId: z.uuid(),
  tenantName: z.string(),
  tenantKind: ZTenantKind,
  role: ZRole,
  requireMfa: z.boolean(),
  abilities: ZAbilities,
});
export type TMembership = z.infer<typeof ZMembership>;
export const ZMeResponse = z.object({ user: ZUser, memberships: z.array(ZMembership), mfaSetupRequired: z.boolean() });
export type TMeResponse = z.infer<typeof ZMeResponse>;

export const ZUpdateMeBody = z
  .object({ name: ZName.optional(), locale: ZLocale.optional() })
  .refine((b) => b.name !== undefined || b.locale !== undefined, 'Send a name or a locale to change.');
export type TUpdateMeBody = z.infer<typeof ZUpdateMeBody>;
export const ZChangePasswordBody = z.object({ currentPassword: ZPasswordInput, newPassword: ZNewPassword });
export type TChangePasswordBody = z.infer<typeof ZChangePasswordBody>;

export const ZSession = z.object({
  id: z.uuid(),
  createdAt: ZTimestamp,
  lastSeenAt: ZTimestamp,
  expiresAt: ZTimestamp,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type TSession = z.infer<typeof ZSession>;
export const ZSessionList = z.object({ items: z.array(ZSession) });
export type TSessionList = z.infer<typeof ZSessionList>;
export const ZSessionParams = z.object({ sessionId: z.uuid() });

export const ZMfaEnrolResponse = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export type TMfaEnrolResponse = z.infer<typeof ZMfaEnrolResponse>;
/** Six digits as the authenticator app shows them: spaces between groups are fine ("123 456"). */
export const ZMfaConfirmBody = z.object({ code: z.string().min(6).max(16).regex(/^\s*(?:\d\s*){6}$/) });
export type TMfaConfirmBody = z.infer<typeof ZMfaConfirmBody>;
export const ZMfaConfirmResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type TMfaConfirmResponse = z.infer<typeof ZMfaConfirmResponse>;
export const ZMfaDisableBody = z.object({ password: ZPasswordInput, code: ZMfaCode });
export type TMfaDisableBody = z.infer<typeof ZMfaDisableBody>;
export const ZCsrfResponse = z.object({ csrfToken: z.string() });
