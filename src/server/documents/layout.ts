import type { TLocale } from '../../shared/contracts/common.ts';

/*
 * The layout vocabulary every generated document shares (SoA now; proposals, audit reports,
 * certificates later). A document module builds a TDocument — plain data, already in one
 * language, every date already formatted — and hands it to renderDocumentPdf / Docx / Xlsx.
 * The renderers decide nothing about content: the three formats of one model say the same thing.
 */

export type TDocColumn = {
  header: string;
  /** Relative width: the renderer shares the page's (or sheet's) width in these proportions. */
  width: number;
};

export type TDocBlock =
  | { kind: 'title'; text: string; subtitle?: string }
  | { kind: 'heading'; text: string; /** 2: a sub-heading inside a section. */ level?: 1 | 2 }
  | { kind: 'keyValue'; rows: readonly (readonly [string, string])[] }
  | { kind: 'paragraph'; text: string; style?: 'normal' | 'muted' | 'notice' }
  | {
      kind: 'table';
      /** The worksheet's name in XLSX (31 characters at most; the renderer trims it). */
      name: string;
      columns: readonly TDocColumn[];
      rows: readonly (readonly string[])[];
      /** Shown in place of the rows when there are none. */
      empty?: string;
    };

export type TDocument = {
  lang: TLocale;
  title: string;
  /** Who the document is produced for (the organization): metadata and page header. */
  author: string;
  /** The document's own date, fixed by the model so that rendering twice gives the same text. */
  createdAt: Date;
  orientation: 'portrait' | 'landscape';
  /** Repeated at the top of every page (and every printed sheet), e.g. organization — version. */
  pageHeader: string;
  /** Repeated at the foot of every page, left; the page label sits on the right. */
  pageFooter: string;
  /** "Page {page} of {pages}" in the document's language; both tokens are replaced per page. */
  pageLabel: string;
  /** The XLSX sheet holding the blocks that are not tables (title, key-values, paragraphs). */
  coverSheetName: string;
  blocks: readonly TDocBlock[];
};

/** Splits a page label into text and page-number tokens, for formats that number pages themselves. */
export function pageLabelParts(label: string): (string | { token: 'page' | 'pages' })[] {
  return label
    .split(/(\{page\}|\{pages\})/)
    .filter((s) => s !== '')
    .map((s) => (s === '{page}' ? { token: 'page' as const } : s === '{pages}' ? { token: 'pages' as const } : s));
}

export const fillPageLabel = (label: string, page: number, pages: number) => label.replaceAll('{pages}', String(pages)).replaceAll('{page}', String(page));

