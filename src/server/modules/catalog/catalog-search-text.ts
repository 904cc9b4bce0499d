/*
 * The search box's text as the repository wants it. Accents are folded by PostgreSQL itself
 * (catalog_fold(), over unaccent: migration 0003), on the indexed text and on the query alike,
 * so both sides always agree; here the query only becomes safe tsquery syntax.
 */

const MAX_WORDS = 8;

/**
 * Every word must match (AND); the last one also as a prefix, so that results follow the typing
 * ("human overs" already finds "human oversight"). Words are letters and digits only: nothing the
 * user types can reach the tsquery parser as an operator.
 */
export function tsWords(q: string): string[] {
  const words = [...new Set(q.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean))].slice(0, MAX_WORDS);
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w));
}

/** A ref prefix, the same without punctuation ("cc6", "a.6.2", "art 9"), and the full-text query. */
export function searchTerms(q: string) {
  const trimmed = q.trim();
  return {
    refPrefix: trimmed.toLowerCase(),
    compactRef: trimmed.toLowerCase().replace(/[^a-z0-9]/g, ''),
    words: tsWords(trimmed),
  };
}
