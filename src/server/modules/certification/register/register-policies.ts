import type { TRole } from '../../../../shared/contracts/roles.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';

/*
 * The IAF CertSearch export is the scheme manager's: the body's listing with the accreditation
 * body (IAF MD 28). The public register itself needs no rule: it answers anyone, read-only.
 */
const SCHEME_MANAGERS: readonly TRole[] = ['scheme_manager'];
const registerExport = rulesFor<Record<string, never>>()('registerExport');

export const REGISTER_POLICIES = [registerExport.allow(SCHEME_MANAGERS, 'registerExport.read')];
