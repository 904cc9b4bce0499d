import ExcelJS from 'exceljs';
import { guardedXlsx } from '../../platform/archive/office.ts';
import { ArchiveError } from '../../platform/archive/zip-reader.ts';

const UNPACK_LIMITS = { maxUnpackedBytes: 50 * 1024 * 1024, maxEntries: 1000 };
import type { TTreeRow } from './catalog-repo.ts';
import type { TIssue, TPath, TSource } from './catalog-validate.ts';

/*
 * The spreadsheet form of a framework, for certification bodies and organizations that keep
 * their own frameworks in Excel. Export and import use the same two sheets and columns, so an
 * exported workbook imports back to the same content (same hash).
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FRAMEWORK_SHEET = 'Framework';
const REQUIREMENTS_SHEET = 'Requirements';
const FRAMEWORK_FIELDS = [
  'id',
  'version',
  'edition_en',
  'edition_fr',
  'publisher_en',
  'publisher_fr',
  'title_en',
  'title_fr',
  'short_title_en',
  'short_title_fr',
  'description_en',
  'description_fr',
] as const;
export const REQUIREMENT_COLUMNS = [
  'ref',
  'label_en',
  'label_fr',
  'kind',
  'parent',
  'normative',
  'title_en',
  'title_fr',
  'description_en',
  'description_fr',
  'documented_information',
  'category',
  'applies_from',
  'applies_from_original',
  'date_source_en',
  'date_source_fr',
  'applies_from_annex_i',
  'applies_from_annex_i_original',
  'date_to_be_confirmed',
  'applicability_roles',
  'applicability_tiers',
  'applicability_routes',
  'applicability_except_annex_iii',
  'applicability_when',
] as const;
type TColumn = (typeof REQUIREMENT_COLUMNS)[number];
const REQUIRED_COLUMNS: TColumn[] = ['ref', 'kind', 'title_en', 'title_fr'];

export async function frameworkToXlsx(rows: TTreeRow[]): Promise<Buffer> {
  const f = rows[0]!;
  const wb = new ExcelJS.Workbook();
  // Fixed dates keep two exports of the same version identical.
  wb.created = wb.modified = new Date(f.loaded_at);
  wb.creator = 'Attest';
  const fs = wb.addWorksheet(FRAMEWORK_SHEET);
  fs.columns = [
    { header: 'field', key: 'field', width: 18 },
    { header: 'value', key: 'value', width: 100 },
  ];
  const header: Record<(typeof FRAMEWORK_FIELDS)[number], string> = {
    id: f.id,
    version: f.version,
    edition_en: f.edition.en,
    edition_fr: f.edition.fr,
    publisher_en: f.publisher.en,
    publisher_fr: f.publisher.fr,
    title_en: f.title.en,
    title_fr: f.title.fr,
    short_title_en: f.short_title?.en ?? '',
    short_title_fr: f.short_title?.fr ?? '',
    description_en: f.description.en,
    description_fr: f.description.fr,
  };
  for (const field of FRAMEWORK_FIELDS) if (header[field] !== '') fs.addRow({ field, value: header[field] });

  const rs = wb.addWorksheet(REQUIREMENTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  rs.columns = REQUIREMENT_COLUMNS.map((key) => ({ header: key, key, width: key.startsWith('description') ? 80 : key.startsWith('title') ? 40 : 14 }));
  for (const r of rows) {
    rs.addRow({
      ref: r.ref,
      label_en: r.label?.en ?? '',
      label_fr: r.label?.fr ?? '',
      kind: r.kind,
      parent: r.parent_ref ?? '',
      normative: r.normative,
      title_en: r.r_title.en,
      title_fr: r.r_title.fr,
      description_en: r.r_description.en,
      description_fr: r.r_description.fr,
      documented_information: r.documented_information ?? '',
      category: r.category ?? '',
      applies_from: r.applies_from ?? '',
      applies_from_original: r.extra.appliesFromOriginal ?? '',
      date_source_en: r.extra.dateSource?.en ?? '',
      date_source_fr: r.extra.dateSource?.fr ?? '',
      applies_from_annex_i: r.extra.appliesFromAnnexI ?? '',
      applies_from_annex_i_original: r.extra.appliesFromAnnexIOriginal ?? '',
      date_to_be_confirmed: r.extra.dateToBeConfirmed ?? '',
      // Lists as one cell, comma-separated: "provider, deployer".
      applicability_roles: r.extra.applicability?.roles.join(', ') ?? '',
      applicability_tiers: r.extra.applicability?.tiers.join(', ') ?? '',
      applicability_routes: r.extra.applicability?.routes?.join(', ') ?? '',
      applicability_except_annex_iii: r.extra.applicability?.exceptAnnexIII?.join(', ') ?? '',
      applicability_when: r.extra.applicability?.when ?? '',
    });
  }
  for (const s of [fs, rs]) s.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const bool = (v: string | boolean | undefined) => (typeof v === 'string' ? (BOOLEAN_WORDS[v.trim().toLowerCase()] ?? v) : v);
const list = (v: unknown) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v);

/** The applicability columns as the YAML's mapping, or nothing when every one is empty. */
function applicability(text: (c: TColumn) => unknown) {
  const a: Record<string, unknown> = {
    roles: list(text('applicability_roles')),
    tiers: list(text('applicability_tiers')),
    routes: list(text('applicability_routes')),
    exceptAnnexIII: list(text('applicability_except_annex_iii')),
    when: text('applicability_when'),
  };
  for (const k of Object.keys(a)) if (a[k] === undefined) delete a[k];
  return Object.keys(a).length ? a : undefined;
}

