import { z } from 'zod';
import { ZRole } from '../../../shared/contracts/roles.ts';
import { defineAuditActions } from '../../platform/audit-log/audit-registry.ts';

const ZToken = z.strictObject({ name: z.string(), role: ZRole });
/** Why a token changed without its own revoke button being pressed. */
const ZCause = { reason: z.enum(['member_removed', 'member_role_changed']), memberId: z.uuid() };

export const API_TOKENS_AUDIT = defineAuditActions({
  'api_token.created': {
    after: z.strictObject({ name: z.string(), role: ZRole, prefix: z.string(), expiresInDays: z.number().int().nullable() }),
  },
  'api_token.revoked': { before: ZToken, after: z.strictObject(ZCause) },
  'api_token.role_lowered': { before: ZToken, after: z.strictObject({ role: ZRole, ...ZCause }) },
});
