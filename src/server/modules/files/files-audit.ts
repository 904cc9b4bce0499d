import { z } from 'zod';
import { defineAuditActions } from '../../platform/audit-log/audit-registry.ts';

export const FILES_AUDIT = defineAuditActions({
  'file.uploaded': { after: z.strictObject({ filename: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().min(0) }) },
});
