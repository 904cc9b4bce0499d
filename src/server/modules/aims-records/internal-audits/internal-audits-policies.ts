import type { TAuditStatus } from '../../../../shared/contracts/internal-audits.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../../platform/authz/role-sets.ts';
import { internalAuditLifecycle } from './internal-audit-lifecycle.ts';

/*
 * Internal audits: every member reads, a viewer changes nothing; a completed audit is frozen and
 * findings are recorded only while it is in progress (the lifecycle's words). Who may audit what
 * (independence) depends on the people named, so the service checks it on the data it locks.
 */
export type TAuditSubject = { status: TAuditStatus };

const programme = rulesFor<Record<string, never>>()('auditProgramme');
const audit = rulesFor<TAuditSubject>()('internalAudit');
const refused = (event: 'edit' | 'record_finding') => (_: unknown, a: TAuditSubject) => !internalAuditLifecycle.can(a.status, event, { conclusion: 'x' });
const why = (event: 'edit' | 'record_finding') => (_: unknown, a: TAuditSubject) => internalAuditLifecycle.whyNot(a.status, event, { conclusion: 'x' })!;

export const INTERNAL_AUDIT_POLICIES = [
  programme.allow(ORG_MEMBERS, 'auditProgramme.read'),
  programme.allow(ORG_WRITERS, 'auditProgramme.create'),
  programme.allow(ORG_WRITERS, 'auditProgramme.update'),
  audit.allow(ORG_MEMBERS, 'internalAudit.read'),
  audit.allow(ORG_WRITERS, 'internalAudit.create'),
  audit.allow(ORG_WRITERS, 'internalAudit.update'),
  audit.deny('internalAudit.update', refused('edit'), why('edit')),
  audit.allow(ORG_WRITERS, 'internalAudit.transition'),
  audit.deny('internalAudit.transition', (_, a) => a.status === 'completed', why('edit')),
  audit.allow(ORG_WRITERS, 'internalAudit.addFinding'),
  audit.deny('internalAudit.addFinding', refused('record_finding'), why('record_finding')),
];
