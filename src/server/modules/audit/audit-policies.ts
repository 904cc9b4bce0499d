import { rulesFor } from '../../platform/authz/policy.ts';
import { AUDIT_READERS, TENANT_ADMINS } from '../../platform/authz/role-sets.ts';

const auditEvent = rulesFor<{ id: string }>()('auditEvent');

export const AUDIT_POLICIES = [auditEvent.allow(AUDIT_READERS, 'audit.read'), auditEvent.allow(TENANT_ADMINS, 'audit.checkpoint')];
