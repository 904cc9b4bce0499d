import { createHash } from 'node:crypto';
import { SOC2_DESCRIPTION_SECTIONS } from '../../../../shared/contracts/soc2.ts';

/*
 * The canonical content of a description version: every DC 200 section in the fixed order (absent
 * ones as empty text), then management's assertion, as JSON without whitespace. Its SHA-256 is what
 * sign-off freezes and what the report cites; the same text always gives the same hash.
 */
export function canonicalContent(sections: Record<string, string>, assertion: string): string {
  return JSON.stringify({ sections: SOC2_DESCRIPTION_SECTIONS.map((s) => [s, sections[s] ?? '']), assertion });
}

export const contentSha256 = (sections: Record<string, string>, assertion: string) => createHash('sha256').update(canonicalContent(sections, assertion), 'utf8').digest('hex');

/** The sections still empty (blank) and whether the assertion is: sign-off needs none. */
export function missingParts(sections: Record<string, string>, assertion: string): string[] {
  return [...SOC2_DESCRIPTION_SECTIONS.filter((s) => !(sections[s] ?? '').trim()), ...(assertion.trim() ? [] : ['assertion'])];
}

/** The section keys whose text differs between two versions (the firm's diff view). */
export function changedSections(a: Record<string, string>, b: Record<string, string>): string[] {
  return SOC2_DESCRIPTION_SECTIONS.filter((s) => (a[s] ?? '') !== (b[s] ?? ''));
}
