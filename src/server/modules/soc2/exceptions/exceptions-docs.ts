import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const E = '/api/tenants/{tenantId}/soc2/examinations/{examinationId}';
const X = `${E}/exceptions`;
const O = '/api/tenants/{tenantId}/soc2/org-examinations/{examinationId}/exceptions';
const firmWho = 'The firm’s members read; the scheme manager and auditors write (403 for the others). Another firm’s examination answers 404.';
const orgWho = 'Every member of the organization reads; owners, administrators and contributors respond (a viewer gets 403). Another organization’s examination or exception answers 404.';
const item =
  'Each exception carries its reference (`EX-001`…), its state (`open` → `responded` → `concluded`), the test and its control with the criteria the control addresses in the matrix, the sample item when it is about one, the auditor’s description, management’s response (context, remediation, the titles of the organization’s evidence records) and the auditor’s conclusion (`isolated` or `systematic`, the impact on the criterion `none`, `partial` or `not_met`, notes), with `abilities`.';
const both = 'Written in both tenants’ logs.';

export const soc2ExceptionsDocs: TApiDocs = {
  [`GET ${X}`]: {
    summary: 'The examination’s exceptions',
    description: `Grouped by control (control ref order), each group naming its criteria, in one statement. ${item} \`abilities\` says whether an exception can be raised now. ${firmWho}`,
    returns: 'The exceptions by control.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${X}`]: {
    summary: 'Raise an exception',
    description: `On a test of the examination (400 \`soc2_test_unknown\`), optionally on one of its sample items whose result is an exception (400 \`soc2_sample_item_invalid\`), with the auditor’s description; numbered \`EX-001\`, \`EX-002\`… per examination. During fieldwork only (409 \`soc2_examination_state\`). ${both} ${firmWho}`,
    returns: 'The exception (201).',
    errors: [400, 401, 403, 404, 409],
    body: { testId: '5f0c6f9e-3b1a-4c1e-9a53-2f3f3c9d7e10', sampleItemId: null, description: 'The Q2 access review of the production database was approved 41 days after the quarter ended.' },
  },
  [`GET ${X}/{exceptionId}`]: { summary: 'One exception', description: `${item} ${firmWho}`, returns: 'The exception.', errors: [400, 401, 403, 404] },
  [`PATCH ${X}/{exceptionId}`]: {
    summary: 'Edit an exception’s description',
    description: `Until management responds (409 \`soc2_exception_state\`), during fieldwork. ${both} ${firmWho}`,
    returns: 'The exception.',
    errors: [400, 401, 403, 404, 409],
    body: { description: 'The Q2 access review was approved 41 days late; two leavers kept access meanwhile.' },
  },
  [`POST ${X}/{exceptionId}/conclusion`]: {
    summary: 'Conclude on an exception',
    description: `The auditor’s conclusion: \`isolated\` or \`systematic\`, the impact on the criterion (\`none\`, \`partial\`, \`not_met\`) and notes. Final: once concluded, management can no longer respond and it cannot be concluded again (409 \`soc2_exception_state\`). During fieldwork. ${both} ${firmWho}`,
    returns: 'The exception.',
    errors: [400, 401, 403, 404, 409],
    body: { conclusion: 'isolated', criterionImpact: 'none', notes: 'One late review in four; the leavers’ accounts showed no activity.' },
  },
  [`GET ${O}`]: {
    summary: 'Our exceptions in an examination',
    description: `The exceptions the firm raised in one of the organization’s examinations (from fieldwork on), grouped by control. ${item} ${orgWho}`,
    returns: 'The exceptions by control.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${O}/{exceptionId}`]: { summary: 'One of our exceptions', description: `${item} ${orgWho}`, returns: 'The exception.', errors: [400, 401, 403, 404] },
  [`PUT ${O}/{exceptionId}/response`]: {
    summary: 'Respond to an exception',
    description: `Management’s response: context, remediation and links to the organization’s own evidence records (not drafts; 400 \`soc2_evidence_unknown\`); at least one of the three (400). May be saved again until the auditor concludes (then 409 \`soc2_exception_concluded\`), during fieldwork. ${both} ${orgWho}`,
    returns: 'The exception.',
    errors: [400, 401, 403, 404, 409],
    body: { context: 'The reviewer was on leave in July.', remediation: 'A deputy reviewer is named for each quarter from Q3.', evidenceIds: [] },
  },
  [`POST ${E}/reporting`]: {
    summary: 'End fieldwork: start reporting',
    description:
      'fieldwork → reporting, by the scheme manager or an auditor. Refused (409 `soc2_reporting_blocked`) while a test’s conclusion is pending, an exception is not concluded, or an applicable criterion has no accepted control with a test: `details` lists them (`pendingTests`, `openExceptions`, `untestedCriteria`, with their counts) and nothing changes. 409 `soc2_examination_state` outside fieldwork. Written in the firm’s log.',
    returns: 'The examination’s id and new state.',
    errors: [401, 403, 404, 409],
  },
  [`PUT ${E}/partner`]: {
    summary: 'Name the engagement partner',
    description: 'By the scheme manager, before the report is issued (409 `soc2_examination_state`): a member of the firm (400 `soc2_partner_not_member`). Only the partner records the opinion. Written in the firm’s log.',
    returns: 'The opinion view with the partner.',
    errors: [400, 401, 403, 404, 409],
    body: { userId: '5f0c6f9e-3b1a-4c1e-9a53-2f3f3c9d7e10' },
  },
  [`GET ${E}/opinion`]: {
    summary: 'The opinion',
    description: 'The engagement partner, the opinion recorded (`unmodified`, `qualified`, `adverse`, `disclaimer`, or null), its basis, who recorded it and when, and `abilities` (record the opinion: the partner during reporting; name the partner: the scheme manager). Every member of the firm reads.',
    returns: 'The opinion view.',
    errors: [400, 401, 403, 404],
  },
  [`PUT ${E}/opinion`]: {
    summary: 'Record the opinion',
    description:
      'By the engagement partner only (403 for anyone else; 409 `soc2_partner_required` when none is named), during reporting (409 `soc2_examination_state`); it can be changed until the report is issued. The basis is required except for an unmodified opinion (400 `soc2_opinion_basis_required`). An unmodified opinion while warnings exist (see `GET …/opinion/warnings`) needs `acknowledgeWarnings: true` (409 `soc2_opinion_warnings` with the count); the acknowledgement and the count are kept in the audit event. Written in the firm’s log.',
    returns: 'The opinion view.',
    errors: [400, 401, 403, 404, 409],
    body: { opinion: 'qualified', basis: 'Logical access reviews did not operate in Q2 (EX-002, systematic): CC6.2 was not met for part of the period.', acknowledgeWarnings: false },
  },
  [`GET ${E}/opinion/warnings`]: {
    summary: 'What makes an unmodified opinion doubtful',
    description:
      'Computed in one statement: exceptions concluded systematic or leaving their criterion not met or partly met (with the criteria), applicable criteria none of whose accepted controls has a concluded test, and tests with exceptions (raised, or a sample item with an exception) whose own conclusion is pending; `count` is their total. Every member of the firm reads.',
    returns: 'The warnings.',
    errors: [400, 401, 403, 404],
  },
};
