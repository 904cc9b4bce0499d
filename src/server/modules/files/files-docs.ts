import type { TApiDocs } from '../../platform/http/api-docs.ts';

export const filesDocs: TApiDocs = {
  'POST /api/tenants/{tenantId}/files': {
    summary: 'Upload a file',
    description: 'The request body is the file itself (any Content-Type), streamed to content-addressed storage while hashed; `filename` in the query string (no slashes, control or bidirectional characters). Over `UPLOAD_MAX_MB` answers 413 and stores nothing.',
    returns: 'The stored file with its SHA-256.',
    status: 201,
    errors: [400, 401, 403, 404, 413],
    example: { id: '7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', sha256: 'a3f1…', size: 48213, filename: 'Politique IA v3.pdf', contentType: 'application/pdf', createdAt: '2026-11-27T09:00:00.000Z' },
  },
  'GET /api/tenants/{tenantId}/files/{fileId}': {
    summary: 'Read a file’s metadata',
    description: 'Name, size, type, SHA-256 and upload time.',
    returns: 'The file’s metadata.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/files/{fileId}/content': {
    summary: 'Download a file',
    description: 'Always as an attachment, under `Content-Security-Policy: sandbox`; active content (HTML, SVG, XML, scripts) is sent as `application/octet-stream`. `x-content-sha256` gives the hash to check.',
    returns: 'The file’s bytes.',
    errors: [400, 401, 403, 404],
  },
};
