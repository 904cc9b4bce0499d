import { z } from 'zod';
import { zAbilitiesOf } from './authz.ts';
import { ZEmail, ZLocale, zText, ZTimestamp, type TListFilters } from './common.ts';
import {
  ZAimsMaturity,
  ZBodySlug,
  ZClientAiRole,
  ZClientAiTier,
  ZExistingCertification,
  ZSectorRisk,
} from './certification.ts';
import { ZSoc2FeeParameters } from './soc2-fees.ts';
import { ZSoc2SamplingPolicy } from './soc2-sampling.ts';

/*
 * The certification body's intake (ISO/IEC 17021-1 9.1.1, application): its settings, the public
 * quote request an organization sends without an account, the enquiries inbox, and the client
 * profile the scheme manager builds from an enquiry or directly. Server routes and web forms read
 * the same schemas.
 */

const ZCursor = z.string().max(400).regex(/^[A-Za-z0-9_-]+$/, 'cursor must be the nextCursor of a previous page');
const ZBoolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const listBase = { limit: z.coerce.number().int().min(1).max(200).default(50), cursor: ZCursor.optional() };
const ZPerson = z.object({ id: z.string(), name: z.string() });

const ZHeadcount = z.number().int().min(0).max(1_000_000);
const ZFte = z.number().min(0).max(1_000_000).multipleOf(0.01);

// ---------------------------------------------------------------------------------------------
// Body settings

export const DEFAULT_CERTIFICATE_NUMBER_PATTERN = 'AIMS-{YYYY}-{SEQ:5}';

export const BODY_SETTINGS_ACTIONS = ['bodySettings.read', 'bodySettings.update'] as const;

export const ZBodySettingsBody = z.strictObject({
  publicSlug: ZBodySlug,
  legalName: zText(200, { min: 1 }),
  address: zText(500).default(''),
  quotesOpen: z.boolean().default(true),
  /** 17021-1 5.2: no one who consulted for or worked at the client within this period audits it. */
  coolingOffMonths: z.number().int().min(0).max(120).default(24),
  /** A lead auditor who led this client's audits for more cycles than this gets a rotation warning. */
  rotationMaxCycles: z.number().int().min(1).max(10).default(2),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Three capital letters (ISO 4217), e.g. EUR.').default('EUR'),
  /** In cents of `currency`, before tax. */
  defaultDayRateCents: z.number().int().min(0).max(100_000_000).default(150_000),
  proposalValidityDays: z.number().int().min(1).max(365).default(90),
  /** The body's deadlines for audit findings (the standard sets none: facts sheet, "Nonconformities" [?]). */
  majorResponseDays: z.number().int().min(1).max(365).default(30),
  minorResponseDays: z.number().int().min(1).max(365).default(30),
  minorClosureDays: z.number().int().min(1).max(365).default(90),
  /** A major not verified within this many months of the audit's last day requires a new stage 2. */
  majorVerificationMonths: z.number().int().min(1).max(12).default(6),
  /** The longest a certificate may stay suspended. */
  suspensionMaxMonths: z.number().int().min(1).max(12).default(6),
  /** The body's targets for the seed's durations, in business days: judging an answer (« 5–15 »), deciding after the review (« 3–5 »). */
  correctiveActionReviewDays: z.number().int().min(1).max(90).default(15),
  decisionDays: z.number().int().min(1).max(90).default(5),
  /**
   * How new certificates are numbered ({YYYY}, {YY}, {BODY}, one {SEQ:n}); the service checks it
   * (`cert_number_pattern_invalid`). Certificates already issued keep their number.
   */
  certificateNumberPattern: zText(60, { min: 3 }).default(DEFAULT_CERTIFICATE_NUMBER_PATTERN),
  /** 17021-1 8.2: the certificate names the accreditation only when there is one; both fields are then required. */
  accredited: z.boolean().default(false),
  accreditationBody: zText(200).default(''),
  accreditationNumber: zText(60).default(''),
  /*
   * SOC 2 (migration 0032). Unlike the fields above, each one left out keeps what is stored, so a
   * client that knows only the certification settings cannot clear a firm's licence or policies.
   * A CPA firm names the authority, the number and the jurisdiction of its licence
   * (`cpa_licence_incomplete`); only a CPA firm issues SOC 2 attestation reports.
   */
  cpaFirm: z.boolean().optional(),
  cpaLicenceAuthority: zText(200).optional(),
  cpaLicenceNumber: zText(60).optional(),
  cpaLicenceJurisdiction: zText(200).optional(),
  /** The firm's fee parameters; null goes back to Attest's defaults. */
  soc2FeeParameters: ZSoc2FeeParameters.nullable().optional(),
  /** The firm's sampling method (table by frequency and risk, or a percentage); null goes back to the facts-sheet table. */
  soc2Sampling: ZSoc2SamplingPolicy.nullable().optional(),
  /** Evidence created more than this many days after the event it shows is flagged (the seed: contemporaneous evidence). */
  soc2ContemporaneityDays: z.number().int().min(1).max(365).optional(),
  /** Days before a request's due date when the organization is reminded (0: on the day). */
  soc2RequestReminderDays: z.number().int().min(0).max(60).optional(),
  /** How long a report reader's access lasts after accepting the NDA. */
  soc2ReaderAccessDays: z.number().int().min(1).max(1095).optional(),
});
export type TBodySettingsBody = z.input<typeof ZBodySettingsBody>;

