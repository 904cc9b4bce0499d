import { z } from 'zod';
import { AI_TIERS } from './ai-systems.ts';
import { ZLocalizedLabel } from './risks.ts';

/*
 * The organization's AIMS at a glance (issue 8): AI systems by tier, risks by level, and what is
 * overdue. A section the reader may not see (their role cannot read risks, say) is null.
 */

export const ZDashboardAiSystems = z.object({
  total: z.number().int(),
  inScope: z.number().int(),
  byTier: z.object(Object.fromEntries([...AI_TIERS, 'unclassified'].map((t) => [t, z.number().int()])) as Record<(typeof AI_TIERS)[number] | 'unclassified', z.ZodNumber>),
});

export const ZDashboardLevel = z.object({ key: z.string(), label: ZLocalizedLabel, color: z.string(), inherent: z.number().int(), residual: z.number().int() });

export const ZDashboardRisks = z.object({
  open: z.number().int(),
  accepted: z.number().int(),
  /** Levels of the matrix in force, low to high; risks scored on an older matrix count under their own level's key. */
  byLevel: z.array(ZDashboardLevel),
  overdueReviews: z.number().int(),
  overdueActions: z.number().int(),
  /** Acceptances whose expiry falls within the next 30 days. */
  acceptancesExpiringSoon: z.number().int(),
  /** The five most overdue reviews, oldest first. */
  oldestOverdue: z.array(z.object({ id: z.uuid(), title: z.string(), reviewDate: z.iso.date() })),
});

export const ZDashboardImpactAssessments = z.object({
  open: z.number().int(),
  inReview: z.number().int(),
  approved: z.number().int(),
  /** Approved assessments whose next review date has passed (overdue, as risk reviews are). */
  reviewsDue: z.number().int(),
  /** The five most overdue assessment reviews, oldest first. */
  oldestOverdue: z.array(z.object({ id: z.uuid(), title: z.string(), reviewDate: z.iso.date() })),
});

export const ZOrganizationDashboard = z.object({
  today: z.iso.date(),
  aiSystems: ZDashboardAiSystems,
  risks: ZDashboardRisks.nullable(),
  impactAssessments: ZDashboardImpactAssessments.nullable(),
});
export type TOrganizationDashboard = z.infer<typeof ZOrganizationDashboard>;
export type TDashboardRisks = z.infer<typeof ZDashboardRisks>;
