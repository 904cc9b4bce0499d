/*
 * The certification body's audit actions and policies, apart from its routes and services: the
 * platform's registries (audit-actions.ts, authz/policies.ts) import these, and importing the
 * services from there would close an import cycle (service → audit log → registry → service).
 * Each sub-folder (clients, audit-time, proposals, engagements, audits, …) appends its lists here.
 */
import { AUDIT_TIME_AUDIT } from './audit-time/audit-time-audit.ts';
import { AUDIT_TIME_POLICIES } from './audit-time/audit-time-policies.ts';
import { AUDIT_WORK_AUDIT } from './audit-work/audit-work-audit.ts';
import { AUDIT_WORK_POLICIES } from './audit-work/audit-work-policies.ts';
import { AUDIT_PLAN_AUDIT } from './audit-plan/audit-plan-audit.ts';
import { AUDIT_PLAN_POLICIES } from './audit-plan/audit-plan-policies.ts';
import { INTAKE_AUDIT } from './intake/intake-audit.ts';
import { INTAKE_POLICIES } from './intake/intake-policies.ts';
import { AUDITS_AUDIT } from './audits/audits-audit.ts';
import { AUDITS_POLICIES } from './audits/audits-policies.ts';
import { AUDITORS_AUDIT } from './auditors/auditors-audit.ts';
import { AUDITORS_POLICIES } from './auditors/auditors-policies.ts';
import { ENGAGEMENT_READS_AUDIT } from './engagements/engagement-reads-audit.ts';
import { ENGAGEMENT_READS_POLICIES } from './engagements/engagement-reads-policies.ts';
import { FINDINGS_AUDIT } from './findings/findings-audit.ts';
import { CYCLE_AUDIT } from './cycle/cycle-audit.ts';
import { FINDINGS_POLICIES } from './findings/findings-policies.ts';
import { PROPOSALS_AUDIT } from './proposals/proposals-audit.ts';
import { PROPOSAL_POLICIES } from './proposals/proposals-policies.ts';
import { DECISIONS_AUDIT } from './decisions/decisions-audit.ts';
import { DECISIONS_POLICIES } from './decisions/decisions-policies.ts';
import { REGISTER_POLICIES } from './register/register-policies.ts';
import { CERTIFICATES_AUDIT } from './certificates/certificates-audit.ts';
import { CERTIFICATES_POLICIES } from './certificates/certificates-policies.ts';

export const CERTIFICATION_POLICIES = [...AUDIT_TIME_POLICIES, ...AUDIT_WORK_POLICIES, ...PROPOSAL_POLICIES, ...INTAKE_POLICIES, ...AUDITS_POLICIES, ...ENGAGEMENT_READS_POLICIES, ...AUDIT_PLAN_POLICIES, ...AUDITORS_POLICIES, ...DECISIONS_POLICIES, ...FINDINGS_POLICIES, ...REGISTER_POLICIES, ...CERTIFICATES_POLICIES] as const;

export const CERTIFICATION_AUDIT = { ...AUDIT_TIME_AUDIT, ...AUDIT_WORK_AUDIT, ...PROPOSALS_AUDIT, ...INTAKE_AUDIT, ...AUDITS_AUDIT, ...ENGAGEMENT_READS_AUDIT, ...AUDIT_PLAN_AUDIT, ...AUDITORS_AUDIT, ...FINDINGS_AUDIT, ...CYCLE_AUDIT, ...DECISIONS_AUDIT, ...CERTIFICATES_AUDIT } as const;
