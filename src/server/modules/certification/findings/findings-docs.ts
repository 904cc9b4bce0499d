import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const A = '/api/tenants/{tenantId}/audits/{auditId}/findings';
const F = '/api/tenants/{tenantId}/audit-findings';
const O = '/api/tenants/{tenantId}/certification/findings';

const who =
  'The scheme manager, technical reviewers and decision makers read every finding; an auditor only those of an audit whose team they are on (else 404).';

export const findingsDocs: TApiDocs = {
  [`GET ${A}`]: {
    summary: 'An audit’s findings',
    description: `The findings raised in the audit, in the order raised, one page per request (keyset: \`cursor\` = the previous page's \`nextCursor\`), filtered by \`class\` and \`state\`. Each carries its due dates (answer, closure of a minor, verification window of a major), \`overdue\` items and \`abilities\`. ${who}`,
    returns: 'A page of findings.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${A}`]: {
    summary: 'Raise a finding',
    description:
      'By an auditor or lead auditor of the audit’s team, or the scheme manager, while the audit is in progress or reported (409 `finding_audit_state`). `class`: `major`, `minor`, `observation`, `opportunity`. A nonconformity names the clause 4–10 or Annex A control of ISO/IEC 42001 it breaches (400 `finding_requirement_required`, `finding_requirement_unknown`); sites and AI systems must be the client’s (400 `finding_site_unknown`, `finding_ai_system_unknown`). Numbered per body: `NC-2026-0001` for nonconformities, `OBS-…` for observations, `OFI-…` for opportunities. The due dates come from the body’s settings, counted from the later of today and the audit’s last day. The organization sees it at once; a nonconformity also appears among its own nonconformities (source `external_audit`). Written in both tenants’ logs.',
    returns: 'The finding (201).',
    errors: [400, 401, 403, 404, 409],
    body: { class: 'minor', ref: '8.1', statement: 'The release checklist of the credit-scoring model v3.2 was not signed before deployment.', evidence: 'Release record of 10 February 2027; interview with the ML lead.', siteIds: [], aiSystemIds: [] },
  },
  [`GET ${F}`]: {
    summary: 'A programme’s findings',
    description: `Every finding raised in the audits of the programme (\`programmeId\`, required), in the order raised, keyset-paginated. ${who}`,
    returns: 'A page of findings.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${F}/to-review`]: {
    summary: 'Corrective actions to review',
    description:
      'The organization’s answers waiting for a verdict across the body: those past the finding’s closure or verification date first, then the longest waiting. An auditor sees those of the audits whose team they audit on.',
    returns: 'A page of findings.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${F}/{findingId}`]: {
    summary: 'A finding with its answers',
    description: `The finding and every answer the organization submitted, oldest first, each with its verdict, reason, who and when. ${who}`,
    returns: 'The finding and its answers.',
    errors: [400, 401, 403, 404],
  },
  [`PATCH ${F}/{findingId}`]: {
    summary: 'Edit a finding',
    description:
      'While it is open and nobody has answered it (409 `finding_answered`); only the fields sent change. A nonconformity stays major or minor, an observation or opportunity stays one of those (400). Due dates follow the class.',
    returns: 'The finding.',
    errors: [400, 401, 403, 404, 409],
    body: { statement: 'The release checklist of the credit-scoring model v3.2 was not signed by the model owner before deployment.' },
  },
  [`POST ${F}/{findingId}/verdict`]: {
    summary: 'Accept or reject the pending answer',
    description:
      'By an auditor of the audit’s team or the scheme manager. A rejection needs a `reason` (400 without) and sends the finding back to `open` (the answer stays in the history); an acceptance moves a minor to `accepted` (plan accepted) and a major to `accepted` (awaiting its follow-up verification). 409 `finding_state` when no answer waits. The organization’s nonconformity follows; both logs record it.',
    returns: 'The finding and its answers.',
    errors: [400, 401, 403, 404, 409],
    body: { verdict: 'rejected', reason: 'The root cause restates the symptom: why was the checklist not signed?' },
  },
  [`POST ${F}/{findingId}/verify`]: {
    summary: 'Record a major’s follow-up verification',
    description:
      'After the answer is accepted: `method` `on_site` (naming the follow-up audit, `auditId`) or `remote`; the verifying audit must be a later audit of the same programme (400 `finding_verification_audit_invalid`). Only majors (409 `finding_not_major`). The finding becomes `verified`: it no longer blocks the certification decision.',
    returns: 'The finding and its answers.',
    errors: [400, 401, 403, 404, 409],
    body: { method: 'on_site', auditId: '5f0c6f9e-3b1a-4c1e-9a53-2f3f3c9d7e10', notes: 'Signed checklists seen for the last three releases.' },
  },
  [`POST ${F}/{findingId}/close`]: {
    summary: 'Close a finding',
    description: 'A minor whose accepted action was implemented and checked, or a verified major (409 `finding_not_verified` before). The organization’s nonconformity closes as checked effective.',
    returns: 'The finding and its answers.',
    errors: [400, 401, 403, 404, 409],
    body: { notes: 'Implementation checked at surveillance 1.' },
  },
  [`GET ${O}`]: {
    summary: 'The organization’s findings',
    description:
      'The findings the organization’s certification bodies raised, across its engagements that are not closed (`engagementId` to narrow), in the order raised, keyset-paginated, with due dates and overdue items. Every member reads.',
    returns: 'A page of findings.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${O}/{findingId}`]: {
    summary: 'One of the organization’s findings',
    description: 'The finding, its answers and the body’s verdicts; `nonconformityId` names its copy among the organization’s nonconformities.',
    returns: 'The finding and its answers.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${O}/{findingId}/responses`]: {
    summary: 'Answer a nonconformity',
    description:
      'By an owner, administrator or contributor (a viewer gets 403), while the finding is open (409 `finding_state` when an answer already waits or it was accepted; `finding_not_nonconformity` for an observation). Correction, root-cause analysis and corrective action are required; `evidenceIds` name the organization’s submitted evidence records (400 `finding_evidence_unknown`). Each submission is a new version kept with the body’s verdict on it.',
    returns: 'The finding and its answers (201).',
    errors: [400, 401, 403, 404, 409],
    body: {
      correction: 'The checklist of v3.2 was completed and signed on 12 March 2027.',
      rootCause: 'The release procedure did not make the signature a blocking step of the deployment pipeline.',
      correctiveAction: 'The pipeline now refuses a deployment without the signed checklist; procedure PR-07 updated.',
      plannedCompletionOn: '2027-04-30',
      evidenceIds: [],
    },
  },
};
