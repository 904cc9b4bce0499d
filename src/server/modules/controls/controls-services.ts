import type { TPlatform } from '../../platform/platform.ts';
import { createControlLibraryService } from './control-library-service.ts';
import { createControlLinksService } from './control-links-service.ts';
import { createControlsCoreService } from './controls-service.ts';
import { createFrameworksService } from './frameworks-service.ts';

type TDeps = Pick<TPlatform, 'db' | 'database' | 'authz' | 'clock'>;

/**
 * The controls module as other code calls it (routes, the demo seed): controls, their requirement
 * links and crosswalk suggestions, the starter library and the adopted frameworks.
 */
export function createControlsService(p: TDeps) {
  const core = createControlsCoreService(p);
  return { ...core, links: createControlLinksService(p, core), library: createControlLibraryService(p), frameworks: createFrameworksService(p) };
}
export type TControlsService = ReturnType<typeof createControlsService>;
