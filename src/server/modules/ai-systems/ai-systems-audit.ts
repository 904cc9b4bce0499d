import { z } from 'zod';
import { ZAiOrgRole, ZAiRoute, ZAiSystem, ZAiTier } from '../../../shared/contracts/ai-systems.ts';
import { defineAuditActions } from '../../platform/audit-log/audit-registry.ts';

/** The recorded fields of a system: an update records only those that changed (owners by id). */
export const ZAiSystemAuditFields = z
  .strictObject({
    ...ZAiSystem.omit({ id: true, businessOwner: true, technicalOwner: true, classification: true, createdBy: true, createdAt: true, updatedAt: true, abilities: true }).shape,
    businessOwnerId: z.uuid().nullable(),
    technicalOwnerId: z.uuid().nullable(),
  })
  .partial();

const ZClassified = z.strictObject({ version: z.number().int(), tier: ZAiTier, route: ZAiRoute.nullable(), annexIIIRef: z.string().nullable(), roles: z.array(ZAiOrgRole) });

export const AI_SYSTEMS_AUDIT = defineAuditActions({
  'ai_system.created': { after: ZAiSystemAuditFields.extend({ source: z.enum(['cyclonedx']).optional() }) },
  'ai_system.updated': { before: ZAiSystemAuditFields, after: ZAiSystemAuditFields.extend({ source: z.enum(['cyclonedx']).optional() }) },
  // Only what changed is kept (onlyChanged): a re-classification to the same tier records the version alone.
  'ai_system.classified': { before: ZClassified.partial(), after: ZClassified.partial() },
});
