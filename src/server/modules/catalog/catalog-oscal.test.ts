import { describe, expect, it } from 'vitest';
import { oscalId, uuidV5 } from './catalog-oscal.ts';
import { foldSearchText, SEARCH_FOLD_FROM, SEARCH_FOLD_TO } from './catalog-search-text.ts';

describe('OSCAL ids and UUIDs', () => {
  it('derives NCName ids from refs, unique within a catalog', () => {
    const used = new Set<string>();
    const id = (ref: string, kind = 'control') => oscalId(ref, kind, used);
    expect(id('A.6.2.4')).toBe('a.6.2.4');
    expect(id('CC6.1')).toBe('cc6.1');
    expect(id('GOVERN 1.1')).toBe('govern-1.1');
    expect(id('Art. 9')).toBe('art-9');
    expect(id('Art. 6(1)')).toBe('art-6-1');
    expect(id('Annex III(5)(b)')).toBe('annex-iii-5-b');
    expect(id('6.1.4', 'clause')).toBe('clause-6.1.4');
    expect(id('Art 9')).toBe('art-9-2');
    expect(id('Élément')).toBe('element');
    for (const x of used) expect(x).toMatch(/^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u);
  });

  it('makes RFC 4122 version-5 UUIDs', () => {
    // The RFC's own example: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('catalog:x:1')).toBe(uuidV5('catalog:x:1'));
  });
});

describe('search folding', () => {
  it('folds case, accents, ligatures and typographic apostrophes the same way as the SQL side', () => {
    expect([...SEARCH_FOLD_FROM].length).toBe(SEARCH_FOLD_TO.length);
    expect(foldSearchText('Évaluation des impacts – l’IA, MAÎTRISE, œuvre')).toBe("evaluation des impacts - l'ia, maitrise, oeuvre");
  });
});
