import { z } from 'zod';

export const ORGANIZATION_ROLES = ['owner', 'admin', 'contributor', 'viewer'] as const;
export const CERTIFICATION_BODY_ROLES = ['scheme_manager', 'auditor', 'technical_reviewer', 'decision_maker'] as const;
export const ROLES = [...ORGANIZATION_ROLES, ...CERTIFICATION_BODY_ROLES] as const;
export const TENANT_KINDS = ['organization', 'certification_body'] as const;

export const ZTenantKind = z.enum(TENANT_KINDS);
export const ZRole = z.enum(ROLES);
export type TTenantKind = z.infer<typeof ZTenantKind>;
export type TRole = z.infer<typeof ZRole>;

export const rolesForKind = (kind: TTenantKind): readonly TRole[] =>
  kind === 'organization' ? ORGANIZATION_ROLES : CERTIFICATION_BODY_ROLES;

/** The role a tenant's creator receives, and the one a tenant must always keep one of. */
export const founderRole = (kind: TTenantKind): TRole => (kind === 'organization' ? 'owner' : 'scheme_manager');
