import type { FastifyInstance } from 'fastify';
import type { TApiDocs } from '../../platform/http/api-docs.ts';
import type { TPlatform } from '../../platform/platform.ts';
import { soc2MatrixDocs } from './matrix/matrix-docs.ts';
import { soc2MatrixRoutes } from './matrix/matrix-routes.ts';
import { soc2RequestsDocs } from './requests/requests-docs.ts';
import { soc2RequestsRoutes } from './requests/requests-routes.ts';

/*
 * SOC 2 stage 2, the audit programme: control matrix (matrix/), test procedures (tests/) and the
 * information request list (requests/). What other SOC 2 parts call is exported here.
 */
export { uncoveredCriteria } from './matrix/matrix-repo.ts';
export { uncoveredCriteriaRule, fieldworkProblems } from './matrix/matrix-rules.ts';
export { copyTestsFrom } from './tests/tests-repo.ts';
export { copyLinksFrom } from './matrix/matrix-repo.ts';

export const soc2ProgramDocs: TApiDocs = { ...soc2MatrixDocs, ...soc2RequestsDocs };

export function soc2ProgramRoutes(app: FastifyInstance, p: TPlatform) {
  soc2MatrixRoutes(app, p);
  soc2RequestsRoutes(app, p);
}
