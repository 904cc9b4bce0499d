import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const E = '/api/tenants/{tenantId}/soc2/examinations/{examinationId}';
const who = 'The firm’s members read; the scheme manager and auditors write (403 for the others). Another firm’s examination answers 404.';
const during = 'Changes only while the examination is in fieldwork (409 `soc2_examination_state`).';
const refused =
  'A refused file answers 400 (`population_rows_invalid` with `details.rowErrors`: each row as the person sees it — CSV line, sheet row — its code and its message in English and French; `population_malformed_csv` with the line; `population_column_not_found`; `population_empty`…) or 413 (`population_file_too_large`, `population_too_many_rows`), and nothing is kept: no row, no stored file.';
const sample = 'The sample: seed, algorithm (`attest-stratified-v1`), size and `sizeTrace` (the method — the firm’s table version, frequency, risk, prior failure — and the draw’s strata), and its items (stratum, key, date, text, result).';

export const soc2FieldworkDocs: TApiDocs = {
  [`GET ${E}/populations`]: { summary: 'Populations of an examination', description: `The frozen populations (optionally of one test: \`testId\`), with their file and index SHA-256, row count and first and last dates, in one statement. ${who}`, returns: 'The populations.', errors: [400, 401, 403, 404] },
  [`POST ${E}/tests/{testId}/populations/files`]: {
    summary: 'Import a population file (CSV or XLSX)',
    description: `Send \`multipart/form-data\` with the fields \`name\`, \`keyColumn\`, \`dateColumn\`, optionally \`textColumns\` (comma-separated, up to 5), \`delimiter\` (\`,\` \`;\` \`tab\` \`|\`), \`dayFirstDates\` (\`true\` also reads DD/MM/YYYY), \`worksheet\`, **before** the file part; or the file as the body with those fields and \`filename\` in the query string. Streamed, validated row by row (dates inside the period — Type I: the year ending on the as-of date —, no duplicate key), then the file and its row index are frozen with their SHA-256. ${refused} ${during} ${who}`,
    returns: 'The population with a preview of its first rows (201).',
    status: 201,
    errors: [400, 401, 403, 404, 409, 413],
  },
  [`POST ${E}/tests/{testId}/populations/evidence`]: {
    summary: 'Build a population from the organization’s evidence',
    description: `The organization’s evidence records linked to the tested control and effective in the period (current revisions, not drafts or rejected ones), read through the engagement (logged in both tenants) and frozen as a CSV population: key the evidence id, date its effective date, its title and creation day as text. No record answers 400 \`population_empty\`. ${during} ${who}`,
    returns: 'The population (201).',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { name: 'Access reviews recorded in Attest' },
  },
  [`GET ${E}/populations/{populationId}`]: { summary: 'A population', description: `The population with its first rows read back from the frozen file through its index. ${who}`, returns: 'The population and its preview.', errors: [400, 401, 403, 404] },
  [`PUT ${E}/populations/{populationId}/completeness`]: {
    summary: 'Record how completeness and accuracy were checked',
    description: `The auditor’s record on the information produced by the entity; required before a sample is drawn. ${during} ${who}`,
    returns: 'The population.',
    errors: [400, 401, 403, 404, 409],
    body: { completenessAccuracy: 'Row count agreed to the ticketing system’s report run in our presence on 3 July; ten tickets traced both ways.' },
  },
  [`POST ${E}/populations/{populationId}/samples`]: {
    summary: 'Draw the sample',
    description: `Draws the population’s sample with a recorded seed (\`seed\` if given, else 128 random bits recorded), its size from the firm’s method and the test’s frequency, risk and prior failure, stratified over the beginning, middle and end of the period. The same seed gives the same sample. 409 \`soc2_completeness_required\` before the completeness record, \`soc2_sample_exists\` when drawn already, \`soc2_test_concluded\` once the test is concluded. ${during} ${who}`,
    returns: `${sample} (201)`,
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { seed: '3f9a1c0e5b7d2468ace013579bdf2468' },
  },
  [`POST ${E}/populations/{populationId}/extensions`]: {
    summary: 'Extend the sample after an exception',
    description: `Extension n + 1: only rows not yet in the sample, drawn with the seed (the first draw’s unless given) and the extension number; \`size\` defaults to the first draw’s. 409 \`soc2_extension_without_exception\` when no item of the population is an exception. ${during} ${who}`,
    returns: `${sample} (201)`,
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { size: 25 },
  },
  [`GET ${E}/samples/{sampleId}`]: { summary: 'A sample', description: `${sample} Each item carries the organization’s evidence linked (titles) and its contemporaneity flag (evidence created more than the firm’s contemporaneity days after the event, or before it). ${who}`, returns: 'The sample.', errors: [400, 401, 403, 404] },
  [`POST ${E}/samples/{sampleId}/items`]: {
    summary: 'Add judgmental items',
    description: `Rows chosen by the auditor (row numbers as in the file), each with its reason; a row already in the sample answers 409 \`soc2_sample_row_already_selected\`, a row not in the population 400 \`soc2_sample_row_not_in_population\`. ${during} ${who}`,
    returns: 'The sample.',
    errors: [400, 401, 403, 404, 409],
    body: { items: [{ rowNumber: 42, reason: 'Emergency change made by the CTO outside the release process.' }] },
  },
  [`POST ${E}/samples/{sampleId}/verify`]: {
    summary: 'Verify a sample',
    description: `Re-reads the frozen file and index (their SHA-256 checked), re-draws from the recorded seed — or from \`seed\` when given, to show that another seed draws other rows — with the recorded extension number and exclusions, and answers whether the rows drawn are the recorded ones (judgmental items aside). Changes nothing. ${who}`,
    returns: '`identical`, `seed` (the one used), `recordedSeed`, `populationSha256Matches` and both row lists.',
    errors: [400, 401, 403, 404],
    body: { seed: 'lafayette-2026-b' },
  },
  [`PATCH ${E}/sample-items/{itemId}`]: {
    summary: 'Record an item’s result',
    description: `No exception or exception (or back to pending), notes, the organization’s evidence records (read through the engagement, logged; 400 \`soc2_evidence_unknown\` otherwise) and the day the evidence was created (the earliest linked record’s when not given), which sets the contemporaneity flag. 409 \`soc2_test_concluded\` once the test is concluded. ${during} ${who}`,
    returns: 'The item.',
    errors: [400, 401, 403, 404, 409],
    body: { result: 'exception', notes: 'Approval dated after the deployment.', evidenceIds: ['6b0f6a56-2f8e-4f55-9a43-1f0c1d0d8d11'] },
  },
  [`GET ${E}/tests/{testId}/testing`]: { summary: 'Testing of a test', description: `The test’s samples and items, its deviation rate (exceptions over tested items), pending items, contemporaneity flags and conclusion. ${who}`, returns: 'The testing view.', errors: [400, 401, 403, 404] },
  [`POST ${E}/tests/{testId}/conclusion`]: {
    summary: 'Conclude a test',
    description: `No exception or exception, with notes; refused while an item has no result (409 \`soc2_items_pending\`). \`pending\` reopens the test. ${during} ${who}`,
    returns: 'The testing view.',
    errors: [400, 401, 403, 404, 409],
    body: { conclusion: 'no_exception', notes: '' },
  },
  [`GET ${E}/coverage`]: {
    summary: 'Period coverage',
    description: `Type II: per test, whether its latest population and the organization’s evidence linked to its control cover every occurrence of the period the control’s frequency promises (months of a monthly control…), with the gaps; occurrences cut by the period’s edges are marked partial. The read of the organization’s evidence is logged in both tenants. A Type I examination answers \`applicable: false\`. ${who}`,
    returns: 'The coverage per test.',
    errors: [400, 401, 403, 404],
  },
};
