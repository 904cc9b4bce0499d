import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZTimestamp, zText } from './common.ts';
import { ZSoc2Category, ZSoc2ExaminationState, ZSoc2ReportType } from './soc2.ts';

/*
 * A SOC 2 examination: one report period of a firm–organization engagement (scheme soc2-type1 or
 * soc2-type2). Type I is as of one date; Type II covers an observation period of 3 to 12 months.
 * Security (the common criteria) is always among the categories.
 */

export const ZSoc2Day = z.iso.date();
export const SOC2_SCOPE_TEXT_MAX = 4000;

/** The in-scope services, systems, locations and people, each free text written by the firm with the organization. */
export const ZSoc2ScopeText = zText(SOC2_SCOPE_TEXT_MAX);

export const ZCreateSoc2ExaminationBody = z.strictObject({
  engagementId: z.uuid(),
  reportType: ZSoc2ReportType,
  /** Type I only: the date the description and the design of controls are reported as of. */
  asOfDate: ZSoc2Day.nullable().default(null),
  /** Type II only: the observation period, first and last day included. */
  periodStart: ZSoc2Day.nullable().default(null),
  periodEnd: ZSoc2Day.nullable().default(null),
  /** Security is added when missing: it is always in scope. */
  categories: z.array(ZSoc2Category).max(5).default(['security']),
  services: ZSoc2ScopeText.default(''),
  systems: ZSoc2ScopeText.default(''),
  locations: ZSoc2ScopeText.default(''),
  people: ZSoc2ScopeText.default(''),
  /** The engagement partner: a member of the firm. */
  partnerUserId: z.uuid().nullable().default(null),
});
export type TCreateSoc2ExaminationBody = z.input<typeof ZCreateSoc2ExaminationBody>;
export type TCreateSoc2ExaminationInput = z.output<typeof ZCreateSoc2ExaminationBody>;

const ZPerson = z.object({ id: z.string(), name: z.string() }).nullable();

const examinationCore = {
  id: z.string(),
  reference: z.string(),
  engagementId: z.string(),
  firmTenantId: z.string(),
  firmName: z.string(),
  organizationTenantId: z.string(),
  organizationName: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  reportType: ZSoc2ReportType,
  asOfDate: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  categories: z.array(ZSoc2Category),
  services: z.string(),
  systems: z.string(),
  locations: z.string(),
  people: z.string(),
  state: ZSoc2ExaminationState,
  partner: ZPerson,
  previousExaminationId: z.string().nullable(),
  previousReference: z.string().nullable(),
  /** The examination opened as this one's renewal (the next period), once there is one. */
  nextExamination: z.object({ id: z.string(), reference: z.string() }).nullable(),
  /** The state of the latest description version (null before the organization writes one). */
  descriptionState: z.enum(['draft', 'signed_off', 'superseded']).nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
};

export const ZSoc2ExaminationAbilities = zAbilitiesOf(
  'soc2Examination.read',
  'soc2Examination.create',
  'soc2Examination.scope',
  'soc2Examination.reporting',
  'soc2Examination.partner',
  'soc2Examination.scopeParts',
  'soc2Examination.renew',
);
export const ZSoc2Examination = z.object({ ...examinationCore, abilities: ZSoc2ExaminationAbilities });
export type TSoc2Examination = z.infer<typeof ZSoc2Examination>;

export const ZOrgSoc2ExaminationAbilities = zAbilitiesOf('orgSoc2Examination.read', 'soc2Description.write', 'soc2Description.signOff');
export const ZOrgSoc2Examination = z.object({ ...examinationCore, abilities: ZOrgSoc2ExaminationAbilities });
export type TOrgSoc2Examination = z.infer<typeof ZOrgSoc2Examination>;

export const ZSoc2ExaminationPage = z.object({ items: z.array(ZSoc2Examination), nextCursor: z.string().nullable() });
export type TSoc2ExaminationPage = z.infer<typeof ZSoc2ExaminationPage>;
export const ZOrgSoc2ExaminationPage = z.object({ items: z.array(ZOrgSoc2Examination), nextCursor: z.string().nullable() });
export type TOrgSoc2ExaminationPage = z.infer<typeof ZOrgSoc2ExaminationPage>;

export const ZSoc2ExaminationListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: zText(200).optional(),
  state: ZSoc2ExaminationState.optional(),
  reportType: ZSoc2ReportType.optional(),
  engagementId: z.uuid().optional(),
});
export type TSoc2ExaminationListQuery = z.output<typeof ZSoc2ExaminationListQuery>;

export const ZSoc2TenantParams = z.strictObject({ tenantId: z.uuid() });
export const ZSoc2ExaminationParams = z.strictObject({ tenantId: z.uuid(), examinationId: z.uuid() });

/** Changes to the scope while the examination is being scoped; only the fields sent change. */
export const ZUpdateSoc2ScopeBody = z.strictObject({
  asOfDate: ZSoc2Day.nullable().optional(),
  periodStart: ZSoc2Day.nullable().optional(),
  periodEnd: ZSoc2Day.nullable().optional(),
  categories: z.array(ZSoc2Category).max(5).optional(),
  services: ZSoc2ScopeText.optional(),
  systems: ZSoc2ScopeText.optional(),
  locations: ZSoc2ScopeText.optional(),
  people: ZSoc2ScopeText.optional(),
  partnerUserId: z.uuid().nullable().optional(),
});
export type TUpdateSoc2ScopeBody = z.input<typeof ZUpdateSoc2ScopeBody>;
