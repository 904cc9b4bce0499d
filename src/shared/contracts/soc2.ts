import { z } from 'zod';

/*
 * The closed lists of SOC 2 attestation (AICPA AT-C 105/205, description criteria DC 200, the 2017
 * Trust Services Criteria). They are here so that migration 0032's CHECK constraints, the server and
 * the web read the same values. SOC 2 ends in an attestation report, never a certificate: no value
 * here says otherwise.
 */

/** Type I reports on design as at one date; Type II adds operating effectiveness over a period. */
export const SOC2_REPORT_TYPES = ['type1', 'type2'] as const;
export const ZSoc2ReportType = z.enum(SOC2_REPORT_TYPES);
export type TSoc2ReportType = z.infer<typeof ZSoc2ReportType>;

/** The engagement scheme each report type is contracted under (table engagements). */
export const SOC2_SCHEME_BY_TYPE = { type1: 'soc2-type1', type2: 'soc2-type2' } as const satisfies Record<TSoc2ReportType, string>;

/** Security (the common criteria) is always in scope; the four others are chosen per engagement. */
export const SOC2_CATEGORIES = ['security', 'availability', 'confidentiality', 'processing_integrity', 'privacy'] as const;
export const ZSoc2Category = z.enum(SOC2_CATEGORIES);
export type TSoc2Category = z.infer<typeof ZSoc2Category>;

/** The criterion-ref prefixes of the `soc2-tsc-2017` catalog that each category brings in. */
export const SOC2_CATEGORY_PREFIXES: Record<TSoc2Category, readonly string[]> = {
  security: ['CC'],
  availability: ['A'],
  confidentiality: ['C'],
  processing_integrity: ['PI'],
  privacy: ['P'],
};

/** A Type II observation period lasts 3 to 12 months (facts sheet, "Engagement basics"). */
export const SOC2_PERIOD_MIN_MONTHS = 3;
export const SOC2_PERIOD_MAX_MONTHS = 12;

/**
 * One report period of a SOC 2 engagement, from scoping to the issued report:
 *  - scoping: scope, subservice organizations, complementary controls; the description is being written;
 *  - planning: description signed off by management; matrix, tests and the request list are prepared;
 *  - fieldwork: populations, samples and testing (the matrix must cover every applicable criterion first);
 *  - reporting: exceptions concluded; the engagement partner forms the opinion;
 *  - issued: the report is issued and immutable; readers may be invited;
 *  - cancelled: stopped before issue, with a reason.
 */
export const SOC2_EXAMINATION_STATES = ['scoping', 'planning', 'fieldwork', 'reporting', 'issued', 'cancelled'] as const;
export const ZSoc2ExaminationState = z.enum(SOC2_EXAMINATION_STATES);
export type TSoc2ExaminationState = z.infer<typeof ZSoc2ExaminationState>;

/** How the report treats a subservice organization's controls (DC 200). */
export const SOC2_SUBSERVICE_TREATMENTS = ['carve_out', 'inclusive'] as const;
export const ZSoc2SubserviceTreatment = z.enum(SOC2_SUBSERVICE_TREATMENTS);
export type TSoc2SubserviceTreatment = z.infer<typeof ZSoc2SubserviceTreatment>;

/** Complementary user entity controls and complementary subservice organization controls. */
export const SOC2_COMPLEMENTARY_KINDS = ['cuec', 'csoc'] as const;
export const ZSoc2ComplementaryKind = z.enum(SOC2_COMPLEMENTARY_KINDS);
export type TSoc2ComplementaryKind = z.infer<typeof ZSoc2ComplementaryKind>;

/** A version of the system description: written, then signed off by management (immutable after). */
export const SOC2_DESCRIPTION_STATES = ['draft', 'signed_off', 'superseded'] as const;
export const ZSoc2DescriptionState = z.enum(SOC2_DESCRIPTION_STATES);
export type TSoc2DescriptionState = z.infer<typeof ZSoc2DescriptionState>;

/** The DC 200 sections of the description, each written as free text by the organization. */
export const SOC2_DESCRIPTION_SECTIONS = [
  'services',
  'commitments',
  'infrastructure',
  'software',
  'people',
  'procedures',
  'data',
  'boundaries',
  'incidents',
  'changes',
] as const;
export const ZSoc2DescriptionSection = z.enum(SOC2_DESCRIPTION_SECTIONS);
export type TSoc2DescriptionSection = z.infer<typeof ZSoc2DescriptionSection>;

/** The four kinds of test a service auditor performs on a control. */
export const SOC2_TEST_METHODS = ['inquiry', 'observation', 'inspection', 'reperformance'] as const;
export const ZSoc2TestMethod = z.enum(SOC2_TEST_METHODS);
export type TSoc2TestMethod = z.infer<typeof ZSoc2TestMethod>;

