import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_DOCS } from '../../src/server/app.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

type TOperation = {
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content: Record<string, { schema: unknown; example?: unknown; examples?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }>;
};

describe.skipIf(!backendAvailable)('the OpenAPI document describes every operation', () => {
  let t: TTestApp;
  let paths: Record<string, Record<string, TOperation>>;
  let spec: { components: { schemas: Record<string, unknown>; responses: Record<string, TOperation['responses'][string]> } };
  let bytes = 0;
  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.app.inject('/api/docs/json');
    bytes = res.body.length;
    spec = res.json();
    paths = res.json().paths;
  });
  /** An answer as a reader sees it: a `$ref` to a shared answer followed. */
  const answer = (r: TOperation['responses'][string] & { $ref?: string }) => (r.$ref ? spec.components.responses[r.$ref.split('/').at(-1)!]! : r);
  afterAll(() => t?.close());

  const operations = () => Object.entries(paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, method, op })));

  it('gives every operation a summary, a description and tags, and no "Default Response"', () => {
    expect(operations().length).toBeGreaterThan(35);
    for (const { id, op } of operations()) {
      expect(op.summary, id).toMatch(/\w{3,}/);
      expect(op.description, id).toMatch(/\w{3,}/);
      expect(op.tags?.length, id).toBeGreaterThan(0);
      for (const [status, res] of Object.entries(op.responses)) expect(answer(res).description, `${id} ${status}`).not.toBe('Default Response');
    }
  });

  it('names each contract once as a component, so the document stays small enough to read', () => {
    expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(['AiSystem', 'RiskDetail', 'Control', 'SoaVersion', 'Readiness']));
    const aiSystems = JSON.stringify(paths['/api/tenants/{tenantId}/ai-systems/{aiSystemId}']!.get!.responses['200']);
    expect(aiSystems).toContain('#/components/schemas/AiSystem');
    // ~200 operations wrote 1.5 MB inline; shared components and answers keep it well under that.
    expect(bytes / operations().length).toBeLessThan(5000);
  });

  it('has no documentation left for a route that no longer exists', () => {
    const ids = new Set(operations().map((o) => o.id));
    expect(Object.keys(API_DOCS).filter((k) => !ids.has(k))).toEqual([]);
  });

  it('lists the error answers with the shared error body and an example, and examples for request bodies', () => {
    for (const { id, method, op } of operations()) {
      const errors = Object.keys(op.responses).filter((s) => /^4\d\d$/.test(s));
      if (id.startsWith('GET /api/') && !['GET /api/setup/status', 'GET /api/auth/csrf'].includes(id)) expect(errors.length, id).toBeGreaterThan(0);
      if (method !== 'get') expect(errors, id).toContain('403');
      for (const s of errors) {
        const json = answer(op.responses[s]!).content?.['application/json'] as { schema: { properties?: Record<string, unknown> }; example?: { code: string } } | undefined;
        expect(Object.keys(json?.schema.properties ?? {}), `${id} ${s}`).toEqual(expect.arrayContaining(['requestId', 'code', 'message', 'details']));
        expect(json?.example?.code, `${id} ${s}`).toMatch(/^[a-z_]+$/);
      }
      const body = op.requestBody?.content['application/json'];
      if (body) expect(body.example ?? body.examples, id).toBeDefined();
    }
    const login = paths['/api/auth/login']!.post!;
    expect(spec.components.responses['Error404']?.description).toMatch(/another tenant/);
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '429']));
  });
});
