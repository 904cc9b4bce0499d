import type { TApiDocs, TErrorStatus } from '../../../platform/http/api-docs.ts';
import { SOC2_BRIDGE_MAX_MONTHS } from '../../../../shared/contracts/soc2-report.ts';

const F = '/api/tenants/{tenantId}/soc2/examinations/{examinationId}';
const O = '/api/tenants/{tenantId}/soc2/org-examinations/{examinationId}';

const doc =
  'A document carries its reference (the report: the examination’s reference; a bridge letter: `<report>-BL<n>`), `modelSha256` (SHA-256 of the model it was rendered from, RFC 8785 form), its four files (PDF and DOCX, `en` and `fr`) each with its SHA-256 and size, who issued it and when.';

const file = (what: string, format: 'pdf' | 'docx', org: boolean) => ({
  summary: `${what} (${format.toUpperCase()})`,
  description: `The file exactly as issued (\`x-content-sha256\` is its recorded SHA-256), in \`en\` or \`fr\`. ${org ? 'The organization, through its engagement' : 'Every member of the firm'} reads it; each download is written in both tenants’ logs (\`soc2_document.downloaded\`). Another tenant’s examination, or nothing issued yet, answers 404.`,
  returns: `The ${format.toUpperCase()} file.`,
  errors: [400, 401, 403, 404] as TErrorStatus[],
});

export const soc2ReportDocs: TApiDocs = {
  [`GET ${F}/report`]: {
    summary: 'The SOC 2 report of an examination',
    description: `The issued report and management’s bridge letters, or, before issue, what is missing (\`state\` not \`reporting\`, \`opinion\`, \`opinionBasis\` for a modified opinion, \`signedOffDescription\`, \`partner\`); \`abilities\` say whether the caller may preview and issue. ${doc}`,
    returns: 'The report’s status.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${F}/report/preview.pdf`]: {
    summary: 'Preview the SOC 2 report (draft)',
    description:
      'The report as it would be issued today, built from the tables (opinion, signed-off description and assertion, subservice organizations, CUECs and CSOCs, criteria → controls → tests → results and exceptions with management’s responses and the auditor’s conclusions), in `locale` (`en` by default). Every page carries « draft — not issued ». Nothing is stored. 409 `soc2_report_not_ready` when the opinion or a signed-off description is missing.',
    returns: 'A PDF.',
    errors: [400, 401, 403, 404, 409],
  },
  [`POST ${F}/report/issue`]: {
    summary: 'Issue the SOC 2 report',
    description: `By the examination’s engagement partner only (403 for anyone else), once: 409 \`soc2_report_not_ready\` with \`details.missing\` while the examination is not in \`reporting\`, has no opinion (or a modified opinion without its basis) or no signed-off description; 409 \`soc2_report_issued\` after. Renders PDF and DOCX in English and French, stores them with the model and their SHA-256, and moves the examination to \`issued\`, all in one transaction (a rendering failure leaves nothing). An issued report never changes. ${doc}`,
    returns: 'The report’s status (201).',
    errors: [400, 401, 403, 404, 409],
  },
  [`POST ${F}/report/general-use`]: {
    summary: 'Issue the general-use summary (SOC 3-style)',
    description: `By the engagement partner, once, after the report is issued (409 \`soc2_report_not_issued\` before, 409 \`soc2_general_use_issued\` after): the opinion and management’s assertion as issued, the system in brief and the criteria covered, without the tests and results, rendered from the issued report’s frozen model in PDF and DOCX, English and French (\`<report>-GU\`). It may be shared with anyone. ${doc}`,
    returns: 'The report’s status (201).',
    errors: [400, 401, 403, 404, 409],
  },
  [`GET ${O}/report`]: {
    summary: 'The organization’s SOC 2 report and bridge letters',
    description: `What was issued for the organization’s examination (nothing before issue), \`bridgeLimit\` (the latest day a bridge letter may cover: period end + ${SOC2_BRIDGE_MAX_MONTHS} months) and whether the caller may issue a bridge letter. ${doc}`,
    returns: 'The issued documents.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${O}/bridge-letters`]: {
    summary: 'Issue a bridge letter',
    description: `Management’s letter for the days after the period of an issued Type II report (409 \`soc2_report_not_issued\` otherwise), by an owner or administrator of the organization, who signs it with their name and title (a person, not an API token). \`coversUntil\` is after the period end, not in the future, and at most ${SOC2_BRIDGE_MAX_MONTHS} months after the period end (Attest’s bound; 400 \`soc2_bridge_letter_dates\`); \`nextReportPeriodEnd\`, when given, is after the period end. Changes and incidents during the gap are listed as written; none means the letter says there were none. Rendered in PDF and DOCX, English and French, stored with their SHA-256; both tenants’ logs record it.`,
    returns: 'The bridge letter (201).',
    errors: [400, 401, 403, 404, 409],
    body: {
      coversUntil: '2026-11-30',
      changes: ['New authentication provider since 1 September 2026.'],
      incidents: [],
      nextReportPeriodEnd: '2026-12-31',
      signatory: { name: 'Camille Roussel', title: 'Chief Executive Officer' },
    },
  },
  [`GET ${F}/report/{locale}.pdf`]: file('The issued SOC 2 report', 'pdf', false),
  [`GET ${F}/report/{locale}.docx`]: file('The issued SOC 2 report', 'docx', false),
  [`GET ${O}/report/{locale}.pdf`]: file('The organization’s issued SOC 2 report', 'pdf', true),
  [`GET ${O}/report/{locale}.docx`]: file('The organization’s issued SOC 2 report', 'docx', true),
  [`GET ${F}/general-use/{locale}.pdf`]: file('The general-use summary', 'pdf', false),
  [`GET ${F}/general-use/{locale}.docx`]: file('The general-use summary', 'docx', false),
  [`GET ${O}/general-use/{locale}.pdf`]: file('The general-use summary', 'pdf', true),
  [`GET ${O}/general-use/{locale}.docx`]: file('The general-use summary', 'docx', true),
  [`GET ${F}/bridge-letters/{documentId}/{locale}.pdf`]: file('A bridge letter', 'pdf', false),
  [`GET ${F}/bridge-letters/{documentId}/{locale}.docx`]: file('A bridge letter', 'docx', false),
  [`GET ${O}/bridge-letters/{documentId}/{locale}.pdf`]: file('A bridge letter', 'pdf', true),
  [`GET ${O}/bridge-letters/{documentId}/{locale}.docx`]: file('A bridge letter', 'docx', true),
};
