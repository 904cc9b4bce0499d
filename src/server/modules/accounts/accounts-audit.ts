import { z } from 'zod';
import { ZLocale } from '../../../shared/contracts/common.ts';
import { defineAuditActions } from '../../platform/audit-log/audit-registry.ts';

const ZProfile = z.strictObject({ name: z.string(), locale: ZLocale }).partial();

/** Account and session events; they chain on the platform chain (no tenant). */
export const ACCOUNTS_AUDIT = defineAuditActions({
  'user.admin_created': { after: z.strictObject({ email: z.string(), name: z.string() }) },
  'user.created': { after: z.strictObject({ email: z.string(), source: z.enum(['seed', 'proposal']).optional(), proposal: z.string().optional() }) },
  'user.updated': { before: ZProfile, after: ZProfile },
  'user.login': { after: z.strictObject({ mfa: z.boolean(), method: z.string() }) },
  'user.login_failed': { after: z.strictObject({ reason: z.string() }).partial() },
  'user.logout': {},
  'user.password_changed': { after: z.strictObject({ otherSessionsRevoked: z.number().int() }).partial() },
  'user.password_reset_requested': { after: z.strictObject({ expiresAt: z.iso.datetime() }) },
  'user.password_reset': { after: z.strictObject({ sessionsEnded: z.number().int() }) },
  'user.mfa_enabled': {},
  'user.mfa_disabled': {},
  'session.revoked': { after: z.strictObject({ count: z.number().int() }) },
});
