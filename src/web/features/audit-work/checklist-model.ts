import type { TChecklistItem, TChecklistVerdict, TUpdateChecklistItemInput } from '../../../shared/contracts/audit-work.ts';

/*
 * The checklist tab's pure rules: how items are grouped for reading, which items a filter keeps,
 * and what a save sends (only what changed, so that the audit log records only that).
 */

/** What the auditor has typed on an item and not saved yet. */
export type TDraft = { verdict: TChecklistVerdict | null; notes: string; evidence: { id: string; title: string }[] };

export const CHECKLIST_FILTERS = ['all', 'open', 'conforming', 'nonconforming', 'observation', 'not_audited'] as const;
export type TChecklistFilter = (typeof CHECKLIST_FILTERS)[number];

export type TGroup = { key: string; label: string; items: TChecklistItem[] };

/**
 * Consecutive items of the same section and clause (or Annex A theme) form a group, in checklist
 * order. Surveillance's two sections (prior nonconformities, then the sample) prefix their label.
 */
export function groupsOf(items: readonly TChecklistItem[], lang: 'en' | 'fr', sectionLabel: (s: TChecklistItem['section']) => string): TGroup[] {
  const out: TGroup[] = [];
  for (const item of items) {
    const prefix = item.section === 'prior_nonconformity' || item.section === 'sample' ? `${sectionLabel(item.section)} · ` : '';
    const key = `${item.section}:${item.group?.ref ?? ''}`;
    const label = `${prefix}${item.group ? `${item.group.ref} ${item.group.title[lang]}` : sectionLabel(item.section)}`;
    const last = out[out.length - 1];
    if (last?.key === key) last.items.push(item);
    else out.push({ key, label, items: [item] });
  }
  return out;
}

/** The items a verdict filter and a search keep: a reference by its start, a title or the notes anywhere. */
export function filterItems(items: readonly TChecklistItem[], filter: TChecklistFilter, search: string, lang: 'en' | 'fr'): TChecklistItem[] {
  const needle = search.trim().toLowerCase();
  return items.filter(
    (i) =>
      (filter === 'all' || (filter === 'open' ? i.verdict === null : i.verdict === filter)) &&
      (!needle || i.ref.toLowerCase().startsWith(needle) || i.title[lang].toLowerCase().includes(needle) || i.notes.toLowerCase().includes(needle)),
  );
}

/** The body of a save: only the fields the draft changed; null when it changed nothing. */
export function itemChanges(item: Pick<TChecklistItem, 'verdict' | 'notes' | 'evidence'>, draft: TDraft): TUpdateChecklistItemInput | null {
  const body: TUpdateChecklistItemInput = {};
  if (draft.verdict !== item.verdict) body.verdict = draft.verdict;
  if (draft.notes !== item.notes) body.notes = draft.notes;
  const ids = draft.evidence.map((e) => e.id).sort();
  const before = item.evidence.map((e) => e.id).sort();
  if (ids.join() !== before.join()) body.evidenceIds = ids;
  return Object.keys(body).length ? body : null;
}
