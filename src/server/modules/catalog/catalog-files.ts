import fs from 'node:fs';
import path from 'node:path';
import type { TCrosswalk, TFramework } from './catalog-format.ts';
import { declaredRefs, validateCrosswalk, validateFramework, type TIssue } from './catalog-validate.ts';
import { yamlSource } from './catalog-yaml.ts';

/** The built-in catalogs shipped with the code: `catalogs/` at the repository root. */
export const BUILT_IN_CATALOGS_DIR = path.resolve(import.meta.dirname, '../../../../catalogs');

export type TFrameworkFile = { file: string; idLine: number; versionLine: number; framework: TFramework };
export type TCrosswalkFile = { file: string; crosswalk: TCrosswalk };
export type TCatalogSet = { frameworks: TFrameworkFile[]; crosswalks: TCrosswalkFile[]; issues: TIssue[] };

/** Paths as a person types them from where they stand; outside the working directory, absolute. */
function displayPath(abs: string) {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

const yamlFiles = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
        .sort()
        .map((f) => path.join(dir, f))
    : [];

/**
 * Reads and validates every framework (`<id>.yaml`) and crosswalk (`mappings/<source>--<target>.yaml`).
 * Crosswalks are checked against the frameworks of the same set, so a ref renamed in a framework
 * shows up as an error in the crosswalk that still uses the old one.
 */
export function readCatalogDir(dir: string): TCatalogSet {
  const issues: TIssue[] = [];
  const frameworks: TFrameworkFile[] = [];
  const byId = new Map<string, TFrameworkFile>();
  const brokenRefs = new Map<string, Set<string>>();
  if (!fs.existsSync(dir)) return { frameworks, crosswalks: [], issues: [{ file: displayPath(dir), line: 1, reason: 'catalog folder not found' }] };

  for (const abs of yamlFiles(dir)) {
    const file = displayPath(abs);
    const source = yamlSource(fs.readFileSync(abs, 'utf8'), file);
    const res = validateFramework(source);
    issues.push(...res.issues);
    if (!res.framework) {
      const declared = declaredRefs(source);
      if (declared.id && !brokenRefs.has(declared.id)) brokenRefs.set(declared.id, declared.refs);
      continue;
    }
    const fw = res.framework;
    const idLine = source.locate(['framework', 'id']).line;
    const expected = path.basename(abs).replace(/\.ya?ml$/, '');
    if (fw.id !== expected) {
      issues.push({ file, line: idLine, reason: `framework id "${fw.id}" does not match the file name (expected "${expected}")` });
      continue;
    }
    const dup = byId.get(fw.id);
    if (dup) {
      issues.push({ file, line: idLine, reason: `framework id "${fw.id}" is already defined in ${dup.file}` });
      continue;
    }
    const entry = { file, idLine, versionLine: source.locate(['framework', 'version']).line, framework: fw };
    byId.set(fw.id, entry);
    frameworks.push(entry);
  }

  const refsOf = (id: string) => {
    const f = byId.get(id);
    return f ? new Set(f.framework.requirements.map((r) => r.ref)) : (brokenRefs.get(id) ?? null);
  };
  const crosswalks: TCrosswalkFile[] = [];
  const pairs = new Map<string, string>();
  for (const abs of yamlFiles(path.join(dir, 'mappings'))) {
    const file = displayPath(abs);
    const source = yamlSource(fs.readFileSync(abs, 'utf8'), file);
    const res = validateCrosswalk(source, refsOf);
    issues.push(...res.issues);
    if (!res.crosswalk) continue;
    const { source: s, target: t } = res.crosswalk;
    const expected = `${s}--${t}`;
    if (path.basename(abs).replace(/\.ya?ml$/, '') !== expected) {
      issues.push({ file, line: source.locate(['source']).line, reason: `the file name must be "${expected}.yaml" (source--target)` });
      continue;
    }
    const pair = [s, t].sort().join(' ');
    if (pairs.has(pair)) {
      issues.push({ file, line: source.locate(['source']).line, reason: `${s} and ${t} are already mapped in ${pairs.get(pair)}` });
      continue;
    }
    pairs.set(pair, file);
    crosswalks.push({ file, crosswalk: res.crosswalk });
  }
  return { frameworks, crosswalks, issues };
}

const memo = new Map<string, { signature: string; set: TCatalogSet }>();

/** Same as readCatalogDir, remembered while no file changes: tests open many apps per process. */
export function readCatalogDirCached(dir: string): TCatalogSet {
  const files = [...yamlFiles(dir), ...yamlFiles(path.join(dir, 'mappings'))];
  const signature = files
    .map((f) => {
      const s = fs.statSync(f);
      return `${f}:${s.size}:${s.mtimeMs}`;
    })
    .join('|');
  const hit = memo.get(dir);
  if (hit && hit.signature === signature) return hit.set;
  const set = readCatalogDir(dir);
  memo.set(dir, { signature, set });
  return set;
}