export const ZBodySettings = z.object({
  /** False until the scheme manager saves them once; the values shown are then the defaults. */
  configured: z.boolean(),
  publicSlug: z.string().nullable(),
  legalName: z.string(),
  address: z.string(),
  quotesOpen: z.boolean(),
  coolingOffMonths: z.number().int(),
  rotationMaxCycles: z.number().int(),
  currency: z.string(),
  defaultDayRateCents: z.number().int(),
  proposalValidityDays: z.number().int(),
  majorResponseDays: z.number().int(),
  minorResponseDays: z.number().int(),
  minorClosureDays: z.number().int(),
  majorVerificationMonths: z.number().int(),
  suspensionMaxMonths: z.number().int(),
  correctiveActionReviewDays: z.number().int(),
  decisionDays: z.number().int(),
  certificateNumberPattern: z.string(),
  accredited: z.boolean(),
  accreditationBody: z.string(),
  accreditationNumber: z.string(),
  cpaFirm: z.boolean(),
  cpaLicenceAuthority: z.string(),
  cpaLicenceNumber: z.string(),
  cpaLicenceJurisdiction: z.string(),
  /** The parameters in force: the firm's own, or Attest's defaults when `soc2FeeParametersCustom` is false. */
  soc2FeeParameters: ZSoc2FeeParameters,
  soc2FeeParametersCustom: z.boolean(),
  soc2Sampling: ZSoc2SamplingPolicy,
  soc2SamplingCustom: z.boolean(),
  soc2ContemporaneityDays: z.number().int(),
  soc2RequestReminderDays: z.number().int(),
  soc2ReaderAccessDays: z.number().int(),
  updatedAt: ZTimestamp.nullable(),
  abilities: zAbilitiesOf(...BODY_SETTINGS_ACTIONS),
});
export type TBodySettings = z.infer<typeof ZBodySettings>;

// ---------------------------------------------------------------------------------------------
// Public quote request

/** The standards an enquirer may ask to be certified against (this body certifies management systems). */
export const QUOTE_STANDARDS = ['iso42001', 'iso27001', 'iso27701', 'iso9001'] as const;
export const ZQuoteStandard = z.enum(QUOTE_STANDARDS);
export type TQuoteStandard = z.infer<typeof ZQuoteStandard>;

/** Route body limit of the public quote request, in bytes: Zod bounds each field, this bounds the whole. */
export const QUOTE_REQUEST_MAX_BYTES = 32 * 1024;

export const ZBodySlugParams = z.object({ bodySlug: ZBodySlug });

export const ZQuoteSite = z.strictObject({
  name: zText(200, { min: 1 }),
  address: zText(500, { min: 1 }),
  personnel: ZHeadcount.default(0),
});

