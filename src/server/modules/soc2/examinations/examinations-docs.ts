import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const F = '/api/tenants/{tenantId}/soc2/examinations';
const O = '/api/tenants/{tenantId}/soc2/org-examinations';

const dto =
  'Each examination carries its reference (`SOC2-2026-0001`), the engagement, organization and client, the report type with its as-of date (Type I) or observation period (Type II), the categories (Security always), the in-scope services, systems, locations and people, its state (`scoping` → `planning` → `fieldwork` → `reporting` → `issued`, or `cancelled`), the engagement partner, the previous examination of a renewal, the state of the latest system description, and `abilities`.';

export const soc2ExaminationsDocs: TApiDocs = {
  [`GET ${F}`]: {
    summary: 'The firm’s SOC 2 examinations',
    description: `Newest first, one page per request (keyset: \`cursor\` = the previous page's \`nextCursor\`), filtered by \`state\`, \`reportType\` and \`engagementId\`. Every member of the firm reads. ${dto}`,
    returns: 'A page of examinations.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${F}`]: {
    summary: 'Open a SOC 2 examination',
    description:
      'By the scheme manager, on one of the firm’s active engagements whose scheme matches the report type (`soc2-type1` for `type1`, `soc2-type2` for `type2`; else 409 `soc2_engagement_scheme`, 409 `soc2_engagement_not_active`). The firm must be a licensed CPA firm (409 `soc2_firm_not_licensed`). Type I needs `asOfDate` (400 `soc2_as_of_date_required`); Type II needs `periodStart` and `periodEnd`, an observation period of 3 to 12 months (400 `soc2_period_required`, `soc2_period_too_short`, `soc2_period_too_long`, with the earliest and latest end in `details`). Security is added to the categories when missing. The examination starts in `scoping`; both tenants’ logs record the opening.',
    returns: 'The examination (201).',
    errors: [400, 401, 403, 404, 409],
    body: {
      engagementId: '5f0c6f9e-3b1a-4c1e-9a53-2f3f3c9d7e10',
      reportType: 'type2',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      categories: ['security', 'availability', 'processing_integrity'],
      services: 'Online credit scoring platform for retail lenders.',
      systems: 'Scoring API, back office, data warehouse.',
      locations: 'Paris (head office), AWS eu-west-3.',
      people: 'Engineering, operations, risk and compliance.',
    },
  },
  [`GET ${F}/{examinationId}`]: {
    summary: 'A SOC 2 examination',
    description: `${dto} Another firm’s examination answers 404.`,
    returns: 'The examination.',
    errors: [400, 401, 403, 404],
  },
  [`PATCH ${F}/{examinationId}`]: {
    summary: 'Edit the scope of a SOC 2 examination',
    description:
      'By the scheme manager or an auditor while the examination is `scoping` (409 `soc2_examination_state` after). Only the fields sent change: the as-of date or period (checked as on opening), categories (Security kept), services, systems, locations, people, the engagement partner. Both tenants’ logs record what changed, before and after.',
    returns: 'The examination.',
    errors: [400, 401, 403, 404, 409],
    body: { services: 'Online credit scoring and the lender back office.', categories: ['security', 'availability', 'processing_integrity'] },
  },
  [`POST ${F}/{examinationId}/confirm-scope`]: {
    summary: 'Confirm the scope',
    description: 'Moves the examination from `scoping` to `planning` once the in-scope services and systems are described (409 `soc2_scope_incomplete`, the missing fields in `details.missing`). The scope no longer changes afterwards.',
    returns: 'The examination.',
    errors: [400, 401, 403, 404, 409],
  },
  [`GET ${O}`]: {
    summary: 'The organization’s SOC 2 examinations',
    description: `The examinations its CPA firms opened on its engagements that are not closed, newest first, keyset-paginated. Every member reads. ${dto}`,
    returns: 'A page of examinations.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${O}/{examinationId}`]: {
    summary: 'One of the organization’s SOC 2 examinations',
    description: `Read through the engagement: an examination of another organization answers 404. ${dto}`,
    returns: 'The examination.',
    errors: [400, 401, 403, 404],
  },
};
