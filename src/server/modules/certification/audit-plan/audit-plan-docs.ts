import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const A = '/api/tenants/{tenantId}/audits/{auditId}/plan';
const O = '/api/tenants/{tenantId}/certification/engagements/{engagementId}/plans';

export const auditPlanDocs: TApiDocs = {
  [`GET ${A}`]: {
    summary: 'An audit’s plan',
    description:
      'Every version of the audit plan, newest first: `draft` (being prepared), `issued` (sent to the organization) or `acknowledged` (the organization confirmed receipt, with who and when); `superseded` marks an issued version followed by a later one. A draft shows the audit’s current team, an issued version the team it was issued with. `options` lists what a draft picks from: the client’s sites and AI systems in scope, the team and the catalog’s ISO/IEC 42001 version. The scheme manager, technical reviewers and decision makers read every audit’s plan; an auditor only the plan of an audit they are on (else 404).',
    returns: 'The plan’s versions, its options and its abilities.',
    errors: [400, 401, 403, 404],
  },
  [`PUT ${A}`]: {
    summary: 'Save the plan’s draft',
    description:
      'The scheme manager or the audit’s lead auditor, while the audit is planned, confirmed or in progress (409 `audit_plan_state`). The first save creates version 1; after an issue, start a revision first (409 `audit_plan_not_draft`). Only the fields sent change. Sites and sampled AI systems are ids from the client’s profile (400 `audit_plan_site_unknown`, `audit_plan_ai_system_unknown`); each session lies within the audit’s dates, ends after it starts, is held at one of the plan’s sites (or remotely: `siteId: null`), and names clauses 4–10 or Annex A controls of ISO/IEC 42001 as the catalog numbers them (400 `audit_plan_requirement_unknown`). Sessions are kept in day and hour order.',
    returns: 'The plan.',
    errors: [400, 401, 403, 404, 409],
    body: {
      startDate: '2026-12-01',
      endDate: '2026-12-03',
      objectives: 'Confirm that the AIMS conforms to ISO/IEC 42001 and is effectively implemented for the credit-scoring and fraud-detection systems.',
      scope: 'Design, development and operation of AI systems for consumer credit decisions.',
      siteIds: ['0d6f3a4e-8b0c-4b7e-9a1e-2f6d1c3b5a70'],
      sessions: [
        {
          day: '2026-12-01',
          start: '09:00',
          end: '10:30',
          siteId: '0d6f3a4e-8b0c-4b7e-9a1e-2f6d1c3b5a70',
          topic: 'Leadership and AI policy',
          interviewees: ['Directrice générale', 'Responsable conformité'],
          requirements: ['5.1', '5.2', 'A.2.2'],
        },
      ],
      sampledAiSystems: [{ aiSystemId: '5f0c6f9e-3b1a-4c1e-9a53-2f3f3c9d7e10', reason: 'High-risk system (EU AI Act Annex III 5(b)), retrained in March 2026.' }],
    },
  },
  [`POST ${A}/issue`]: {
    summary: 'Issue and send the plan',
    description:
      'The scheme manager or the lead auditor. Needs start and end dates, at least one site and one session and a lead auditor on the team (409 `audit_plan_incomplete` with `details.missing`). Freezes the team in the version, renders the PDF once in `locale` (default: the client’s preferred language), stores it with its SHA-256 — it is served as issued, never rendered again — and mails it with a link into the app to the organization’s owners and administrators (else to the client’s contact; 409 `audit_plan_no_recipient` without either). Written in both tenants’ audit logs.',
    returns: 'The plan.',
    errors: [400, 401, 403, 404, 409],
    body: { locale: 'fr' },
  },
  [`POST ${A}/revise`]: {
    summary: 'Revise an issued plan',
    description: 'Starts the next version as a draft copied from the latest issued one (409 `audit_plan_draft_exists` when a draft exists, `audit_plan_not_draft` before any issue). The versions issued stay readable as issued.',
    returns: 'The plan.',
    errors: [400, 401, 403, 404, 409],
  },
  [`GET ${A}/versions/{version}/pdf`]: {
    summary: 'Download an issued plan',
    description: 'The PDF stored when the version was issued, with its SHA-256 in `X-Content-SHA256`; 404 for a draft or an unknown version.',
    returns: 'The PDF.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${O}`]: {
    summary: 'The audit plans sent to the organization',
    description: 'The issued versions of the plans of this engagement’s audits, newest first, with their content, status (`issued` or `acknowledged`, who and when) and whether a later version replaced them. Every member of the organization reads them; another organization’s engagement answers 404.',
    returns: 'The plans and the abilities.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${O}/{planId}/pdf`]: {
    summary: 'Download a plan as sent',
    description: 'The PDF exactly as the certification body issued it, with its SHA-256 in `X-Content-SHA256`.',
    returns: 'The PDF.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${O}/{planId}/acknowledge`]: {
    summary: 'Acknowledge receipt of a plan',
    description:
      'An owner or administrator of the organization (a person, not an API token) acknowledges the latest issued version of an audit’s plan: who and when are recorded and written in both tenants’ audit logs in one transaction. 409 `audit_plan_acknowledged` when done already, `audit_plan_superseded` for a version replaced by a later one.',
    returns: 'The plan.',
    errors: [400, 401, 403, 404, 409],
  },
};
