import type { TRole } from '../../../shared/contracts/roles.ts';
import { AIMS_RECORDS_POLICIES } from '../../modules/aims-records/aims-records-registry.ts';
import { SOC2_POLICIES } from '../../modules/soc2/soc2-registry.ts';
import { CERTIFICATION_POLICIES } from '../../modules/certification/certification-registry.ts';
import { AI_SYSTEM_POLICIES } from '../../modules/ai-systems/ai-systems-policies.ts';
import { API_TOKEN_POLICIES } from '../../modules/api-tokens/api-tokens-policies.ts';
import { AUDIT_POLICIES } from '../../modules/audit/audit-policies.ts';
import { CATALOG_POLICIES } from '../../modules/catalog/catalog-policies.ts';
import { DOCUMENT_POLICIES } from '../../modules/documents/documents-policies.ts';
import { FILE_POLICIES } from '../../modules/files/files-policies.ts';
import { IMPACT_ASSESSMENT_POLICIES } from '../../modules/impact-assessments/impact-assessments-policies.ts';
import { CONTROL_POLICIES } from '../../modules/controls/controls-policies.ts';
import { EVIDENCE_POLICIES } from '../../modules/evidence/evidence-policies.ts';
import { RISK_POLICIES } from '../../modules/risks/risks-policies.ts';
import { SOC2_PROGRAM_POLICIES } from '../../modules/soc2/matrix/program-policies.ts';
import { SOA_POLICIES } from '../../modules/soa/soa-policies.ts';
import { INVITATION_POLICIES } from '../../modules/tenants/invitations-policies.ts';
import { MEMBER_POLICIES } from '../../modules/tenants/members-policies.ts';
import { TENANT_POLICIES } from '../../modules/tenants/tenants-policies.ts';
import type { TAction as TSharedAction } from '../../../shared/contracts/authz.ts';
import { decide, type TAnyRule, type TRule } from './policy.ts';

/*
 * Each module declares its rules in `<domain>-policies.ts`; the platform merges them here. A new
 * module appends its list: nothing else changes.
 */
export const POLICIES = [
  ...TENANT_POLICIES,
  ...MEMBER_POLICIES,
  ...INVITATION_POLICIES,
  ...API_TOKEN_POLICIES,
  ...AUDIT_POLICIES,
  ...FILE_POLICIES,
  ...CATALOG_POLICIES,
  ...IMPACT_ASSESSMENT_POLICIES,
  ...AI_SYSTEM_POLICIES,
  ...RISK_POLICIES,
  ...CONTROL_POLICIES,
  ...SOA_POLICIES,
  ...DOCUMENT_POLICIES,
  ...EVIDENCE_POLICIES,
  ...AIMS_RECORDS_POLICIES,
  ...CERTIFICATION_POLICIES,
  ...SOC2_POLICIES,
  ...SOC2_PROGRAM_POLICIES,
];

type TPolicyRule = (typeof POLICIES)[number];
export type TAction = TPolicyRule['action'];
export type TSubjectType = TPolicyRule['subjectType'];
/** The record type an action's rules are written over. */
export type TRecordOf<A extends TAction> = Extract<TPolicyRule, { action: A }> extends TRule<A, infer S, string> ? S : never;
/** The actions whose rules are written over one subject type: the keys of that record's `abilities`. */
export type TActionOf<T extends TSubjectType> = Extract<TPolicyRule, { subjectType: T }>['action'];

export const ACTIONS: readonly TAction[] = [...new Set(POLICIES.map((r) => r.action))];

/*
 * The web reads the action list from the shared contract: a rule for an action missing there, or
 * an action there with no rule, fails the type check here.
 */
type TSame<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const actionsMatchContract: TSame<TAction, TSharedAction> = true;
void actionsMatchContract;
const RULES: readonly TAnyRule[] = POLICIES;

/** May this role ever do this action (record rules aside)? */
export const can = (role: TRole, action: TAction) => decide(RULES, { role, tenantId: '', tenantKind: 'organization', userId: null, tokenId: null }, action).ok;

/** The tenant-wide abilities shown to the web app for the role, keyed by action. */
// A role's abilities never change while the process runs: computed once per role, shared frozen.
const abilitiesByRole = new Map<TRole, Readonly<Record<TAction, boolean>>>();
export const abilitiesFor = (role: TRole): Readonly<Record<TAction, boolean>> => {
  let a = abilitiesByRole.get(role);
  if (!a) abilitiesByRole.set(role, (a = Object.freeze(Object.fromEntries(ACTIONS.map((x) => [x, can(role, x)])) as Record<TAction, boolean>)));
  return a;
};
