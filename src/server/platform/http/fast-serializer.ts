import fastJson from 'fast-json-stringify';
import { z } from 'zod';

/*
 * For the few hot list routes (a page of 50 records, many fields): the response's JSON Schema,
 * generated from the same Zod contract, compiled once by fast-json-stringify. It writes only the
 * contract's properties, as the Zod serializer does, without re-validating every field of every
 * item on every request (the contract tests check the shapes). Use as a route's `serializerCompiler`.
 */
export function fastSerializer({ schema }: { schema: unknown }): (data: unknown) => string {
  if (!(schema instanceof z.ZodType)) throw new Error('fastSerializer needs a Zod response schema');
  const jsonSchema = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'any' });
  return fastJson(jsonSchema as Parameters<typeof fastJson>[0]);
}
