import { z } from 'zod';
import { ZNewPassword } from './accounts.ts';
import { ZEmail, ZTimestamp, zText } from './common.ts';

/** The link's secret travels in the URL fragment and then in a body: never in a logged URL. */
const ZResetToken = zText(100, { min: 20 });

export const ZPasswordResetRequestBody = z.object({ email: ZEmail });
export type TPasswordResetRequestBody = z.infer<typeof ZPasswordResetRequestBody>;
export const ZPasswordResetRequested = z.object({ status: z.literal('requested'), expiresInMinutes: z.number().int() });
export type TPasswordResetRequested = z.infer<typeof ZPasswordResetRequested>;
export const ZPasswordResetVerifyBody = z.object({ token: ZResetToken });
export const ZPasswordResetPreview = z.object({ email: z.string(), expiresAt: ZTimestamp });
export type TPasswordResetPreview = z.infer<typeof ZPasswordResetPreview>;
export const ZPasswordResetCompleteBody = z.object({ token: ZResetToken, password: ZNewPassword });
export type TPasswordResetCompleteBody = z.infer<typeof ZPasswordResetCompleteBody>;
