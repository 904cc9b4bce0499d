import { z } from 'zod';
import { ZLocale, ZRole, ZTenantKind } from '../../../shared/roles.ts';

export const ZEmail = z.email({ message: 'Enter a valid e-mail address.' }).max(254).transform((e) => e.trim().toLowerCase());
export const ZPasswordInput = z.string().min(1, 'Enter a password.').max(256, 'The password must have at most 256 characters.');
export const ZName = z.string().trim().min(1, 'Enter a name.').max(120);

export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: ZLocale,
  mfaEnabled: z.boolean(),
  isPlatformAdmin: z.boolean(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZSetupStatus = z.object({ needsSetup: z.boolean() });
export const ZSetupBody = z.object({ email: ZEmail, name: ZName, password: ZPasswordInput, locale: ZLocale.default('en') });
export type TSetupBody = z.infer<typeof ZSetupBody>;

export const ZLoginBody = z.object({
  email: ZEmail,
  password: ZPasswordInput,
  mfaCode: z.string().trim().min(6).max(32).optional(),
});
export type TLoginBody = z.infer<typeof ZLoginBody>;
export const ZLoginResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), user: ZUser }),
  z.object({ status: z.literal('mfa_required') }),
]);

export const ZMembership = z.object({
  tenantId: z.uuid(),
  tenantName: z.string(),
  tenantKind: ZTenantKind,
  role: ZRole,
  requireMfa: z.boolean(),
  abilities: z.record(z.string(), z.boolean()),
});
export const ZMeResponse = z.object({ user: ZUser, memberships: z.array(ZMembership), mfaSetupRequired: z.boolean() });
export type TMeResponse = z.infer<typeof ZMeResponse>;

export const ZUpdateMeBody = z
  .object({ name: ZName.optional(), locale: ZLocale.optional() })
  .refine((b) => b.name !== undefined || b.locale !== undefined, 'Send a name or a locale to change.');
export const ZChangePasswordBody = z.object({ currentPassword: ZPasswordInput, newPassword: ZPasswordInput });

export const ZSession = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const ZSessionList = z.object({ items: z.array(ZSession) });
export const ZSessionParams = z.object({ sessionId: z.uuid() });

export const ZMfaEnrolResponse = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export const ZMfaConfirmBody = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code from your app.') });
export const ZMfaConfirmResponse = z.object({ recoveryCodes: z.array(z.string()) });
export const ZMfaDisableBody = z.object({ password: ZPasswordInput, code: z.string().trim().min(6).max(32) });
export const ZCsrfResponse = z.object({ csrfToken: z.string() });
