import { describe, expect, it } from 'vitest';
import type { TChecklistItem } from '../../../shared/contracts/audit-work.ts';
import { filterItems, groupsOf, itemChanges } from './checklist-model.ts';

const item = (ref: string, o: Partial<TChecklistItem> = {}): TChecklistItem => ({
  id: `id-${ref}`,
  position: 1,
  section: ref.startsWith('A.') ? 'control' : 'clause',
  frameworkId: 'iso-iec-42001-2023',
  frameworkVersion: '2023',
  ref,
  kind: ref.startsWith('A.') ? 'control' : 'clause',
  title: { en: 'Requirement', fr: 'Exigence' },
  group: ref.startsWith('A.')
    ? { ref: ref.split('.').slice(0, 2).join('.'), title: { en: 'Theme', fr: 'Thème' } }
    : { ref: ref.split('.')[0]!, title: { en: 'Planning', fr: 'Planification' } },
  readinessStatus: null,
  soaImplementationStatus: null,
  priorAuditReference: null,
  verdict: null,
  notes: '',
  evidence: [],
  updatedBy: null,
  updatedAt: null,
  abilities: {},
  ...o,
});

describe('checklist model', () => {
  it('groups consecutive items by clause or Annex A theme, and by section in a surveillance', () => {
    const groups = groupsOf([item('6.1.2'), item('6.2'), item('A.2.2'), item('A.2.3'), item('A.3.2')], 'fr', (s) => s);
    expect(groups.map((g) => [g.label, g.items.length])).toEqual([
      ['6 Planification', 2],
      ['A.2 Thème', 2],
      ['A.3 Thème', 1],
    ]);
    const surveillance = groupsOf([item('8.1', { section: 'prior_nonconformity' }), item('9.2.1', { section: 'sample', group: null })], 'en', (s) => (s === 'sample' ? 'Sample' : 'Prior nonconformities'));
    expect(surveillance.map((g) => g.label)).toEqual(['Prior nonconformities · 8 Planning', 'Sample · Sample']);
  });

  it('filters by verdict (open = nothing recorded) and searches refs by their start, titles and notes', () => {
    const items = [item('6.1.2', { verdict: 'nonconforming', notes: 'Criteria not approved' }), item('6.2'), item('A.6.2.4', { verdict: 'conforming', title: { en: 'Verification and validation', fr: 'Vérification et validation' } })];
    expect(filterItems(items, 'open', '', 'en').map((i) => i.ref)).toEqual(['6.2']);
    expect(filterItems(items, 'nonconforming', '', 'en').map((i) => i.ref)).toEqual(['6.1.2']);
    expect(filterItems(items, 'all', '6.', 'en').map((i) => i.ref)).toEqual(['6.1.2', '6.2']);
    expect(filterItems(items, 'all', 'approved', 'en').map((i) => i.ref)).toEqual(['6.1.2']);
    expect(filterItems(items, 'all', 'vérification', 'fr').map((i) => i.ref)).toEqual(['A.6.2.4']);
    expect(filterItems(items, 'all', 'vérification', 'en')).toEqual([]);
  });

  it('a save sends only what changed; evidence order does not count as a change', () => {
    const saved = { verdict: null, notes: 'Seen', evidence: [{ id: 'b', title: 'B' }, { id: 'a', title: 'A' }] };
    expect(itemChanges(saved, { verdict: null, notes: 'Seen', evidence: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] })).toBeNull();
    expect(itemChanges(saved, { verdict: 'observation', notes: 'Seen', evidence: saved.evidence })).toEqual({ verdict: 'observation' });
    expect(itemChanges(saved, { verdict: null, notes: 'Seen twice', evidence: [{ id: 'a', title: 'A' }] })).toEqual({ notes: 'Seen twice', evidenceIds: ['a'] });
  });
});
