import type { TNcStatus } from '../../../../shared/contracts/nonconformities.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../../platform/authz/role-sets.ts';
import { nonconformityLifecycle } from './nonconformity-lifecycle.ts';

/*
 * The organization's own records: every member reads, a viewer changes nothing. A closed
 * nonconformity is frozen (the lifecycle says so, in its words); the effectiveness check is
 * recorded while the corrective action is being verified.
 */
export type TNcSubject = { status: TNcStatus };

const nc = rulesFor<TNcSubject>()('nonconformity');
const closed = (_: unknown, n: TNcSubject) => n.status === 'closed';
const frozen = (_: unknown, n: TNcSubject) => nonconformityLifecycle.whyNot(n.status, 'edit', { correction: '', rootCause: '', correctiveAction: '', effectiveness: null })!;

export const NONCONFORMITY_POLICIES = [
  nc.allow(ORG_MEMBERS, 'nonconformity.read'),
  nc.allow(ORG_WRITERS, 'nonconformity.create'),
  nc.allow(ORG_WRITERS, 'nonconformity.update'),
  nc.deny('nonconformity.update', closed, frozen),
  nc.allow(ORG_WRITERS, 'nonconformity.transition'),
  nc.deny('nonconformity.transition', closed, frozen),
  nc.allow(ORG_WRITERS, 'nonconformity.verify'),
  nc.deny(
    'nonconformity.verify',
    (_, n) => n.status !== 'verifying',
    (_, n) => new AppError(409, n.status === 'closed' ? 'nonconformity_closed' : 'nonconformity_state', 'The effectiveness check is recorded once the corrective action is being verified.', { status: n.status }),
  ),
];
