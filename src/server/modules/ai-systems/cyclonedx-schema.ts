import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/*
 * The official CycloneDX JSON schemas shipped with @cyclonedx/cyclonedx-library, compiled once per
 * spec version with ajv, offline (remote $refs refused). The library's own validator needs an
 * optional package we do not install; these are the same schema files and options.
 */

export const BOM_SPEC_VERSIONS = ['1.5', '1.6', '1.7'] as const;
export type TBomSpecVersion = (typeof BOM_SPEC_VERSIONS)[number];

const require = createRequire(import.meta.url);
const SCHEMA_DIR = path.join(path.dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'));

const compiled = new Map<TBomSpecVersion, ValidateFunction>();

function validatorFor(version: TBomSpecVersion): ValidateFunction {
  let v = compiled.get(version);
  if (!v) {
    const schemas: Record<string, AnySchema> = {
      'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': read('spdx.SNAPSHOT.schema.json'),
      'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': read('jsf-0.82.SNAPSHOT.schema.json'),
      'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json': read('cryptography-defs.SNAPSHOT.schema.json'),
    };
    const ajv = new Ajv({ strict: false, strictSchema: false, useDefaults: false, addUsedSchema: false, allErrors: false, schemas, loadSchema: () => Promise.reject(new Error('remote schemas are disabled')) });
    // ajv-formats is CommonJS: under ESM its function is the default export's `default`.
    addFormats.default(ajv);
    ajv.addFormat('idn-email', true);
    ajv.addFormat('iri-reference', true);
    v = ajv.compile(read(`bom-${version}.SNAPSHOT.schema.json`));
    compiled.set(version, v);
  }
  return v;
}

/** Null when the document is a valid BOM of that version, else the first problem and its JSON path. */
export function bomSchemaError(doc: unknown, version: TBomSpecVersion): { path: string; reason: string } | null {
  const validate = validatorFor(version);
  if (validate(doc)) return null;
  const e = validate.errors![0]!;
  const extra = e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
  return { path: `$${e.instancePath.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.')}`, reason: `${e.message ?? 'is invalid'}${extra}` };
}
