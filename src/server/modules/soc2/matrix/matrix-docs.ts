import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const E = '/api/tenants/{tenantId}/soc2/examinations/{examinationId}';
const who = 'Every member of the firm reads; the scheme manager and auditors write (technical reviewers and decision makers read only, 403). Another firm’s examination answers 404.';
const state = 'The matrix changes while the examination is in scoping or planning; tests also during fieldwork (409 `soc2_examination_state`).';

export const soc2MatrixDocs: TApiDocs = {
  [`GET ${E}/matrix`]: {
    summary: 'The control matrix',
    description: `Every applicable criterion of the \`soc2-tsc-2017\` catalog (the common criteria always, plus those of the examination’s categories), in catalog order, with the organization’s controls linked to it (ref and title as copied when linked, \`suggested\` until accepted) and each control’s number of tests; \`uncovered\` flags a criterion without an accepted control, \`untested\` one whose accepted control has no test. Read in one statement. ${who}`,
    returns: 'The matrix.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${E}/matrix/controls`]: {
    summary: 'The organization’s controls to link',
    description: `The organization’s controls (not retired), read through the engagement, which must be active; the read is written in both tenants’ logs. People only (an API token gets 404). ${who}`,
    returns: 'The controls.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${E}/matrix/links`]: {
    summary: 'Link a control to a criterion',
    description: `Links one of the organization’s controls (400 \`soc2_control_unknown\`) to an applicable criterion (400 \`soc2_criterion_not_applicable\`), or accepts a suggested link. The control’s ref and title are copied. ${state} ${who}`,
    returns: 'The matrix.',
    errors: [400, 401, 403, 404, 409],
    body: { criterionRef: 'CC6.1', controlId: '00000000-0000-4000-8000-000000000001' },
  },
  [`DELETE ${E}/matrix/links/{criterionRef}/{controlId}`]: {
    summary: 'Remove a link or reject a suggestion',
    description: `${state} ${who}`,
    returns: 'The matrix.',
    errors: [400, 401, 403, 404, 409],
  },
  [`POST ${E}/matrix/suggestions`]: {
    summary: 'Suggest links from the crosswalks',
    description: `Adds a \`suggested\` link for each control the organization already mapped to a TSC criterion, or to a requirement (ISO/IEC 27001, ISO/IEC 42001…) that the catalog crosswalks relate to an applicable criterion, directly or through one intermediate framework. Existing links are left as they are; a suggestion covers nothing until accepted. ${state} ${who}`,
    returns: 'The number added and the matrix.',
    errors: [400, 401, 403, 404, 409],
  },
  [`GET ${E}/tests`]: {
    summary: 'Test procedures',
    description: `Every test procedure of the examination, by reference (\`T-<control ref>-NN\`). ${who}`,
    returns: 'The tests.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${E}/tests`]: {
    summary: 'Add a test procedure',
    description: `On a control linked (accepted) in the matrix (400 \`soc2_control_not_in_matrix\`): at least one method among inquiry, observation, inspection and re-performance, the procedure, the evidence requested (it becomes the request list item), the control’s frequency, risk and whether it failed before (these set the sample size). Numbered \`T-<control ref>-NN\`. ${state} ${who}`,
    returns: 'The test (201).',
    errors: [400, 401, 403, 404, 409],
    body: {
      controlId: '00000000-0000-4000-8000-000000000001',
      methods: ['inquiry', 'inspection'],
      procedure: 'Inspect the access review of the quarter and the tickets for the rights it removed.',
      evidenceRequested: 'Quarterly access review export and the related removal tickets.',
      frequency: 'quarterly',
      risk: 'moderate',
      priorFailure: false,
    },
  },
  [`PATCH ${E}/tests/{testId}`]: {
    summary: 'Edit a test procedure',
    description: `Only the fields sent change. ${state} ${who}`,
    returns: 'The test.',
    errors: [400, 401, 403, 404, 409],
    body: { risk: 'higher' },
  },
  [`DELETE ${E}/tests/{testId}`]: {
    summary: 'Delete a test procedure',
    description: `Not once a population was imported for it (409 \`soc2_test_has_population\`). Its reference is not reused. ${state} ${who}`,
    returns: 'Nothing (204).',
    errors: [400, 401, 403, 404, 409],
  },
  [`POST ${E}/fieldwork`]: {
    summary: 'Start fieldwork',
    description: `planning → fieldwork (409 \`soc2_examination_state\` from any other state). Refused with 400 \`soc2_fieldwork_blocked\` while an applicable criterion has no accepted control or an accepted control has no test; \`details\` lists \`uncoveredCriteria\` and \`untestedControls\`, and nothing changes. ${who}`,
    returns: 'The examination’s new state.',
    errors: [400, 401, 403, 404, 409],
  },
};
