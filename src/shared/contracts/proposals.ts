import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZEmail, ZLocale, ZName, ZTimestamp, zText, type TListFilters } from './common.ts';
import { ZNewPassword, ZUser } from './accounts.ts';
import { ZAuditState, ZAuditType, ZEngagementState, ZProgrammeState, ZScheme } from './certification.ts';
import { ZSoc2Category, ZSoc2ReportType, ZSoc2SubserviceTreatment } from './soc2.ts';
import { ZSoc2DocumentationMaturity, ZSoc2FeeEstimate, ZSoc2SystemComplexity } from './soc2-fees.ts';

/*
 * Proposals: the certification body's fee quote for a three-year ISO/IEC 42001 cycle, its issue by
 * e-mail with a signed link, and the organization's answer (accept or decline) through that link.
 */

/** The five audits a cycle prices: the initial audit in two stages, two surveillances, recertification. */
export const PROPOSAL_SLOTS = ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification'] as const;
export const ZProposalSlot = z.enum(PROPOSAL_SLOTS);
export type TProposalSlot = z.infer<typeof ZProposalSlot>;

/** Stored states; `expired` is derived (a sent proposal past its validity date). */
export const PROPOSAL_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'withdrawn'] as const;
export const ZProposalStatus = z.enum(PROPOSAL_STATUSES);
export type TProposalStatus = z.infer<typeof ZProposalStatus>;
export const PROPOSAL_STATES = [...PROPOSAL_STATUSES, 'expired'] as const;
export const ZProposalState = z.enum(PROPOSAL_STATES);
export type TProposalState = z.infer<typeof ZProposalState>;

export const ZDay = z.iso.date();
/** Money in the currency's minor unit (cents), whole numbers only. */
export const ZCents = z.number().int().min(0).max(100_000_000_00);
/** Audit days, in half days (IAF MD5 rounds to the nearest half day). */
export const ZAuditDays = z
  .number()
  .min(0)
  .max(500)
  .refine((d) => Number.isInteger(d * 2), { message: 'Days are counted in half days (e.g. 2.5).' });

/** The audit-time calculation a proposal was priced from, frozen with it (IAF MD5: the client receives the justification). */
export const ZAuditTimeStep = z.object({ code: z.string().max(80), params: z.record(z.string(), z.unknown()).default({}) });
export const ZAuditTimeSnapshot = z.object({
  calculationId: z.uuid().nullable(),
  tableVersion: z.union([z.string(), z.number()]).nullable(),
  stage1Days: z.number(),
  stage2Days: z.number(),
  surveillanceDays: z.number(),
  recertificationDays: z.number(),
  trace: z.array(ZAuditTimeStep).max(200),
});
export type TAuditTimeSnapshot = z.infer<typeof ZAuditTimeSnapshot>;

export const ZProposalLineInput = z.object({
  slot: ZProposalSlot,
  days: ZAuditDays,
  /** Defaults to the proposal's day rate (itself the body's default). */
  dayRateCents: ZCents.optional(),
  travelCents: ZCents.default(0),
  expensesCents: ZCents.default(0),
});
export type TProposalLineInput = z.infer<typeof ZProposalLineInput>;

const everySlotOnce = (lines: readonly { slot: TProposalSlot }[]) =>
  lines.length === PROPOSAL_SLOTS.length && PROPOSAL_SLOTS.every((s) => lines.some((l) => l.slot === s));
const ZLines = z.array(ZProposalLineInput).refine(everySlotOnce, { message: 'Give one line for each of stage1, stage2, surveillance1, surveillance2 and recertification.' });

export const ZProposalParams = z.object({ tenantId: z.uuid(), proposalId: z.uuid() });

export const ZCreateProposalBody = z.object({
  clientId: z.uuid(),
  lines: ZLines,
  dayRateCents: ZCents.optional(),
  /** Defaults to the client's preferred language. */
  locale: ZLocale.optional(),
  /** Defaults to today plus the body's proposal validity. */
  validUntil: ZDay.optional(),
  recipientName: zText(160).optional(),
  recipientEmail: ZEmail.optional(),
  notes: zText(4000).optional(),
  /**
   * The client's stored audit-time calculation the days came from: the proposal freezes it (its
   * trace is printed in the client's language, IAF MD5). Without one, the PDF says the days were
   * set by the body without a stored calculation.
   */
  calculationId: z.uuid().optional(),
});
export type TCreateProposalBody = z.infer<typeof ZCreateProposalBody>;
export type TCreateProposalInput = z.input<typeof ZCreateProposalBody>;

/*
 * A SOC 2 proposal (a licensed CPA firm only): the scope of the first examination and the seed's cost
 * factors. The fee is estimated by the server from the firm's parameters (never sent by the caller)
 * and stored with its trace; accepting opens the engagement and this examination together.
 */
