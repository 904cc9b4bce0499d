import { z } from 'zod';
import { ZLocale } from './common.ts';

/* Surveillance and recertification: the OSCAL downloads and the dashboards' contracts. */

export const ZCycleAuditParams = z.object({ tenantId: z.uuid(), auditId: z.uuid() });
export const ZCycleProgrammeParams = z.object({ tenantId: z.uuid(), programmeId: z.uuid() });
/** The language of the labels Attest writes into an OSCAL document (the findings keep the words they were written in). */
export const ZOscalLangQuery = z.object({ lang: ZLocale.default('en') });
