import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { declaredUnzippedSize } from './zip-size.ts';

/** A one-entry zip whose directory declares `declared` bytes, whatever it really holds. */
function zipDeclaring(declared: number): Buffer {
  const name = Buffer.from('xl/workbook.xml');
  const data = deflateRawSync(Buffer.alloc(10));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const cdOffset = 30 + name.length + data.length;
  const cd = Buffer.alloc(46);
  cd.writeUInt32LE(0x02014b50, 0);
  cd.writeUInt16LE(8, 10);
  cd.writeUInt32LE(data.length, 20);
  cd.writeUInt32LE(declared, 24);
  cd.writeUInt16LE(name.length, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + name.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, cd, name, eocd]);
}

describe('declared unzipped size', () => {
  it('reads what a real workbook declares', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('requirements').addRow(['ref', 'title_en']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const size = declaredUnzippedSize(buf)!;
    expect(size).toBeGreaterThan(buf.length);
    expect(size).toBeLessThan(1024 * 1024);
  });

  it('sees a bomb before inflating it, and refuses what is not a zip', () => {
    expect(declaredUnzippedSize(zipDeclaring(4_000_000_000))).toBe(4_000_000_000);
    expect(declaredUnzippedSize(Buffer.from('ref,title\nA.1,x\n'))).toBeNull();
  });
});
