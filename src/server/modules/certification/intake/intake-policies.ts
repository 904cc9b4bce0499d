import type { TEnquiryStatus } from '../../../../shared/contracts/intake.ts';
import type { TRole } from '../../../../shared/contracts/roles.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { enquiryLifecycle } from './enquiry-lifecycle.ts';

/*
 * The body's intake: every member of the certification body reads its settings and clients (the
 * auditors, reviewers and decision makers work on them); the scheme manager administers them and
 * answers the enquiries (17021-1 9.1.1, application review). Enquiries are commercial: the
 * reviewers and decision makers read them, auditors do not need them.
 */
const BODY_MEMBERS: readonly TRole[] = ['scheme_manager', 'auditor', 'technical_reviewer', 'decision_maker'];
const SCHEME_MANAGERS: readonly TRole[] = ['scheme_manager'];
const ENQUIRY_READERS: readonly TRole[] = ['scheme_manager', 'technical_reviewer', 'decision_maker'];

const bodySettings = rulesFor<Record<string, never>>()('bodySettings');
export type TEnquirySubject = { status: TEnquiryStatus };
const enquiry = rulesFor<TEnquirySubject>()('enquiry');
const client = rulesFor<Record<string, never>>()('client');

const answered = (event: 'convert' | 'decline') =>
  [(_: unknown, e: TEnquirySubject) => !enquiryLifecycle.can(e.status, event, undefined), (_: unknown, e: TEnquirySubject) => enquiryLifecycle.whyNot(e.status, event, undefined)!] as const;

export const INTAKE_POLICIES = [
  bodySettings.allow(BODY_MEMBERS, 'bodySettings.read'),
  bodySettings.allow(SCHEME_MANAGERS, 'bodySettings.update'),
  enquiry.allow(ENQUIRY_READERS, 'enquiry.read'),
  enquiry.allow(SCHEME_MANAGERS, 'enquiry.convert'),
  enquiry.deny('enquiry.convert', ...answered('convert')),
  enquiry.allow(SCHEME_MANAGERS, 'enquiry.decline'),
  enquiry.deny('enquiry.decline', ...answered('decline')),
  client.allow(BODY_MEMBERS, 'client.read'),
  client.allow(SCHEME_MANAGERS, 'client.create'),
  client.allow(SCHEME_MANAGERS, 'client.update'),
];
