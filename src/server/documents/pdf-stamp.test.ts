import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { TDocument } from './layout.ts';
import { stampPdfPages, winAnsiLiteral } from './pdf-stamp.ts';
import { renderDocumentPdf } from './render-pdf.ts';

const model = (orientation: 'portrait' | 'landscape'): TDocument => ({
  lang: 'fr',
  title: 'Essai',
  author: 'Attest',
  createdAt: new Date('2026-11-23T10:00:00Z'),
  orientation,
  pageHeader: 'En-tête',
  pageFooter: 'Pied',
  pageLabel: 'Page {page} sur {pages}',
  coverSheetName: 'Essai',
  blocks: [
    { kind: 'title', text: 'Essai' },
    { kind: 'table', name: 'T', columns: [{ header: 'A', width: 1 }], rows: Array.from({ length: 120 }, (_, i) => [`Ligne ${i + 1}`]) },
  ],
});

describe('stampPdfPages', () => {
  it('appends an update whose cross-reference offsets point at their objects, stamping every page', async () => {
    for (const orientation of ['portrait', 'landscape'] as const) {
      const pdf = await renderDocumentPdf(model(orientation));
      const out = stampPdfPages(pdf, ['Confidentiel — distribution restreinte', 'Exemplaire de Zoë (L’Œuvre) — 1er décembre 2026']);
      expect(out.subarray(0, pdf.length).equals(pdf)).toBe(true);
      const text = out.toString('latin1');
      const xrefAt = text.lastIndexOf('\nxref\n') + 1;
      expect(xrefAt).toBeGreaterThan(pdf.length);
      const entries = [...text.slice(xrefAt).matchAll(/(\d+) 1\n(\d{10}) 00000 n \n/g)];
      expect(entries.length).toBeGreaterThan(5);
      for (const [, num, at] of entries) expect(text.startsWith(`${num} 0 obj`, Number(at))).toBe(true);
      expect(Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1])).toBe(xrefAt);
      const doc = await getDocumentProxy(new Uint8Array(out));
      const pages = (await extractText(doc, { mergePages: false })).text.map((t) => t.replace(/\s+/g, ' '));
      expect(pages.length).toBeGreaterThan(1);
      for (const p of pages) expect(p).toContain('Confidentiel — distribution restreinte — Exemplaire de Zoë (L’Œuvre) — 1er décembre 2026');
    }
  });

  it('writes WinAnsi: accents kept, others without their accent or as ?, specials escaped', () => {
    expect(winAnsiLiteral('É’—€ (a) \\')).toBe('(\xc9\x92\x97\x80 \\(a\\) \\\\)');
    expect(winAnsiLiteral('Łódź Ă 中')).toBe('(?\xf3dz A ?)');
  });
});
