import type { z } from 'zod';
import {
  ZCrosswalkFile,
  ZFrameworkFile,
  ZMappingEntry,
  ZRequirementEntry,
  crosswalkHash,
  frameworkHash,
  refNeedsLabel,
  toRequirement,
  type TCrosswalk,
  type TFramework,
  type TMapping,
  type TRequirement,
} from './catalog-format.ts';

/*
 * Validation of a parsed catalog document, whatever it came from (YAML file, XLSX workbook).
 * A source maps a path inside the document to where a person would look: a file and a line
 * for YAML, a sheet and a row for XLSX. Every issue says where and why; nothing is half-loaded.
 */

export type TPath = readonly PropertyKey[];
export type TIssue = { file: string; line: number; reason: string };
export type TSource = {
  /** What a position is called where this document is edited. */
  unit: 'line' | 'row';
  data: unknown;
  /** Issues found while reading the document (YAML syntax, unreadable cells). */
  readIssues: TIssue[];
  locate(path: TPath): { file: string; line: number };
  /** How the person names a field: `title.fr` in YAML, `title_fr` in a spreadsheet. */
  fieldName?(path: TPath): string;
};

export const MAX_ISSUES = 200;

const defaultFieldName = (path: TPath) =>
  path.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i ? '.' : ''}${String(s)}`)).join('');

class IssueList {
  readonly items: TIssue[] = [];
  readonly source: TSource;
  constructor(source: TSource) {
    this.source = source;
  }
  add(path: TPath, reason: string) {
    if (this.items.length < MAX_ISSUES) this.items.push({ ...this.source.locate(path), reason });
  }
  /** Zod issues under `base`, each named from the entry's point of view (`title.fr is missing`). */
  addZod(base: TPath, error: z.ZodError, subject: string, strip: number) {
    const name = this.source.fieldName ?? defaultFieldName;
    for (const iss of error.issues) {
      const keys = iss.code === 'unrecognized_keys' ? iss.keys : [null];
      for (const key of keys) {
        const path = key === null ? [...base, ...iss.path] : [...base, ...iss.path, key];
        const field = name(path.slice(strip));
        const message = key === null ? iss.message : 'is not a known field (check its spelling)';
        this.add(path, `${subject ? `${subject}: ` : ''}${field ? `${field} ` : ''}${message}`);
      }
    }
  }
  sorted() {
    return [...this.items].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file.localeCompare(b.file)));
  }
}

/**
 * A French text that repeats an English sentence word for word is a missing translation. Short
 * titles may legitimately match ("Leadership", "Support"), so only texts of 4 or more lower-case
 * words count.
 */
const untranslated = (t: { en: string; fr: string } | undefined) => !!t && t.fr === t.en && (t.en.match(/\b\p{Ll}{2,}\b/gu)?.length ?? 0) >= 4;

function checkTranslated(issues: IssueList, base: TPath, subject: string, texts: Record<string, { en: string; fr: string } | undefined>) {
  for (const [key, text] of Object.entries(texts)) {
    if (untranslated(text)) issues.add([...base, key, 'fr'], `${subject ? `${subject}: ` : ''}${key}.fr is the English text: write its French form`);
  }
}

const entryLabel = (kind: string, raw: unknown, index: number) => {
  const ref = (raw as { ref?: unknown } | null)?.ref;
  return typeof ref === 'string' && ref.trim() ? `${kind} "${ref.trim()}"` : `${kind} #${index + 1}`;
};

/** "line 12" or "row 12": where a person finds an entry. */
const where = (source: TSource, index: number, list = 'requirements') => `${source.unit} ${source.locate([list, index]).line}`;

export type TFrameworkResult = { framework: TFramework | null; issues: TIssue[] };

/** The id and refs a document declares, valid or not: crosswalks of a broken framework are checked against them. */
export function declaredRefs(source: TSource): { id: string | null; refs: Set<string> } {
  const data = source.data as { framework?: { id?: unknown }; requirements?: unknown } | null;
  const id = typeof data?.framework?.id === 'string' ? data.framework.id : null;
  const list = Array.isArray(data?.requirements) ? data.requirements : [];
  return { id, refs: new Set(list.map((r) => (r as { ref?: unknown } | null)?.ref).filter((r): r is string => typeof r === 'string').map((r) => r.trim())) };
}

