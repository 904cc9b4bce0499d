import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/*
 * The OpenAPI document names each shared contract once, under components.schemas, and every
 * operation points at it: the same DTO written inline in every operation had grown the document
 * to 1.5 MB for ~200 operations, which Swagger UI renders slowly and a reader cannot navigate.
 *
 * Every exported object schema of src/shared/contracts/ is registered under its export name
 * without the `Z` (`ZAiSystem` → `AiSystem`). Route params and query strings are left inline:
 * OpenAPI spells them as parameters, not bodies. The first name seen for a schema object wins,
 * so an alias export does not rename it; a name two files export is prefixed by the second file's.
 */
const CONTRACTS = path.resolve(import.meta.dirname, '../../../shared/contracts');
// `…Input` names are left inline too: the generator names a schema's request form `<id>Input`.
const INLINE = /(Params|Query|Input)$/;

let registered: Promise<number> | null = null;

export function registerApiComponents(): Promise<number> {
  registered ??= (async () => {
    let n = 0;
    const used = new Set<string>();
    const files = fs.readdirSync(CONTRACTS).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
    for (const file of files) {
      const mod = (await import(path.join(CONTRACTS, file))) as Record<string, unknown>;
      for (const [name, schema] of Object.entries(mod)) {
        if (!/^Z[A-Z]/.test(name) || INLINE.test(name) || !(schema instanceof z.ZodObject)) continue;
        if (z.globalRegistry.has(schema)) continue;
        // Two contract files may export the same name (`ZAuditSummary`): the second is prefixed by its file.
        let id = name.slice(1);
        if (used.has(id)) id = file.replace(/\.ts$/, '').replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()) + id;
        used.add(id);
        z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });
        n++;
      }
    }
    return n;
  })();
  return registered;
}
