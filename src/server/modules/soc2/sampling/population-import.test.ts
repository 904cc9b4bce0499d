import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importPopulation, type TPopulationImportOptions } from './population-import.ts';
import { openPopulationIndex } from './population-index.ts';
import { readCsvRows, readXlsxRows, PopulationSourceMismatchError } from './population-read.ts';
import { dayOfIso } from './dates.ts';

const period = { start: '2026-01-01', end: '2026-06-30' };
const csvOpts = (extra: Partial<TPopulationImportOptions> = {}): TPopulationImportOptions => ({
  format: 'csv',
  mapping: { key: 'Ticket', date: 'Closed on', description: 'Summary', amount: 'Amount' },
  period,
  ...extra,
});
/** Small chunks, so records straddle chunk boundaries as they do with real uploads. */
const chunked = (buf: Buffer, size = 7) => Readable.from((function* () {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
})());
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('importPopulation (CSV)', () => {
  const good = Buffer.from(
    '\ufeffTicket,Closed on,Summary,Amount\r\n' +
      'CHG-1,2026-01-05,Patch,12.50\r\n' +
      '\r\n' +
      'CHG-2,2026-03-14T23:30:00-05:00,"Multi\nline ""quoted""",3\r\n' +
      'CHG-3,2026-06-30,Été,\r\n',
  );

  it('indexes every row with its date, row number and byte range, and hashes the raw bytes', async () => {
    const r = await importPopulation(chunked(good), csvOpts());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.stats).toMatchObject({ format: 'csv', sha256: sha(good), bytes: good.length, rowCount: 3, firstDate: '2026-01-05', lastDate: '2026-06-30', headerRow: 1 });
    const ix = openPopulationIndex(r.index);
    expect(ix.rowCount).toBe(3);
    expect(ix.sha256).toBe(sha(good));
    expect([...ix.dates]).toEqual([dayOfIso('2026-01-05'), dayOfIso('2026-03-14'), dayOfIso('2026-06-30')]);
    // Line 3 is blank; the quoted field spans lines 4 and 5.
    expect([...ix.rowNumbers]).toEqual([2, 4, 6]);
    const read = await readCsvRows(ix, [2, 1], async (o, l) => good.subarray(o, o + l));
    expect(read.header).toEqual(['Ticket', 'Closed on', 'Summary', 'Amount']);
    expect(read.rows).toEqual([
      { ordinal: 1, rowNumber: 4, cells: ['CHG-2', '2026-03-14T23:30:00-05:00', 'Multi\nline "quoted"', '3'] },
      { ordinal: 2, rowNumber: 6, cells: ['CHG-3', '2026-06-30', 'Été', ''] },
    ]);
  });

  it('refuses a malformed CSV (unclosed quote) with the line', async () => {
    const r = await importPopulation(chunked(Buffer.from('Ticket,Closed on\nCHG-1,2026-01-05\n"CHG-2,2026-01-06\n')), csvOpts({ mapping: { key: 'Ticket', date: 'Closed on' } }));
    expect(r).toMatchObject({ ok: false, error: { code: 'population_malformed_csv', reason: 'CSV_QUOTE_NOT_CLOSED' } });
  });

  it('lists wrong dates, missing values, bad amounts and duplicates by row, and returns no index', async () => {
    const csv = [
      'Ticket,Closed on,Summary,Amount',
      'CHG-1,2026-01-05,ok,1', // 2
      ',2026-01-06,no key,1', // 3
      'CHG-3,,no date,1', // 4
      'CHG-4,2026-02-31,not a day,1', // 5
      'CHG-5,05/01/2026,wrong form,1', // 6
      'CHG-6,2025-12-31,before,1', // 7
      'CHG-7,2026-07-01,after,1', // 8
      'CHG-1,2026-01-07,duplicate,1', // 9
      'CHG-9,2026-01-08,amount,12 abc', // 10
      ' CHG-1 ,2026-01-09,duplicate once trimmed,1', // 11
    ].join('\n');
    const r = await importPopulation(chunked(Buffer.from(csv)), csvOpts());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({
      code: 'population_rows_invalid',
      rowCount: 10,
      rowErrorCount: 9,
      rowErrors: [
        { row: 3, code: 'missing_key' },
        { row: 4, code: 'missing_date' },
        { row: 5, code: 'unparseable_date', value: '2026-02-31' },
        { row: 6, code: 'unparseable_date', value: '05/01/2026' },
        { row: 7, code: 'date_outside_period', value: '2025-12-31' },
        { row: 8, code: 'date_outside_period', value: '2026-07-01' },
        { row: 9, code: 'duplicate_key', value: 'CHG-1', firstRow: 2 },
        { row: 10, code: 'unparseable_amount', value: '12abc' },
        { row: 11, code: 'duplicate_key', value: 'CHG-1', firstRow: 2 },
      ],
    });
  });

  it('accepts DD/MM/YYYY when configured, with ; as delimiter and a decimal comma', async () => {
    const csv = 'Ticket;Closed on;Summary;Amount\nA;05/01/2026;x;1 234,56\nB;2026-01-06;y;2\nC;31/02/2026;z;3\n';
    const r = await importPopulation(chunked(Buffer.from(csv)), csvOpts({ dateFormats: ['iso', 'dd/mm/yyyy'], csv: { delimiter: ';' } }));
    expect(r).toMatchObject({ ok: false, error: { rowErrorCount: 1, rowErrors: [{ row: 4, code: 'unparseable_date', value: '31/02/2026' }] } });
    const ok = await importPopulation(chunked(Buffer.from(csv.split('\n').slice(0, 3).join('\n'))), csvOpts({ dateFormats: ['iso', 'dd/mm/yyyy'], csv: { delimiter: ';' } }));
    expect(ok).toMatchObject({ ok: true, stats: { rowCount: 2, firstDate: '2026-01-05', lastDate: '2026-01-06' } });
  });

  it('caps the listed row errors but counts them all', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `K${i},2030-01-01`);
    const r = await importPopulation(chunked(Buffer.from(['Ticket,Closed on', ...rows].join('\n')), 4096), csvOpts({ mapping: { key: 'Ticket', date: 'Closed on' }, limits: { maxRowErrors: 5 } }));
    expect(r).toMatchObject({ ok: false, error: { code: 'population_rows_invalid', rowErrorCount: 250 } });
    if (!r.ok && r.error.code === 'population_rows_invalid') expect(r.error.rowErrors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6]);
  });

  it('answers the same, index and duplicates alike, when told the source length (duplicate-key table sized early)', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `K${i},2026-02-0${1 + (i % 9)}`);
    const good = Buffer.from(['Ticket,Closed on', ...rows].join('\n'));
    const opts = csvOpts({ mapping: { key: 'Ticket', date: 'Closed on' } });
    const plain = await importPopulation(chunked(good, 4096), opts);
    const sized = await importPopulation(chunked(good, 4096), { ...opts, sourceBytes: good.length });
    if (!plain.ok || !sized.ok) throw new Error('expected both imports to succeed');
    expect(sized.index.equals(plain.index)).toBe(true);
    expect(Buffer.concat([...sized.indexParts]).equals(plain.index)).toBe(true);
    const dup = Buffer.from(['Ticket,Closed on', ...rows, 'K7,2026-02-01', 'K4321,2026-02-01'].join('\n'));
    const r = await importPopulation(chunked(dup, 4096), { ...opts, sourceBytes: dup.length });
    expect(r).toMatchObject({ ok: false, error: { code: 'population_rows_invalid', rowErrorCount: 2, rowErrors: [{ code: 'duplicate_key', row: 5002, firstRow: 9 }, { code: 'duplicate_key', row: 5003, firstRow: 4323 }] } });
  });

  it('refuses a missing column, an empty file, an oversized file and too many rows', async () => {
    const base = 'Ticket,Closed on\nA,2026-01-05\nB,2026-01-06\nC,2026-01-07\n';
    expect(await importPopulation(chunked(Buffer.from(base)), csvOpts())).toMatchObject({
      ok: false,
      error: { code: 'population_column_not_found', role: 'description', column: 'Summary', available: ['Ticket', 'Closed on'] },
    });
    const m = { mapping: { key: 'ticket', date: 'CLOSED ON' } };
    expect(await importPopulation(chunked(Buffer.from(base)), csvOpts(m))).toMatchObject({ ok: true, stats: { rowCount: 3 } });
    expect(await importPopulation(chunked(Buffer.from('Ticket,Closed on\n')), csvOpts(m))).toMatchObject({ ok: false, error: { code: 'population_empty' } });
    expect(await importPopulation(chunked(Buffer.from('')), csvOpts(m))).toMatchObject({ ok: false, error: { code: 'population_header_missing' } });
    expect(await importPopulation(chunked(Buffer.from(base)), csvOpts({ ...m, limits: { maxBytes: 20 } }))).toEqual({ ok: false, error: { code: 'population_file_too_large', maxBytes: 20 } });
    expect(await importPopulation(chunked(Buffer.from(base)), csvOpts({ ...m, limits: { maxRows: 2 } }))).toEqual({ ok: false, error: { code: 'population_too_many_rows', maxRows: 2 } });
  });
});

