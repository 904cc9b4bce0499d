import { z } from 'zod';
import { defineAuditActions } from '../../platform/audit-log/audit-registry.ts';

const ZImported = z.strictObject({ id: z.string(), version: z.string(), format: z.string(), requirements: z.number().int(), contentHash: z.string() });

export const CATALOG_AUDIT = defineAuditActions({
  'catalog.framework_imported': { after: ZImported },
  /** The same content imported again: the existing version becomes current. */
  'catalog.framework_made_current': { after: ZImported },
});
