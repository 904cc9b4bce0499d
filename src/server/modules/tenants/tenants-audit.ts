import { z } from 'zod';
import { ZLocale } from '../../../shared/contracts/common.ts';
import { ZRole, ZTenantKind } from '../../../shared/contracts/roles.ts';
import { defineAuditActions } from '../../platform/audit-log/audit-registry.ts';

const ZSettings = z.strictObject({ name: z.string(), requireMfa: z.boolean() }).partial();
const ZSeeded = z.literal('seed').optional();

/** Tenant, membership and invitation events. */
export const TENANTS_AUDIT = defineAuditActions({
  'tenant.created': { after: z.strictObject({ name: z.string(), kind: ZTenantKind, founderRole: ZRole.optional(), source: ZSeeded }) },
  'tenant.updated': { before: ZSettings, after: ZSettings },
  'member.added': { after: z.strictObject({ role: ZRole, source: ZSeeded }) },
  'member.invited': { after: z.strictObject({ email: z.string(), role: ZRole, locale: ZLocale }) },
  'member.role_changed': { before: z.strictObject({ role: ZRole }), after: z.strictObject({ role: ZRole }) },
  'member.removed': { before: z.strictObject({ role: ZRole }) },
  // Pages name members: a tenant's own log says who a name became, and its head moves (page cache).
  'member.renamed': { before: z.strictObject({ name: z.string() }), after: z.strictObject({ name: z.string() }) },
  'invitation.accepted': { after: z.strictObject({ userId: z.uuid(), role: ZRole, newAccount: z.boolean() }) },
  'invitation.revoked': { before: z.strictObject({ email: z.string(), role: ZRole }) },
  /** A newer invitation to the same address took its place. */
  'invitation.replaced': { before: z.strictObject({ email: z.string(), role: ZRole, locale: ZLocale }), after: z.strictObject({ replacedBy: z.uuid() }) },
});
