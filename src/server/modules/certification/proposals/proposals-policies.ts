import type { TProposalState } from '../../../../shared/contracts/proposals.ts';
import type { TRole } from '../../../../shared/contracts/roles.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { ORG_MEMBERS } from '../../../platform/authz/role-sets.ts';
import { proposalLifecycle } from './proposal-lifecycle.ts';

/** A proposal as the rules see it: its state (expiry derived on the platform clock). Null when creating one. */
export type TProposalSubject = { state: TProposalState | null };

/** Fees are commercial: the scheme manager prices and sends; reviewers and decision makers read. Auditors do not. */
const PROPOSAL_READERS: readonly TRole[] = ['scheme_manager', 'technical_reviewer', 'decision_maker'];
const PROPOSAL_WRITERS: readonly TRole[] = ['scheme_manager'];

const proposal = rulesFor<TProposalSubject>()('proposal');
const blocked = (event: 'update' | 'send' | 'withdraw') => (_: unknown, p: TProposalSubject) => p.state !== null && !proposalLifecycle.can(p.state, event, undefined);
const why = (event: 'update' | 'send' | 'withdraw') => (_: unknown, p: TProposalSubject) => proposalLifecycle.whyNot(p.state!, event, undefined)!;

/** The organization's side: what it accepted and the engagements that opened. Accepting binds the organization: owners and admins. */
export type TOrgCertificationSubject = Record<string, never>;
const orgCertification = rulesFor<TOrgCertificationSubject>()('orgCertification');

export const PROPOSAL_POLICIES = [
  proposal.allow(PROPOSAL_READERS, 'proposal.read'),
  proposal.allow(PROPOSAL_WRITERS, 'proposal.create'),
  proposal.allow(PROPOSAL_WRITERS, 'proposal.update'),
  proposal.deny('proposal.update', blocked('update'), why('update')),
  proposal.allow(PROPOSAL_WRITERS, 'proposal.send'),
  proposal.deny('proposal.send', blocked('send'), why('send')),
  proposal.allow(PROPOSAL_WRITERS, 'proposal.withdraw'),
  proposal.deny('proposal.withdraw', blocked('withdraw'), why('withdraw')),
  orgCertification.allow(ORG_MEMBERS, 'orgCertification.read'),
  orgCertification.allow(['owner', 'admin'], 'orgCertification.accept'),
];
