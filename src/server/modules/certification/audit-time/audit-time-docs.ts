import type { TApiDocs } from '../../../platform/http/api-docs.ts';
import { DEFAULT_AUDIT_TIME_TABLE } from './default-table.ts';

const B = '/api/tenants/{tenantId}/audit-time';
const inputs = {
  employeesFullTime: 140,
  employeesPartTime: 6,
  partTimeFte: 3.5,
  sites: 3,
  aiSystems: 7,
  highRiskAiSystems: 2,
  aiRoles: ['provider', 'user'],
  sectorRisk: 'high',
  aimsMaturity: 'established',
  existingCertifications: ['iso27001'],
  integratedAudit: true,
};

export const auditTimeDocs: TApiDocs = {
  [`GET ${B}`]: {
    summary: 'Read the audit-time table in force',
    description:
      'Certification-body members. The body’s latest table version, or Attest’s shipped default when the body has none (`source: "default"`), with the default beside it. ISO/IEC 42006 publishes no verified AIMS audit-time table: the default follows the IAF MD5 method and is calibrated on published market ranges.',
    returns: 'The table in force, the shipped default and the reader’s abilities.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${B}/tables`]: {
    summary: 'List the body’s audit-time table versions',
    description: 'Newest first, keyset-paginated, one SQL statement per page. The shipped default is not listed (see `GET …/audit-time`).',
    returns: 'One page of versions.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${B}/tables`]: {
    summary: 'Save a new version of the audit-time table',
    description:
      'Scheme managers. Writes version n + 1 and puts it in force; earlier versions are never changed, so each kept calculation can be redone with the version it names. The schema holds the IAF limits: reductions capped at 30 % at most, integrated-audit reduction at most 20 %, at least 80 % on site, bands strictly increasing.',
    returns: 'The new version.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: { name: 'Vérité Certification — AIMS 2027', note: 'Procedure PR-07 rev. 3: +1 day for 46–65 people.', config: DEFAULT_AUDIT_TIME_TABLE },
  },
  [`GET ${B}/tables/{version}`]: {
    summary: 'Read one version of the body’s audit-time table',
    description: 'Any version, as it was saved.',
    returns: 'The version.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${B}/calculate`]: {
    summary: 'Calculate audit time (IAF MD5, MD1, MD11)',
    description:
      'Certification-body members may calculate (nothing is written). With `clientId`, scheme managers keep the calculation on that client with its inputs, its trace and the table version it used (audited); a proposal takes its days from the client’s latest calculation. The result gives stage 1, stage 2, initial, surveillance, recertification and cycle days, the least on-site time, the IAF MD1 site sample (√x, 0.6·√x, 0.8·√x besides the central function) and the trace: one step per rule as `{ code, params }`, put in words in English or French by the web and the proposal PDF.',
    returns: 'The result, and the kept calculation (or null).',
    errors: [400, 401, 403, 404],
    body: { inputs, clientId: '0b7c4e8a-2f5d-4c1e-9a3b-6d8e2f1a4c7b', note: 'From the quote request of 12 November.' },
  },
  [`GET ${B}/calculations`]: {
    summary: 'List kept audit-time calculations',
    description: 'Newest first, optionally one client’s (`clientId`), keyset-paginated, one SQL statement per page.',
    returns: 'One page of calculations with their inputs, results and traces.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${B}/calculations/{calculationId}`]: {
    summary: 'Read one kept audit-time calculation',
    description: 'With its inputs, result, trace and the table version it used.',
    returns: 'The calculation.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${B}/clients/{clientId}/inputs`]: {
    summary: 'A client’s profile as audit-time inputs',
    description: 'Personnel, part-time FTE, sites, AI systems and their risk, AI roles, sector risk, AIMS maturity and certifications as the client record holds them: the calculator starts from these.',
    returns: 'The client’s reference, name and inputs.',
    errors: [400, 401, 403, 404],
  },
};
