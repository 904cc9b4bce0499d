import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOGS_DIR, readCatalogDir } from '../../catalog/catalog-files.ts';
import { LIBRARIES } from './index.ts';

describe('control libraries', () => {
  const set = readCatalogDir(BUILT_IN_CATALOGS_DIR);

  it.each(Object.entries(LIBRARIES))('%s covers exactly the catalog’s requirements of its kind', (_, lib) => {
    const fw = set.frameworks.find((f) => f.framework.id === lib.frameworkId)!.framework;
    const refs = fw.requirements.filter((r) => r.kind === lib.kind).map((r) => r.ref);
    expect(Object.keys(lib.items).sort()).toEqual([...refs].sort());
    if (lib.frameworkId === 'iso-iec-42001-2023') expect(refs).toHaveLength(38);
  });

  it.each(Object.entries(LIBRARIES))('%s is worded in both languages, in its own words, with French typography', (_, lib) => {
    const fw = set.frameworks.find((f) => f.framework.id === lib.frameworkId)!.framework;
    for (const [ref, item] of Object.entries(lib.items)) {
      const req = fw.requirements.find((r) => r.ref === ref)!;
      for (const locale of ['en', 'fr'] as const) {
        const { title, description } = item[locale];
        expect(title.length, `${ref} ${locale}`).toBeGreaterThan(3);
        expect(title.length, `${ref} ${locale}`).toBeLessThanOrEqual(200);
        expect(description.length, `${ref} ${locale}`).toBeGreaterThan(20);
        // A control is the organization's own: not the catalog's title or description restated.
        expect(title, `${ref} ${locale}`).not.toBe(req.title[locale]);
        expect(description, `${ref} ${locale}`).not.toBe(req.description[locale]);
      }
      const fr = `${item.fr.title} ${item.fr.description}`;
      expect(fr, ref).not.toMatch(/'/);
      expect(fr, ref).not.toMatch(/ [:;?!»]|« /);
    }
  });
});
