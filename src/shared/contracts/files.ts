import { z } from 'zod';
import { ZTimestamp, zText } from './common.ts';
import { ZTenantParams } from './tenants.ts';

export const ZFile = z.object({ id: z.uuid(), sha256: z.string(), size: z.number(), filename: z.string(), contentType: z.string(), createdAt: ZTimestamp });
export type TFile = z.infer<typeof ZFile>;
export const ZFileParams = ZTenantParams.extend({ fileId: z.uuid() });
export const ZUploadQuery = z.object({
  filename: zText(255, { min: 1 })
    // Bidirectional controls (U+202E…) make "invoice\u202Etxt.exe" read as "invoiceexe.txt".
    .regex(/^[^/\\\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+$/, 'filename must not contain slashes, control characters or bidirectional formatting characters'),
});
