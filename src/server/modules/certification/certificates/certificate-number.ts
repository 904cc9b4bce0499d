/*
 * A body's certificate numbering pattern, e.g. `AIMS-{YYYY}-{SEQ:5}` or `{BODY}.42001.{SEQ:4}`.
 * Tokens: {YYYY} and {YY} (the year of the effective date), {BODY} (the body's public slug in
 * capitals), and exactly one {SEQ:n} (a counter of n digits at least, 3 ≤ n ≤ 9). Literal text is
 * letters, digits and - . _ only, so a number reads the same on paper, in a CSV and as one segment
 * of a URL path: the register's page is `/register/{number}`, and a `/` (or a space, `%`, `?`, `#`)
 * would split or change that path.
 *
 * Numbers are unique across the installation (the register finds a certificate by its number
 * alone), and two bodies may well keep the default pattern: the counter is therefore drawn over
 * every certificate whose number has the same literal prefix and suffix, whoever issued it.
 */

export const NUMBER_PATTERN_MAX = 60;
const TOKEN = /\{(YYYY|YY|BODY|SEQ:(\d+))\}/g;
const LITERAL = /^[A-Za-z0-9\-._]*$/;

export type TNumberPatternProblem = 'too_long' | 'no_sequence' | 'several_sequences' | 'sequence_width' | 'bad_literal' | 'unknown_token';

/** Null when the pattern is usable, else what is wrong with it (the settings form names it). */
export function numberPatternProblem(pattern: string): TNumberPatternProblem | null {
  if (pattern.length < 3 || pattern.length > NUMBER_PATTERN_MAX) return 'too_long';
  const seqs = [...pattern.matchAll(TOKEN)].filter((m) => m[1]!.startsWith('SEQ:'));
  const literal = pattern.replace(TOKEN, '');
  if (/[{}]/.test(literal)) return 'unknown_token';
  if (!LITERAL.test(literal)) return 'bad_literal';
  if (seqs.length === 0) return 'no_sequence';
  if (seqs.length > 1) return 'several_sequences';
  const width = Number(seqs[0]![2]);
  if (width < 3 || width > 9) return 'sequence_width';
  return null;
}

export type TNumberParts = { prefix: string; suffix: string; width: number };

/** The pattern with its year and body filled in, split around the counter. */
export function numberParts(pattern: string, values: { year: number; bodySlug: string }): TNumberParts {
  const problem = numberPatternProblem(pattern);
  if (problem) throw new Error(`invalid certificate number pattern (${problem}): ${pattern}`);
  const body = values.bodySlug.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '') || 'CB';
  const fill = (s: string) => s.replace(/\{YYYY\}/g, String(values.year)).replace(/\{YY\}/g, String(values.year % 100).padStart(2, '0')).replace(/\{BODY\}/g, body);
  const m = /\{SEQ:(\d+)\}/.exec(pattern)!;
  return { prefix: fill(pattern.slice(0, m.index)), suffix: fill(pattern.slice(m.index + m[0].length)), width: Number(m[1]) };
}

export const formatNumber = (parts: TNumberParts, n: number) => `${parts.prefix}${String(n).padStart(parts.width, '0')}${parts.suffix}`;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A POSIX regex whose one group captures the counter of numbers of these parts (for max()). */
export const numberRegex = (parts: TNumberParts) => `^${escapeRegex(parts.prefix)}([0-9]{${parts.width},})${escapeRegex(parts.suffix)}$`;