/** A cell as the text a person sees; booleans stay booleans (the normative column). */
function cellValue(v: ExcelJS.CellValue): string | boolean | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return cellValue(v.richText.map((t) => t.text).join(''));
  if ('text' in v && typeof v.text === 'string') return cellValue(v.text);
  if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
  return undefined;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const fieldName = (path: TPath) =>
  path
    .filter((s) => typeof s === 'string' && s !== 'framework')
    .map((s) => snake(String(s)))
    .join('_');

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, yes: true, oui: true, '1': true, false: false, no: false, non: false, '0': false };

export async function xlsxSource(buf: Buffer): Promise<TSource> {
  const readIssues: TIssue[] = [];
  const fail = (reason: string): TSource => ({ unit: 'row', data: null, readIssues: [{ file: 'workbook', line: 1, reason }], locate: () => ({ file: 'workbook', line: 1 }), fieldName });
  const wb = new ExcelJS.Workbook();
  try {
    // Only the parts exceljs needs, inflated under a hard limit: a bomb never reaches it.
    await wb.xlsx.load((await guardedXlsx(buf, UNPACK_LIMITS)) as unknown as ArrayBuffer);
  } catch (err) {
    if (err instanceof ArchiveError) return fail(`the file is not a readable XLSX workbook: ${err.message}`);
    return fail('the file is not a readable XLSX workbook');
  }
  const fsheet = wb.getWorksheet(FRAMEWORK_SHEET);
  const rsheet = wb.getWorksheet(REQUIREMENTS_SHEET);
  if (!fsheet || !rsheet) return fail(`the workbook needs the sheets "${FRAMEWORK_SHEET}" and "${REQUIREMENTS_SHEET}" (export a framework to see the layout)`);

  const fieldRow = new Map<string, number>();
  const header: Record<string, unknown> = {};
  fsheet.eachRow((row, n) => {
    const key = cellValue(row.getCell(1).value);
    if (n === 1 || typeof key !== 'string') return;
    if (!(FRAMEWORK_FIELDS as readonly string[]).includes(key.trim())) {
      readIssues.push({ file: FRAMEWORK_SHEET, line: n, reason: `unknown field "${key.trim()}" (fields: ${FRAMEWORK_FIELDS.join(', ')})` });
    }
    fieldRow.set(key.trim(), n);
    header[key.trim()] = cellValue(row.getCell(2).value);
  });
  const pair = (k: string) => (header[`${k}_en`] === undefined && header[`${k}_fr`] === undefined ? undefined : { en: header[`${k}_en`], fr: header[`${k}_fr`] });
  const framework = {
    id: header.id,
    version: header.version,
    edition: pair('edition'),
    publisher: pair('publisher'),
    title: pair('title'),
    shortTitle: pair('short_title'),
    description: pair('description'),
  };

  const columns = new Map<TColumn, number>();
  rsheet.getRow(1).eachCell((cell, col) => {
    const name = String(cellValue(cell.value) ?? '').trim().toLowerCase();
    if ((REQUIREMENT_COLUMNS as readonly string[]).includes(name)) columns.set(name as TColumn, col);
    else if (name) readIssues.push({ file: REQUIREMENTS_SHEET, line: 1, reason: `unknown column "${name}" (columns: ${REQUIREMENT_COLUMNS.join(', ')})` });
  });
  for (const c of REQUIRED_COLUMNS) if (!columns.has(c)) readIssues.push({ file: REQUIREMENTS_SHEET, line: 1, reason: `column "${c}" is missing` });

  const rowNumbers: number[] = [];
  const requirements: Record<string, unknown>[] = [];
  rsheet.eachRow((row, n) => {
    if (n === 1) return;
    const get = (c: TColumn) => (columns.has(c) ? cellValue(row.getCell(columns.get(c)!).value) : undefined);
    const values = Object.fromEntries(REQUIREMENT_COLUMNS.map((c) => [c, get(c)]));
    if (Object.values(values).every((v) => v === undefined)) return;
    const text = (c: TColumn) => (typeof values[c] === 'boolean' ? String(values[c]) : values[c]);
    const both = (k: 'title' | 'description' | 'label' | 'date_source') => {
      const en = text(`${k}_en`);
      const fr = text(`${k}_fr`);
      return en === undefined && fr === undefined && k !== 'title' ? undefined : { en, fr };
    };
    const normative = values.normative;
    const entry: Record<string, unknown> = {
      ref: text('ref'),
      label: both('label'),
      kind: text('kind'),
      parent: text('parent') ?? null,
      normative: typeof normative === 'string' ? (BOOLEAN_WORDS[normative.trim().toLowerCase()] ?? normative) : normative,
      title: both('title'),
      description: both('description'),
      documentedInformation: text('documented_information'),
      category: text('category'),
      appliesFrom: text('applies_from'),
      appliesFromOriginal: text('applies_from_original'),
      dateSource: both('date_source'),
      appliesFromAnnexI: text('applies_from_annex_i'),
      appliesFromAnnexIOriginal: text('applies_from_annex_i_original'),
      dateToBeConfirmed: bool(values.date_to_be_confirmed),
      applicability: applicability(text),
    };
    for (const k of Object.keys(entry)) if (entry[k] === undefined) delete entry[k];
    rowNumbers.push(n);
    requirements.push(entry);
  });

  function locate(path: TPath) {
    if (path[0] === 'requirements') {
      const i = typeof path[1] === 'number' ? path[1] : -1;
      return { file: REQUIREMENTS_SHEET, line: rowNumbers[i] ?? 1 };
    }
    const field = fieldName(path.slice(1, 3));
    return { file: FRAMEWORK_SHEET, line: fieldRow.get(field) ?? fieldRow.get(`${field}_en`) ?? 1 };
  }
  return { unit: 'row', data: { framework, requirements }, readIssues, locate, fieldName };
}
