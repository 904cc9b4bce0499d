import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/*
 * What /api/docs says about each operation lives beside the module (`<domain>-docs.ts`), keyed by
 * "METHOD /path" as the route is declared; routes stay thin. The OpenAPI transform merges it in,
 * with the standard error responses, for the document only: nothing here changes how a request
 * is validated or an answer serialised. test/api/api-docs.test.ts fails when a route has no entry
 * or an entry has no route.
 */

export type TErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429;

export type TOperationDoc = {
  summary: string;
  description: string;
  /** What the success answer is (its status when the route declares none, 200 by default). */
  returns: string;
  status?: number;
  /** The 4xx answers this operation can give, beyond the 403 csrf_failed every cookie-borne change may get. */
  errors: TErrorStatus[];
  /** Descriptions of other declared answers (a 503 of a probe). */
  responses?: Record<number, string>;
  /** An example request body (JSON operations with a body). */
  body?: unknown;
  /** An example of the success answer. */
  example?: unknown;
};

export type TApiDocs = Record<string, TOperationDoc>;

const ERRORS: Record<TErrorStatus, { description: string; code: string; message: string; details?: unknown }> = {
  400: {
    description: 'Invalid input: `code` is `validation_failed` with one entry per field in `details`, or a more precise code.',
    code: 'validation_failed',
    message: 'Invalid body: name: Too big: expected string to have <=120 characters',
    details: [{ field: 'name', issue: 'too_long', limit: 120, message: 'Too big: expected string to have <=120 characters' }],
  },
  401: { description: 'Not signed in, or the session or API token is no longer valid (`unauthorized`).', code: 'unauthorized', message: 'Sign in to continue.' },
  403: {
    description: 'Signed in but not allowed: the role does not allow it (`forbidden`), the tenant requires two-factor authentication (`mfa_required`), or a cookie-borne change came without the CSRF header (`csrf_failed`).',
    code: 'forbidden',
    message: 'Your role does not allow this action.',
  },
  404: { description: 'No such record among those you may see: another tenant’s record answers 404 too (`not_found`).', code: 'not_found', message: 'Tenant not found.' },
  409: { description: 'The change conflicts with the current state (`conflict` or a more precise code).', code: 'conflict', message: 'This is the last owner: give the role to someone else first.' },
  410: { description: 'The link or record is no longer usable (`gone` or a more precise code).', code: 'invitation_expired', message: 'This invitation has expired.' },
  413: { description: 'The body is over the size limit (`payload_too_large`).', code: 'payload_too_large', message: 'The upload exceeds the limit of 1024 MB.' },
  415: { description: 'The Content-Type is not one this operation reads (`unsupported_media_type`).', code: 'unsupported_media_type', message: 'Unsupported Content-Type: send application/json.' },
  429: {
    description: 'Too many attempts, or too many imports at once (`too_many_requests`): retry after `Retry-After` seconds.',
    code: 'too_many_requests',
    message: 'Too many attempts. Try again in 15 minutes.',
    details: { retryAfterMinutes: 15 },
  },
};

/** The shape of every error answer, as the error handler writes it. */
const errorBody = (status: TErrorStatus) => {
  const e = ERRORS[status];
  return {
    description: e.description,
    type: 'object',
    required: ['requestId', 'code', 'message'],
    properties: {
      requestId: { type: 'string', description: 'Also in the `x-request-id` header: quote it when reporting a problem.' },
      code: { type: 'string', description: 'Stable: translate or branch on it, not on the message.' },
      message: { type: 'string', description: 'In English, for people reading the API directly.' },
      details: { description: 'Structured facts about the error (field errors, limits, wait).' },
    },
    examples: [{ requestId: '5f0c6f9e-3b1a-4c1e-9a53-2f3f3c9d7e10', code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) }],
  };
};

/** "GET /api/tenants/{tenantId}": the route as OpenAPI writes it. */
export const docKey = (method: string, url: string) => `${method} ${url.replace(/:(\w+)/g, '{$1}')}`;

type TTransformInput = Parameters<typeof jsonSchemaTransform>[0];

/** jsonSchemaTransform, then the operation's documentation and error responses. */
export function documentedTransform(docs: TApiDocs) {
  return (input: TTransformInput) => {
    const out = jsonSchemaTransform(input) as { schema: Record<string, any>; url: string };
    if (out.schema?.hide) return out;
    const method = [input.route.method].flat()[0]!;
    const doc = docs[docKey(method, input.url)];
    if (!doc) return out;
    const schema: Record<string, any> = { ...(out.schema ?? {}) };
    schema.summary = doc.summary;
    schema.description = doc.description;
    schema.tags ??= [input.url.split('/')[2] ?? 'platform'];
    const response: Record<string, any> = { ...(schema.response ?? {}) };
    const statuses = new Set<TErrorStatus>(doc.errors);
    if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) statuses.add(403);
    for (const status of [...statuses].sort()) response[status] ??= errorBody(status);
    const ok = Object.keys(response).filter((s) => s.startsWith('2'));
    for (const s of ok) response[s] = { ...response[s], description: doc.returns };
    if (!ok.length) response[doc.status ?? 200] = { description: doc.returns };
    for (const [status, description] of Object.entries(doc.responses ?? {})) if (response[status]) response[status] = { ...response[status], description };
    schema.response = response;
    return { ...out, schema };
  };
}

type TOpenApiObject = ReturnType<typeof jsonSchemaTransformObject>;
type TMediaObject = { schema?: { required?: string[] }; example?: unknown };
type TResponseObject = { description?: string; content?: Record<string, TMediaObject>; $ref?: string };
type TOperationObject = { requestBody?: { content?: Record<string, TMediaObject> }; responses?: Record<string, TResponseObject> };

const isErrorStatus = (s: string): s is `${TErrorStatus}` => s in ERRORS;

/**
 * The contracts as components (see api-components.ts), then each error answer written once under
 * components.responses (`Error404`…) and referenced by every operation: they are the same body and
 * text everywhere, and inline they were half of the document. Examples are set on the media type,
 * beside a schema that is now a `$ref` (a sibling of `$ref` inside the schema would be dropped).
 */
export function documentedTransformObject(docs: TApiDocs) {
  return (input: Parameters<typeof jsonSchemaTransformObject>[0]): TOpenApiObject => {
    const doc = jsonSchemaTransformObject(input);
    const paths = (doc as { paths?: Record<string, Record<string, TOperationObject>> }).paths ?? {};
    const shared: Record<string, TResponseObject> = {};
    for (const [url, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const about = docs[`${method.toUpperCase()} ${url}`];
        const body = op.requestBody?.content?.['application/json'];
        if (about?.body !== undefined && body && body.example === undefined) body.example = about.body;
        for (const [status, res] of Object.entries(op.responses ?? {})) {
          const json = res.content?.['application/json'];
          if (status.startsWith('2') && about?.example !== undefined && json && json.example === undefined) json.example = about.example;
          if (!isErrorStatus(status) || !json?.schema?.required?.includes('requestId') || res.description !== ERRORS[status].description) continue;
          shared[`Error${status}`] ??= res;
          op.responses![status] = { $ref: `#/components/responses/Error${status}` };
        }
      }
    }
    const components = (doc as { components?: Record<string, object> }).components;
    return { ...doc, components: { ...components, responses: { ...components?.responses, ...shared } } } as TOpenApiObject;
  };
}
