import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOGS_DIR } from '../../src/server/modules/catalog/catalog-files.ts';
import { loadCatalogs } from '../../src/server/modules/catalog/catalog-loader.ts';
import { CatalogError } from '../../src/server/modules/catalog/catalog-validate.ts';
import { backendAvailable, createTestApp, tenantWithOwner, type TClient, type TTestApp } from '../support/test-app.ts';

const ID = 'iso-iec-42001-2023';
/** The version of the built-in file, and the one a content change publishes. */
const V = '2023-r2';
const NEXT = '2023-r3';

describe.skipIf(!backendAvailable)('catalog loading at start-up: versions are never rewritten', () => {
  let t: TTestApp;
  let c: TClient;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-catalogs-'));
  const file = path.join(dir, `${ID}.yaml`);
  let original = '';
  const versions = () => t.p.db.selectFrom('catalog_frameworks').select(['version', 'is_current']).where('id', '=', ID).orderBy('loaded_at').execute();
  const mappingCount = async (id: string) =>
    ((await c.get('/api/catalog/frameworks')).json().items as { id: string; mappingCount: number }[]).find((f) => f.id === id)!.mappingCount;

  beforeAll(async () => {
    t = await createTestApp();
    c = (await tenantWithOwner(t)).c;
    fs.cpSync(BUILT_IN_CATALOGS_DIR, dir, { recursive: true });
    original = fs.readFileSync(file, 'utf8');
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a repeat start-up with unchanged files costs one query and changes nothing', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    expect(await loadCatalogs(t.p.db.withPlugin(counter), { dir })).toEqual({ inserted: [], madeCurrent: [], crosswalks: [] });
    expect(queries).toBe(1);
  });

  it('refuses changed content under an already-loaded version, naming the file and line', async () => {
    fs.writeFileSync(file, original.replace('"Verification and validation"', '"Verification, validation and testing"'));
    const err = await loadCatalogs(t.p.db, { dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CatalogError);
    const versionLine = original.split('\n').findIndex((l) => l.includes(`version: "${V}"`)) + 1;
    expect((err as Error).message).toContain(`${file}:${versionLine}: framework "${ID}" version "${V}" is already loaded with different content: change \`version\``);
    expect(await versions()).toEqual([{ version: V, is_current: true }]);
  });

  it('loads a new version beside the old one, makes it current and re-binds the crosswalks', async () => {
    const before = await mappingCount('iso-iec-27001-2022');
    fs.writeFileSync(file, original.replace('"Verification and validation"', '"Verification, validation and testing"').replace(`version: "${V}"`, `version: "${NEXT}"`));
    const summary = await loadCatalogs(t.p.db, { dir });
    expect(summary.inserted).toEqual([`${ID}@${NEXT}`]);
    expect(summary.crosswalks.sort()).toEqual([`${ID}--eu-ai-act-2024`, `${ID}--iso-iec-27001-2022`, `nist-ai-rmf-1.0--${ID}`]);
    expect(await versions()).toEqual([
      { version: V, is_current: false },
      { version: NEXT, is_current: true },
    ]);

    const current = (await c.get(`/api/catalog/frameworks/${ID}/requirements/A.6.2.4`)).json();
    expect(current.framework.version).toBe(NEXT);
    expect(current.requirement.title.en).toBe('Verification, validation and testing');
    expect(current.mappings.length).toBeGreaterThan(0);
    // What an assessment recorded against the previous version still reads the same.
    const old = (await c.get(`/api/catalog/frameworks/${ID}/requirements/A.6.2.4?version=${V}`)).json();
    expect(old.requirement.title.en).toBe('Verification and validation');
    // Mappings of the superseded version do not count twice.
    expect(await mappingCount('iso-iec-27001-2022')).toBe(before);
    expect(await mappingCount(ID)).toBe(36 + 57 + 163);
  });

  it('replaces a crosswalk whose file changed, without a framework version change', async () => {
    const cw = path.join(dir, 'mappings', 'iso-iec-27001-2022--soc2-tsc-2017.yaml');
    const text = fs.readFileSync(cw, 'utf8');
    const rationale = text.match(/en: "(Employment terms[^"]*)"/)![1]!;
    fs.writeFileSync(cw, text.replace(rationale, 'Employment terms bind staff to security conduct.'));
    expect((await loadCatalogs(t.p.db, { dir })).crosswalks).toEqual(['iso-iec-27001-2022--soc2-tsc-2017']);
    const m = (await c.get('/api/catalog/frameworks/soc2-tsc-2017/requirements/CC1.1')).json().mappings as { rationale: { en: string } }[];
    expect(m.map((x) => x.rationale.en)).toContain('Employment terms bind staff to security conduct.');
  });

  it('going back to a loaded version makes it current again', async () => {
    fs.writeFileSync(file, original);
    const summary = await loadCatalogs(t.p.db, { dir });
    expect(summary).toMatchObject({ inserted: [], madeCurrent: [`${ID}@${V}`] });
    expect((await c.get(`/api/catalog/frameworks/${ID}`)).json().version).toBe(V);
  });

  it('stops on invalid YAML with file:line: reason', async () => {
    fs.writeFileSync(file, original.replace('title: { en: "AI policy", fr: "Politique IA" }', 'title: { en: "AI policy" }'));
    await expect(loadCatalogs(t.p.db, { dir })).rejects.toThrow(new RegExp(`${file.replace(/\./g, '\\.')}:\\d+: requirement "5\\.2": title\\.fr is missing`));
  });
});
