/*
 * The records' audit actions and policies, apart from their routes and services: the platform's
 * registries (audit-actions.ts, authz/policies.ts) import these, and importing the services from
 * there would close a cycle (service → audit log → registry → service) that breaks start-up.
 */
import { AI_INCIDENTS_AUDIT } from './ai-incidents/ai-incidents-audit.ts';
import { AI_INCIDENT_POLICIES } from './ai-incidents/ai-incidents-policies.ts';
import { INTERNAL_AUDITS_AUDIT } from './internal-audits/internal-audits-audit.ts';
import { INTERNAL_AUDIT_POLICIES } from './internal-audits/internal-audits-policies.ts';
import { MANAGEMENT_REVIEWS_AUDIT } from './management-reviews/management-reviews-audit.ts';
import { MANAGEMENT_REVIEW_POLICIES } from './management-reviews/management-reviews-policies.ts';
import { NONCONFORMITIES_AUDIT } from './nonconformities/nonconformities-audit.ts';
import { NONCONFORMITY_POLICIES } from './nonconformities/nonconformities-policies.ts';
import { COMPETENCE_AUDIT } from './competence/competence-audit.ts';
import { COMPETENCE_POLICIES } from './competence/competence-policies.ts';
import { PARTIES_AUDIT } from './interested-parties/parties-audit.ts';
import { PARTY_POLICIES } from './interested-parties/parties-policies.ts';
import { OBJECTIVES_AUDIT } from './objectives/objectives-audit.ts';
import { OBJECTIVE_POLICIES } from './objectives/objectives-policies.ts';
import { SCOPE_AUDIT } from './scope/scope-audit.ts';
import { SCOPE_POLICIES } from './scope/scope-policies.ts';

export const AIMS_RECORDS_POLICIES = [
  ...INTERNAL_AUDIT_POLICIES,
  ...MANAGEMENT_REVIEW_POLICIES,
  ...NONCONFORMITY_POLICIES,
  ...AI_INCIDENT_POLICIES,
  ...SCOPE_POLICIES,
  ...PARTY_POLICIES,
  ...OBJECTIVE_POLICIES,
  ...COMPETENCE_POLICIES,
];

export const AIMS_RECORDS_AUDIT = {
  ...INTERNAL_AUDITS_AUDIT,
  ...MANAGEMENT_REVIEWS_AUDIT,
  ...NONCONFORMITIES_AUDIT,
  ...AI_INCIDENTS_AUDIT,
  ...SCOPE_AUDIT,
  ...PARTIES_AUDIT,
  ...OBJECTIVES_AUDIT,
  ...COMPETENCE_AUDIT,
};
