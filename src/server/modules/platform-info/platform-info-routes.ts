import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { TPlatform } from '../../platform/platform.ts';
import { migrationsApplied } from '../../db/migrate.ts';
import { publicBaseUrl } from '../certification/proposals/proposal-common.ts';
import { KEYS_PATH, verificationMethodFor } from '../certification/certificates/certificate-credential.ts';

const ZJwks = z.object({
  keys: z.array(z.object({ kty: z.string(), crv: z.string(), x: z.string(), kid: z.string(), use: z.string(), alg: z.string() })),
  // The same key as a Data Integrity Multikey: a certificate credential's verificationMethod
  // (`<this address>#<kid>`) resolves here. JWKS readers ignore the extra member (RFC 7517 §5).
  verificationMethod: z.array(z.object({ id: z.string(), type: z.literal('Multikey'), controller: z.string(), publicKeyMultibase: z.string() })),
});

export function platformInfoRoutes(appIn: FastifyInstance, p: TPlatform) {
  const app = appIn.withTypeProvider<ZodTypeProvider>();
  const tags = ['platform'];

  app.get('/healthz', { schema: { tags, response: { 200: z.object({ status: z.literal('ok') }) } }, logLevel: 'warn' }, async () => ({ status: 'ok' as const }));

  app.get(
    '/readyz',
    { schema: { tags, response: { 200: z.object({ status: z.string(), database: z.string(), migrations: z.string() }), 503: z.object({ status: z.string(), database: z.string(), migrations: z.string() }) } } },
    async (_req, reply) => {
      const dbOk = await sql`SELECT 1`.execute(p.db).then(
        () => true,
        () => false,
      );
      const migOk = dbOk && (await migrationsApplied(p.db));
      const body = { status: dbOk && migOk ? 'ready' : 'not_ready', database: dbOk ? p.database.backend : 'unreachable', migrations: migOk ? 'applied' : 'pending' };
      return reply.status(dbOk && migOk ? 200 : 503).send(body);
    },
  );

  app.get('/.well-known/attest-keys.json', { schema: { tags, response: { 200: ZJwks } } }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    const base = publicBaseUrl(p.config);
    const doc = `${base}${KEYS_PATH}`;
    return {
      keys: [p.signer.publicJwk],
      verificationMethod: [{ id: verificationMethodFor(base, p.signer.kid), type: 'Multikey' as const, controller: doc, publicKeyMultibase: p.signer.publicKeyMultibase }],
    };
  });
}
