import { SOC2_AUDIT } from './modules/soc2/soc2-registry.ts';
import type { TAuditAction } from '../shared/contracts/audit-actions.ts';
import type { TAuditActionSchemas } from './platform/audit-log/audit-registry.ts';
import { AIMS_RECORDS_AUDIT } from './modules/aims-records/aims-records-registry.ts';
import { CERTIFICATION_AUDIT } from './modules/certification/certification-registry.ts';
import { ACCOUNTS_AUDIT } from './modules/accounts/accounts-audit.ts';
import { API_TOKENS_AUDIT } from './modules/api-tokens/api-tokens-audit.ts';
import { AI_SYSTEMS_AUDIT } from './modules/ai-systems/ai-systems-audit.ts';
import { CATALOG_AUDIT } from './modules/catalog/catalog-audit.ts';
import { DOCUMENTS_AUDIT } from './modules/documents/documents-audit.ts';
import { EVIDENCE_AUDIT } from './modules/evidence/evidence-audit.ts';
import { FILES_AUDIT } from './modules/files/files-audit.ts';
import { IMPACT_ASSESSMENTS_AUDIT } from './modules/impact-assessments/impact-assessments-audit.ts';
import { CONTROLS_AUDIT } from './modules/controls/controls-audit.ts';
import { RISKS_AUDIT } from './modules/risks/risks-audit.ts';
import { SOA_AUDIT } from './modules/soa/soa-audit.ts';
import { SOC2_PROGRAM_AUDIT } from './modules/soc2/matrix/program-audit.ts';
import { TENANTS_AUDIT } from './modules/tenants/tenants-audit.ts';

/**
 * Every module's audit actions, merged. A new module adds its `<domain>-audit.ts` here; an action
 * of the shared list without schemas, or a schema for an unknown action, fails the type check.
 */
export const AUDIT_REGISTRY = {
  ...ACCOUNTS_AUDIT,
  ...TENANTS_AUDIT,
  ...API_TOKENS_AUDIT,
  ...FILES_AUDIT,
  ...CATALOG_AUDIT,
  ...IMPACT_ASSESSMENTS_AUDIT,
  ...AI_SYSTEMS_AUDIT,
  ...RISKS_AUDIT,
  ...CONTROLS_AUDIT,
  ...SOA_AUDIT,
  ...DOCUMENTS_AUDIT,
  ...EVIDENCE_AUDIT,
  ...AIMS_RECORDS_AUDIT,
  ...CERTIFICATION_AUDIT,
  ...SOC2_AUDIT,
  ...SOC2_PROGRAM_AUDIT,
} satisfies Record<TAuditAction, TAuditActionSchemas>;

type TUnknown = Exclude<keyof typeof AUDIT_REGISTRY, TAuditAction>;
// A module declaring an action missing from the shared list breaks here at compile time.
const noUnknownAction: [TUnknown] extends [never] ? true : TUnknown = true;
void noUnknownAction;

export type TAuditRegistry = typeof AUDIT_REGISTRY;
