import type { TApiDocs } from '../../platform/http/api-docs.ts';

export const catalogDocs: TApiDocs = {
  'GET /api/catalog/frameworks': {
    summary: 'List frameworks',
    description: 'The built-in catalogs (ISO/IEC 42001, ISO/IEC 27001, SOC 2, EU AI Act, NIST AI RMF) and the custom frameworks of the caller’s tenants, with counts per requirement kind.',
    returns: 'The frameworks.',
    errors: [401],
  },
  'GET /api/catalog/frameworks/{id}': {
    summary: 'Read a framework’s requirement tree',
    description: 'Every requirement with its parent, in both languages; `version` picks an older version. Sent with a strong ETag: revalidate with `If-None-Match` to get 304.',
    returns: 'The framework and its requirements.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/catalog/frameworks/{id}/requirements/{ref}': {
    summary: 'Read one requirement',
    description: 'A requirement (e.g. `A.6.2.4`) with its children and its crosswalk mappings to other frameworks.',
    returns: 'The requirement.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/catalog/search': {
    summary: 'Search requirements',
    description: 'Full-text search over references, titles and descriptions, in English and French (accents folded), across the frameworks the caller may see; ranked, paginated with `limit` and `offset`, with the total.',
    returns: 'Matching requirements.',
    errors: [400, 401],
  },
  'GET /api/catalog/frameworks/{id}/oscal': {
    summary: 'Export a framework as OSCAL',
    description: 'An OSCAL 1.1 catalog (JSON) in the chosen language (`lang`), as an attachment.',
    returns: 'The OSCAL catalog.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/catalog/frameworks/{id}/xlsx': {
    summary: 'Export a framework as XLSX',
    description: 'A workbook with a Framework sheet and a Requirements sheet; it imports back unchanged.',
    returns: 'The workbook.',
    errors: [400, 401, 403, 404],
  },
  'POST /api/tenants/{tenantId}/catalog/frameworks/import': {
    summary: 'Import a custom framework (YAML or XLSX)',
    description: 'The body is the file: `application/yaml` or an XLSX workbook, up to 5 MB. All or nothing: any row in error refuses the file with every issue listed. The same version with the same content changes nothing (200); a new version becomes current (201). Only a few imports are unpacked at once (429 past that).',
    returns: 'The imported framework.',
    status: 201,
    errors: [400, 401, 403, 404, 409, 413, 415, 429],
  },
};
