import { z } from 'zod';

/*
 * The organization's own controls (ISO/IEC 42001 6.1.3, 8.1): one control can satisfy requirements
 * of several frameworks. The enums are here so that the database's CHECK constraints (migration
 * 0011), the server and the web read the same closed lists.
 */

export const CONTROL_FREQUENCIES = ['continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'annually', 'on_event'] as const;
export const ZControlFrequency = z.enum(CONTROL_FREQUENCIES);
export type TControlFrequency = z.infer<typeof ZControlFrequency>;

export const CONTROL_AUTOMATIONS = ['automated', 'manual'] as const;
export const ZControlAutomation = z.enum(CONTROL_AUTOMATIONS);
export type TControlAutomation = z.infer<typeof ZControlAutomation>;

export const CONTROL_STATUSES = ['planned', 'implemented', 'operating', 'retired'] as const;
export const ZControlStatus = z.enum(CONTROL_STATUSES);
export type TControlStatus = z.infer<typeof ZControlStatus>;

/** How a control came to be linked to a requirement: typed by a person, accepted from a crosswalk, or from the starter library. */
export const CONTROL_LINK_ORIGINS = ['manual', 'crosswalk', 'library'] as const;
export const ZControlLinkOrigin = z.enum(CONTROL_LINK_ORIGINS);
export type TControlLinkOrigin = z.infer<typeof ZControlLinkOrigin>;
