import { z } from 'zod';
import { ZLocalizedText } from './catalog.ts';

/*
 * Readiness of one framework, requirement by requirement: what the organization's controls,
 * evidence, Statement of Applicability, documents and open nonconformities say about it, and what
 * blocks a stage 1 audit. The rules that turn those counts into a status are in the server's
 * readiness-rules.ts (pure, unit-tested); the web only displays them.
 */

export const REQUIREMENT_STATUSES = ['covered', 'partial', 'planned', 'missing', 'not_applicable'] as const;
export const ZRequirementStatus = z.enum(REQUIREMENT_STATUSES);
export type TRequirementStatus = z.infer<typeof ZRequirementStatus>;

/** The best state among a requirement's evidence, in this order: fresh beats stale beats expired. */
export const EVIDENCE_STATES = ['fresh', 'stale', 'expired', 'missing'] as const;
export const ZEvidenceState = z.enum(EVIDENCE_STATES);
export type TEvidenceState = z.infer<typeof ZEvidenceState>;

const count = z.number().int().min(0);

export const ZReadinessRequirement = z.object({
  ref: z.string(),
  parentRef: z.string().nullable(),
  kind: z.string(),
  title: ZLocalizedText,
  normative: z.boolean(),
  /** A leaf is what is judged; a parent shows the roll-up of the leaves beneath it. */
  leaf: z.boolean(),
  status: ZRequirementStatus,
  controls: z.object({ planned: count, implemented: count, operating: count }),
  evidence: z.object({ state: ZEvidenceState, fresh: count, stale: count, expired: count, notContemporaneous: count }),
  /** The decision of the SoA in force (Annex A controls only); null when the SoA does not cover it. */
  soa: z.object({ version: z.number().int(), applicable: z.boolean().nullable(), justification: z.string(), implementationStatus: z.string().nullable() }).nullable(),
  documents: z.object({ current: count, overdue: count, unpublished: count }),
  openNonconformities: count,
  /** For a parent: its leaves by status. */
  rollup: z.record(ZRequirementStatus, count).nullable(),
});
export type TReadinessRequirement = z.infer<typeof ZReadinessRequirement>;

export const ZReadinessGroup = z.object({
  ref: z.string(),
  title: ZLocalizedText,
  total: count,
  byStatus: z.record(ZRequirementStatus, count),
  /** Share of applicable leaves that are covered, 0–100, rounded down. */
  coveredPercent: z.number().int().min(0).max(100),
});
export type TReadinessGroup = z.infer<typeof ZReadinessGroup>;

export const BLOCKER_KINDS = ['mandatory_information_missing', 'mandatory_information_overdue', 'soa_not_approved', 'high_risk_untreated'] as const;
export const ZBlocker = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mandatory_information_missing'), item: z.string(), clause: z.string(), label: ZLocalizedText }),
  z.object({ kind: z.literal('mandatory_information_overdue'), item: z.string(), clause: z.string(), label: ZLocalizedText }),
  z.object({ kind: z.literal('soa_not_approved'), openVersionStatus: z.string().nullable() }),
  z.object({ kind: z.literal('high_risk_untreated'), riskId: z.uuid(), title: z.string(), level: z.string(), score: z.number().int() }),
]);
export type TBlocker = z.infer<typeof ZBlocker>;

export const ZReadiness = z.object({
  framework: z.object({ id: z.string(), version: z.string(), title: ZLocalizedText, adopted: z.boolean() }),
  asOf: z.string(),
  requirements: z.array(ZReadinessRequirement),
  groups: z.array(ZReadinessGroup),
  totals: z.object({ total: count, byStatus: z.record(ZRequirementStatus, count), coveredPercent: z.number().int().min(0).max(100) }),
  /** What stands between the organization and a stage 1 audit; empty means none is known. */
  blockers: z.array(ZBlocker),
});
export type TReadiness = z.infer<typeof ZReadiness>;

export const ZReadinessParams = z.object({ tenantId: z.uuid(), frameworkId: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,62}$/, 'a framework id such as iso-iec-42001-2023') });
