import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalBlobStore } from '../../../platform/blob-store/blob-store.ts';
import { buildSoc2ReportDocument } from '../documents/build-soc2-report.ts';
import { lumiereReportModel } from '../documents/soc2-report-fixture.ts';
import { cityOf, systemNameOf } from './report-model.ts';
import { filesList, modelSha256, renderAndStore } from './report-common.ts';

const dirs: string[] = [];
const store = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soc2-report-'));
  dirs.push(dir);
  return { dir, blobs: createLocalBlobStore(dir, 50 * 1024 * 1024) };
};
const objects = (dir: string) => (fs.existsSync(path.join(dir, 'objects')) ? fs.readdirSync(path.join(dir, 'objects'), { recursive: true }).filter((f) => String(f).length > 10) : []);
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('issuing SOC 2 documents', () => {
  it('stores the four files only once all four rendered: a failure in the last language leaves no blob', async () => {
    const { dir, blobs } = store();
    await expect(
      renderAndStore(blobs, (lang) => {
        if (lang === 'fr') throw new Error('rendering failed');
        return buildSoc2ReportDocument(lumiereReportModel(lang, { controls: 3 }), lang);
      }),
    ).rejects.toThrow('rendering failed');
    expect(objects(dir)).toEqual([]);

    const files = await renderAndStore(blobs, (lang) => buildSoc2ReportDocument(lumiereReportModel(lang, { controls: 3 }), lang));
    expect(filesList(files).map((f) => `${f.locale}.${f.format}`)).toEqual(['en.pdf', 'en.docx', 'fr.pdf', 'fr.docx']);
    expect(objects(dir)).toHaveLength(4);
  });

  it('hashes the model in its canonical form: key order does not matter, a changed word does', () => {
    const m = { en: { a: 1, b: 'x' }, fr: { b: 'x', a: 1 } };
    expect(modelSha256(m)).toBe(modelSha256({ fr: { a: 1, b: 'x' }, en: { b: 'x', a: 1 } }));
    expect(modelSha256(m)).not.toBe(modelSha256({ ...m, fr: { a: 1, b: 'y' } }));
  });

  it('reads the signing city from the firm’s address and the system’s name from the scope', () => {
    expect(cityOf('14 rue du Louvre, 75001 Paris')).toBe('Paris');
    expect(cityOf('12 rue de la Paix, 75002 Paris, France')).toBe('Paris');
    expect(cityOf('1 Main Street\nNew York')).toBe('New York');
    expect(cityOf('')).toBe('');
    expect(systemNameOf('Lumière Pay.\nScoring API, back office', 'Lumière Crédit')).toBe('Lumière Pay');
    expect(systemNameOf('  ', 'Lumière Crédit')).toBe('Lumière Crédit');
  });
});