export const ZSoc2SubserviceOrganizationInput = z.object({
  name: zText(200, { min: 1 }),
  service: zText(500).default(''),
  treatment: ZSoc2SubserviceTreatment,
});
export const ZSoc2ProposalScope = z.object({
  reportType: ZSoc2ReportType,
  /** Type I: the date the description and design are reported as of. */
  asOfDate: ZDay.nullable().default(null),
  /** Type II: the observation period, 3 to 12 months. */
  periodStart: ZDay.nullable().default(null),
  periodEnd: ZDay.nullable().default(null),
  /** Security is always in scope and added when missing. */
  categories: z.array(ZSoc2Category).max(5).default(['security']),
  services: zText(2000).default(''),
  systems: zText(2000).default(''),
  locations: zText(2000).default(''),
  people: zText(2000).default(''),
  complexity: ZSoc2SystemComplexity.default('moderate'),
  documentationMaturity: ZSoc2DocumentationMaturity.default('established'),
  /** Type II only: a Type I by the same firm came first (the description and scope exist). */
  priorType1: z.boolean().default(false),
  subserviceOrganizations: z.array(ZSoc2SubserviceOrganizationInput).max(50).default([]),
});
export type TSoc2ProposalScope = z.infer<typeof ZSoc2ProposalScope>;
export type TSoc2ProposalScopeInput = z.input<typeof ZSoc2ProposalScope>;

export const ZCreateSoc2ProposalBody = z.object({
  clientId: z.uuid(),
  scope: ZSoc2ProposalScope,
  locale: ZLocale.optional(),
  validUntil: ZDay.optional(),
  recipientName: zText(160).optional(),
  recipientEmail: ZEmail.optional(),
  notes: zText(4000).optional(),
});
export type TCreateSoc2ProposalBody = z.infer<typeof ZCreateSoc2ProposalBody>;
export type TCreateSoc2ProposalInput = z.input<typeof ZCreateSoc2ProposalBody>;

/** What a SOC 2 proposal carries instead of the three-year lines: its scope and the fee estimate with its trace. */
export const ZSoc2ProposalTerms = z.object({
  scope: ZSoc2ProposalScope,
  /** Type II: the whole months the fee counts (a started month counts). */
  observationMonths: z.number().int().nullable(),
  feeEstimate: ZSoc2FeeEstimate,
});
export type TSoc2ProposalTerms = z.infer<typeof ZSoc2ProposalTerms>;

export const ZUpdateProposalBody = ZCreateProposalBody.omit({ clientId: true, calculationId: true })
  .partial()
  .extend({ /** SOC 2 drafts only: a new scope, estimated again from the firm's parameters in force. */ soc2Scope: ZSoc2ProposalScope.optional() });
export type TUpdateProposalBody = z.infer<typeof ZUpdateProposalBody>;

export const ZSendProposalBody = z.object({ recipientEmail: ZEmail.optional(), recipientName: zText(160).optional() });
export type TSendProposalBody = z.infer<typeof ZSendProposalBody>;
export const ZWithdrawProposalBody = z.object({ reason: zText(2000, { min: 3 }) });
export const ZDeclineProposalBody = z.object({ reason: zText(2000, { min: 3 }) });

export const ZProposalListQuery = z.object({
  status: ZProposalState.optional(),
  clientId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).regex(/^[A-Za-z0-9_-]+$/, 'cursor must be the nextCursor of a previous page').optional(),
});
export type TProposalListQuery = z.infer<typeof ZProposalListQuery>;
/** The list's filters as the web keeps them in the address: the query without its paging. */
export type TProposalFilters = TListFilters<typeof ZProposalListQuery>;
export const ZProposalDocumentQuery = z.object({ locale: ZLocale.optional() });

export const ZProposalLine = z.object({
  slot: ZProposalSlot,
  cycleYear: z.number().int(),
  days: z.number(),
  dayRateCents: z.number().int(),
  travelCents: z.number().int(),
  expensesCents: z.number().int(),
  feeFixed: z.boolean(),
  amountCents: z.number().int(),
});
export type TProposalLine = z.infer<typeof ZProposalLine>;
export const ZProposalTotals = z.object({
  years: z.array(z.object({ year: z.number().int(), days: z.number(), amountCents: z.number().int() })),
  cycleDays: z.number(),
  cycleCents: z.number().int(),
  fixedCents: z.number().int(),
});
export type TProposalTotals = z.infer<typeof ZProposalTotals>;

const ZPerson = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

export const ZProposalSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  client: z.object({ id: z.uuid(), reference: z.string(), legalName: z.string() }),
  state: ZProposalState,
  scheme: ZScheme,
  locale: ZLocale,
  currency: z.string(),
  validUntil: ZDay,
  /** The three-year cycle's total, or a SOC 2 proposal's estimated fee. */
  cycleCents: z.number().int(),
  sentAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
});
export type TProposalSummary = z.infer<typeof ZProposalSummary>;
export const ZProposalList = z.object({ items: z.array(ZProposalSummary), nextCursor: z.string().nullable() });
export type TProposalList = z.infer<typeof ZProposalList>;

