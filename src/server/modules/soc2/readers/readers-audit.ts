import { z } from 'zod';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';
import { ZSoc2Sides } from '../examinations/examinations-audit.ts';

const ZReader = { ...ZSoc2Sides, readerId: z.string(), email: z.string(), name: z.string(), company: z.string() };

/*
 * The firm publishes its terms (its own log); each step of a reader is written in both tenants'
 * logs: invited and revoked by the organization, the NDA accepted and each copy downloaded by the
 * reader (no actor: the reader has no account; ip and user agent are the request's).
 */
export const SOC2_READERS_AUDIT = defineAuditActions({
  'soc2_nda.published': { after: z.strictObject({ version: z.number().int(), sha256: z.string(), previous: z.number().int().nullable() }) },
  'soc2_reader.invited': { after: z.strictObject({ ...ZReader, locale: z.string(), expiresAt: z.string(), documentReference: z.string() }) },
  'soc2_reader.revoked': { after: z.strictObject(ZReader) },
  'soc2_reader.nda_accepted': { after: z.strictObject({ ...ZReader, typedName: z.string(), ndaVersion: z.number().int(), ndaSha256: z.string() }) },
  'soc2_reader.downloaded': { after: z.strictObject({ ...ZReader, locale: z.string(), watermark: z.string() }) },
});
