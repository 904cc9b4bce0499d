import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';
import { ZEngagementResource } from '../../../../shared/contracts/engagement-reads.ts';

/*
 * One read of the organization's records through an engagement, written to BOTH tenants' logs
 * (the body's and the organization's) with the same payload, so each side holds its own proof.
 */
export const ENGAGEMENT_READS_AUDIT = defineAuditActions({
  'engagement.aims_read': {
    after: z.strictObject({
      engagementId: z.string(),
      bodyTenantId: z.string(),
      bodyName: z.string(),
      organizationTenantId: z.string(),
      organizationName: z.string(),
      resource: ZEngagementResource,
      recordId: z.string().nullable(),
    }),
  },
});
