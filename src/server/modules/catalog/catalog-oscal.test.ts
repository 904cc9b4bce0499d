import { describe, expect, it } from 'vitest';
import { exportBaseName } from './catalog-export-service.ts';
import { oscalId, uuidV5 } from './catalog-oscal.ts';
import { searchTerms, tsWords } from './catalog-search-text.ts';

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

describe('search terms', () => {
  it('turns any typed text into an AND of words, the last one a prefix, with no tsquery operator left', () => {
    expect(tsWords('human overs')).toEqual(['human', 'overs:*']);
    expect(tsWords('Évaluation des impacts – l’IA')).toEqual(['Évaluation', 'des', 'impacts', 'l', 'IA:*']);
    expect(tsWords("a & !b | c:* (d) <-> 'e'")).toEqual(['a', 'b', 'c', 'd', 'e:*']);
    expect(tsWords(' ,;: ')).toEqual([]);
    expect(searchTerms(' Art. 9 ')).toMatchObject({ refPrefix: 'art. 9', compactRef: 'art9' });
  });
});

describe('download file names', () => {
  it('write the version once, even when the id ends with the year the version starts with', () => {
    expect(exportBaseName('iso-iec-42001-2023', '2023')).toBe('iso-iec-42001-2023');
    expect(exportBaseName('iso-iec-42001-2023', '2023-r2')).toBe('iso-iec-42001-2023-r2');
    expect(exportBaseName('soc2-tsc-2017', '2017-rev2022-r2')).toBe('soc2-tsc-2017-rev2022-r2');
    expect(exportBaseName('nist-ai-rmf-1.0', '1.0-r2')).toBe('nist-ai-rmf-1.0-r2');
    expect(exportBaseName('bank-ai-controls', '2025')).toBe('bank-ai-controls-2025');
    expect(exportBaseName('acme', 'v 2/3')).toBe('acme-v-2-3');
  });
});
