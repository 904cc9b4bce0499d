import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { TPath, TSource } from './catalog-validate.ts';

/**
 * A YAML document as a validation source: the parsed value plus a way back from a path
 * (`requirements[12].title.fr`) to the line a person must edit. A missing key points at the
 * nearest node that exists (the `title` map, or the entry's first line).
 */
export function yamlSource(text: string, file: string): TSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : null);
  const readIssues = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0].line ?? 1,
    reason: `YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
  }));

  function locate(path: TPath) {
    let node: unknown = doc.contents;
    let line = lineOf(doc.contents as Node) ?? 1;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
        if (!pair) break;
        line = lineOf(pair.key as Node) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        line = lineOf(item) ?? line;
        node = item;
      } else break;
    }
    return { file, line };
  }

  let data: unknown = null;
  if (!readIssues.length) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      readIssues.push({ file, line: 1, reason: `YAML: ${(err as Error).message}` });
    }
  }
  return { unit: 'line', data, readIssues, locate };
}
