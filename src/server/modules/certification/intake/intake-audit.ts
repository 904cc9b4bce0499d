import { z } from 'zod';
import { ZAimsMaturity, ZClientAiRole, ZClientAiTier, ZExistingCertification, ZSectorRisk } from '../../../../shared/contracts/certification.ts';
import { ZQuoteStandard } from '../../../../shared/contracts/intake.ts';
import { ZSoc2FeeParameters } from '../../../../shared/contracts/soc2-fees.ts';
import { ZSoc2SamplingPolicy } from '../../../../shared/contracts/soc2-sampling.ts';
import { defineAuditActions } from '../../../platform/audit-log/audit-registry.ts';

const ZSettingsFields = z
  .strictObject({
    publicSlug: z.string(),
    legalName: z.string(),
    address: z.string(),
    quotesOpen: z.boolean(),
    coolingOffMonths: z.number(),
    rotationMaxCycles: z.number(),
    currency: z.string(),
    defaultDayRateCents: z.number(),
    proposalValidityDays: z.number(),
    majorResponseDays: z.number(),
    minorResponseDays: z.number(),
    minorClosureDays: z.number(),
    majorVerificationMonths: z.number(),
    suspensionMaxMonths: z.number(),
    correctiveActionReviewDays: z.number(),
    decisionDays: z.number(),
    certificateNumberPattern: z.string(),
    accredited: z.boolean(),
    accreditationBody: z.string(),
    accreditationNumber: z.string(),
    cpaFirm: z.boolean(),
    cpaLicenceAuthority: z.string(),
    cpaLicenceNumber: z.string(),
    cpaLicenceJurisdiction: z.string(),
    soc2FeeParameters: ZSoc2FeeParameters.nullable(),
    soc2Sampling: ZSoc2SamplingPolicy.nullable(),
    soc2ContemporaneityDays: z.number(),
    soc2RequestReminderDays: z.number(),
    soc2ReaderAccessDays: z.number(),
  })
  .partial();

/** A client's profile; an update records only what changed, and the legal name always (for the sentence). */
const ZClientFields = z
  .strictObject({
    reference: z.string(),
    legalName: z.string(),
    registeredAddress: z.string(),
    sector: z.string(),
    sectorRisk: ZSectorRisk,
    employeesFullTime: z.number(),
    employeesPartTime: z.number(),
    partTimeFte: z.number(),
    aiSystemsCount: z.number(),
    highRiskAiSystems: z.number(),
    aiRoles: z.array(ZClientAiRole),
    aimsMaturity: ZAimsMaturity,
    existingCertifications: z.array(ZExistingCertification),
    contactName: z.string(),
    contactEmail: z.string().nullable(),
    preferredLocale: z.string(),
    sites: z.number(),
    aiSystems: z.number(),
    enquiryId: z.string().nullable(),
  })
  .partial();

const ZSiteFields = z.strictObject({ clientName: z.string(), name: z.string(), address: z.string(), isCentral: z.boolean(), personnel: z.number(), activities: z.string() }).partial();
const ZAiSystemFields = z.strictObject({ clientName: z.string(), name: z.string(), tier: ZClientAiTier, role: ZClientAiRole }).partial();

export const INTAKE_AUDIT = defineAuditActions({
  'body_settings.updated': { before: ZSettingsFields, after: ZSettingsFields },
  'quote_request.received': {
    after: z.strictObject({
      organizationName: z.string(),
      contactEmail: z.string(),
      standards: z.array(ZQuoteStandard),
      employees: z.number(),
      aiSystemsCount: z.number(),
      preAudit: z.boolean(),
    }),
  },
  'quote_request.converted': { after: z.strictObject({ organizationName: z.string(), clientId: z.string(), clientReference: z.string() }) },
  'quote_request.declined': { after: z.strictObject({ organizationName: z.string(), reason: z.string() }) },
  'client.created': { after: ZClientFields },
  'client.updated': { before: ZClientFields, after: ZClientFields },
  'client_site.added': { after: ZSiteFields },
  'client_site.updated': { before: ZSiteFields, after: ZSiteFields },
  'client_site.removed': { before: ZSiteFields },
  'client_ai_system.added': { after: ZAiSystemFields },
  'client_ai_system.updated': { before: ZAiSystemFields, after: ZAiSystemFields },
  'client_ai_system.removed': { before: ZAiSystemFields },
});
