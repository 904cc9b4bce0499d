import type { FastifyInstance } from 'fastify';
import type { TApiDocs } from '../../platform/http/api-docs.ts';
import type { TPlatform } from '../../platform/platform.ts';

/*
 * The certification body's side (ISO/IEC 17021-1): one sub-folder per record type — clients and
 * enquiries, audit time, proposals, engagements, audits and their workspace — each with its own
 * repo, service, policies, audit actions, routes and docs, wired here so that the platform's
 * registration lists name the domain once.
 */

export { CERTIFICATION_AUDIT, CERTIFICATION_POLICIES } from './certification-registry.ts';

export const certificationDocs: TApiDocs = {};

/** The certification routes; app.ts calls this once. */
export function certificationRoutes(_app: FastifyInstance, _p: TPlatform) {}
