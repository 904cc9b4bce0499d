import type { TApiDocs } from '../../../platform/http/api-docs.ts';

export const cycleDocs: TApiDocs = {
  'GET /api/tenants/{tenantId}/surveillance': {
    summary: 'Surveillance & recertification dashboard (certification body)',
    description:
      'The body’s certified programmes (active, decision taken, engagement not closed), each with its surveillance and recertification audits (`overdue`: past due-by and not reported; `dueSoon`: due within 90 days), `expiringSoon` (certificate expiring within 6 months), `recertificationStarted` (the recertification audit confirmed or further) and its open alerts (raised by the daily job: `recertification_reminder`, `recertification_not_started`, `surveillance_overdue`). Filters: `status` (`all`, `overdue`, `due_soon`, `expiring`, `not_started`) and `clientId`; `totals` count each kind over the unfiltered set. Surveillance 1 is due within 12 months of the decision, surveillance 2 in the second year, recertification before expiry. One SQL statement. Every member of the body reads it.',
    returns: 'The rows (soonest deadline first), their totals and the day they were computed for.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/certification/cycle': {
    summary: 'Next surveillance and recertification (organization)',
    description: 'The organization’s own certified programmes, shaped as the body’s dashboard: next surveillance and recertification audits with their due dates, certificate expiry and the open alerts. Same filters. Members who read the organization’s certification.',
    returns: 'The rows, their totals and the day they were computed for.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/audits/{auditId}/oscal/assessment-results': {
    summary: 'An audit’s findings as OSCAL assessment results',
    description:
      'An OSCAL 1.x `assessment-results` document (valid against NIST’s schema), downloaded as JSON. One result for the audit: the requirements its checklist covered are the reviewed controls (ids as in the catalog’s OSCAL export, e.g. `a.6.2.4`); each finding is an observation (its objective evidence; methods `EXAMINE`, `INTERVIEW` or `TEST` from the checklist section of its requirement) and a finding on the control’s statement (`a.6.2.4_smt`), `not-satisfied` for a major or minor nonconformity, `satisfied` for an observation or an opportunity for improvement; each requirement recorded conforming is a `satisfied` finding. Object UUIDs are derived from the records (stable across exports); the document UUID is new at each export. `lang` (`en`, `fr`) sets the language of the titles Attest writes. Readers: the body’s members who read the audit report (an auditor only for an audit they are on, else 404).',
    returns: 'The OSCAL JSON document as an attachment.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/programmes/{programmeId}/oscal/poam': {
    summary: 'A programme’s open nonconformities as an OSCAL POA&M',
    description:
      'An OSCAL 1.x `plan-of-action-and-milestones` (valid against NIST’s schema) for one certification cycle (the programme): one item per open nonconformity (a major not yet verified or closed, a minor not yet closed), each with its observation, its not-satisfied finding and a risk whose status follows the answer (`open`, `investigating` while an answer waits, `remediating` once the plan is accepted), whose deadline is the next due date and whose remediations are the organization’s corrections and corrective actions (the accepted one `planned`, a pending one a `recommendation`; rejected submissions are in the risk log). 409 `cycle_poam_empty` when nothing is open. Every member of the body reads it; another body’s programme answers 404.',
    returns: 'The OSCAL JSON document as an attachment.',
    errors: [400, 401, 403, 404, 409],
  },
};
