import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZLocale, zText } from './common.ts';
import { ZSoc2Day } from './soc2-examinations.ts';
import { ZSoc2ComplementaryKind, ZSoc2ExaminationState, ZSoc2Opinion, ZSoc2SubserviceTreatment } from './soc2.ts';
import { ZSoc2CriterionRef } from './soc2-program.ts';

/*
 * The parts of an examination's scope beside its texts: the subservice organizations (carve-out or
 * inclusive, with the SOC report of their own the firm relied on) and the complementary controls —
 * CUECs, what user entities must do, and CSOCs, what a carved-out subservice organization must do —
 * each mapped to the applicable criteria it supports. The firm writes them while the examination is
 * scoping or planning; the organization reads them (its system description refers to them).
 */

/** The kinds of report a subservice organization may hold ('' = none recorded). */
export const SOC2_SUBSERVICE_REPORT_KINDS = ['', 'soc1-type1', 'soc1-type2', 'soc2-type1', 'soc2-type2', 'iso27001', 'other'] as const;
export const ZSoc2SubserviceReportKind = z.enum(SOC2_SUBSERVICE_REPORT_KINDS);
export type TSoc2SubserviceReportKind = z.infer<typeof ZSoc2SubserviceReportKind>;

export const SOC2_SCOPE_PART_TEXT_MAX = 4000;

export const ZSoc2SubserviceOrgBody = z.strictObject({
  name: zText(200, { min: 1 }),
  /** What it does for the organization (hosting, payment processing…). */
  services: zText(SOC2_SCOPE_PART_TEXT_MAX).default(''),
  treatment: ZSoc2SubserviceTreatment,
  reportKind: ZSoc2SubserviceReportKind.default(''),
  reportPeriodEnd: ZSoc2Day.nullable().default(null),
  reportOpinion: ZSoc2Opinion.nullable().default(null),
  reportNotes: zText(SOC2_SCOPE_PART_TEXT_MAX).default(''),
});
export type TSoc2SubserviceOrgBody = z.input<typeof ZSoc2SubserviceOrgBody>;

/** Only the fields sent change. */
export const ZSoc2SubserviceOrgUpdateBody = z.strictObject({
  name: zText(200, { min: 1 }).optional(),
  services: zText(SOC2_SCOPE_PART_TEXT_MAX).optional(),
  treatment: ZSoc2SubserviceTreatment.optional(),
  reportKind: ZSoc2SubserviceReportKind.optional(),
  reportPeriodEnd: ZSoc2Day.nullable().optional(),
  reportOpinion: ZSoc2Opinion.nullable().optional(),
  reportNotes: zText(SOC2_SCOPE_PART_TEXT_MAX).optional(),
});
export type TSoc2SubserviceOrgUpdateBody = z.input<typeof ZSoc2SubserviceOrgUpdateBody>;

export const ZSoc2ComplementaryControlBody = z.strictObject({
  kind: ZSoc2ComplementaryKind,
  statement: zText(SOC2_SCOPE_PART_TEXT_MAX, { min: 1 }),
  /** Applicable criteria of the examination (`soc2-tsc-2017`) the control supports. */
  criteria: z.array(ZSoc2CriterionRef).max(40).default([]),
  /** A CSOC names its carved-out subservice organization; a CUEC names none. */
  subserviceOrgId: z.uuid().nullable().default(null),
});
export type TSoc2ComplementaryControlBody = z.input<typeof ZSoc2ComplementaryControlBody>;

/** The kind (and so the reference) does not change; only the fields sent change. */
export const ZSoc2ComplementaryControlUpdateBody = z.strictObject({
  statement: zText(SOC2_SCOPE_PART_TEXT_MAX, { min: 1 }).optional(),
  criteria: z.array(ZSoc2CriterionRef).max(40).optional(),
  subserviceOrgId: z.uuid().nullable().optional(),
});
export type TSoc2ComplementaryControlUpdateBody = z.input<typeof ZSoc2ComplementaryControlUpdateBody>;

/** The new order: every id of the list once. */
export const ZSoc2ReorderBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) });
export type TSoc2ReorderBody = z.input<typeof ZSoc2ReorderBody>;

export const ZSoc2SubserviceOrg = z.object({
  id: z.string(),
  name: z.string(),
  services: z.string(),
  treatment: ZSoc2SubserviceTreatment,
  reportKind: ZSoc2SubserviceReportKind,
  reportPeriodEnd: z.string().nullable(),
  reportOpinion: ZSoc2Opinion.nullable(),
  reportNotes: z.string(),
  position: z.number().int(),
});
export type TSoc2SubserviceOrg = z.infer<typeof ZSoc2SubserviceOrg>;

export const ZSoc2ComplementaryControl = z.object({
  id: z.string(),
  kind: ZSoc2ComplementaryKind,
  /** `CUEC-01`, `CSOC-01`: numbered per examination and kind, after the highest in use. */
  reference: z.string(),
  statement: z.string(),
  criteria: z.array(z.string()),
  subserviceOrgId: z.string().nullable(),
  subserviceOrgName: z.string().nullable(),
  position: z.number().int(),
});
export type TSoc2ComplementaryControl = z.infer<typeof ZSoc2ComplementaryControl>;

export const ZSoc2ScopePartsAbilities = zAbilitiesOf('soc2Examination.scopeParts');

/** Subservice organizations then complementary controls (CUECs, then CSOCs), each in its set order. */
export const ZSoc2ScopeParts = z.object({
  examinationId: z.string(),
  state: ZSoc2ExaminationState,
  subserviceOrgs: z.array(ZSoc2SubserviceOrg),
  complementaryControls: z.array(ZSoc2ComplementaryControl),
  abilities: ZSoc2ScopePartsAbilities,
});
export type TSoc2ScopeParts = z.infer<typeof ZSoc2ScopeParts>;

export const ZSoc2SubserviceOrgParams = z.strictObject({ tenantId: z.uuid(), examinationId: z.uuid(), subserviceOrgId: z.uuid() });
export const ZSoc2ComplementaryControlParams = z.strictObject({ tenantId: z.uuid(), examinationId: z.uuid(), complementaryControlId: z.uuid() });

/* ---- Description diff ---- */

export const ZSoc2DescriptionDiffQuery = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export type TSoc2DescriptionDiffQuery = z.output<typeof ZSoc2DescriptionDiffQuery>;

export const ZSoc2DiffLine = z.object({ op: z.enum(['added', 'removed', 'unchanged']), text: z.string() });
export type TSoc2DiffLine = z.infer<typeof ZSoc2DiffLine>;

/** Per DC 200 section (and the assertion, key `assertion`), the lines of `from` turned into `to`. */
export const ZSoc2DescriptionDiff = z.object({
  examinationId: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  sections: z.array(z.object({ section: z.string(), changed: z.boolean(), lines: z.array(ZSoc2DiffLine) })),
});
export type TSoc2DescriptionDiff = z.infer<typeof ZSoc2DescriptionDiff>;

/* ---- Renewal ---- */

/** The next period is computed from the previous one; the firm may set its own dates instead. */
export const ZSoc2RenewBody = z
  .strictObject({
    asOfDate: ZSoc2Day.nullable().optional(),
    periodStart: ZSoc2Day.nullable().optional(),
    periodEnd: ZSoc2Day.nullable().optional(),
  })
  .default({});
export type TSoc2RenewBody = z.input<typeof ZSoc2RenewBody>;

/* ---- PBC list export ---- */

export const ZSoc2RequestsExportQuery = z.strictObject({ locale: ZLocale.default('en') });
