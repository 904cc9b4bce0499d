import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const T = '/api/tenants/{tenantId}';
const P = '/api/public/bodies/{bodySlug}';

const site = { name: 'Siège', address: '12 rue de la Paix, 75002 Paris', isCentral: true, personnel: 140, activities: 'Credit scoring, model development' };
const client = {
  legalName: 'Lumière Crédit SAS',
  registeredAddress: '12 rue de la Paix, 75002 Paris',
  sector: 'Consumer credit',
  sectorRisk: 'high',
  employeesFullTime: 140,
  employeesPartTime: 12,
  partTimeFte: 7.5,
  aiSystemsCount: 6,
  highRiskAiSystems: 2,
  aiRoles: ['provider', 'user'],
  aimsMaturity: 'established',
  existingCertifications: ['iso27001'],
  contactName: 'Camille Martin',
  contactEmail: 'camille.martin@lumiere-credit.example',
  preferredLocale: 'fr',
  sites: [site, { name: 'Lyon', address: '3 quai Saint-Antoine, 69002 Lyon', isCentral: false, personnel: 20, activities: 'Customer service' }],
  aiSystems: [{ name: 'Credit scoring model', tier: 'high', role: 'provider' }],
};

export const intakeDocs: TApiDocs = {
  [`GET ${T}/body-settings`]: {
    summary: 'Read the certification body’s settings',
    description:
      'Every member of the body reads them. Before the first save, `configured` is false, the defaults are shown and no public quote page exists. `coolingOffMonths` (ISO/IEC 17021-1 5.2: no audit by someone who consulted for or worked at the client within it) and `rotationMaxCycles` (lead-auditor rotation warning) are used by team assignment.',
    returns: 'The settings with their abilities.',
    errors: [400, 401, 403, 404],
  },
  [`PUT ${T}/body-settings`]: {
    summary: 'Save the certification body’s settings',
    description:
      'Scheme managers. The whole set is sent (defaults apply to what is left out). `publicSlug` is the address of the public quote page `/quote/{publicSlug}`: unique across the platform (409 `body_slug_taken` on the field). `quotesOpen: false` closes the page. `certificateNumberPattern` numbers new certificates ({YYYY}, {YY}, {BODY}, exactly one {SEQ:n} with 3 ≤ n ≤ 9; literal letters, digits, `-`, `.` and `_` only, since a number is one segment of the register’s address `/register/{number}`: otherwise 400 `cert_number_pattern_invalid` with `details.problem`); certificates already issued keep their number. `accredited: true` needs `accreditationBody` and `accreditationNumber` (400 `accreditation_incomplete` on the missing field); they are printed on new certificates, in their credential and in the IAF CertSearch export, and cleared when `accredited` is false. SOC 2 (each field left out keeps its stored value): `cpaFirm: true` needs `cpaLicenceAuthority`, `cpaLicenceNumber` and `cpaLicenceJurisdiction` (400 `cpa_licence_incomplete` on the missing field; only a licensed CPA firm drafts SOC 2 proposals and opens examinations; cleared when `cpaFirm` is false); `soc2FeeParameters` (the fee estimate’s cost factors, versioned) and `soc2Sampling` (`frequency-table` with the firm’s table, or `percentage` with `min` and `max`) are validated by their schemas, null going back to Attest’s defaults; `soc2ContemporaneityDays` 1–365, `soc2RequestReminderDays` 0–60, `soc2ReaderAccessDays` 1–1095. The answer gives the parameters in force with `soc2FeeParametersCustom` / `soc2SamplingCustom`. The audit event records only what changed.',
    returns: 'The settings.',
    errors: [400, 401, 403, 404, 409],
    body: { publicSlug: 'verite-certification', legalName: 'Vérité Certification SAS', address: '8 avenue de l’Opéra, 75001 Paris', quotesOpen: true, coolingOffMonths: 24, rotationMaxCycles: 2, currency: 'EUR', defaultDayRateCents: 150000, proposalValidityDays: 90, certificateNumberPattern: 'AIMS-{YYYY}-{SEQ:5}', accredited: true, accreditationBody: 'COFRAC', accreditationNumber: '4-0123', cpaFirm: true, cpaLicenceAuthority: 'New York State Board of Public Accountancy', cpaLicenceNumber: 'CPA-123456', cpaLicenceJurisdiction: 'New York, USA', soc2ContemporaneityDays: 30, soc2RequestReminderDays: 3, soc2ReaderAccessDays: 365 },
  },
  [`GET ${P}`]: {
    summary: 'Read a certification body’s public quote page',
    description: 'Public, no account. The body’s name and address and whether it takes quote requests online. An unknown slug answers 404.',
    returns: 'The body as the public page shows it.',
    errors: [400, 404],
  },
  [`POST ${P}/quote-requests`]: {
    summary: 'Ask a certification body for a quote',
    description:
      'Public, no account (the CSRF header of the page’s cookie is still required). The request lands in the body’s enquiries inbox. Limited per network address (`QUOTE_REQUESTS_PER_HOUR`, default 5 per hour: 429 with `Retry-After`), body at most 32 KB (413), every field bounded (400 with field errors). `website` is a field people never see: leave it empty. A body that closed its page answers 409 `quotes_closed`.',
    returns: 'Received: the body will answer by e-mail.',
    status: 202,
    errors: [400, 404, 409, 413, 429],
    body: {
      organizationName: 'Lumière Crédit SAS',
      registeredAddress: '12 rue de la Paix, 75002 Paris',
      sector: 'Consumer credit',
      contactName: 'Camille Martin',
      contactEmail: 'camille.martin@lumiere-credit.example',
      sites: [{ name: 'Lyon', address: '3 quai Saint-Antoine, 69002 Lyon', personnel: 20 }],
      employeesFullTime: 140,
      employeesPartTime: 12,
      aiSystemsCount: 6,
      highRiskAiSystems: 2,
      aiSystemsDescription: 'We build a credit-scoring model and use a third-party chatbot.',
      aiRoles: ['provider', 'user'],
      existingCertifications: ['iso27001'],
      standards: ['iso42001'],
      preferredLocale: 'fr',
      preAudit: true,
      message: '',
      website: '',
    },
  },
  [`GET ${T}/enquiries`]: {
    summary: 'List enquiries (quote requests)',
    description: 'Scheme managers, technical reviewers and decision makers. Newest first, keyset-paginated; filters: `status` (new, converted, declined), `q` (organization, contact name or e-mail). One SQL statement per page.',
    returns: 'One page of enquiries.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${T}/enquiries/{enquiryId}`]: { summary: 'Read an enquiry', description: 'As the enquirer sent it, with how it was answered (the client it became, or the reason it was declined).', returns: 'The enquiry.', errors: [400, 401, 403, 404] },
  [`POST ${T}/enquiries/{enquiryId}/decline`]: {
    summary: 'Decline an enquiry',
    description: 'Scheme managers. With a reason; final. An enquiry already answered answers 409 `enquiry_already_answered`.',
    returns: 'The enquiry.',
    errors: [400, 401, 403, 404, 409],
    body: { reason: 'Outside our accreditation scope (medical devices).' },
  },
  [`POST ${T}/enquiries/{enquiryId}/convert`]: {
    summary: 'Convert an enquiry into a client',
    description:
      'Scheme managers. The body is a client (as for `POST /clients`), usually the enquiry’s answers completed with what audit time needs (sector risk, part-time FTE, AIMS maturity). The client is created and the enquiry marked converted in one transaction; final (409 `enquiry_already_answered` the second time).',
    returns: 'The new client.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: client,
  },
  [`GET ${T}/clients`]: {
    summary: 'List clients',
    description: 'Every member of the body. By legal name, keyset-paginated; filters: `q` (name or reference), `sectorRisk`, `linked` (the organization has linked its Attest tenant). One SQL statement per page.',
    returns: 'One page of clients.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${T}/clients`]: {
    summary: 'Create a client',
    description:
      'Scheme managers. Exactly one site is the central function (IAF MD1 audits it every time). `partTimeFte` is at most `employeesPartTime`; `effectivePersonnel` = full-time + part-time FTE. The declared AI-system counts are raised to what `aiSystems` lists. The reference (`CLI-0001`…) is given by the body.',
    returns: 'The client with its sites and AI systems.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: client,
  },
  [`GET ${T}/clients/{clientId}`]: { summary: 'Read a client', description: 'With its sites (central first) and the AI systems in scope, in one statement.', returns: 'The client.', errors: [400, 401, 403, 404] },
  [`PATCH ${T}/clients/{clientId}`]: {
    summary: 'Change a client’s profile',
    description: 'Scheme managers. Send only the fields to change. The counts stay consistent (400 `client_figures_inconsistent` on the field): part-time FTE ≤ part-time staff, high-risk ≤ AI systems, neither below what is listed by name.',
    returns: 'The client.',
    errors: [400, 401, 403, 404],
    body: { employeesFullTime: 155, aimsMaturity: 'mature' },
  },
  [`POST ${T}/clients/{clientId}/sites`]: {
    summary: 'Add a site',
    description: 'Scheme managers. `isCentral: true` makes it the central function in place of the current one.',
    returns: 'The client.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: { name: 'Bordeaux', address: '1 cours de l’Intendance, 33000 Bordeaux', isCentral: false, personnel: 8, activities: 'Data labelling' },
  },
  [`PATCH ${T}/clients/{clientId}/sites/{siteId}`]: {
    summary: 'Change a site',
    description: 'Scheme managers. `isCentral` can only be set to true: the site becomes the central function and the former one an ordinary site.',
    returns: 'The client.',
    errors: [400, 401, 403, 404],
    body: { personnel: 25 },
  },
  [`DELETE ${T}/clients/{clientId}/sites/{siteId}`]: {
    summary: 'Remove a site',
    description: 'Scheme managers. The central site cannot be removed (409 `client_central_site`): make another site central first.',
    returns: 'The client.',
    errors: [401, 403, 404, 409],
  },
  [`POST ${T}/clients/{clientId}/ai-systems`]: {
    summary: 'Add an AI system in scope',
    description: 'Scheme managers. Name, EU AI Act tier (`unknown` until classified) and the client’s role (provider, developer, user). The declared counts rise if the list outgrows them.',
    returns: 'The client.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: { name: 'Fraud detection', tier: 'limited', role: 'developer' },
  },
  [`PATCH ${T}/clients/{clientId}/ai-systems/{aiSystemId}`]: { summary: 'Change an AI system in scope', description: 'Scheme managers. Send only the fields to change.', returns: 'The client.', errors: [400, 401, 403, 404], body: { tier: 'high' } },
  [`DELETE ${T}/clients/{clientId}/ai-systems/{aiSystemId}`]: {
    summary: 'Remove an AI system from the list',
    description: 'Scheme managers. The declared counts are kept (a system may stay in scope without being named): change them with PATCH on the client.',
    returns: 'The client.',
    errors: [401, 403, 404],
  },
};
