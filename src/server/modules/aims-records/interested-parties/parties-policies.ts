import { rulesFor } from '../../../platform/authz/policy.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../../platform/authz/role-sets.ts';

/* Interested parties (4.2): every member reads, a viewer changes nothing. */
const party = rulesFor<Record<string, never>>()('interestedParty');

export const PARTY_POLICIES = [
  party.allow(ORG_MEMBERS, 'interestedParty.read'),
  party.allow(ORG_WRITERS, 'interestedParty.create'),
  party.allow(ORG_WRITERS, 'interestedParty.update'),
];
