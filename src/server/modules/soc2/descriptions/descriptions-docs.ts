import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const F = '/api/tenants/{tenantId}/soc2/examinations/{examinationId}/description';
const O = '/api/tenants/{tenantId}/soc2/org-examinations/{examinationId}/description';

const versions =
  'Every version, newest first: its DC 200 sections (services, commitments, infrastructure, software, people, procedures, data, boundaries, incidents, changes), management’s assertion, state (`draft`, `signed_off`, `superseded`), the SHA-256 of its canonical content (frozen at sign-off), who signed it off with their name and title, and when.';

export const soc2DescriptionsDocs: TApiDocs = {
  [`GET ${F}`]: {
    summary: 'The system description, for the firm',
    description: `${versions} Every member of the firm reads; another firm’s examination answers 404.`,
    returns: 'The description’s versions.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${O}`]: {
    summary: 'The system description, for the organization',
    description: `${versions} Every member of the organization reads; \`abilities\` say whether the caller may write or sign off.`,
    returns: 'The description’s versions.',
    errors: [400, 401, 403, 404],
  },
  [`PUT ${O}`]: {
    summary: 'Save the draft of the system description',
    description:
      'By an owner, administrator or contributor, before the report is issued (409 `soc2_examination_state`). Only the sections sent change (autosave sends what was edited). Without a draft, the save starts the next version from the latest version’s text; a signed-off version never changes. Both tenants’ logs record which sections changed.',
    returns: 'The description’s versions.',
    errors: [400, 401, 403, 404, 409],
    body: { sections: { services: 'Lumière Crédit provides an online credit scoring service to retail lenders in France.' }, assertion: 'We have prepared the accompanying description of our credit scoring system…' },
  },
  [`POST ${O}/sign-off`]: {
    summary: 'Sign off the system description (management)',
    description:
      'By an owner or administrator, with the signatory’s name and title, on the draft’s `contentSha256` as read (409 `soc2_description_changed` if it changed since). Every section and the assertion must be written (400 `soc2_description_incomplete`, the missing parts in `details.missing`). The version is frozen with its SHA-256; the previously signed version becomes `superseded`. 409 `soc2_description_signed_off` without a draft.',
    returns: 'The description’s versions.',
    errors: [400, 401, 403, 404, 409],
    body: { name: 'Claire Martin', title: 'Chief Executive Officer', contentSha256: '9f2c…(64 hex digits)' },
  },
  [`GET ${F}/diff`]: {
    summary: 'Compare two versions of the system description (firm)',
    description: `\`from\` and \`to\` are version numbers of this examination’s description (either order; another examination’s version answers 404). Per DC 200 section, then management’s assertion (\`section: "assertion"\`), the lines marked \`added\`, \`removed\` or \`unchanged\` (longest common subsequence of lines, removals before the lines that replace them) and whether the section \`changed\`. Every member of the firm reads.`,
    returns: 'The diff, section by section.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${O}/diff`]: {
    summary: 'Compare two versions of the system description (organization)',
    description: 'The same diff as the firm reads, for every member of the organization, through its engagement (another organization’s examination answers 404).',
    returns: 'The diff, section by section.',
    errors: [400, 401, 403, 404],
  },
};
