import { readCatalogDir, type TCatalogSet } from './catalog-files.ts';
import { formatIssue } from './catalog-validate.ts';

/** A plain-text table; the `numeric` column is right-aligned. */
function table(head: string[], rows: string[][], numeric: number) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === numeric ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function countsReport(set: TCatalogSet): string {
  const rows: string[][] = [];
  for (const { framework: f } of set.frameworks) {
    const counts = new Map<string, number>();
    for (const r of f.requirements) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    [...counts].forEach(([kind, n], i) => rows.push([i ? '' : f.id, i ? '' : f.version, kind, String(n)]));
    rows.push(['', '', 'total', String(f.requirements.length)]);
  }
  const mappings = set.crosswalks.map(({ crosswalk: x }) => {
    const byRelation = new Map<string, number>();
    for (const m of x.mappings) byRelation.set(m.relation, (byRelation.get(m.relation) ?? 0) + 1);
    const detail = [...byRelation].map(([rel, n]) => `${rel} ${n}`).join(', ');
    return [`${x.source} → ${x.target}`, String(x.mappings.length), detail];
  });
  const requirements = set.frameworks.reduce((n, f) => n + f.framework.requirements.length, 0);
  const total = set.crosswalks.reduce((n, x) => n + x.crosswalk.mappings.length, 0);
  return [
    table(['framework', 'version', 'kind', 'count'], rows, 3),
    '',
    table(['crosswalk', 'mappings', 'relations'], mappings, 1),
    '',
    `OK: ${set.frameworks.length} frameworks, ${requirements} requirements, ${set.crosswalks.length} crosswalks, ${total} mappings.`,
  ].join('\n');
}

/** `attest catalog check`: what the server would load at start-up, checked without a database. */
export function checkCatalogs(dir: string): { ok: boolean; out: string } {
  const set = readCatalogDir(dir);
  if (!set.issues.length) return { ok: true, out: countsReport(set) };
  const n = set.issues.length;
  return { ok: false, out: `${set.issues.map(formatIssue).join('\n')}\n\n${n} problem${n > 1 ? 's' : ''} found: the server would refuse to start.` };
}