export const ZQuoteRequestBody = z
  .strictObject({
    organizationName: zText(200, { min: 1 }),
    registeredAddress: zText(500, { min: 1 }),
    sector: zText(200).default(''),
    contactName: zText(120, { min: 1 }),
    contactEmail: ZEmail,
    contactPhone: zText(40).default(''),
    /** Sites besides the registered address (at most 50 in a request; the client record takes more). */
    sites: z.array(ZQuoteSite).max(50).default([]),
    employeesFullTime: ZHeadcount,
    employeesPartTime: ZHeadcount.default(0),
    aiSystemsCount: ZHeadcount.max(10_000),
    highRiskAiSystems: ZHeadcount.max(10_000).default(0),
    /** What the AI systems do and whether the organization builds or uses them, in the enquirer's words. */
    aiSystemsDescription: zText(2000).default(''),
    aiRoles: z.array(ZClientAiRole).max(3).default([]),
    existingCertifications: z.array(ZExistingCertification).max(5).default([]),
    standards: z.array(ZQuoteStandard).min(1).max(4),
    preferredLocale: ZLocale,
    /** A pre-audit (« audit à blanc ») before stage 1. */
    preAudit: z.boolean().default(false),
    message: zText(4000).default(''),
    /** Left empty by people: the form hides it; a bot that fills it is answered as usual and nothing is stored. */
    website: z.string().max(500).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.highRiskAiSystems > v.aiSystemsCount) ctx.addIssue({ code: 'too_big', origin: 'number', maximum: v.aiSystemsCount, inclusive: true, path: ['highRiskAiSystems'] });
  });
export type TQuoteRequestBody = z.input<typeof ZQuoteRequestBody>;

export const ZQuoteRequestReceived = z.object({ status: z.literal('received') });

/** What the quote page shows about the body before anyone fills the form. */
export const ZPublicBody = z.object({ legalName: z.string(), address: z.string(), quotesOpen: z.boolean() });
export type TPublicBody = z.infer<typeof ZPublicBody>;

// ---------------------------------------------------------------------------------------------
// Enquiries (the body's inbox of quote requests)

export const ENQUIRY_STATUSES = ['new', 'converted', 'declined'] as const;
export const ZEnquiryStatus = z.enum(ENQUIRY_STATUSES);
export type TEnquiryStatus = z.infer<typeof ZEnquiryStatus>;

export const ENQUIRY_ACTIONS = ['enquiry.read', 'enquiry.convert', 'enquiry.decline'] as const;

export const ZEnquiry = z.object({
  id: z.string(),
  status: ZEnquiryStatus,
  organizationName: z.string(),
  registeredAddress: z.string(),
  sector: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  sites: z.array(z.object({ name: z.string(), address: z.string(), personnel: z.number().int() })),
  employeesFullTime: z.number().int(),
  employeesPartTime: z.number().int(),
  aiSystemsCount: z.number().int(),
  highRiskAiSystems: z.number().int(),
  aiSystemsDescription: z.string(),
  aiRoles: z.array(ZClientAiRole),
  existingCertifications: z.array(ZExistingCertification),
  standards: z.array(ZQuoteStandard),
  preferredLocale: ZLocale,
  preAudit: z.boolean(),
  message: z.string(),
  receivedAt: ZTimestamp,
  decidedBy: ZPerson.nullable(),
  decidedAt: ZTimestamp.nullable(),
  declineReason: z.string().nullable(),
  /** The client made from this enquiry, once converted. */
  client: z.object({ id: z.string(), reference: z.string(), legalName: z.string() }).nullable(),
  abilities: zAbilitiesOf(...ENQUIRY_ACTIONS),
});
export type TEnquiry = z.infer<typeof ZEnquiry>;
export const ZEnquiryPage = z.object({ items: z.array(ZEnquiry), nextCursor: z.string().nullable() });
export const ZEnquiryListQuery = z.object({ ...listBase, status: ZEnquiryStatus.optional(), q: zText(100).optional() });
export type TEnquiryListQuery = z.infer<typeof ZEnquiryListQuery>;
/** The list's filters as the web keeps them in the address: the query without its paging. */
export type TEnquiryFilters = TListFilters<typeof ZEnquiryListQuery>;
export const ZEnquiryParams = z.object({ tenantId: z.uuid(), enquiryId: z.uuid() });

