import { describe, expect, it } from 'vitest';
import { isDisguisedApiPath } from './path-guard.ts';

describe('disguised /api paths', () => {
  it('lets the plain spelling and other paths through', () => {
    for (const url of ['/api/me', '/api/tenants/x/files?filename=%2Fa', '/api', '/healthz', '/', '/invite/abc.def', '/assets/app.js', '/apiary', '/%zz'])
      expect(isDisguisedApiPath(url), url).toBe(false);
  });
  it('catches encodings, case, duplicate slashes and dot segments', () => {
    for (const url of ['/%61pi/me', '/%2Fapi/me', '/%2fapi/me', '//api/me', '/./api/me', '/API/me', '/Api', '/%41PI/me', '/x/../api/me', '/%2e/api/me', '/%2561pi/me', '/%252fapi/me'])
      expect(isDisguisedApiPath(url), url).toBe(true);
  });
});
