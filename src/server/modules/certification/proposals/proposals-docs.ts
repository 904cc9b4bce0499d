import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const CLIENT = '6d1f3a52-8e4b-4c7a-9f20-3b5e7c1d9a04';
const ORG = '0b7e2c94-1f3d-4a85-b6c2-9e8d7f6a5b43';
const lines = [
  { slot: 'stage1', days: 1.5, travelCents: 18000, expensesCents: 0 },
  { slot: 'stage2', days: 3, travelCents: 18000, expensesCents: 9500 },
  { slot: 'surveillance1', days: 1.5, travelCents: 18000, expensesCents: 0 },
  { slot: 'surveillance2', days: 1.5, travelCents: 18000, expensesCents: 0 },
  { slot: 'recertification', days: 3, travelCents: 18000, expensesCents: 9500 },
];

export const proposalsDocs: TApiDocs = {
  'GET /api/tenants/{tenantId}/proposals': {
    summary: 'List the certification body’s proposals',
    description:
      'Newest first, keyset-paginated (`cursor` = the previous page’s `nextCursor`), filtered by `status` (`expired` is a sent proposal past its validity date on the platform clock) and `clientId`; each with its three-year total. Scheme managers, technical reviewers and decision makers.',
    returns: 'A page of proposals.',
    errors: [400, 401, 403, 404],
  },
  'POST /api/tenants/{tenantId}/proposals': {
    summary: 'Draft a proposal for a client',
    description:
      'One line per audit of the three-year cycle (stage 1, stage 2, surveillance 1 and 2, recertification) with days in half days, travel and expenses in cents; the day rate, currency and validity default to the body’s settings, the language and recipient to the client’s. `calculationId` names the client’s stored audit-time calculation the days came from: the proposal freezes it, and its trace is printed, in the proposal’s language, on the PDF (IAF MD5). A calculation of another client: 400 `proposal_calculation_unknown`. Scheme managers.',
    returns: 'The draft proposal.',
    status: 201,
    errors: [400, 401, 403, 404],
    body: { clientId: CLIENT, lines, dayRateCents: 145000, locale: 'fr', recipientName: 'Camille Durand', recipientEmail: 'camille.durand@lumiere-credit.example' },
  },
  'POST /api/tenants/{tenantId}/proposals/soc2': {
    summary: 'Draft a SOC 2 proposal for a client',
    description:
      'A licensed CPA firm only (its settings carry the licence; otherwise 409 `soc2_firm_not_licensed`). `scope` is the first examination’s: `reportType` `type1` with `asOfDate`, or `type2` with `periodStart`/`periodEnd` over 3 to 12 months (400 with the examination’s codes `soc2_period_too_short`, `soc2_period_too_long`, `soc2_as_of_date_required`…), the categories (Security always, added when missing), services, systems, locations, people, and the cost factors: `complexity`, `documentationMaturity`, `priorType1` (Type II only), `subserviceOrganizations` with their carve-out or inclusive treatment. The fee is estimated by the server from the firm’s fee parameters in force (`soc2FeeParameters` of the body settings, else Attest’s defaults) and stored with its trace and the parameters’ version in `soc2.feeEstimate`; the caller never sends a fee. The scheme is `soc2-type1` or `soc2-type2`. A SOC 2 proposal leads to an attestation report, never a certificate. Scheme managers.',
    returns: 'The draft proposal, with `soc2` (scope, observation months, fee estimate) and no lines.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: {
      clientId: CLIENT,
      locale: 'fr',
      scope: {
        reportType: 'type2',
        periodStart: '2027-01-01',
        periodEnd: '2027-06-30',
        categories: ['security', 'availability', 'processing_integrity'],
        services: 'Credit scoring API for retail lenders',
        systems: 'Scoring API; back office; data warehouse',
        locations: 'Paris; AWS eu-west-3',
        people: 'Engineering, operations, risk',
        complexity: 'moderate',
        documentationMaturity: 'established',
        priorType1: false,
        subserviceOrganizations: [{ name: 'Amazon Web Services', service: 'Hosting', treatment: 'carve_out' }],
      },
    },
  },
  'GET /api/tenants/{tenantId}/proposals/{proposalId}': {
    summary: 'Read a proposal',
    description: 'Lines with their amounts, totals per year and for the cycle, the fixed part (initial audit and first surveillance), the frozen audit time, and who sent, accepted, declined or withdrew it, when and from which address.',
    returns: 'The proposal with its abilities.',
    errors: [400, 401, 403, 404],
  },
  'PATCH /api/tenants/{tenantId}/proposals/{proposalId}': {
    summary: 'Change a draft proposal',
    description: 'Lines, day rate, language, validity, recipient, notes; for a SOC 2 proposal `soc2Scope` instead of lines (the fee is estimated again from the firm’s parameters in force; lines on a SOC 2 proposal or a scope on another: 400). An issued proposal is never rewritten: 409 `proposal_not_draft`.',
    returns: 'The draft proposal.',
    errors: [400, 401, 403, 404, 409],
    body: { validUntil: '2027-02-26', notes: 'Audits en français, sur le site de Lyon.' },
  },
  'POST /api/tenants/{tenantId}/proposals/{proposalId}/send': {
    summary: 'Issue a proposal by e-mail',
    description:
      'Renders the PDF in the proposal’s language, stores it in the blob store with its SHA-256 (the issued document, served as is from then on) and e-mails it with a signed link that works for this proposal only, until its validity date. No recipient address: 400 `proposal_no_recipient`.',
    returns: 'The sent proposal.',
    errors: [400, 401, 403, 404, 409],
    body: { recipientEmail: 'camille.durand@lumiere-credit.example' },
  },
  'POST /api/tenants/{tenantId}/proposals/{proposalId}/withdraw': {
    summary: 'Withdraw a proposal',
    description: 'A draft, sent or expired proposal; its link then answers 410 `proposal_withdrawn`. An answered proposal cannot be withdrawn (409).',
    returns: 'The withdrawn proposal.',
    errors: [400, 401, 403, 404, 409],
    body: { reason: 'Scope changed: a new proposal follows.' },
  },
  'GET /api/tenants/{tenantId}/proposals/{proposalId}/document': {
    summary: 'Download a proposal as PDF',
    description: 'An issued proposal: the stored bytes exactly as sent (`X-Content-SHA256`). A draft: a preview rendered in `locale` (default: the proposal’s language), marked as a draft.',
    returns: 'The PDF.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/public/proposals/{token}': {
    summary: 'Read a proposal from its link',
    description: 'Public: the signed link is the authorisation. A tampered link, or one for another proposal, answers 404; an answered, withdrawn or expired proposal still reads, with its `state`.',
    returns: 'The proposal as the organization sees it.',
    errors: [400, 404],
  },
  'GET /api/public/proposals/{token}/document': {
    summary: 'Download the issued proposal from its link',
    description: 'The PDF exactly as it was sent (`X-Content-SHA256`).',
    returns: 'The PDF.',
    errors: [400, 404],
  },
  'POST /api/public/proposals/{token}/sign-up': {
    summary: 'Create an account from a proposal link',
    description:
      'Public, for a proposal that can still be answered: creates an account for the address the proposal was sent to (any other: 400 `proposal_sign_up_email`; an existing account: 409 `email_taken`, sign in instead) with the usual password rules, and signs it in (session cookie). Attempts are limited per address and per network address (429).',
    returns: 'The new account.',
    errors: [400, 404, 409, 410, 429],
    body: { email: 'camille.durand@lumiere-credit.example', name: 'Camille Durand', password: 'correct horse battery staple', locale: 'fr' },
  },
  'POST /api/public/proposals/{token}/accept': {
    summary: 'Accept a proposal',
    description:
      'Signed in. For an organization the person owns or administers (`organizationTenantId`), or for a new organization they found (`organizationName`). Opens the engagement for `iso42001` and its programme (stage 1, stage 2, surveillance 1 and 2, recertification as planned audits), links the body’s client to the organization, and records who, when and from which address in both tenants’ logs. A SOC 2 proposal opens the `soc2-type1`/`soc2-type2` engagement (no programme) and its first examination with the proposal’s scope, in the same transaction (`examinationId`; if the examination cannot be opened — e.g. the firm lost its licence, 409 `soc2_firm_not_licensed` — nothing is written). Answered, withdrawn or expired: 410; an engagement already live between the two: 409 `engagement_already_live`.',
    returns: 'The organization, the engagement and, for SOC 2, the examination.',
    errors: [400, 401, 403, 404, 409, 410],
    body: { organizationTenantId: ORG },
  },
  'POST /api/public/proposals/{token}/decline': {
    summary: 'Decline a proposal',
    description: 'Signed in, with a reason the certification body reads. Answered, withdrawn or expired: 410.',
    returns: 'Declined.',
    errors: [400, 401, 404, 410],
    body: { reason: 'Nous avons retenu un autre organisme de certification.' },
  },
  'GET /api/tenants/{tenantId}/certification/engagements': {
    summary: 'List the organization’s certification engagements',
    description: 'The engagements its accepted proposals opened: the certification body, the proposal, and the current programme with its audits and their deadlines. Every member of the organization.',
    returns: 'The engagements.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/certification/engagements/{engagementId}': {
    summary: 'Read one of the organization’s engagements',
    description: 'An engagement of another organization answers 404.',
    returns: 'The engagement.',
    errors: [400, 401, 403, 404],
  },
};
