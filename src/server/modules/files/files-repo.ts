import { tenantTable } from '../../db/tenant-table.ts';

/* Files of one tenant: the tenant-scoped helper's find and insert are all the module needs. */
export const filesRepo = tenantTable('files');
