import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZEmail, ZTimestamp, zText, type TListFilters } from './common.ts';

/*
 * What a certification body's auditors may read of an organization's AIMS through an active
 * engagement (DESIGN.md "Tenancy and roles"), and the organization's view of who read what.
 */

/** `readiness`: the readiness view a stage 1 checklist starts from (read by the audit workspace, no route of its own). */
export const ENGAGEMENT_RESOURCES = ['scope', 'soa', 'documents', 'risks', 'impact-assessments', 'ai-systems', 'controls', 'evidence', 'readiness'] as const;
export const ZEngagementResource = z.enum(ENGAGEMENT_RESOURCES);
export type TEngagementResource = z.infer<typeof ZEngagementResource>;

export const ZEngagementParams = z.object({ engagementId: z.uuid() });

/** One read of the organization's records, as the organization's log holds it. */
export const ZEngagementRead = z.object({
  id: z.uuid(),
  occurredAt: ZTimestamp,
  engagementId: z.uuid(),
  bodyName: z.string(),
  readerName: z.string().nullable(),
  readerEmail: z.string().nullable(),
  resource: ZEngagementResource,
  recordId: z.string().nullable(),
});
export type TEngagementRead = z.infer<typeof ZEngagementRead>;

export const ZEngagementReadListQuery = z.object({
  engagementId: z.uuid().optional(),
  resource: ZEngagementResource.optional(),
  /** One member of the body: the reads by this address. */
  readerEmail: ZEmail.optional(),
  cursor: zText(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TReadFilters = TListFilters<typeof ZEngagementReadListQuery>;
export type TEngagementReadListQuery = z.infer<typeof ZEngagementReadListQuery>;

export const ZEngagementReadPage = z.object({
  items: z.array(ZEngagementRead),
  nextCursor: z.string().nullable(),
  abilities: zAbilitiesOf('engagementAims.read', 'engagementAims.readLog'),
});
export type TEngagementReadPage = z.infer<typeof ZEngagementReadPage>;
