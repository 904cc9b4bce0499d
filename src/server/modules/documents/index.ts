import type { TPlatform } from '../../platform/platform.ts';
import { createDocumentVersionsService } from './document-versions-service.ts';
import { createDocumentRecordsService } from './documents-service.ts';
import { createMandatoryChecklistService } from './mandatory-checklist-service.ts';

/**
 * Everything the documents module does, as one service: the routes use it, and so does the demo
 * seed (`createDocumentsService(p).create(…)`, `.addText(…)`, `.submit(…)`, `.approve(…)`, `.publish(…)`).
 */
export function createDocumentsService(p: Pick<TPlatform, 'db' | 'authz' | 'clock' | 'config' | 'blobs'>) {
  return { ...createDocumentRecordsService(p), ...createDocumentVersionsService(p), checklist: createMandatoryChecklistService(p).get };
}
export type TDocumentsService = ReturnType<typeof createDocumentsService>;
