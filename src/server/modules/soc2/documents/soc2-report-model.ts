import type { TSoc2OptionalCategory } from '../../../../shared/contracts/soc2-fees.ts';
import type { TSoc2CriterionImpact, TSoc2ExceptionConclusion, TSoc2Opinion, TSoc2ReportType, TSoc2SubserviceTreatment, TSoc2TestMethod } from '../../../../shared/contracts/soc2.ts';
import type { TSoc2Firm, TSoc2Party, TSoc2Signatory } from './soc2-document-common.ts';

/*
 * A SOC 2 report as plain data, in the language its texts were written in: what the firm issues
 * (opinion, tests) and what management wrote (assertion, description in the DC 200 structure,
 * other information). The builder adds every fixed word from the i18n files, so the same model
 * renders the same text in PDF and DOCX. Dates are calendar days (YYYY-MM-DD).
 */

export type TSoc2OpinionKind = TSoc2Opinion;

/** One test procedure: the methods it combines (inquiry, inspection…) and what the auditor did. */
export type TSoc2ReportTest = { methods: readonly TSoc2TestMethod[]; procedure: string };

/** The auditor's conclusion on one exception once management has answered. */
export type TSoc2ExceptionFinding = { conclusion: TSoc2ExceptionConclusion; impact: TSoc2CriterionImpact; notes: string };

/** Type II only: what the tests of operating effectiveness found. */
export type TSoc2ControlResult = {
  sampleSize: number;
  populationSize: number | null;
  exceptions: number;
  /** The auditor's description of the deviations; null when there were none. */
  deviation: string | null;
  managementResponse: string | null;
  /** The auditor's conclusions on the exceptions (isolated or systematic, effect on the criterion); absent or empty: none recorded. */
  conclusions?: readonly TSoc2ExceptionFinding[];
};

export type TSoc2ReportControl = {
  ref: string;
  description: string;
  tests: readonly TSoc2ReportTest[];
  /** Null in a Type I report, or for a Type II control not tested (shown as such). */
  result: TSoc2ControlResult | null;
};

export type TSoc2ReportCriterion = {
  /** The criterion's identifier, e.g. CC6.1, A1.2, PI1.3. */
  ref: string;
  /** Its short title (a fact; the criteria's text is not reproduced). */
  title: string;
  controls: readonly TSoc2ReportControl[];
};

export type TSoc2SubserviceOrganization = {
  name: string;
  services: string;
  treatment: TSoc2SubserviceTreatment;
  /** Complementary subservice organization controls the design relies on (carve-out). */
  csocs: readonly { ref: string; text: string }[];
};

export type TSoc2SystemDescription = {
  services: string;
  /** Principal service commitments and system requirements. */
  commitments: string;
  components: { infrastructure: string; software: string; people: string; procedures: string; data: string };
  boundaries: string;
  /** Incidents (during the period, Type II) that affected the commitments; empty when none. */
  incidents: string;
  significantChanges: string;
  /** Complementary user entity controls. */
  cuecs: readonly { ref: string; text: string }[];
  subserviceOrganizations: readonly TSoc2SubserviceOrganization[];
};

export type TSoc2ReportModel = {
  reference: string;
  firm: TSoc2Firm & { city: string; partnerName: string };
  organization: TSoc2Party;
  /** The system's name as the description calls it ("Lumière Pay"). */
  systemName: string;
  reportType: TSoc2ReportType;
  /** Type I: the date the report speaks as of. */
  asOfDate: string | null;
  /** Type II: the observation period. */
  period: { start: string; end: string } | null;
  /** The date of the service auditor's report. */
  reportDate: string;
  categories: readonly TSoc2OptionalCategory[];
  opinion: {
    kind: TSoc2OpinionKind;
    /** The matters behind a modified opinion, in the partner's words; empty for an unmodified one. */
    basis: readonly string[];
  };
  /** Firms put management's assertion before or after the auditor's report: the role is kept, the number follows. */
  assertionFirst: boolean;
  assertion: {
    /** Management's own words; empty uses Attest's standard wording for the report's type. */
    paragraphs: readonly string[];
    signatory: TSoc2Signatory;
    date: string;
  };
  description: TSoc2SystemDescription;
  criteria: readonly TSoc2ReportCriterion[];
  /** Section 5, optional and not examined. */
  otherInformation: { title: string; paragraphs: readonly string[] } | null;
  generatedAt: Date;
};