export const ZDeclineEnquiryBody = z.strictObject({ reason: zText(2000, { min: 1 }) });
export type TDeclineEnquiryBody = z.input<typeof ZDeclineEnquiryBody>;

// ---------------------------------------------------------------------------------------------
// Clients

export const CLIENT_ACTIONS = ['client.read', 'client.create', 'client.update'] as const;

export const ZClientSiteBody = z.strictObject({
  name: zText(200, { min: 1 }),
  address: zText(500, { min: 1 }),
  /** IAF MD1: the central function (head office) is audited every time; a client has one. */
  isCentral: z.boolean().default(false),
  personnel: ZHeadcount.default(0),
  activities: zText(1000).default(''),
});
export type TClientSiteBody = z.input<typeof ZClientSiteBody>;
export const ZUpdateClientSiteBody = z
  .strictObject({ name: ZClientSiteBody.shape.name, address: ZClientSiteBody.shape.address, isCentral: z.literal(true), personnel: ZHeadcount, activities: zText(1000) })
  .partial();
export type TUpdateClientSiteBody = z.input<typeof ZUpdateClientSiteBody>;

export const ZClientAiSystemBody = z.strictObject({
  name: zText(200, { min: 1 }),
  tier: ZClientAiTier.default('unknown'),
  role: ZClientAiRole,
});
export type TClientAiSystemBody = z.input<typeof ZClientAiSystemBody>;
export const ZUpdateClientAiSystemBody = z.strictObject({ name: ZClientAiSystemBody.shape.name, tier: ZClientAiTier, role: ZClientAiRole }).partial();
export type TUpdateClientAiSystemBody = z.input<typeof ZUpdateClientAiSystemBody>;

const clientFields = {
  legalName: zText(200, { min: 1 }),
  registeredAddress: zText(500, { min: 1 }),
  sector: zText(200).default(''),
  sectorRisk: ZSectorRisk,
  employeesFullTime: ZHeadcount,
  employeesPartTime: ZHeadcount.default(0),
  /** The part-time staff as full-time equivalents (IAF MD5 counts them by hours worked). */
  partTimeFte: ZFte.default(0),
  /** Declared AI systems in scope; at least as many as are listed by name. */
  aiSystemsCount: ZHeadcount.max(10_000).default(0),
  highRiskAiSystems: ZHeadcount.max(10_000).default(0),
  aiRoles: z.array(ZClientAiRole).max(3).default([]),
  aimsMaturity: ZAimsMaturity.default('initial'),
  existingCertifications: z.array(ZExistingCertification).max(5).default([]),
  contactName: zText(120).default(''),
  contactEmail: ZEmail.nullable().default(null),
  preferredLocale: ZLocale.default('fr'),
};

type TCounts = { employeesPartTime?: number; partTimeFte?: number; aiSystemsCount?: number; highRiskAiSystems?: number };
/** Cross-field rules of a client's figures (create, and update with the stored values merged in). */
export function clientFigureIssues(v: TCounts) {
  const issues: { path: string; maximum: number; message: string }[] = [];
  if ((v.partTimeFte ?? 0) > (v.employeesPartTime ?? 0)) issues.push({ path: 'partTimeFte', maximum: v.employeesPartTime ?? 0, message: 'More part-time FTE than part-time staff.' });
  if ((v.highRiskAiSystems ?? 0) > (v.aiSystemsCount ?? 0)) issues.push({ path: 'highRiskAiSystems', maximum: v.aiSystemsCount ?? 0, message: 'More high-risk AI systems than AI systems.' });
  return issues;
}

