import type en from './i18n/en.json';
import type { TAction } from '../shared/contracts/authz';
import type { TTenantKind } from '../shared/contracts/roles';

export type NavGroup = 'workspace' | 'programme' | 'reference' | 'administration';

export interface NavEntry {
  key: string;
  label: NavLabelKey;
  path: string;
  group: NavGroup;
  kinds: readonly TTenantKind[];
  ability: TAction | null;
  available: boolean;
}

export type NavLabelKey = keyof typeof en.nav.items;

const ALL: readonly TTenantKind[] = ['organization', 'certification_body'];
const ORG: readonly TTenantKind[] = ['organization'];
const CB: readonly TTenantKind[] = ['certification_body'];

export const NAVIGATION: readonly NavEntry[] = [
  {
    key: 'overview',
    label: 'overview',
    path: '/t/:tenantId',
    group: 'workspace',
    kinds: ALL,
    ability: null,
    available: true,
  },
  {
    key: 'ai-systems',
    label: 'aiSystems',
    path: '/t/:tenantId/ai-systems',
    group: 'programme',
    kinds: ORG,
    ability: 'aiSystem.read',
    available: true,
  },
  {
    key: 'risks',
    label: 'risks',
    path: '/t/:tenantId/risks',
    group: 'programme',
    kinds: ORG,
    ability: 'risk.read',
    available: true,
  },
  {
    key: 'impact-assessments',
    label: 'impactAssessments',
    path: '/t/:tenantId/impact-assessments',
    group: 'programme',
    kinds: ORG,
    ability: 'impactAssessment.read',
    available: true,
  },
  {
    key: 'documents',
    label: 'documents',
    path: '/t/:tenantId/documents',
    group: 'programme',
    kinds: ORG,
    ability: 'document.read',
    available: true,
  },
  {
    key: 'soa',
    label: 'statementOfApplicability',
    path: '/t/:tenantId/soa',
    group: 'programme',
    kinds: ORG,
    ability: 'soa.read',
    available: true,
  },
  {
    key: 'evidence',
    label: 'evidence',
    path: '/t/:tenantId/evidence',
    group: 'programme',
    kinds: ORG,
    ability: 'evidence.read',
    available: true,
  },
  {
    key: 'controls',
    label: 'controls',
    path: '/t/:tenantId/controls',
    group: 'programme',
    kinds: ORG,
    ability: 'control.read',
    available: true,
  },
  {
    key: 'readiness',
    label: 'readiness',
    path: '/t/:tenantId/readiness',
    group: 'programme',
    kinds: ORG,
    ability: 'control.read',
    available: true,
  },
  {
    key: 'management-system',
    label: 'managementSystem',
    path: '/t/:tenantId/management-system',
    group: 'programme',
    kinds: ORG,
    ability: 'aimsScope.read',
    available: true,
  },
  {
    key: 'improvement',
    label: 'improvement',
    path: '/t/:tenantId/improvement',
    group: 'programme',
    kinds: ORG,
    ability: 'internalAudit.read',
    available: true,
  },
  {
    key: 'certification',
    label: 'certification',
    path: '/t/:tenantId/certification',
    group: 'programme',
    kinds: ORG,
    ability: 'orgCertification.read',
    available: true,
  },
  {
    key: 'certification-findings',
    label: 'orgFindings',
    path: '/t/:tenantId/certification/findings',
    group: 'programme',
    kinds: ORG,
    ability: 'orgFinding.read',
    available: true,
  },
  {
    key: 'soc2-programme',
    label: 'soc2Programme',
    path: '/t/:tenantId/soc2-programme',
    group: 'programme',
    kinds: ORG,
    ability: 'orgSoc2Examination.read',
    available: true,
  },
  {
    key: 'enquiries',
    label: 'enquiries',
    path: '/t/:tenantId/enquiries',
    group: 'programme',
    kinds: CB,
    ability: 'enquiry.read',
    available: true,
  },
  {
    key: 'clients',
    label: 'clients',
    path: '/t/:tenantId/clients',
    group: 'programme',
    kinds: CB,
    ability: 'client.read',
    available: true,
  },
  {
    key: 'proposals',
    label: 'proposals',
    path: '/t/:tenantId/proposals',
    group: 'programme',
    kinds: CB,
    ability: 'proposal.read',
    available: true,
  },
  {
    key: 'audit-time',
    label: 'auditTime',
    path: '/t/:tenantId/audit-time',
    group: 'programme',
    kinds: CB,
    ability: 'auditTime.read',
    available: true,
  },
  {
    key: 'audits',
    label: 'auditsFindings',
    path: '/t/:tenantId/audits',
    group: 'programme',
    kinds: CB,
    ability: 'certAudit.read',
    available: true,
  },
  {
    // The answers waiting for a verdict: for those who judge them (the scheme manager, the auditors of each team).
    key: 'findings',
    label: 'findingsToReview',
    path: '/t/:tenantId/findings',
    group: 'programme',
    kinds: CB,
    ability: 'finding.judge',
    available: true,
  },
  {
    key: 'auditors',
    label: 'auditors',
    path: '/t/:tenantId/auditors',
    group: 'programme',
    kinds: CB,
    ability: 'auditor.read',
    available: true,
  },
  {
    key: 'surveillance',
    label: 'surveillance',
    path: '/t/:tenantId/surveillance',
    group: 'programme',
    kinds: CB,
    ability: 'certAudit.read',
    available: true,
  },
  {
    key: 'decisions',
    label: 'certificationDecisions',
    path: '/t/:tenantId/decisions',
    group: 'programme',
    kinds: CB,
    ability: 'certDecision.read',
    available: true,
  },
  {
    key: 'certificates',
    label: 'certificates',
    path: '/t/:tenantId/certificates',
    group: 'programme',
    kinds: CB,
    ability: 'certificate.read',
    available: true,
  },
  {
    key: 'soc2-examinations',
    label: 'soc2Engagements',
    path: '/t/:tenantId/soc2-examinations',
    group: 'programme',
    kinds: CB,
    ability: 'soc2Examination.read',
    available: true,
  },
  {
    key: 'catalog',
    label: 'frameworks',
    path: '/catalog',
    group: 'reference',
    kinds: ALL,
    ability: null,
    available: true,
  },
  {
    key: 'public-register',
    label: 'publicRegister',
    path: '/register',
    group: 'reference',
    kinds: ALL,
    ability: null,
    available: true,
  },
  {
    key: 'body-settings',
    label: 'bodySettings',
    path: '/t/:tenantId/body-settings',
    group: 'administration',
    kinds: CB,
    ability: 'bodySettings.read',
    available: true,
  },
  {
    key: 'members',
    label: 'members',
    path: '/t/:tenantId/members',
    group: 'administration',
    kinds: ALL,
    ability: 'member.read',
    available: true,
  },
  {
    key: 'api-tokens',
    label: 'apiTokens',
    path: '/t/:tenantId/api-tokens',
    group: 'administration',
    kinds: ALL,
    ability: 'apiToken.read',
    available: true,
  },
  {
    key: 'audit',
    label: 'auditLog',
    path: '/t/:tenantId/audit',
    group: 'administration',
    kinds: ALL,
    ability: 'audit.read',
    available: true,
  },
  {
    key: 'settings',
    label: 'settings',
    path: '/t/:tenantId/settings',
    group: 'administration',
    kinds: ALL,
    ability: 'tenant.update',
    available: true,
  },
];

export const NAV_GROUPS: readonly NavGroup[] = ['workspace', 'programme', 'reference', 'administration'];

export interface NavTenant {
  id: string;
  kind: TTenantKind;
  abilities: Partial<Record<string, boolean>>;
}

export function visibleEntries(tenant: NavTenant | null): NavEntry[] {
  return NAVIGATION.filter((entry) => {
    if (!tenant) return !entry.path.includes(':tenantId');
    if (!entry.kinds.includes(tenant.kind)) return false;
    return entry.ability === null || tenant.abilities[entry.ability] === true;
  });
}
