import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { TPlatform } from '../../platform/platform.ts';
import { migrationsApplied } from '../../db/migrate.ts';

const ZJwks = z.object({
  keys: z.array(z.object({ kty: z.string(), crv: z.string(), x: z.string(), kid: z.string(), use: z.string(), alg: z.string() })),
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
    return { keys: [p.signer.publicJwk] };
  });
}
