import { readZipEntries, type TArchiveLimits } from './zip-reader.ts';
import { storedZip } from './zip-writer.ts';

/*
 * Office Open XML files are zips. A reader needs a handful of parts; pictures, embedded objects,
 * printer settings and anything else an attacker adds are never inflated.
 */

const XLSX_PARTS = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;

/**
 * An XLSX rebuilt from the parts a spreadsheet reader needs (cells, shared strings, styles),
 * inflated and checked by the guard and stored uncompressed, ready for exceljs.
 */
export async function guardedXlsx(buf: Buffer, limits: TArchiveLimits): Promise<Buffer> {
  return storedZip(await readZipEntries(buf, (name) => XLSX_PARTS.test(name), limits));
}
