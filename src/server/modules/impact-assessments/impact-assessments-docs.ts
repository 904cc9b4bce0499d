import type { TApiDocs } from '../../platform/http/api-docs.ts';

const B = '/api/tenants/{tenantId}/impact-assessments';
const content = {
  summary: 'Credit scoring of consumer loan applicants in France.',
  affected: [{ scope: 'individuals', name: 'Loan applicants', description: 'Adults applying for consumer credit.' }],
  impacts: [
    {
      category: 'discrimination_fairness',
      description: 'Lower scores for applicants from some postcodes.',
      affected: 'Loan applicants',
      severity: 4,
      likelihood: 3,
      reversibility: 'partly_reversible',
      mitigations: 'Quarterly bias testing; manual review of refusals.',
    },
  ],
  conclusion: 'Acceptable with the mitigations in place.',
  nextReviewOn: '2027-11-27',
  fria: null,
};

export const impactAssessmentsDocs: TApiDocs = {
  [`GET ${B}`]: {
    summary: 'List impact assessments',
    description:
      'One row per assessment with its latest version’s status, the approved version in force, the next review and how many impacts reach the significance threshold. Filter by AI system, status or type; sort by last change or title; keyset pagination (`nextCursor`).',
    returns: 'A page of assessments.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${B}`]: {
    summary: 'Create an impact assessment',
    description: 'Starts version 1 as an empty draft for one AI system of the organization. `variant: fria` adds the six contents of EU AI Act art. 27(1). Needs a signed-in person (the author).',
    returns: 'The assessment, version 1 in draft.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: { aiSystemId: '5f0c3a52-8d1e-4c8e-9a4f-2b9b7d1e6c10', variant: 'fria', title: 'FRIA — credit scoring' },
  },
  [`GET ${B}/settings`]: {
    summary: 'Read the impact assessment settings',
    description: 'The severity from which an impact is significant (and gets a risk in the register on approval), and whether the organization declares itself a public body or provider of public services (art. 27(1)).',
    returns: 'The settings.',
    errors: [400, 401, 403, 404],
  },
  [`PATCH ${B}/settings`]: {
    summary: 'Change the impact assessment settings',
    description: 'Owners and administrators. Applies to approvals from now on; approved versions keep the risks they linked.',
    returns: 'The settings.',
    errors: [400, 401, 403, 404],
    body: { significantSeverity: 4, publicBodyOrService: false },
  },
  [`GET ${B}/fria-applicability`]: {
    summary: 'Does art. 27 require a FRIA for this AI system?',
    description:
      'Decided from the AI system’s current classification (high-risk through Annex III other than area 2, organization a deployer) and the settings: deployers of Annex III 5(b)/5(c) systems, or public bodies and providers of public services. `appliesFrom` is the catalog’s date for art. 27.',
    returns: 'Whether it applies and why.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${B}/{assessmentId}`]: {
    summary: 'Read an impact assessment',
    description: 'The latest version in full, the list of versions, whether a FRIA applies, and the abilities of the caller on it.',
    returns: 'The assessment.',
    errors: [400, 401, 403, 404],
  },
  [`PATCH ${B}/{assessmentId}`]: {
    summary: 'Edit the draft',
    description: 'Replaces the content of the latest version while it is a draft. A version in review or approved is frozen: 409 `assessment_frozen` (start a new version).',
    returns: 'The assessment.',
    errors: [400, 401, 403, 404, 409],
    body: { content },
  },
  [`POST ${B}/{assessmentId}/submit`]: {
    summary: 'Submit the draft for approval',
    description: 'The version must be complete (affected parties, impacts, conclusion, next review; for a FRIA every art. 27(1) content): otherwise 409 `assessment_incomplete` with `details.missing`.',
    returns: 'The assessment, in review.',
    errors: [400, 401, 403, 404, 409],
  },
  [`POST ${B}/{assessmentId}/return`]: {
    summary: 'Return a version in review to draft',
    description: 'The reviewer sends it back, or the author withdraws it, with a comment.',
    returns: 'The assessment, in draft.',
    errors: [400, 401, 403, 404, 409],
    body: { comment: 'Add the complaint mechanism.' },
  },
  [`POST ${B}/{assessmentId}/approve`]: {
    summary: 'Approve the version in review',
    description:
      'Owners and administrators, never the person who wrote or submitted the version (403 `assessment_own_approval`). The version is frozen; the previous approved version becomes superseded; each significant impact creates or keeps its risk in the register, in the same transaction.',
    returns: 'The assessment, approved.',
    errors: [400, 401, 403, 404, 409],
    body: { comment: 'Reviewed with the DPO.' },
  },
  [`POST ${B}/{assessmentId}/versions`]: {
    summary: 'Start a new version',
    description: 'From the latest approved version: a new draft copied from it. The approved version stays in force until the new one is approved.',
    returns: 'The assessment, its new version in draft.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
  },
  [`GET ${B}/{assessmentId}/versions/{version}`]: {
    summary: 'Read one version',
    description: 'Any version, as it was written or approved.',
    returns: 'The assessment at that version.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${B}/{assessmentId}/versions/{version}/export`]: {
    summary: 'Export a version (PDF or JSON, EN or FR)',
    description:
      'The version as a document in the language asked for, fonts embedded. For a FRIA it holds the six contents of art. 27(1), suitable for notifying the market surveillance authority; a version not approved says so on its face.',
    returns: 'The file.',
    errors: [400, 401, 403, 404],
  },
};
