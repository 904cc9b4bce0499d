import { z } from 'zod';
import { ZControlAutomation, ZControlFrequency, ZControlLinkOrigin, ZControlStatus, ZMappingRelation } from '../../../shared/contracts/controls.ts';
import { defineAuditActions } from '../../platform/audit-log/audit-registry.ts';

/** The recorded fields of a control: an update records only those that changed (the owner by id). */
export const ZControlAuditFields = z
  .strictObject({
    reference: z.string(),
    title: z.string(),
    description: z.string(),
    ownerId: z.uuid().nullable(),
    frequency: ZControlFrequency,
    automation: ZControlAutomation,
    status: ZControlStatus,
    /** The starter-library item it was created from. */
    libraryRef: z.string().nullable(),
  })
  .partial();

const ZLink = z.strictObject({
  reference: z.string(),
  frameworkId: z.string(),
  frameworkVersion: z.string(),
  ref: z.string(),
  origin: ZControlLinkOrigin,
  /** For a crosswalk link: the control's requirement and the catalog relation that suggested it. */
  via: z.strictObject({ frameworkId: z.string(), ref: z.string(), relation: ZMappingRelation }).optional(),
});

/** Controls (ISO/IEC 42001 6.1.3, 8.1) and the frameworks the organization works towards. */
export const CONTROLS_AUDIT = defineAuditActions({
  'control.created': { after: ZControlAuditFields.extend({ requirements: z.array(z.string()).optional() }) },
  'control.updated': { before: ZControlAuditFields, after: ZControlAuditFields },
  'control.requirement_linked': { after: ZLink },
  'control.requirement_unlinked': { before: ZLink.omit({ via: true }) },
  'control.suggestion_dismissed': { after: z.strictObject({ reference: z.string(), frameworkId: z.string(), ref: z.string() }) },
  'framework.adopted': { before: z.strictObject({ version: z.string() }), after: z.strictObject({ frameworkId: z.string(), version: z.string() }) },
  'framework.unadopted': { before: z.strictObject({ frameworkId: z.string(), version: z.string() }) },
});
