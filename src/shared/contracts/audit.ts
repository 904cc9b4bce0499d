import { z } from 'zod';
import { ZTimestamp, zText } from './common.ts';
import { ZAuditAction } from './audit-actions.ts';
import { ZTenantParams } from './tenants.ts';

export const ZAuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d{1,15}$/, 'cursor must be the nextCursor of a previous page').optional(),
  action: ZAuditAction.optional(),
  subjectType: z.string().max(40).regex(/^[a-z_]+$/).optional(),
  subjectId: zText(80).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

/** What the event changed, as recorded: the fields before and after (null for a creation or a removal). */
export const ZAuditSummary = z.object({
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type TAuditSummary = z.infer<typeof ZAuditSummary>;

export const ZAuditEvent = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  occurredAt: ZTimestamp,
  action: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  /** The actor's current display name, for the sentence the viewer shows (null for a token or the system). */
  actorName: z.string().nullable(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  summary: ZAuditSummary,
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;
export const ZAuditPage = z.object({ items: z.array(ZAuditEvent), nextCursor: z.string().nullable() });
export type TAuditPage = z.infer<typeof ZAuditPage>;
export const ZAuditCheckpointSummary = z.object({ seq: z.number().int(), hash: z.string(), time: z.string() });
export const ZAuditVerify = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  truncated: z.boolean(),
  checkpoint: ZAuditCheckpointSummary.nullable(),
  checkpointsVerified: z.number().int(),
  forgedCheckpoints: z.array(z.number().int()),
});
export type TAuditVerify = z.infer<typeof ZAuditVerify>;
export const ZSignedAuditCheckpoint = z.object({
  format: z.literal('attest-audit-checkpoint/1'),
  payload: z.object({ tenantId: z.uuid(), seq: z.number().int(), hash: z.string(), time: z.string() }),
  alg: z.literal('EdDSA'),
  kid: z.string(),
  signature: z.string(),
});
export type TSignedAuditCheckpoint = z.infer<typeof ZSignedAuditCheckpoint>;
export const ZAuditCheckpointList = z.object({ items: z.array(ZAuditCheckpointSummary) });
export const ZAuditCheckpointParams = ZTenantParams.extend({ seq: z.coerce.number().int().min(1).max(1e15) });
export const ZAuditEventParams = ZTenantParams.extend({ eventId: z.uuid() });

export const ZSecurityEventsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/, 'cursor must be the nextCursor of a previous page').optional(),
});
export type TSecurityEventsQuery = z.infer<typeof ZSecurityEventsQuery>;
