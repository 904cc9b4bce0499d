import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TLocale } from '../../../../shared/contracts/common.ts';
import type { TRegisterStatus } from '../../../../shared/contracts/register.ts';
import type { TExportRow } from './register-export-repo.ts';

/*
 * The IAF CertSearch export (IAF MD 28; facts sheet "Certificate verification"): one row per current
 * certificate with the mandatory fields — certification identity and certificate numbers (≤ 60
 * characters, the database's own limit), status in CertSearch's words, accredited or not,
 * certification type, issue and expiry dates as YYYYMMDD, the entity's name and address, the
 * standard, the site addresses — and the optional scope and original issue date. The values are
 * CertSearch's vocabulary (Active, Accredited, Management System) in both languages, because that is
 * what the upload reads; the column headings follow the reader's language.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const IAF_STATUS: Record<TRegisterStatus, string> = { valid: 'Active', suspended: 'Suspended', withdrawn: 'Withdrawn', expired: 'Expired' };

const COLUMNS = {
  certificationIdentityNumber: { en: 'Certification Identity Number', fr: 'Numéro d’identification de la certification' },
  certificateNumber: { en: 'Certificate Number', fr: 'Numéro de certificat' },
  revision: { en: 'Revision', fr: 'Révision' },
  status: { en: 'Certification Status', fr: 'Statut de la certification' },
  accreditation: { en: 'Accredited / Unaccredited', fr: 'Accrédité / non accrédité' },
  accreditationBody: { en: 'Accreditation Body', fr: 'Organisme d’accréditation' },
  accreditationNumber: { en: 'Accreditation Number', fr: 'Numéro d’accréditation' },
  certificationType: { en: 'Certification Type', fr: 'Type de certification' },
  standard: { en: 'Standard', fr: 'Norme' },
  issueDate: { en: 'Issue Date (YYYYMMDD)', fr: 'Date d’émission (AAAAMMJJ)' },
  expiryDate: { en: 'Expiry Date (YYYYMMDD)', fr: 'Date d’expiration (AAAAMMJJ)' },
  originalIssueDate: { en: 'Original Issue Date (YYYYMMDD)', fr: 'Date de certification initiale (AAAAMMJJ)' },
  entityName: { en: 'Certified Entity Name', fr: 'Nom de l’entité certifiée' },
  entityAddress: { en: 'Certified Entity Address', fr: 'Adresse de l’entité certifiée' },
  siteAddresses: { en: 'Site Addresses', fr: 'Adresses des sites' },
  scopeEn: { en: 'Scope (English)', fr: 'Périmètre (anglais)' },
  scopeFr: { en: 'Scope (French)', fr: 'Périmètre (français)' },
} as const;
type TColumn = keyof typeof COLUMNS;
export const EXPORT_COLUMNS = Object.keys(COLUMNS) as TColumn[];
export const exportHeadings = (locale: TLocale) => EXPORT_COLUMNS.map((k) => COLUMNS[k][locale]);

const yyyymmdd = (day: string) => day.replaceAll('-', '');

/** "Name, address" of each site, one per line: the sites' jsonb as the certificate states it. */
function siteAddresses(sites: unknown): string {
  if (!Array.isArray(sites)) return '';
  return sites
    .filter((s): s is { name?: unknown; address?: unknown } => typeof s === 'object' && s !== null)
    .map((s) => [s.name, s.address].filter((x) => typeof x === 'string' && x !== '').join(', '))
    .filter(Boolean)
    .join('\n');
}

export function exportRecord(r: TExportRow): Record<TColumn, string> {
  return {
    certificationIdentityNumber: r.number,
    certificateNumber: r.number,
    revision: String(r.revision),
    status: IAF_STATUS[r.status],
    accreditation: r.accredited ? 'Accredited' : 'Unaccredited',
    accreditationBody: r.accredited ? r.accreditation_body : '',
    accreditationNumber: r.accredited ? r.accreditation_number : '',
    certificationType: 'Management System',
    standard: r.standard,
    issueDate: yyyymmdd(r.effective_date),
    expiryDate: yyyymmdd(r.expiry_date),
    originalIssueDate: yyyymmdd(r.original_issue_date),
    entityName: r.holder_name,
    entityAddress: r.holder_address,
    siteAddresses: siteAddresses(r.sites),
    scopeEn: r.scope_en,
    scopeFr: r.scope_fr,
  };
}

/**
 * One RFC 4180 field. A cell that a spreadsheet would run as a formula (= + - @, or a tab or
 * carriage return first) is written with a leading apostrophe: an organization named "=HYPERLINK(…)"
 * stays text when the file is opened in Excel or LibreOffice.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const csvLine = (cells: string[]) => `${cells.map(csvField).join(',')}\r\n`;

/** UTF-8 with a byte-order mark (Excel reads the accents right), CRLF lines, written row by row. */
export function exportCsv(rows: TExportRow[], locale: TLocale): Readable {
  return Readable.from(
    (function* () {
      yield `\uFEFF${csvLine(exportHeadings(locale))}`;
      for (const r of rows) {
        const rec = exportRecord(r);
        yield csvLine(EXPORT_COLUMNS.map((k) => rec[k]));
      }
    })(),
  );
}

/** The same table as one sheet, written by ExcelJS's streaming writer: rows go out as they are committed. */
export function exportXlsx(rows: TExportRow[], locale: TLocale): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  wb.creator = 'Attest';
  const ws = wb.addWorksheet('CertSearch', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((k) => ({ header: COLUMNS[k][locale], key: k, width: k.startsWith('scope') || k === 'siteAddresses' || k === 'entityAddress' ? 48 : 22 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  (async () => {
    for (const r of rows) ws.addRow(exportRecord(r)).commit();
    ws.commit();
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
