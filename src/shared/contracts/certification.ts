import { z } from 'zod';

/*
 * The closed lists of the certification body's side (ISO/IEC 17021-1, IAF MD5/MD1). They are here so
 * that the database's CHECK constraints (migration 0018), the server and the web read the same values.
 */

/** A scheme an engagement is for. SOC 2 engagements share the table; ISO/IEC 27001 is reserved. */
export const SCHEMES = ['iso42001', 'soc2-type1', 'soc2-type2', 'iso27001'] as const;
export const ZScheme = z.enum(SCHEMES);
export type TScheme = z.infer<typeof ZScheme>;

/** How hazardous the client's sector is for the audit-time factors (finance and health are high). */
export const SECTOR_RISKS = ['low', 'medium', 'high'] as const;
export const ZSectorRisk = z.enum(SECTOR_RISKS);
export type TSectorRisk = z.infer<typeof ZSectorRisk>;

/** How far along the client's AI management system is: a young system needs more audit time. */
export const AIMS_MATURITIES = ['initial', 'established', 'mature'] as const;
export const ZAimsMaturity = z.enum(AIMS_MATURITIES);
export type TAimsMaturity = z.infer<typeof ZAimsMaturity>;

/**
 * The client's part in AI, as audit time sees it: an organization that produces AI (provider,
 * developer) needs more time than one that only uses it; several roles count for more still.
 */
export const CLIENT_AI_ROLES = ['provider', 'developer', 'user'] as const;
export const ZClientAiRole = z.enum(CLIENT_AI_ROLES);
export type TClientAiRole = z.infer<typeof ZClientAiRole>;

/** Management-system certifications a client may already hold (integrated audit, reductions). */
export const EXISTING_CERTIFICATIONS = ['iso27001', 'iso9001', 'iso27701', 'iso14001', 'other'] as const;
export const ZExistingCertification = z.enum(EXISTING_CERTIFICATIONS);
export type TExistingCertification = z.infer<typeof ZExistingCertification>;

/** The EU AI Act tier a client declares for an AI system in scope ('unknown' until classified). */
export const CLIENT_AI_TIERS = ['prohibited', 'high', 'limited', 'minimal', 'unknown'] as const;
export const ZClientAiTier = z.enum(CLIENT_AI_TIERS);
export type TClientAiTier = z.infer<typeof ZClientAiTier>;

export const ENGAGEMENT_STATES = ['active', 'suspended', 'closed'] as const;
export const ZEngagementState = z.enum(ENGAGEMENT_STATES);
export type TEngagementState = z.infer<typeof ZEngagementState>;

export const PROGRAMME_STATES = ['active', 'completed', 'cancelled'] as const;
export const ZProgrammeState = z.enum(PROGRAMME_STATES);
export type TProgrammeState = z.infer<typeof ZProgrammeState>;

/** 17021-1 9.1.3 and 9.6.4: the audits a programme holds, plus short-notice and follow-up audits. */
export const AUDIT_TYPES = ['pre_audit', 'stage1', 'stage2', 'surveillance', 'recertification', 'special', 'follow_up'] as const;
export const ZAuditType = z.enum(AUDIT_TYPES);
export type TAuditType = z.infer<typeof ZAuditType>;

export const AUDIT_STATES = ['planned', 'confirmed', 'in_progress', 'reported', 'closed', 'cancelled'] as const;
export const ZAuditState = z.enum(AUDIT_STATES);
export type TAuditState = z.infer<typeof ZAuditState>;

export const AUDIT_TEAM_ROLES = ['lead_auditor', 'auditor', 'technical_expert', 'observer'] as const;
export const ZAuditTeamRole = z.enum(AUDIT_TEAM_ROLES);
export type TAuditTeamRole = z.infer<typeof ZAuditTeamRole>;

/** A certification body's public address segment: `/quote/{slug}`. */
export const ZBodySlug = z
  .string()
  .min(3)
  .max(50)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])$/, 'Lower-case letters, digits and hyphens, not at either end.');
