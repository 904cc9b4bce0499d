import type { TSoc2ReaderState } from '../../../../shared/contracts/soc2-readers.ts';
import type { TRole } from '../../../../shared/contracts/roles.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { ORG_MEMBERS } from '../../../platform/authz/role-sets.ts';
import { AppError } from '../../../platform/errors/errors.ts';

/*
 * Report readers: the organization's owners and administrators choose who reads its report (it is
 * their customers' list); every member sees who did. The firm sees the readers and the access log
 * of the reports it issued, and its scheme manager publishes the restricted-use terms.
 */
const FIRM_READERS: readonly TRole[] = ['scheme_manager', 'auditor', 'technical_reviewer', 'decision_maker'];

export type TSoc2ReaderSubject = { state: TSoc2ReaderState };

const firm = rulesFor<Record<string, never>>()('soc2Reader');
const nda = rulesFor<Record<string, never>>()('soc2Nda');
const org = rulesFor<TSoc2ReaderSubject>()('orgSoc2Reader');

const revoked = (_: unknown, s: TSoc2ReaderSubject) => s.state === 'revoked';
const alreadyRevoked = () => new AppError(409, 'soc2_reader_revoked', 'This reader’s access is already revoked.');

export const SOC2_READER_POLICIES = [
  firm.allow(FIRM_READERS, 'soc2Reader.read'),
  nda.allow(['scheme_manager'], 'soc2Nda.publish'),
  org.allow(ORG_MEMBERS, 'orgSoc2Reader.read'),
  org.allow(['owner', 'admin'], 'orgSoc2Reader.manage'),
  org.deny('orgSoc2Reader.manage', revoked, alreadyRevoked),
];
