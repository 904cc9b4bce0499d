import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageKeys, t } from '../../server/platform/i18n/messages.ts';
import { ERROR_CODES, FIELD_ISSUES } from '../../shared/contracts/errors.ts';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, file), 'utf8'));
// The shell's file plus every module's namespace file, as resources.ts merges them.
const load = (lang: string) => {
  const merged: Record<string, unknown> = read(`${lang}.json`);
  for (const file of fs.readdirSync(path.join(import.meta.dirname, 'modules')).filter((f) => f.endsWith(`.${lang}.json`)))
    merged[file.slice(0, -`.${lang}.json`.length)] = read(path.join('modules', file));
  return merged;
};
const flatten = (o: Record<string, unknown>, prefix = ''): [string, unknown][] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, v]]));

describe('translations', () => {
  const en = new Map(flatten(load('en')));
  const fr = new Map(flatten(load('fr')));

  it('the web app has the same keys in English and French, none empty', () => {
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [k, v] of [...en, ...fr]) expect(typeof v === 'string' && v.trim().length > 0, k).toBe(true);
  });

  it('French strings keep the same interpolation variables', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    // A singular plural form may spell the number out (« Premier résultat ») instead of {{count}}.
    for (const [k, v] of en) if (!k.endsWith('_one')) expect(vars(fr.get(k)), k).toEqual(vars(v));
  });

  it('every error code and field issue has its sentence in both languages', () => {
    for (const map of [en, fr]) {
      for (const code of ERROR_CODES) expect(map.has(`errors.codes.${code}`), code).toBe(true);
      for (const issue of FIELD_ISSUES) expect(map.has(`errors.fields.${issue}`) || map.has(`errors.fields.${issue}_other`), issue).toBe(true);
    }
  });

  it('server strings (e-mails) exist in both languages, in real French', () => {
    expect(messageKeys('fr').sort()).toEqual(messageKeys('en').sort());
    const body = t('fr', 'invite.body', { tenant: 'Lumière Crédit', inviter: 'Claire', role: 'Auditeur', link: 'x', expires: '30 novembre 2026' });
    expect(body).toContain('« Lumière Crédit »');
    expect(t('fr', 'invite.html', { tenant: '<script>' }, true)).toContain('&lt;script&gt;');
  });
});
