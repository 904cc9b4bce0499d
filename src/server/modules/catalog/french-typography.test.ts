import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOGS_DIR, readCatalogDir } from './catalog-files.ts';

/*
 * French typography and vocabulary, checked over every French string a person sees in the web
 * UI (fr.json) and in the built-in catalogs. A failure names the string and the rule it breaks.
 */

const I18N_DIR = path.resolve(import.meta.dirname, '../../../web/i18n');
// The shell's fr.json and every module's `modules/<namespace>.fr.json`.
const FR_FILES = ['fr.json', ...fs.readdirSync(path.join(I18N_DIR, 'modules')).filter((f) => f.endsWith('.fr.json')).map((f) => `modules/${f}`)];

type TText = { where: string; text: string };

function webStrings(): TText[] {
  const out: TText[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') out.push({ where: key, text: v });
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${key}${key.endsWith(' ') ? '' : '.'}${k}`);
  };
  for (const file of FR_FILES) walk(JSON.parse(fs.readFileSync(path.join(I18N_DIR, file), 'utf8')), `${file} `);
  return out;
}

function catalogStrings(): TText[] {
  const set = readCatalogDir(BUILT_IN_CATALOGS_DIR);
  expect(set.issues).toEqual([]);
  const out: TText[] = [];
  const add = (where: string, t: { fr: string } | null | undefined) => {
    if (t) out.push({ where, text: t.fr });
  };
  for (const { file, framework: f } of set.frameworks) {
    for (const k of ['title', 'shortTitle', 'edition', 'publisher', 'description'] as const) add(`${file} framework.${k}`, f[k]);
    for (const r of f.requirements) {
      for (const k of ['title', 'description', 'label'] as const) add(`${file} ${r.ref} ${k}`, r[k]);
      add(`${file} ${r.ref} dateSource`, r.extra.dateSource);
    }
  }
  for (const { file, crosswalk } of set.crosswalks) for (const m of crosswalk.mappings) add(`${file} ${m.from} → ${m.to} rationale`, m.rationale);
  return out;
}

/** One term per concept: the variant found, and the term to use instead. */
const TERMS: [RegExp, string][] = [
  [/double authentification|authentification (?:multi-?facteurs?|forte|à 2 facteurs|en deux étapes)|\b(?:2FA|A2F|MFA)\b/i, 'authentification à deux facteurs'],
  [/organisme certificateur|organisme d[’']audit|\bcertificateurs?\b/i, 'organisme de certification'],
  // The auditee is an "organisation"; "organisme" alone would leave the reader guessing which one.
  [/\borganismes?\b(?! (?:de certification|d[’']accréditation|notifiés?|de droit public))/i, 'organisation (auditee) or organisme de certification (body)'],
  [/\b(?:entreprise|société) (?:auditée|candidate)\b/i, 'organisation'],
];

function problems(texts: TText[]) {
  const found: string[] = [];
  for (const { where, text } of texts) {
    if (text.includes("'")) found.push(`${where}: straight apostrophe, use ’ — "${text}"`);
    // A space before : ; ? ! » or after « must not break: non-breaking space, as everywhere in fr.json.
    if (/ [:;?!»]|« /.test(text)) found.push(`${where}: breaking space around : ; ? ! « », use a non-breaking space — "${text}"`);
    for (const [re, term] of TERMS) {
      const m = re.exec(text);
      if (m) found.push(`${where}: "${m[0]}", say "${term}"`);
    }
  }
  return found;
}

describe('French typography and vocabulary', () => {
  it('the web UI strings use ’, non-breaking spaces and one term per concept', () => {
    expect(problems(webStrings())).toEqual([]);
  });

  it('the built-in catalogs do too', () => {
    const texts = catalogStrings();
    expect(texts.length).toBeGreaterThan(1000);
    expect(problems(texts)).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    const bad = ['L\'organisation', 'Activez la double authentification', 'Note : ceci', 'L’organisme certificateur', 'le « SMIA »', 'l’organisme revoit'];
    expect(problems(bad.map((text, i) => ({ where: `#${i}`, text })))).toHaveLength(bad.length + 1);
    const good = ['L’organisation', 'l’authentification à deux facteurs', 'Note\u00a0: ceci', 'l’organisme de certification', 'les organismes notifiés', 'l’organisme d’accréditation', 'le «\u00a0SMIA\u00a0»'];
    expect(problems(good.map((text, i) => ({ where: `#${i}`, text })))).toEqual([]);
  });
});
