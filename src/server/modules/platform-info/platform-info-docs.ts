import type { TApiDocs } from '../../platform/http/api-docs.ts';

export const platformInfoDocs: TApiDocs = {
  'GET /healthz': { summary: 'Liveness', description: 'Answers while the process serves requests; checks nothing else.', returns: 'Alive.', errors: [], example: { status: 'ok' } },
  'GET /readyz': {
    summary: 'Readiness',
    description: 'Checks the database and that migrations are applied; 503 until both hold.',
    returns: 'Ready to serve.',
    responses: { 503: 'Not ready: the database is unreachable or migrations are pending.' },
    errors: [],
    example: { status: 'ready', database: 'postgres', migrations: 'applied' },
  },
  'GET /.well-known/attest-keys.json': {
    summary: 'Public signing keys (JWKS)',
    description: 'The Ed25519 public key that verifies certificates and other documents the platform signs, offline: as a JWK (`keys`) and as a Data Integrity Multikey (`verificationMethod`, the target of a certificate credential’s `proof.verificationMethod`).',
    returns: 'The key set.',
    errors: [],
  },
};
