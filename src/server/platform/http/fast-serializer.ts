import fastJson from 'fast-json-stringify';
import { z } from 'zod';

/*
 * For the few hot list routes (a page of 50 records, many fields): the response's JSON Schema,
 * generated from the same Zod contract, compiled once by fast-json-stringify. It writes only the
 * contract's properties, as the Zod serializer does, without re-validating every field of every
 * item on every request (the contract tests check the shapes). Use as a route's `serializerCompiler`.
 */
export function fastSerializer({ schema }: { schema: unknown }): (data: unknown) => string {
  return fastSerializerOf(schema) as (data: unknown) => string;
}

/** The same writer, typed as it is: a cached page's bytes come back as a Buffer. */
export function fastSerializerOf(schema: unknown): (data: unknown) => string | Buffer {
  if (!(schema instanceof z.ZodType)) throw new Error('fastSerializer needs a Zod response schema');
  // A private registry: the API document's component ids (global registry) would turn nested
  // contracts into $refs, and this schema must stand alone.
  const jsonSchema = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'any', metadata: z.registry() });
  const stringify = fastJson(nullableInPlace(jsonSchema) as Parameters<typeof fastJson>[0]);
  // A page served from the page cache is one frozen object shared by every hit: its JSON is too,
  // kept as UTF-8 bytes (Fastify sends a Buffer as it is), so that a hit does not re-encode a page
  // of 50 records into the socket — that encoding was the largest cost of a cached page.
  const written = new WeakMap<object, Buffer>();
  return (data) => {
    if (!data || typeof data !== 'object' || !Object.isFrozen(data)) return stringify(data);
    let bytes = written.get(data);
    if (bytes === undefined) written.set(data, (bytes = Buffer.from(stringify(data), 'utf8')));
    return bytes;
  };
}

type TNode = Record<string, unknown>;
const isNull = (s: unknown) => (s as TNode)?.type === 'null' && Object.keys(s as TNode).length === 1;

/**
 * Zod writes `.nullable()` as `anyOf: [X, { type: 'null' }]`, and fast-json-stringify picks an
 * anyOf branch by validating the value against each one (Ajv, uuid patterns and all) on every
 * item. `X` with `nullable: true` writes the same JSON without that work.
 */
function nullableInPlace(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableInPlace);
  if (!node || typeof node !== 'object') return node;
  const out: TNode = {};
  for (const [k, v] of Object.entries(node as TNode)) out[k] = nullableInPlace(v);
  const anyOf = out.anyOf as unknown[] | undefined;
  if (anyOf?.length === 2 && isNull(anyOf[1]) && typeof (anyOf[0] as TNode).type === 'string') {
    const { anyOf: _, ...rest } = out;
    return { ...rest, ...(anyOf[0] as TNode), nullable: true };
  }
  return out;
}
