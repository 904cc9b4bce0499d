import type { TRole } from '../../../shared/contracts/roles.ts';

/* The groups of roles the module policies grant actions to, named once so the matrix reads. */
export const TENANT_ADMINS: readonly TRole[] = ['owner', 'admin', 'scheme_manager'];
export const EVERYONE: readonly TRole[] = ['owner', 'admin', 'contributor', 'viewer', 'scheme_manager', 'auditor', 'technical_reviewer', 'decision_maker'];
export const WRITERS: readonly TRole[] = ['owner', 'admin', 'contributor', 'scheme_manager', 'auditor'];
export const AUDIT_READERS: readonly TRole[] = [...TENANT_ADMINS, 'technical_reviewer', 'decision_maker'];
/** An organization's own records (AI systems, risks…): every member reads, a viewer changes nothing. */
export const ORG_MEMBERS: readonly TRole[] = ['owner', 'admin', 'contributor', 'viewer'];
export const ORG_WRITERS: readonly TRole[] = ['owner', 'admin', 'contributor'];