export const ZCreateClientBody = z
  .strictObject({
    ...clientFields,
    /** Exactly one is the central function. */
    sites: z.array(ZClientSiteBody).min(1).max(200),
    aiSystems: z.array(ZClientAiSystemBody).max(200).default([]),
  })
  .superRefine((v, ctx) => {
    for (const i of clientFigureIssues(v)) ctx.addIssue({ code: 'too_big', origin: 'number', maximum: i.maximum, inclusive: true, path: [i.path] });
    const central = v.sites.filter((s) => s.isCentral).length;
    if (central !== 1) ctx.addIssue({ code: 'custom', path: ['sites'], params: { reason: 'one_central_site' } });
  });
export type TCreateClientBody = z.input<typeof ZCreateClientBody>;

export const ZUpdateClientBody = z
  .strictObject({
    legalName: clientFields.legalName,
    registeredAddress: clientFields.registeredAddress,
    sector: zText(200),
    sectorRisk: ZSectorRisk,
    employeesFullTime: ZHeadcount,
    employeesPartTime: ZHeadcount,
    partTimeFte: ZFte,
    aiSystemsCount: ZHeadcount.max(10_000),
    highRiskAiSystems: ZHeadcount.max(10_000),
    aiRoles: z.array(ZClientAiRole).max(3),
    aimsMaturity: ZAimsMaturity,
    existingCertifications: z.array(ZExistingCertification).max(5),
    contactName: zText(120),
    contactEmail: ZEmail.nullable(),
    preferredLocale: ZLocale,
  })
  .partial();
export type TUpdateClientBody = z.input<typeof ZUpdateClientBody>;

export const ZClientSite = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  isCentral: z.boolean(),
  personnel: z.number().int(),
  activities: z.string(),
});
export type TClientSite = z.infer<typeof ZClientSite>;
export const ZClientAiSystem = z.object({ id: z.string(), name: z.string(), tier: ZClientAiTier, role: ZClientAiRole });
export type TClientAiSystem = z.infer<typeof ZClientAiSystem>;

export const ZClient = z.object({
  id: z.string(),
  reference: z.string(),
  legalName: z.string(),
  registeredAddress: z.string(),
  sector: z.string(),
  sectorRisk: ZSectorRisk,
  employeesFullTime: z.number().int(),
  employeesPartTime: z.number().int(),
  partTimeFte: z.number(),
  /** Full-time staff plus part-time FTE: what audit time is computed from. */
  effectivePersonnel: z.number(),
  aiSystemsCount: z.number().int(),
  highRiskAiSystems: z.number().int(),
  aiRoles: z.array(ZClientAiRole),
  aimsMaturity: ZAimsMaturity,
  existingCertifications: z.array(ZExistingCertification),
  contactName: z.string(),
  contactEmail: z.string().nullable(),
  preferredLocale: ZLocale,
  siteCount: z.number().int(),
  /** Set when the organization accepted a proposal and linked its Attest tenant. */
  organizationTenantId: z.string().nullable(),
  enquiryId: z.string().nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  abilities: zAbilitiesOf(...CLIENT_ACTIONS),
});
export type TClient = z.infer<typeof ZClient>;
export const ZClientDetail = ZClient.extend({ sites: z.array(ZClientSite), aiSystems: z.array(ZClientAiSystem) });
export type TClientDetail = z.infer<typeof ZClientDetail>;
export const ZClientPage = z.object({ items: z.array(ZClient), nextCursor: z.string().nullable() });
export const ZClientListQuery = z.object({
  ...listBase,
  /** Matches the legal name or the reference. */
  q: zText(100).optional(),
  sectorRisk: ZSectorRisk.optional(),
  /** Clients whose organization has (true) or has not yet (false) linked its Attest tenant. */
  linked: ZBoolQuery.optional(),
});
export type TClientListQuery = z.infer<typeof ZClientListQuery>;
/** The list's filters as the web keeps them in the address: the query without its paging. */
export type TClientFilters = TListFilters<typeof ZClientListQuery>;
export const ZClientParams = z.object({ tenantId: z.uuid(), clientId: z.uuid() });
export const ZClientSiteParams = ZClientParams.extend({ siteId: z.uuid() });
export const ZClientAiSystemParams = ZClientParams.extend({ aiSystemId: z.uuid() });