/** How often a control operates; the sample-size table is keyed by it. */
export const SOC2_CONTROL_FREQUENCIES = ['annual', 'quarterly', 'monthly', 'weekly', 'daily', 'many_per_day', 'automated'] as const;
export const ZSoc2ControlFrequency = z.enum(SOC2_CONTROL_FREQUENCIES);
export type TSoc2ControlFrequency = z.infer<typeof ZSoc2ControlFrequency>;

export const SOC2_CONTROL_RISKS = ['lower', 'moderate', 'higher'] as const;
export const ZSoc2ControlRisk = z.enum(SOC2_CONTROL_RISKS);
export type TSoc2ControlRisk = z.infer<typeof ZSoc2ControlRisk>;

/** The test's conclusion once its samples are done. */
export const SOC2_TEST_CONCLUSIONS = ['pending', 'no_exception', 'exception'] as const;
export const ZSoc2TestConclusion = z.enum(SOC2_TEST_CONCLUSIONS);
export type TSoc2TestConclusion = z.infer<typeof ZSoc2TestConclusion>;

/** An item of the information request list (the "PBC list"). */
export const SOC2_REQUEST_STATES = ['open', 'submitted', 'accepted', 'returned'] as const;
export const ZSoc2RequestState = z.enum(SOC2_REQUEST_STATES);
export type TSoc2RequestState = z.infer<typeof ZSoc2RequestState>;

/** Where a population's rows came from. */
export const SOC2_POPULATION_SOURCES = ['csv', 'xlsx', 'evidence'] as const;
export const ZSoc2PopulationSource = z.enum(SOC2_POPULATION_SOURCES);
export type TSoc2PopulationSource = z.infer<typeof ZSoc2PopulationSource>;

/** Why an item is in a sample: drawn at random, added by the auditor, or drawn to extend after an exception. */
export const SOC2_SAMPLE_ITEM_KINDS = ['random', 'judgmental', 'extension'] as const;
export const ZSoc2SampleItemKind = z.enum(SOC2_SAMPLE_ITEM_KINDS);
export type TSoc2SampleItemKind = z.infer<typeof ZSoc2SampleItemKind>;

/** The part of the period an item falls in; selection is stratified over the three. */
export const SOC2_STRATA = ['beginning', 'middle', 'end'] as const;
export const ZSoc2Stratum = z.enum(SOC2_STRATA);
export type TSoc2Stratum = z.infer<typeof ZSoc2Stratum>;

export const SOC2_ITEM_RESULTS = ['pending', 'no_exception', 'exception'] as const;
export const ZSoc2ItemResult = z.enum(SOC2_ITEM_RESULTS);
export type TSoc2ItemResult = z.infer<typeof ZSoc2ItemResult>;

/** The auditor's conclusion on an exception once management has answered. */
export const SOC2_EXCEPTION_CONCLUSIONS = ['isolated', 'systematic'] as const;
export const ZSoc2ExceptionConclusion = z.enum(SOC2_EXCEPTION_CONCLUSIONS);
export type TSoc2ExceptionConclusion = z.infer<typeof ZSoc2ExceptionConclusion>;

/** The effect of an exception on the criterion the control addresses. */
export const SOC2_CRITERION_IMPACTS = ['none', 'partial', 'not_met'] as const;
export const ZSoc2CriterionImpact = z.enum(SOC2_CRITERION_IMPACTS);
export type TSoc2CriterionImpact = z.infer<typeof ZSoc2CriterionImpact>;

/** The service auditor's opinion (facts sheet, "Opinion types"). */
export const SOC2_OPINIONS = ['unmodified', 'qualified', 'adverse', 'disclaimer'] as const;
export const ZSoc2Opinion = z.enum(SOC2_OPINIONS);
export type TSoc2Opinion = z.infer<typeof ZSoc2Opinion>;

/** What the firm issues: the report, a bridge letter (by management, for the gap after the period), a SOC 3-style summary. */
export const SOC2_DOCUMENT_KINDS = ['report', 'bridge_letter', 'general_use'] as const;
export const ZSoc2DocumentKind = z.enum(SOC2_DOCUMENT_KINDS);
export type TSoc2DocumentKind = z.infer<typeof ZSoc2DocumentKind>;

/** What a report reader did: accepting the NDA, then each download of a watermarked copy. */
export const SOC2_READER_ACCESS_KINDS = ['invited', 'nda_accepted', 'download', 'refused_expired', 'revoked'] as const;
export const ZSoc2ReaderAccessKind = z.enum(SOC2_READER_ACCESS_KINDS);
export type TSoc2ReaderAccessKind = z.infer<typeof ZSoc2ReaderAccessKind>;
