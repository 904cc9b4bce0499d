import { z } from 'zod';
import { ZEmail, ZPasswordInput } from './accounts-schemas.ts';

/** The link's secret travels in the URL fragment and then in a body: never in a logged URL. */
const ZResetToken = z.string().trim().min(20, 'This reset link is incomplete.').max(100, 'This reset link is not valid.');

export const ZPasswordResetRequestBody = z.object({ email: ZEmail });
export const ZPasswordResetRequested = z.object({ status: z.literal('requested'), expiresInMinutes: z.number().int() });
export const ZPasswordResetVerifyBody = z.object({ token: ZResetToken });
export const ZPasswordResetPreview = z.object({ email: z.string(), expiresAt: z.string() });
export const ZPasswordResetCompleteBody = z.object({ token: ZResetToken, password: ZPasswordInput });
