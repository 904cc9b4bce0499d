import type { TApiDocs } from '../../../platform/http/api-docs.ts';

export const cycleDocs: TApiDocs = {
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
