import type { TApiDocs } from '../../platform/http/api-docs.ts';

const risk = {
  title: 'Credit-scoring model drifts on new applicant segments',
  description: 'Approval rates for applicants under 25 drift after the 2026 product launch.',
  source: 'ai_system',
  ownerId: '5f0c6f9e-3b1a-4c1e-9a53-2f3f3c9d7e10',
  inherentLikelihood: 4,
  inherentImpact: 4,
  treatment: 'mitigate',
  treatmentPlan: [{ title: 'Monthly drift report reviewed by the model owner', ownerId: null, dueDate: '2027-01-31', status: 'planned' }],
  residualLikelihood: 2,
  residualImpact: 4,
  reviewDate: '2027-06-30',
  requirements: [
    { frameworkId: 'iso-iec-42001-2023', ref: '6.1.2' },
    { frameworkId: 'eu-ai-act-2024', ref: 'Art. 9' },
  ],
};

export const risksDocs: TApiDocs = {
  'GET /api/tenants/{tenantId}/risk-matrix': {
    summary: 'The risk matrix in force',
    description: 'Likelihood and impact scales (EN and FR labels), level bands with colours, the acceptance threshold and the roles that may accept above it. Version 0 means the built-in 5 × 5 default, not yet stored.',
    returns: 'The current matrix version, how many open risks are still scored on older versions, and the abilities on it.',
    errors: [400, 401, 403, 404],
  },
  'PUT /api/tenants/{tenantId}/risk-matrix': {
    summary: 'Change the risk matrix (new version)',
    description: 'Owner or admin. Creates a new version; existing risks keep the version (and level) they were scored on until re-scored.',
    returns: 'The new current matrix.',
    errors: [400, 401, 403, 404],
    body: {
      likelihood: [{ en: 'Rare', fr: 'Rare' }, { en: 'Possible', fr: 'Possible' }, { en: 'Likely', fr: 'Probable' }],
      impact: [{ en: 'Minor', fr: 'Mineur' }, { en: 'Major', fr: 'Majeur' }, { en: 'Severe', fr: 'Grave' }],
      bands: [
        { key: 'low', label: { en: 'Low', fr: 'Faible' }, color: '#2f9e44', upTo: 3 },
        { key: 'high', label: { en: 'High', fr: 'Élevé' }, color: '#c92a2a', upTo: 9 },
      ],
      acceptanceThreshold: 3,
      acceptAboveThresholdRoles: ['owner'],
    },
  },
  'GET /api/tenants/{tenantId}/risk-matrix/versions': {
    summary: 'Every version of the risk matrix',
    description: 'Newest first, with who created each version and when.',
    returns: 'The versions.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/risks': {
    summary: 'The risk register',
    description:
      'Filters: `level` (with `levelOf` inherent or residual), `likelihood`/`impact`/`matrixVersion` (a heat-map cell), `ownerId`, `aiSystemId`, `treatment`, `status`, `reviewOverdue`. Sort by `updated`, `title`, `inherent`, `residual` or `review`; keyset pagination with `cursor`. One SQL statement per page.',
    returns: 'A page of risks and the cursor of the next one.',
    errors: [400, 401, 403, 404],
  },
  'POST /api/tenants/{tenantId}/risks': {
    summary: 'Record a risk',
    description: 'Scored on the matrix in force. Owners must be members; requirement refs must exist in the current catalog versions; AI systems must be the organization’s.',
    returns: 'The risk.',
    errors: [400, 401, 403, 404],
    body: risk,
  },
  'GET /api/tenants/{tenantId}/risks/heat-map': {
    summary: 'Heat map of the register',
    description: 'Counts of open and accepted risks per likelihood × impact cell of the current matrix version, inherent and residual; risks still scored on another version are counted apart. One SQL statement.',
    returns: 'The matrix and the counts per cell.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/risks/overdue': {
    summary: 'Overdue reviews and treatment actions',
    description: 'Risks whose review date has passed, and planned or in-progress treatment actions past their due date (closed risks excluded).',
    returns: 'The overdue reviews and actions.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/risks/export.xlsx': {
    summary: 'Export the register as XLSX',
    description: 'One sheet, headers and values in English or French (`locale`), levels named as on each risk’s matrix version, dates as dates.',
    returns: 'The workbook.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/risks/{riskId}': {
    summary: 'A risk',
    description: 'With its treatment plan, requirement links, acceptance history, matrix version and the abilities of the caller on it.',
    returns: 'The risk.',
    errors: [400, 401, 403, 404],
  },
  'PATCH /api/tenants/{tenantId}/risks/{riskId}': {
    summary: 'Change a risk',
    description: 'Only fields sent change. Sending any score re-scores the risk on the matrix in force. The treatment plan and requirement links are replaced by the lists sent (actions keep their `id`). An accepted or closed risk must be re-opened first (409).',
    returns: 'The risk.',
    errors: [400, 401, 403, 404, 409],
    body: { residualLikelihood: 1, residualImpact: 4, treatment: 'mitigate' },
  },
  'POST /api/tenants/{tenantId}/risks/{riskId}/accept': {
    summary: 'Accept the residual risk',
    description: 'A signed-in person records the rationale and the date the acceptance expires (the risk re-opens that day). Above the matrix’s threshold only the roles it names may accept (403 `risk_acceptance_role`). The risk is frozen until re-opened.',
    returns: 'The accepted risk.',
    errors: [400, 401, 403, 404, 409],
    body: { rationale: 'Residual drift monitored monthly; within appetite approved by the board on 12 November 2026.', expiresOn: '2027-05-31' },
  },
  'POST /api/tenants/{tenantId}/risks/{riskId}/reopen': {
    summary: 'Re-open an accepted or closed risk',
    description: 'The acceptance stays in the history with who re-opened it, when and why.',
    returns: 'The open risk.',
    errors: [400, 401, 403, 404, 409],
    body: { reason: 'New applicant segment launched.' },
  },
  'POST /api/tenants/{tenantId}/risks/{riskId}/close': {
    summary: 'Close a risk',
    description: 'For a risk that no longer exists (the activity stopped, the AI system was retired).',
    returns: 'The closed risk.',
    errors: [400, 401, 403, 404, 409],
    body: { reason: 'The chatbot was retired on 30 November 2026.' },
  },
};
