import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntries } from '../../src/server/platform/archive/zip-reader.ts';
import { backendAvailable, createTestApp, tenantWithOwner, type TTestApp } from '../support/test-app.ts';
import { deflatedZeros, rawEntry, zipOf, type TRawEntry } from '../support/zip-bomb.ts';

const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const MB = 1024 * 1024;

async function validWorkbook(id: string) {
  const wb = new ExcelJS.Workbook();
  const fs = wb.addWorksheet('Framework');
  fs.addRow(['field', 'value']);
  const header = { id, version: '1', edition_en: 'Bomb 1', edition_fr: 'Bombe 1', publisher_en: 'Nobody', publisher_fr: 'Personne', title_en: 'Harmless', title_fr: 'Inoffensif', description_en: 'x', description_fr: 'x' };
  for (const [k, v] of Object.entries(header)) fs.addRow([k, v]);
  const rs = wb.addWorksheet('Requirements');
  rs.addRow(['ref', 'kind', 'parent', 'normative', 'title_en', 'title_fr']);
  rs.addRow(['R1', 'control', null, true, 'Keep a register', 'Tenir un registre']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook's own entries, re-packed with `extra` beside (or instead of) them. */
async function withEntry(workbook: Buffer, extra: TRawEntry) {
  const entries = await readZipEntries(workbook, () => true, { maxUnpackedBytes: 10 * MB, maxEntries: 100 });
  return zipOf([...[...entries].filter(([name]) => name !== extra.name).map(([name, data]) => rawEntry(name, data)), extra]);
}

/** The largest RSS seen while `work` runs, above what it was just before (sampled every 5 ms). */
async function peakRssGrowth(work: () => Promise<unknown>) {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return (Math.max(peak, process.memoryUsage.rss()) - before) / MB;
}

describe.skipIf(!backendAvailable)('catalog XLSX import: archives that lie about their sizes', () => {
  let t: TTestApp;
  let owner: Awaited<ReturnType<typeof tenantWithOwner>>;
  const importUrl = () => `/api/tenants/${owner.tenant.id}/catalog/frameworks/import`;
  const stored = async () => t.p.db.selectFrom('catalog_frameworks').select('id').where('owner_tenant_id', '=', owner.tenant.id).execute();
  let zeros: Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await tenantWithOwner(t, 'certification_body');
    zeros = deflatedZeros(4 * 1024 * MB);
  });
  afterAll(() => t?.close());

  it('refuses a valid workbook carrying 4 GB of zeros that declare 100 bytes, with flat memory, and stores nothing', async () => {
    const bombs = [
      { name: 'xl/media/image1.png', packed: zeros, method: 8 as const, size: 100, crc: 0 },
      { name: 'xl/sharedStrings.xml', packed: zeros, method: 8 as const, size: 100, crc: 0 },
    ];
    for (const bomb of bombs) {
      const body = await withEntry(await validWorkbook(`bomb-${bombs.indexOf(bomb)}`), bomb);
      expect(body.length).toBeLessThan(5 * MB);
      let res!: Awaited<ReturnType<typeof owner.c.post>>;
      const started = performance.now();
      const growth = await peakRssGrowth(async () => (res = await owner.c.post(importUrl(), body, XLSX)));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toMatch(new RegExp(`^Workbook: the file is not a readable XLSX workbook: the archive is malformed: entry "${bomb.name}" declares 100 bytes unpacked`));
      expect(res.json().message).toMatch(/Nothing was imported\.$/);
      expect(growth, `RSS grew by ${growth.toFixed(1)} MB`).toBeLessThan(64);
      expect(performance.now() - started).toBeLessThan(5000);
    }
    expect(await stored()).toEqual([]);
  });

  it('stops inflating a needed part that lies plausibly, within the memory bound', async () => {
    // 4 MB of packed zeros could honestly unpack to 4 GB; this part declares 40 MB and holds 4 GB.
    const body = await withEntry(await validWorkbook('bomb-plausible'), { name: 'xl/worksheets/sheet2.xml', packed: zeros, method: 8, size: 40 * MB, crc: 0 });
    let res!: Awaited<ReturnType<typeof owner.c.post>>;
    const growth = await peakRssGrowth(async () => (res = await owner.c.post(importUrl(), body, XLSX)));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/sheet2\.xml" unpacks to more than the 41943040 bytes it declares/);
    expect(growth, `RSS grew by ${growth.toFixed(1)} MB`).toBeLessThan(64);
    expect(await stored()).toEqual([]);
  });

  it('ignores parts an importer does not need, and still imports a normal workbook', async () => {
    const honestJunk = rawEntry('xl/media/image1.png', Buffer.alloc(2 * MB, 7));
    const res = await owner.c.post(importUrl(), await withEntry(await validWorkbook('normal-book'), honestJunk), XLSX);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'created', framework: { id: 'normal-book', counts: { control: 1 } } });
  });

  it('caps concurrent imports with a 429 that says to retry, and frees the slots afterwards', async () => {
    const releases: (() => void)[] = [];
    const held = [0, 1].map(() => t.p.archiveGate.run(() => new Promise<void>((r) => releases.push(r))));
    const busy = await owner.c.post(importUrl(), await validWorkbook('busy-book'), XLSX);
    expect(busy.statusCode).toBe(429);
    expect(busy.headers['retry-after']).toBe('60');
    expect(busy.json().details).toMatchObject({ retryAfterMinutes: 1 });
    expect(busy.json().message).toMatch(/Too many imports .* Try again in 1 minute/);
    for (const r of releases) r();
    await Promise.all(held);
    const after = await owner.c.post(importUrl(), await validWorkbook('busy-book'), XLSX);
    expect(after.statusCode, after.body).toBe(201);
  });
});
