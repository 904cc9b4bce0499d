import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const F = '/api/tenants/{tenantId}/soc2/examinations/{examinationId}';
const O = '/api/tenants/{tenantId}/soc2/org-examinations/{examinationId}';

const parts =
  'The subservice organizations in their set order — name, services, `carve_out` or `inclusive` treatment, the kind of SOC report of their own (`soc1-type1`, `soc1-type2`, `soc2-type1`, `soc2-type2`, `iso27001`, `other`, or none), its period end, opinion and notes — and the complementary controls, CUECs then CSOCs, each with its reference (`CUEC-01`, `CSOC-01`, per examination), statement, the applicable criteria it supports and, for a CSOC, its carved-out subservice organization. Read in one statement.';
const who =
  'By the scheme manager or an auditor (403 for the others) while the examination is `scoping` or `planning` (409 `soc2_examination_state` after, the state in `details`). Another firm’s examination or record answers 404. Both tenants’ logs record the change.';
const orgBody = {
  name: 'Amazon Web Services EMEA SARL',
  services: 'Hosting of the scoring platform (eu-west-3).',
  treatment: 'carve_out',
  reportKind: 'soc2-type2',
  reportPeriodEnd: '2026-03-31',
  reportOpinion: 'unmodified',
  reportNotes: 'Bridge letter received for April–June.',
};

export const soc2ScopePartsDocs: TApiDocs = {
  [`GET ${F}/scope`]: {
    summary: 'Subservice organizations and complementary controls (firm)',
    description: `${parts} Every member of the firm reads; \`abilities\` say whether the caller may change them now.`,
    returns: 'The scope parts.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${O}/scope`]: {
    summary: 'Subservice organizations and complementary controls (organization)',
    description: `${parts} Every member of the organization reads them through its engagement (its system description refers to them); another organization’s examination answers 404.`,
    returns: 'The scope parts.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${F}/subservice-orgs`]: {
    summary: 'Add a subservice organization',
    description: `Added last. A report period end or opinion needs the report’s kind (400). ${who}`,
    returns: 'The subservice organization (201).',
    errors: [400, 401, 403, 404, 409],
    body: orgBody,
  },
  [`PUT ${F}/subservice-orgs/order`]: {
    summary: 'Reorder the subservice organizations',
    description: `\`ids\` names every subservice organization of the examination once, in the new order (400 otherwise). ${who}`,
    returns: 'The scope parts.',
    errors: [400, 401, 403, 404, 409],
    body: { ids: ['9b2f7c1e-0d4a-4f5e-8a61-3c2b1d0e9f87', '1c3e5a7b-9d0f-4b2a-8c6e-5f4d3c2b1a09'] },
  },
  [`PATCH ${F}/subservice-orgs/{subserviceOrgId}`]: {
    summary: 'Edit a subservice organization',
    description: `Only the fields sent change. A carved-out organization with CSOCs cannot become inclusive (409 \`soc2_csoc_needs_carve_out\`, their references in \`details.csocs\`). ${who}`,
    returns: 'The subservice organization.',
    errors: [400, 401, 403, 404, 409],
    body: { reportPeriodEnd: '2026-06-30', reportNotes: 'SOC 2 Type II report for January–June read on 10 July.' },
  },
  [`DELETE ${F}/subservice-orgs/{subserviceOrgId}`]: {
    summary: 'Delete a subservice organization',
    description: `Its CSOCs are deleted with it; the logs keep their references. ${who}`,
    returns: 'No content (204).',
    errors: [400, 401, 403, 404, 409],
  },
  [`POST ${F}/complementary-controls`]: {
    summary: 'Add a CUEC or a CSOC',
    description: `The reference is the next of its kind in the examination (\`CUEC-01\`, \`CSOC-01\`; a deleted number is not reused). \`criteria\` are applicable criteria of the examination in \`soc2-tsc-2017\` (400 \`soc2_criterion_not_applicable\`, one field error per ref). A CSOC names a carved-out subservice organization of the examination (400 \`soc2_csoc_needs_carve_out\`); a CUEC names none. ${who}`,
    returns: 'The complementary control (201).',
    errors: [400, 401, 403, 404, 409],
    body: { kind: 'cuec', statement: 'User entities review their users’ access to the lender portal every quarter.', criteria: ['CC6.2', 'CC6.3'] },
  },
  [`PUT ${F}/complementary-controls/order`]: {
    summary: 'Reorder the complementary controls',
    description: `\`ids\` names every complementary control of the examination once (400 otherwise); CUECs are still listed before CSOCs. ${who}`,
    returns: 'The scope parts.',
    errors: [400, 401, 403, 404, 409],
    body: { ids: ['2a4c6e8f-0b1d-4f3a-9c5e-7d9f1b3d5f70', '8e6c4a2f-1d3b-4c5e-9f7a-0b2d4f6a8c01'] },
  },
  [`PATCH ${F}/complementary-controls/{complementaryControlId}`]: {
    summary: 'Edit a CUEC or a CSOC',
    description: `Only the fields sent change: statement, criteria (checked as on adding), a CSOC’s subservice organization. The kind and the reference do not change. ${who}`,
    returns: 'The complementary control.',
    errors: [400, 401, 403, 404, 409],
    body: { criteria: ['CC6.2'] },
  },
  [`DELETE ${F}/complementary-controls/{complementaryControlId}`]: {
    summary: 'Delete a CUEC or a CSOC',
    description: `Deletes the CUEC or CSOC. ${who}`,
    returns: 'No content (204).',
    errors: [400, 401, 403, 404, 409],
  },
  [`POST ${F}/renew`]: {
    summary: 'Open the next period (renewal)',
    description:
      'By the scheme manager, from an `issued` examination (409 `soc2_renewal_not_issued` otherwise), once (409 `soc2_renewal_exists` with the next examination’s reference). Opens the next examination on the same engagement in `scoping`, with `previousExaminationId`: Type II from the day after the previous period’s end, for as many months (3 to 12); Type I as of the same date a year later. `asOfDate`, `periodStart`, `periodEnd` in the body replace the computed dates and are checked as on opening (400 `soc2_period_too_short`…). Categories, scope texts, the engagement partner, subservice organizations, complementary controls, accepted matrix links and test procedures (conclusions reset; `priorFailure` set where the previous test ended in an exception) are carried over in the same transaction; both tenants’ logs record the renewal and the opening.',
    returns: 'The new examination (201).',
    errors: [400, 401, 403, 404, 409],
    body: { periodStart: '2026-07-01', periodEnd: '2026-12-31' },
  },
};
