import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOGS_DIR } from './catalog-files.ts';

const CLI = path.resolve(import.meta.dirname, '../../../cli/main.ts');
const attest = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('attest catalog check', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-catalogs-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('exits 0 on the built-in catalogs and prints the counts per framework and kind', () => {
    const res = attest('catalog', 'check');
    expect(res.status, res.stderr).toBe(0);
    const row = (fw: string, version: string, kind: string, n: number) => new RegExp(`^${fw}\\s+${version}\\s+${kind}\\s+${n}$`, 'm');
    expect(res.stdout).toMatch(row('iso-iec-42001-2023', '2023-r2', 'clause', 43));
    expect(res.stdout).toMatch(/^\s+control\s+38$/m);
    expect(res.stdout).toMatch(/^\s+criterion\s+61$/m);
    expect(res.stdout).toMatch(/^\s+control\s+93$/m);
    expect(res.stdout).toMatch(/^\s+subcategory\s+72$/m);
    expect(res.stdout).toMatch(/^\s+area\s+8$/m);
    expect(res.stdout).toMatch(/^nist-ai-rmf-1\.0 → iso-iec-42001-2023\s+\d+\s+intersects/m);
    expect(res.stdout).toMatch(/^OK: 5 frameworks, \d+ requirements, 4 crosswalks, \d+ mappings\.$/m);
  });

  it('exits 1 naming file:line: reason for a wrong parent, a duplicate, a missing French title and a wrong crosswalk ref', () => {
    fs.cpSync(BUILT_IN_CATALOGS_DIR, tmp, { recursive: true });
    const file = path.join(tmp, 'iso-iec-42001-2023.yaml');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = (needle: string, from = 0) => lines.findIndex((l, i) => i >= from && l.includes(needle));
    const ref42 = at('- ref: "4.2"');
    lines[ref42 + 2] = '    parent: "44"';
    lines[ref42 + 3] = '    title: { en: "Interested parties" }';
    lines[at('- ref: "5.3"')] = '  - ref: "5.2"';
    fs.writeFileSync(file, lines.join('\n'));
    const cw = path.join(tmp, 'mappings', 'iso-iec-27001-2022--soc2-tsc-2017.yaml');
    fs.writeFileSync(cw, fs.readFileSync(cw, 'utf8').replace('to: "CC1.1"', 'to: "CC1.9"'));

    const res = attest('catalog', 'check', '--dir', tmp);
    expect(res.status).toBe(1);
    const err = res.stderr;
    expect(err).toContain(`${file}:${ref42 + 3}: requirement "4.2": parent "44" does not exist`);
    expect(err).toContain(`${file}:${ref42 + 4}: requirement "4.2": title.fr is missing`);
    expect(err).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}:\\d+: duplicate ref "5\\.2" \\(first defined at line \\d+\\)`));
    expect(err).toMatch(/iso-iec-27001-2022--soc2-tsc-2017\.yaml:\d+: to "CC1\.9" does not exist in soc2-tsc-2017/);
    expect(err).toMatch(/problems found: the server would refuse to start\.$/m);
  });

  it('exits 1 on a French string that is missing or is the English text, naming file:line', () => {
    fs.cpSync(BUILT_IN_CATALOGS_DIR, tmp, { recursive: true });
    const file = path.join(tmp, 'eu-ai-act-2024.yaml');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
    const publisher = at('  publisher:');
    lines[publisher] = '  publisher: { en: "European Union" }';
    const chapter = at('label: { en: "Chapter II"');
    lines.splice(chapter, 1);
    fs.writeFileSync(file, lines.join('\n'));
    const cw = path.join(tmp, 'mappings', 'iso-iec-42001-2023--eu-ai-act-2024.yaml');
    const text = fs.readFileSync(cw, 'utf8');
    const english = text.match(/en: "([^"]+)"/)![1]!;
    const copied = text.replace(/(en: "[^"]+"\s+fr: ")[^"]+"/, `$1${english}"`);
    fs.writeFileSync(cw, copied);

    const res = attest('catalog', 'check', '--dir', tmp);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain(`${file}:${publisher + 1}: framework.publisher.fr is missing`);
    expect(res.stderr).toContain(`${file}:${chapter}: requirement "Chapter II": label.fr is missing: a ref written in words needs its French form`);
    const line = copied.split('\n').findIndex((l) => l.includes(`fr: "${english}"`)) + 1;
    expect(res.stderr).toContain(`${cw}:${line}: mapping #1: rationale.fr is the English text: write its French form`);
  });
});
