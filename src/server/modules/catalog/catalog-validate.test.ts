import { describe, expect, it } from 'vitest';
import { validateCrosswalk, validateFramework } from './catalog-validate.ts';
import { yamlSource } from './catalog-yaml.ts';

const HEADER = `framework:
  id: demo-fw
  version: "1"
  edition: { en: "Demo 1", fr: "Démo 1" }
  publisher: { en: "Demo", fr: "Démo" }
  title: { en: "Demo", fr: "Démo" }
  description: { en: "A demo.", fr: "Une démo." }
requirements:
`;
const entry = (ref: string, parent: string | null, more = '') =>
  `  - ref: "${ref}"
    kind: clause
    parent: ${parent === null ? 'null' : `"${parent}"`}
    title: { en: "T ${ref}", fr: "T ${ref} fr" }
${more}`;

const check = (yaml: string) => validateFramework(yamlSource(yaml, 'demo-fw.yaml'));
const lineOf = (yaml: string, needle: string) => yaml.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('catalog validation: frameworks', () => {
  it('accepts a well-formed framework, fills defaults and hashes its content', () => {
    const yaml = HEADER + entry('4', null) + entry('4.1', '4', '    documentedInformation: retained\n');
    const { framework, issues } = check(yaml);
    expect(issues).toEqual([]);
    expect(framework!.requirements.map((r) => [r.ref, r.parentRef, r.position, r.normative])).toEqual([
      ['4', null, 0, true],
      ['4.1', '4', 1, true],
    ]);
    expect(framework!.requirements[0]!.description).toEqual({ en: '', fr: '' });
    expect(framework!.requirements[1]!.documentedInformation).toBe('retained');
    expect(framework!.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes content, not formatting: comments do not count, a changed title does', () => {
    const yaml = HEADER + entry('4', null);
    const base = check(yaml).framework!.contentHash;
    expect(check(`# a comment\n${yaml}\n# another`).framework!.contentHash).toBe(base);
    expect(check(yaml.replace('T 4 fr', 'Titre 4')).framework!.contentHash).not.toBe(base);
  });

  it('names the file, line and reason of a missing French title', () => {
    const yaml = HEADER + entry('4', null) + `  - ref: "4.1"\n    kind: clause\n    parent: "4"\n    title: { en: "Only English" }\n`;
    expect(check(yaml).issues).toEqual([{ file: 'demo-fw.yaml', line: lineOf(yaml, 'Only English'), reason: 'requirement "4.1": title.fr is missing' }]);
  });

  it('wants a French label for a ref written in words, and a French text that is not the English one', () => {
    const yaml = HEADER + entry('Chapter I', null) + entry('Annex A', null, '    label: { en: "Annex A", fr: "Annexe A" }\n') + entry('GOVERN 1.1', null)
      + entry('4', null, '    description: { en: "Keep the register up to date.", fr: "Keep the register up to date." }\n');
    expect(check(yaml).issues).toEqual([
      { file: 'demo-fw.yaml', line: lineOf(yaml, '"Chapter I"'), reason: 'requirement "Chapter I": label.fr is missing: a ref written in words needs its French form (label: { en: "Chapter I", fr: "…" })' },
      { file: 'demo-fw.yaml', line: lineOf(yaml, 'fr: "Keep'), reason: 'requirement "4": description.fr is the English text: write its French form' },
    ]);
  });

  it('reports a duplicate ref at the second occurrence, pointing at the first', () => {
    const yaml = HEADER + entry('4', null) + entry('4', null);
    const second = yaml.split('\n').map((l, i) => [l, i + 1] as const).filter(([l]) => l.includes('ref: "4"'))[1]![1];
    expect(check(yaml).issues).toEqual([{ file: 'demo-fw.yaml', line: second, reason: `duplicate ref "4" (first defined at line ${lineOf(yaml, 'ref: "4"')})` }]);
  });

  it('reports a missing parent, and a parent listed after its child', () => {
    const missing = HEADER + entry('4', null) + entry('4.1', '5');
    expect(check(missing).issues).toEqual([{ file: 'demo-fw.yaml', line: lineOf(missing, 'parent: "5"'), reason: 'requirement "4.1": parent "5" does not exist' }]);
    const late = HEADER + entry('4.1', '4') + entry('4', null);
    expect(check(late).issues[0]!.reason).toBe(`requirement "4.1": parent "4" comes after its child (at line ${lineOf(late, 'ref: "4"')}): list parents first`);
    const self = HEADER + entry('4', '4');
    expect(check(self).issues[0]!.reason).toBe('requirement "4" names itself as its parent');
  });

  it('wants refs and versions quoted: YAML reads 4.10 as the number 4.1', () => {
    const yaml = HEADER + `  - ref: 4.10\n    kind: clause\n    title: { en: "x", fr: "x" }\n`;
    expect(check(yaml).issues[0]!.reason).toMatch(/^requirement #1: ref must be a quoted string/);
    expect(check(HEADER.replace('version: "1"', 'version: 1') + entry('4', null)).issues[0]!.reason).toMatch(/^framework\.version must be a quoted string/);
  });

  it('rejects unknown fields, unknown kinds, impossible dates and a bad framework id', () => {
    const yaml =
      HEADER.replace('id: demo-fw', 'id: Demo_FW') +
      entry('4', null, '    documentedInfo: retained\n') +
      `  - ref: "5"\n    kind: chapter\n    title: { en: "x", fr: "x" }\n` +
      entry('6', null, '    appliesFrom: "2026-02-30"\n');
    const reasons = check(yaml).issues.map((i) => i.reason);
    expect(reasons).toEqual([
      expect.stringMatching(/^framework\.id must be kebab-case/),
      'requirement "4": documentedInfo is not a known field (check its spelling)',
      expect.stringMatching(/^requirement "5": kind must be one of clause, objective/),
      'requirement "6": appliesFrom is not a real date',
    ]);
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    const broken = check(HEADER + '  - ref: "4"\n    kind: [clause\n');
    expect(broken.framework).toBeNull();
    expect(broken.issues[0]!.reason).toMatch(/^YAML: /);
    const dupKey = HEADER + entry('4', null).replace('kind: clause', 'kind: clause\n    kind: control');
    expect(check(dupKey).issues[0]).toMatchObject({ line: lineOf(dupKey, 'kind: control'), reason: expect.stringMatching(/^YAML: Map keys must be unique/) });
  });

  it('needs at least one requirement', () => {
    expect(check(HEADER + '  []\n').issues[0]!.reason).toBe('requirements must list at least one requirement');
    expect(check('just text').issues[0]!.reason).toMatch(/must be a mapping/);
  });
});

describe('catalog validation: crosswalks', () => {
  const refs: Record<string, Set<string>> = { a: new Set(['1', '2']), b: new Set(['X', 'Y']) };
  const refsOf = (id: string) => refs[id] ?? null;
  const mapping = (from: string, to: string, relation = 'intersects') =>
    `  - from: "${from}"\n    to: "${to}"\n    relation: ${relation}\n    rationale: { en: "why", fr: "pourquoi" }\n`;
  const check = (yaml: string) => validateCrosswalk(yamlSource(yaml, 'a--b.yaml'), refsOf);

  it('accepts mappings whose both ends exist', () => {
    const { crosswalk, issues } = check(`source: a\ntarget: b\nmappings:\n${mapping('1', 'X')}${mapping('2', 'X', 'equal')}`);
    expect(issues).toEqual([]);
    expect(crosswalk!.mappings).toHaveLength(2);
  });

  it('reports a wrong ref, a duplicate pair, a bad relation and an unknown framework', () => {
    const yaml = `source: a\ntarget: b\nmappings:\n${mapping('1', 'X')}${mapping('3', 'X')}${mapping('1', 'Z')}${mapping('1', 'X')}${mapping('2', 'Y', 'same')}`;
    const issues = check(yaml).issues;
    expect(issues.map((i) => i.reason)).toEqual([
      'from "3" does not exist in a',
      'to "Z" does not exist in b',
      `duplicate mapping "1" → "X" (first at line ${lineOf(yaml, 'from: "1"')})`,
      expect.stringMatching(/^mapping #5: relation must be one of equal, subset, superset, intersects/),
    ]);
    expect(issues[0]!.line).toBe(lineOf(yaml, 'from: "3"'));
    expect(check(`source: a\ntarget: c\nmappings:\n${mapping('1', 'X')}`).issues[0]!.reason).toBe('target framework "c" does not exist');
  });
});
