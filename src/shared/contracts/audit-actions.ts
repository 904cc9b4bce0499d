import { z } from 'zod';

/*
 * Every action the audit log can hold. Each one has its payload schemas in its module's
 * `<domain>-audit.ts` (the server checks every action here has one); the web translates each
 * into a name and a sentence (`audit.actions.*`, `audit.sentences.*`).
 */
export const AUDIT_ACTIONS = [
  'user.admin_created',
  'user.created',
  'user.updated',
  'user.login',
  'user.login_failed',
  'user.logout',
  'user.password_changed',
  'user.password_reset_requested',
  'user.password_reset',
  'user.mfa_enabled',
  'user.mfa_disabled',
  'session.revoked',
  'tenant.created',
  'tenant.updated',
  'member.added',
  'member.invited',
  'member.role_changed',
  'member.removed',
  'member.renamed',
  'invitation.accepted',
  'invitation.revoked',
  'invitation.replaced',
  'api_token.created',
  'api_token.revoked',
  'api_token.role_lowered',
  'file.uploaded',
  'catalog.framework_imported',
  'catalog.framework_made_current',
  'impact_assessment.created',
  'impact_assessment.updated',
  'impact_assessment.submitted',
  'impact_assessment.returned',
  'impact_assessment.approved',
  'impact_assessment.version_started',
  'impact_assessment.risk_linked',
  'impact_assessment.settings_updated',
  'ai_system.created',
  'ai_system.updated',
  'ai_system.classified',
  'risk.created',
  'risk.updated',
  'risk.accepted',
  'risk.reopened',
  'risk.acceptance_expired',
  'risk.closed',
  'risk_matrix.updated',
  'control.created',
  'control.updated',
  'control.requirement_linked',
  'control.requirement_unlinked',
  'control.suggestion_dismissed',
  'framework.adopted',
  'framework.unadopted',
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type TAuditAction = z.infer<typeof ZAuditAction>;

/** The events a user sees in their own security history (account page). */
export const SECURITY_ACTIONS = [
  'user.login',
  'user.login_failed',
  'user.password_changed',
  'user.password_reset_requested',
  'user.password_reset',
  'user.mfa_enabled',
  'user.mfa_disabled',
  'session.revoked',
] as const satisfies readonly TAuditAction[];