export const ZProposal = ZProposalSummary.extend({
  recipientName: z.string(),
  recipientEmail: z.string().nullable(),
  notes: z.string(),
  lines: z.array(ZProposalLine),
  totals: ZProposalTotals,
  auditTime: ZAuditTimeSnapshot.nullable(),
  /** SOC 2 proposals only (lines are then empty). */
  soc2: ZSoc2ProposalTerms.nullable(),
  createdBy: ZPerson.nullable(),
  sent: z.object({ at: ZTimestamp, by: ZPerson.nullable(), documentSha256: z.string(), documentSize: z.number().int() }).nullable(),
  acceptance: z
    .object({ at: ZTimestamp, by: ZPerson, ip: z.string().nullable(), organizationTenantId: z.uuid(), organizationName: z.string(), engagementId: z.uuid() })
    .nullable(),
  decline: z.object({ at: ZTimestamp, by: ZPerson.nullable(), ip: z.string().nullable(), reason: z.string() }).nullable(),
  withdrawal: z.object({ at: ZTimestamp, by: ZPerson.nullable(), reason: z.string() }).nullable(),
  abilities: zAbilitiesOf('proposal.read', 'proposal.update', 'proposal.send', 'proposal.withdraw'),
});
export type TProposal = z.infer<typeof ZProposal>;

/* The link holder's side (public, the signed token is the authorisation). */
export const ZProposalTokenParams = z.object({ token: zText(300, { min: 20 }) });
export const ZPublicProposal = z.object({
  reference: z.string(),
  state: ZProposalState,
  bodyName: z.string(),
  clientName: z.string(),
  scheme: ZScheme,
  locale: ZLocale,
  currency: z.string(),
  validUntil: ZDay,
  sentAt: ZTimestamp,
  lines: z.array(ZProposalLine),
  totals: ZProposalTotals,
  auditTime: ZAuditTimeSnapshot.nullable(),
  soc2: ZSoc2ProposalTerms.nullable(),
  documentSha256: z.string(),
  /** The address the proposal was sent to: the only one an account may be created with from the link. */
  recipientEmail: z.string().nullable(),
  /** Set once answered: the organization that accepted, or the decline. */
  acceptedAt: ZTimestamp.nullable(),
  organizationName: z.string().nullable(),
  declinedAt: ZTimestamp.nullable(),
});
export type TPublicProposal = z.infer<typeof ZPublicProposal>;
export const ZAcceptProposalBody = z.union([
  z.object({ organizationTenantId: z.uuid() }).strict(),
  z.object({ organizationName: zText(160, { min: 2 }) }).strict(),
]);
export type TAcceptProposalBody = z.infer<typeof ZAcceptProposalBody>;
/** Creating an account from a proposal link: for the address the proposal was mailed to only. */
export const ZProposalSignUpBody = z.object({ email: ZEmail, name: ZName, password: ZNewPassword, locale: ZLocale.default('en') });
export type TProposalSignUpBody = z.infer<typeof ZProposalSignUpBody>;
export type TProposalSignUpInput = z.input<typeof ZProposalSignUpBody>;
export const ZAcceptedProposal = z.object({ organizationTenantId: z.uuid(), engagementId: z.uuid(), /** SOC 2: the first examination, opened with the engagement. */ examinationId: z.uuid().nullable() });
export const ZProposalSignedUp = z.object({ user: ZUser });

/* The organization's side: the engagements its accepted proposals opened. */
export const ZOrgEngagementParams = z.object({ tenantId: z.uuid(), engagementId: z.uuid() });
export const ZProgrammeAudit = z.object({
  id: z.uuid(),
  reference: z.string(),
  type: ZAuditType,
  sequence: z.number().int(),
  state: ZAuditState,
  dueBy: ZDay.nullable(),
  plannedStart: ZDay.nullable(),
  plannedEnd: ZDay.nullable(),
  plannedDays: z.number(),
});
export const ZOrgEngagement = z.object({
  id: z.uuid(),
  scheme: ZScheme,
  status: ZEngagementState,
  startedAt: ZTimestamp,
  bodyName: z.string(),
  proposal: z.object({ reference: z.string(), acceptedAt: ZTimestamp, acceptedBy: z.string(), currency: z.string(), cycleCents: z.number().int() }).nullable(),
  programme: z
    .object({ id: z.uuid(), cycle: z.number().int(), status: ZProgrammeState, decisionDate: ZDay.nullable(), expiryDate: ZDay.nullable(), audits: z.array(ZProgrammeAudit) })
    .nullable(),
});
export type TOrgEngagement = z.infer<typeof ZOrgEngagement>;
export const ZOrgEngagementList = z.object({ items: z.array(ZOrgEngagement) });
export type TOrgEngagementList = z.infer<typeof ZOrgEngagementList>;
