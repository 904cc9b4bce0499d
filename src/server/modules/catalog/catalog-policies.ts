import { rulesFor } from '../../platform/authz/policy.ts';
import { EVERYONE, TENANT_ADMINS } from '../../platform/authz/role-sets.ts';

/*
 * These rules cover a tenant's own (custom) frameworks. Built-in catalogs are reference material
 * open to any signed-in person or API token, so they need no rule.
 */
const framework = rulesFor<{ id: string }>()('framework');

export const CATALOG_POLICIES = [framework.allow(EVERYONE, 'catalog.read'), framework.allow(TENANT_ADMINS, 'catalog.import')];