export function validateFramework(source: TSource): TFrameworkResult {
  const issues = new IssueList(source);
  issues.items.push(...source.readIssues);
  if (source.readIssues.length) return { framework: null, issues: issues.sorted() };

  const top = ZFrameworkFile.safeParse(source.data);
  if (!top.success) issues.addZod([], top.error, '', 0);
  const rawEntries = Array.isArray((source.data as { requirements?: unknown })?.requirements)
    ? ((source.data as { requirements: unknown[] }).requirements)
    : [];

  // Structure is checked on the raw entries too, so one run reports a missing French title and
  // a wrong parent on the same entry instead of one per attempt.
  const refOf = (raw: unknown) => {
    const ref = (raw as { ref?: unknown } | null)?.ref;
    return typeof ref === 'string' && ref.trim() ? ref.trim() : null;
  };
  const firstAt = new Map<string, number>();
  const requirements: TRequirement[] = [];
  rawEntries.forEach((raw, i) => {
    const base = ['requirements', i];
    const subject = entryLabel('requirement', raw, i);
    const ref = refOf(raw);
    const parsed = ZRequirementEntry.safeParse(raw);
    if (!parsed.success) issues.addZod(base, parsed.error, subject, 2);
    if (ref) {
      const first = firstAt.get(ref);
      if (first !== undefined) {
        issues.add([...base, 'ref'], `duplicate ref "${ref}" (first defined at ${where(source, first)})`);
        return;
      }
      firstAt.set(ref, i);
    }
    const rawParent = (raw as { parent?: unknown } | null)?.parent;
    const parent = typeof rawParent === 'string' && rawParent.trim() ? rawParent.trim() : null;
    if (parent !== null) {
      if (parent === ref) issues.add([...base, 'parent'], `${subject} names itself as its parent`);
      else if (!firstAt.has(parent)) {
        const later = rawEntries.findIndex((e, j) => j > i && refOf(e) === parent);
        issues.add(
          [...base, 'parent'],
          later >= 0
            ? `${subject}: parent "${parent}" comes after its child (at ${where(source, later)}): list parents first`
            : `${subject}: parent "${parent}" does not exist`,
        );
      }
    }
    if (parsed.success) {
      const e = parsed.data;
      checkTranslated(issues, base, subject, { title: e.title, description: e.description, label: e.label, dateSource: e.dateSource });
    }
    if (parsed.success && !parsed.data.label && refNeedsLabel(parsed.data.ref)) {
      issues.add([...base, 'ref'], `${subject}: label.fr is missing: a ref written in words needs its French form (label: { en: "${parsed.data.ref}", fr: "…" })`);
    }
    if (parsed.success) requirements.push(toRequirement(parsed.data, i));
  });
  // Points an obligation excludes must be requirements of the same framework (any position).
  requirements.forEach((r) => {
    for (const point of r.extra.applicability?.exceptAnnexIII ?? []) {
      if (!firstAt.has(point)) issues.add(['requirements', r.position, 'applicability', 'exceptAnnexIII'], `requirement "${r.ref}": "${point}" does not exist in this framework`);
    }
  });

  if (top.success) checkTranslated(issues, ['framework'], 'framework', { title: top.data.framework.title, description: top.data.framework.description });
  if (!top.success || issues.items.length) return { framework: null, issues: issues.sorted() };
  const header = top.data.framework;
  return { framework: { ...header, requirements, contentHash: frameworkHash(header, requirements) }, issues: [] };
}


export type TCrosswalkResult = { crosswalk: TCrosswalk | null; issues: TIssue[] };

/** `refsOf(id)` gives the refs of a known framework, or null when there is no such framework. */
export function validateCrosswalk(source: TSource, refsOf: (frameworkId: string) => ReadonlySet<string> | null): TCrosswalkResult {
  const issues = new IssueList(source);
  issues.items.push(...source.readIssues);
  if (source.readIssues.length) return { crosswalk: null, issues: issues.sorted() };

  const top = ZCrosswalkFile.safeParse(source.data);
  if (!top.success) issues.addZod([], top.error, '', 0);
  const doc = (source.data ?? {}) as { source?: unknown; target?: unknown; mappings?: unknown };
  const sourceRefs = typeof doc.source === 'string' ? refsOf(doc.source) : null;
  const targetRefs = typeof doc.target === 'string' ? refsOf(doc.target) : null;
  if (typeof doc.source === 'string' && !sourceRefs) issues.add(['source'], `source framework "${doc.source}" does not exist`);
  if (typeof doc.target === 'string' && !targetRefs) issues.add(['target'], `target framework "${doc.target}" does not exist`);
  if (typeof doc.source === 'string' && doc.source === doc.target) issues.add(['target'], 'a crosswalk needs two different frameworks');

  const seen = new Map<string, number>();
  const mappings: TMapping[] = [];
  (Array.isArray(doc.mappings) ? doc.mappings : []).forEach((raw, i) => {
    const base = ['mappings', i];
    const parsed = ZMappingEntry.safeParse(raw);
    if (!parsed.success) {
      issues.addZod(base, parsed.error, `mapping #${i + 1}`, 2);
      return;
    }
    const m = parsed.data;
    checkTranslated(issues, base, `mapping #${i + 1}`, { rationale: m.rationale });
    if (sourceRefs && !sourceRefs.has(m.from)) issues.add([...base, 'from'], `from "${m.from}" does not exist in ${String(doc.source)}`);
    if (targetRefs && !targetRefs.has(m.to)) issues.add([...base, 'to'], `to "${m.to}" does not exist in ${String(doc.target)}`);
    const key = `${m.from}\u0000${m.to}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.add(base, `duplicate mapping "${m.from}" → "${m.to}" (first at ${where(source, first, 'mappings')})`);
      return;
    }
    seen.set(key, i);
    mappings.push(m);
  });

  if (!top.success || issues.items.length) return { crosswalk: null, issues: issues.sorted() };
  const { source: s, target: t } = top.data;
  return { crosswalk: { source: s, target: t, mappings, contentHash: crosswalkHash(s, t, mappings) }, issues: [] };
}

export const formatIssue = (i: TIssue) => `${i.file}:${i.line}: ${i.reason}`;

/** Thrown when catalog content cannot be loaded; the message lists every `file:line: reason`. */
export class CatalogError extends Error {
  readonly issues: TIssue[];
  constructor(issues: TIssue[], headline = 'The catalogs are invalid') {
    super(`${headline}:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
    this.issues = issues;
  }
}
