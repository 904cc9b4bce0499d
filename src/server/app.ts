import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { TPlatform } from './platform/platform.ts';
import { installAuthHook } from './platform/http/auth-hook.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { documentedTransform, documentedTransformObject } from './platform/http/api-docs.ts';
import { registerApiComponents } from './platform/http/api-components.ts';
import { aimsRecordsDocs, aimsRecordsRoutes } from './modules/aims-records/index.ts';
import { certificationDocs, certificationRoutes } from './modules/certification/index.ts';
import { soc2Docs, soc2Routes } from './modules/soc2/index.ts';
import { soc2ProgramDocs, soc2ProgramRoutes } from './modules/soc2/program.ts';
import { aiSystemsDocs } from './modules/ai-systems/ai-systems-docs.ts';
import { aiSystemsBomImportRoutes, aiSystemsRoutes } from './modules/ai-systems/ai-systems-routes.ts';
import { accountsDocs } from './modules/accounts/accounts-docs.ts';
import { apiTokensDocs } from './modules/api-tokens/api-tokens-docs.ts';
import { auditDocs } from './modules/audit/audit-docs.ts';
import { catalogDocs } from './modules/catalog/catalog-docs.ts';
import { dashboardDocs } from './modules/dashboard/dashboard-docs.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard-routes.ts';
import { documentFileRoutes, documentsRoutes } from './modules/documents/documents-routes.ts';
import { documentsDocs } from './modules/documents/documents-docs.ts';
import { filesDocs } from './modules/files/files-docs.ts';
import { impactAssessmentsDocs } from './modules/impact-assessments/impact-assessments-docs.ts';
import { platformInfoDocs } from './modules/platform-info/platform-info-docs.ts';
import { risksDocs } from './modules/risks/risks-docs.ts';
import { controlsDocs } from './modules/controls/controls-docs.ts';
import { tenantsDocs } from './modules/tenants/tenants-docs.ts';
import { accountsRoutes } from './modules/accounts/accounts-routes.ts';
import { apiTokensRoutes } from './modules/api-tokens/api-tokens-routes.ts';
import { auditRoutes } from './modules/audit/audit-routes.ts';
import { catalogImportRoutes, catalogRoutes } from './modules/catalog/catalog-routes.ts';
import { filesRoutes } from './modules/files/files-routes.ts';
import { impactAssessmentsRoutes } from './modules/impact-assessments/impact-assessments-routes.ts';
import { platformInfoRoutes } from './modules/platform-info/platform-info-routes.ts';
import { risksRoutes } from './modules/risks/risks-routes.ts';
import { controlsRoutes } from './modules/controls/controls-routes.ts';
import { evidenceDocs } from './modules/evidence/evidence-docs.ts';
import { evidenceRoutes, evidenceUploadRoutes } from './modules/evidence/evidence-routes.ts';
import { soaDocs } from './modules/soa/soa-docs.ts';
import { readinessDocs } from './modules/readiness/readiness-docs.ts';
import { readinessRoutes } from './modules/readiness/readiness-routes.ts';
import { soaRoutes } from './modules/soa/soa-routes.ts';
import { tenantsRoutes } from './modules/tenants/tenants-routes.ts';

/** What /api/docs says about each operation, module by module. */
export const API_DOCS = { ...platformInfoDocs, ...accountsDocs, ...tenantsDocs, ...apiTokensDocs, ...auditDocs, ...filesDocs, ...catalogDocs, ...aiSystemsDocs, ...impactAssessmentsDocs, ...risksDocs, ...controlsDocs, ...evidenceDocs, ...dashboardDocs, ...soaDocs, ...documentsDocs, ...aimsRecordsDocs, ...readinessDocs, ...certificationDocs, ...soc2Docs, ...soc2ProgramDocs };

export const WEB_DIST = path.resolve(import.meta.dirname, '../../dist/web');

/** A Fastify instance over the platform; tests call app.inject() on it, main.ts listens. */
export async function buildApp(p: TPlatform): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: p.log,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: p.config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 300 },
    // Per-request lines only when debugging: errors and denials are logged on their own.
    logController: new LogController({ disableRequestLogging: p.config.LOG_LEVEL !== 'debug' && p.config.LOG_LEVEL !== 'trace' }),
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: p.config.secure ? [] : null,
      },
    },
    hsts: p.config.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  installErrorHandler(app);
  installAuthHook(app, p);

  await registerApiComponents();
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Attest API', version: '0.1.0', description: 'AI-governance certification: ISO/IEC 42001 and SOC 2, for organizations and certification bodies.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'attest_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: documentedTransform(API_DOCS),
    transformObject: documentedTransformObject(API_DOCS),
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Swagger UI styles its elements inline: its own policy allows that and nothing else beyond ours.
    staticCSP: [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      ...(p.config.secure ? ['upgrade-insecure-requests'] : []),
    ].join('; '),
    uiConfig: { validatorUrl: null, displayRequestDuration: true, docExpansion: 'list' },
  });

  platformInfoRoutes(app, p);
  accountsRoutes(app, p);
  tenantsRoutes(app, p);
  apiTokensRoutes(app, p);
  auditRoutes(app, p);
  await app.register(async (scope) => filesRoutes(scope, p));
  catalogRoutes(app, p);
  impactAssessmentsRoutes(app, p);
  await app.register(async (scope) => catalogImportRoutes(scope, p));
  aiSystemsRoutes(app, p);
  await app.register(async (scope) => aiSystemsBomImportRoutes(scope, p));
  risksRoutes(app, p);
  controlsRoutes(app, p);
  soaRoutes(app, p);
  evidenceRoutes(app, p);
  await app.register(async (scope) => evidenceUploadRoutes(scope, p));
  aimsRecordsRoutes(app, p);
  certificationRoutes(app, p);
  soc2Routes(app, p);
  soc2ProgramRoutes(app, p);
  dashboardRoutes(app, p);
  documentsRoutes(app, p);
  readinessRoutes(app, p);
  await app.register(async (scope) => documentFileRoutes(scope, p));

  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  app.setNotFoundHandler((req, reply) => {
    // A page is a browser navigation (Accept: text/html; invitation links contain dots) or any
    // extension-less path; a missing asset or API route gets a JSON 404.
    const pathname = req.url.split('?')[0]!;
    const isPage =
      req.method === 'GET' && !pathname.startsWith('/api/') && ((req.headers.accept ?? '').includes('text/html') || !path.extname(pathname));
    if (isPage && hasWeb) return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    return reply.status(404).send({ requestId: String(req.id), code: 'not_found', message: `No route for ${req.method} ${req.url.split('?')[0]}.` });
  });
  return app;
}
