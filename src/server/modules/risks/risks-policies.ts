import type { TRiskStatus } from '../../../shared/contracts/risks.ts';
import type { TRole } from '../../../shared/contracts/roles.ts';
import { rulesFor } from '../../platform/authz/policy.ts';
import { acceptanceRefusal, riskLifecycle } from './risk-lifecycle.ts';

/*
 * Risks are the organization's own records: its four roles read them, everyone but a viewer
 * writes them. Accepting a residual level above the matrix threshold needs one of the roles the
 * matrix names (owner and admin by default): the lifecycle says why, the rule reuses its words.
 */
export type TRiskSubject = {
  status: TRiskStatus;
  residualScore: number | null;
  threshold: number;
  allowedRoles: readonly TRole[];
};

const ORG_READERS: readonly TRole[] = ['owner', 'admin', 'contributor', 'viewer'];
const ORG_WRITERS: readonly TRole[] = ['owner', 'admin', 'contributor'];
const ORG_ADMINS: readonly TRole[] = ['owner', 'admin'];

const risk = rulesFor<TRiskSubject>()('risk');
const matrix = rulesFor<{ version: number }>()('riskMatrix');

const frozen = (event: 'edit' | 'reopen' | 'close') => (_: unknown, r: TRiskSubject) => !riskLifecycle.can(r.status, event, {});
const why = (event: 'edit' | 'reopen' | 'close') => (_: unknown, r: TRiskSubject) => riskLifecycle.whyNot(r.status, event, {})!;

export const RISK_POLICIES = [
  risk.allow(ORG_READERS, 'risk.read'),
  risk.allow(ORG_WRITERS, 'risk.create'),
  risk.allow(ORG_WRITERS, 'risk.update'),
  risk.deny('risk.update', frozen('edit'), why('edit')),
  risk.allow(ORG_WRITERS, 'risk.accept'),
  risk.deny(
    'risk.accept',
    (a, r) => r.status !== 'open' || acceptanceRefusal({ residualScore: r.residualScore, threshold: r.threshold, allowedRoles: r.allowedRoles, role: a.role, expiresOn: null, today: '' }) !== null,
    (a, r) =>
      r.status !== 'open'
        ? riskLifecycle.whyNot(r.status, 'accept', {})!
        : acceptanceRefusal({ residualScore: r.residualScore, threshold: r.threshold, allowedRoles: r.allowedRoles, role: a.role, expiresOn: null, today: '' })!,
  ),
  risk.allow(ORG_WRITERS, 'risk.reopen'),
  risk.deny('risk.reopen', frozen('reopen'), why('reopen')),
  risk.allow(ORG_WRITERS, 'risk.close'),
  risk.deny('risk.close', frozen('close'), why('close')),
  matrix.allow(ORG_READERS, 'riskMatrix.read'),
  matrix.allow(ORG_ADMINS, 'riskMatrix.update'),
];
