/*
 * Accent folding for search, without the `unaccent` extension (PGlite does not ship it): the
 * same character table drives SQL's translate() and the query's normalisation here. Upper-case
 * accented letters are listed too because lower() leaves them alone under the C locale.
 */
const FOLD: Record<string, string> = {
  a: 'àâäáãåÀÂÄÁÃÅ',
  c: 'çÇ',
  e: 'éèêëÉÈÊË',
  i: 'íìîïÍÌÎÏ',
  n: 'ñÑ',
  o: 'óòôöõÓÒÔÖÕ',
  u: 'úùûüÚÙÛÜ',
  y: 'ýÿÝŸ',
  "'": '’‘`´',
  '-': '‐‑–—',
};

export const SEARCH_FOLD_FROM = Object.values(FOLD).join('');
export const SEARCH_FOLD_TO = Object.entries(FOLD)
  .map(([to, from]) => to.repeat([...from].length))
  .join('');

const table = new Map<string, string>();
for (const [to, from] of Object.entries(FOLD)) for (const ch of from) table.set(ch, to);

export function foldSearchText(s: string): string {
  const lowered = s.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae');
  return [...lowered].map((ch) => table.get(ch) ?? ch).join('');
}

/** The query as the repository wants it: a ref prefix, the same without punctuation, title words. */
export function searchTerms(q: string) {
  const folded = foldSearchText(q.trim());
  return {
    refPrefix: q.trim().toLowerCase(),
    compactRef: q.trim().toLowerCase().replace(/[^a-z0-9]/g, ''),
    words: [...new Set(folded.split(/\s+/).filter(Boolean))].slice(0, 8),
  };
}
