import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

/*
 * Scope statement events. The versions keep the text, so an edit records which fields changed,
 * not the text; an approval records the AI systems in scope it froze.
 */
export const SCOPE_AUDIT = defineAuditActions({
  'aims_scope.version_started': { after: z.strictObject({ version: z.number().int(), fromVersion: z.number().int().nullable() }) },
  'aims_scope.updated': {
    after: z.strictObject({ version: z.number().int(), fields: z.array(z.enum(['boundaries', 'applicability', 'exclusions'])), exclusions: z.number().int() }),
  },
  'aims_scope.approved': {
    after: z.strictObject({
      version: z.number().int(),
      aiSystems: z.array(z.strictObject({ id: z.string(), name: z.string() })),
      supersededVersion: z.number().int().nullable(),
      comment: z.string().nullable(),
    }),
  },
});
