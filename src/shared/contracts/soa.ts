import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZLocale, ZTimestamp, zText } from './common.ts';
import { ZTenantParams } from './tenants.ts';

/*
 * Statement of Applicability (ISO/IEC 42001 6.1.3 d; ISO/IEC 27001 6.1.3 d when adopted): for each
 * Annex A control, applicable or not and why, how far it is implemented and by which of the
 * organization's controls. A series of versions: one open (draft → in review), one approved in
 * force; approval numbers the version (1, 2, …) and freezes it.
 */

export const SOA_VERSION_STATUSES = ['draft', 'in_review', 'approved', 'superseded'] as const;
export const ZSoaVersionStatus = z.enum(SOA_VERSION_STATUSES);
export type TSoaVersionStatus = z.infer<typeof ZSoaVersionStatus>;

/** How far an applicable control is implemented; a control that does not apply has none. */
export const SOA_IMPLEMENTATION_STATUSES = ['not_started', 'in_progress', 'implemented'] as const;
export const ZSoaImplementationStatus = z.enum(SOA_IMPLEMENTATION_STATUSES);
export type TSoaImplementationStatus = z.infer<typeof ZSoaImplementationStatus>;

/** The frameworks whose Annex A an SoA covers: 42001 always, 27001 once the organization adopts it. */
export const SOA_FRAMEWORKS = ['iso-iec-42001-2023', 'iso-iec-27001-2022'] as const;

export const SOA_JUSTIFICATION_MAX = 2000;
export const SOA_CONTROLS_PER_ENTRY_MAX = 50;

const ZPerson = z.object({ id: z.uuid(), name: z.string() });
const ZLocalized = z.object({ en: z.string(), fr: z.string() });

export const ZSoaAbilities = zAbilitiesOf('soa.read', 'soa.create', 'soa.update', 'soa.submit', 'soa.reject', 'soa.approve');
export type TSoaAbilities = z.infer<typeof ZSoaAbilities>;

export const ZSoaEntryControl = z.object({ id: z.uuid(), reference: z.string(), title: z.string() });

export const ZSoaEntry = z.object({
  frameworkId: z.string(),
  frameworkVersion: z.string(),
  ref: z.string(),
  /** The Annex A area (e.g. A.2) the control belongs to. */
  parentRef: z.string().nullable(),
  title: ZLocalized,
  applicable: z.boolean().nullable(),
  justification: z.string(),
  implementationStatus: ZSoaImplementationStatus.nullable(),
  controls: z.array(ZSoaEntryControl),
  updatedAt: ZTimestamp,
});
export type TSoaEntry = z.infer<typeof ZSoaEntry>;

export const ZSoaVersionSummary = z.object({
  id: z.uuid(),
  /** Given at approval; a draft has none. Certificates cite it. */
  number: z.number().int().nullable(),
  status: ZSoaVersionStatus,
  basedOnNumber: z.number().int().nullable(),
  createdBy: ZPerson,
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  submittedBy: ZPerson.nullable(),
  submittedAt: ZTimestamp.nullable(),
  approvedBy: ZPerson.nullable(),
  approvedAt: ZTimestamp.nullable(),
  approvalComment: z.string().nullable(),
  rejectedBy: ZPerson.nullable(),
  rejectedAt: ZTimestamp.nullable(),
  rejectComment: z.string().nullable(),
  counts: z.object({ total: z.number().int(), decided: z.number().int(), applicable: z.number().int() }),
});
export type TSoaVersionSummary = z.infer<typeof ZSoaVersionSummary>;

export const ZSoaVersion = ZSoaVersionSummary.extend({
  frameworks: z.array(z.object({ id: z.string(), version: z.string() })),
  entries: z.array(ZSoaEntry),
  abilities: ZSoaAbilities,
});
export type TSoaVersion = z.infer<typeof ZSoaVersion>;

export const ZSoaOverview = z.object({
  /** The version being drafted or reviewed, if any. */
  open: ZSoaVersionSummary.nullable(),
  /** The approved version in force, if any. */
  inForce: ZSoaVersionSummary.nullable(),
  /** Every numbered version, newest first. */
  versions: z.array(ZSoaVersionSummary),
  /** What a new draft covers now: 42001 and every adopted framework with an Annex A. */
  frameworks: z.array(z.object({ id: z.string(), version: z.string(), controls: z.number().int() })),
  abilities: ZSoaAbilities,
});
export type TSoaOverview = z.infer<typeof ZSoaOverview>;

export const ZSoaCreateDraftBody = z.object({
  /** Start from the approved version in force (its decisions copied) or from nothing. */
  from: z.enum(['in_force', 'blank']).default('in_force'),
});
export type TSoaCreateDraftBody = z.infer<typeof ZSoaCreateDraftBody>;

export const ZSoaEntryParams = ZTenantParams.extend({ frameworkId: z.enum(SOA_FRAMEWORKS), ref: zText(40, { min: 1 }) });
export const ZSoaVersionParams = ZTenantParams.extend({ number: z.coerce.number().int().min(1).max(1_000_000) });

export const ZSoaUpdateEntryBody = z
  .object({
    applicable: z.boolean().nullable().optional(),
    justification: zText(SOA_JUSTIFICATION_MAX).optional(),
    implementationStatus: ZSoaImplementationStatus.nullable().optional(),
    controlIds: z.array(z.uuid()).max(SOA_CONTROLS_PER_ENTRY_MAX).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Change at least one field.' });
export type TSoaUpdateEntryBody = z.infer<typeof ZSoaUpdateEntryBody>;

export const ZSoaRejectBody = z.object({ comment: zText(2000, { min: 1 }) });
export const ZSoaApproveBody = z.object({ comment: zText(2000).optional() });

export const SOA_EXPORT_FORMATS = ['xlsx', 'docx', 'pdf'] as const;
export const ZSoaExportQuery = z.object({ format: z.enum(SOA_EXPORT_FORMATS), locale: ZLocale });
export type TSoaExportFormat = (typeof SOA_EXPORT_FORMATS)[number];