describe('importPopulation (XLSX)', () => {
  async function workbook(rows: unknown[][], sheet = 'Changes', numFmt?: string) {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Read me').addRow(['This sheet is not the population']);
    const ws = wb.addWorksheet(sheet);
    for (const r of rows) ws.addRow(r);
    if (numFmt) ws.getColumn(2).numFmt = numFmt;
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const opts = (extra: Partial<TPopulationImportOptions> = {}): TPopulationImportOptions => ({
    format: 'xlsx',
    mapping: { key: 'Ticket', date: 'Closed on', amount: 'Amount' },
    period,
    xlsx: { worksheet: 'Changes' },
    ...extra,
  });

  it('reads date cells, ISO text and numbers from the named sheet, keeps sheet row numbers, and reads items back', async () => {
    const buf = await workbook([
      ['Ticket', 'Closed on', 'Amount'],
      ['CHG-1', new Date(Date.UTC(2026, 0, 5)), 12.5],
      [],
      ['CHG-2', '2026-02-10', 3],
      [1003, new Date(Date.UTC(2026, 5, 30, 18, 0)), '4,5'],
    ]);
    const r = await importPopulation(chunked(buf, 1000), opts());
    expect(r).toMatchObject({ ok: true, stats: { format: 'xlsx', sha256: sha(buf), bytes: buf.length, rowCount: 3, headerRow: 1, worksheet: 'Changes', firstDate: '2026-01-05', lastDate: '2026-06-30' } });
    if (!r.ok) return;
    const ix = openPopulationIndex(r.index);
    expect([...ix.rowNumbers]).toEqual([2, 4, 5]);
    const read = await readXlsxRows(ix, [2], chunked(buf, 1000), { worksheet: 'Changes' });
    expect(read.header).toEqual(['Ticket', 'Closed on', 'Amount']);
    expect(read.rows).toEqual([{ ordinal: 2, rowNumber: 5, cells: ['1003', '2026-06-30T18:00:00.000Z', '4,5'] }]);
    const other = await workbook([['Ticket', 'Closed on'], ['X', '2026-01-01']]);
    await expect(readXlsxRows(ix, [0], chunked(other, 1000), { worksheet: 'Changes' })).rejects.toThrow(PopulationSourceMismatchError);
  });

  it('refuses dates outside the period, unformatted numbers as dates and duplicates, by sheet row', async () => {
    const buf = await workbook([
      ['Ticket', 'Closed on', 'Amount'],
      ['A', new Date(Date.UTC(2025, 11, 31)), 1],
      ['B', 46030, 1],
      ['A', '2026-01-06', 1],
    ]);
    const r = await importPopulation(chunked(buf, 1000), opts());
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'population_rows_invalid',
        rowCount: 3,
        rowErrorCount: 3,
        rowErrors: [
          { row: 2, code: 'date_outside_period', value: '2025-12-31' },
          { row: 3, code: 'unparseable_date', value: '46030' },
          { row: 4, code: 'duplicate_key', value: 'A', firstRow: 2 },
        ],
      },
    });
  });

  it('refuses an unknown worksheet and a file that is not a workbook', async () => {
    const buf = await workbook([['Ticket', 'Closed on', 'Amount'], ['A', '2026-01-06', 1]]);
    expect(await importPopulation(chunked(buf, 1000), opts({ xlsx: { worksheet: 'Nope' } }))).toEqual({
      ok: false,
      error: { code: 'population_worksheet_not_found', worksheet: 'Nope', available: ['Read me', 'Changes'] },
    });
    expect(await importPopulation(chunked(Buffer.from('Ticket,Closed on\nA,2026-01-06\n')), opts())).toMatchObject({ ok: false, error: { code: 'population_malformed_xlsx' } });
  });
});
