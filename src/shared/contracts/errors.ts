import { z } from 'zod';
import { INVALID_CHARACTERS } from './common.ts';

/*
 * Every error the API answers is `{ requestId, code, message, details }`. `code` is stable and the
 * web translates it: `errors.codes.<code>` in src/web/i18n/en.json and fr.json, with the values of
 * `details` interpolated (`{{limit}}`, `{{retryAfterMinutes}}`…). `message` is English, for API
 * users and logs; the web shows it only for a code it does not know.
 * To add a code: one line below, and its sentence under `errors.codes` in both i18n files
 * (src/web/i18n/i18n.test.ts fails until both exist). `details.field` puts the message on that
 * form field.
 */
export const ERROR_CODES = [
  // Generic: the HTTP outcome when nothing more precise applies.
  'bad_request',
  'validation_failed',
  'unauthorized',
  'mfa_required',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'gone',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal',
  // Accounts and passwords.
  'already_set_up',
  'email_taken',
  'invalid_credentials',
  'invalid_mfa_code',
  'password_too_short',
  'password_too_long',
  'password_too_common',
  'current_password_wrong',
  'password_unchanged',
  'password_or_code_wrong',
  'mfa_already_enabled',
  'mfa_not_enabled',
  'mfa_enrolment_missing',
  'person_required',
  // Tenants, members, invitations, API tokens.
  'role_not_for_tenant_kind',
  'owner_role_reserved',
  'last_owner_demoted',
  'last_owner_removed',
  'already_member',
  'invitation_revoked',
  'invitation_used',
  'invitation_expired',
  'invitation_replaced',
  'invitation_for_other_user',
  'invitation_needs_account',
  'api_token_invalid',
  'api_token_revoked',
  'api_token_expired',
  // Password reset links.
  'reset_link_invalid',
  'reset_link_used',
  'reset_link_expired',
  // Audit log.
  'audit_log_empty',
  // Catalog.
  'catalog_file_empty',
  'framework_id_taken',
  'framework_version_changed',
  // Impact assessments.
  'assessment_incomplete',
  'assessment_frozen',
  'assessment_own_approval',
  'assessment_open_version',
  'ai_system_unknown',
  // Statement of Applicability.
  'soa_frozen',
  'soa_incomplete',
  'soa_own_approval',
  'soa_open_version',
  'soa_control_unknown',
  // AI-system inventory.
  'ai_system_retired',
  'ai_system_stage_refused',
  'ai_system_owner_not_member',
  'bom_ref_taken',
  'bom_invalid',
  // Imports: the few slots that unpack archives are all busy (not a per-person rate limit).
  'imports_busy',
  // Risk register.
  'risk_not_assessed',
  'risk_acceptance_role',
  'risk_frozen',
  'risk_score_off_matrix',
  'risk_requirement_unknown',
  'risk_member_unknown',
  // Controls and adopted frameworks.
  'control_reference_taken',
  'control_owner_not_member',
  'control_requirement_unknown',
  'control_status_refused',
  'control_retired',
  'control_link_exists',
  'control_suggestion_unavailable',
  'framework_already_adopted',
  // Documents.
  'document_own_approval',
  'document_already_approved',
  'document_version_frozen',
  'document_hash_mismatch',
  'document_no_version',
  'document_owner_not_member',
  'document_requirement_unknown',
  // Evidence.
  'evidence_immutable',
  'evidence_not_submitted',
  'evidence_superseded',
  'evidence_own_review',
  'evidence_still_valid',
  'evidence_control_unknown',
  'evidence_requirement_unknown',
  'evidence_member_unknown',
  // Certification proposals and engagements.
  'proposal_not_draft',
  'proposal_answered',
  'proposal_withdrawn',
  'proposal_expired',
  'proposal_no_recipient',
  'proposal_client_unknown',
  'proposal_organization_invalid',
  'proposal_calculation_unknown',
  'proposal_sign_up_email',
  'client_other_organization',
  'engagement_already_live',
  'evidence_file_missing',
  // Management-system records: internal audits, management reviews, nonconformities, AI incidents.
  'records_member_unknown',
  'records_requirement_unknown',
  'auditor_not_independent',
  'internal_audit_state',
  'internal_audit_conclusion_missing',
  'review_inputs_missing',
  'review_completed',
  'nonconformity_correction_missing',
  'nonconformity_root_cause_missing',
  'nonconformity_action_missing',
  'nonconformity_not_effective',
  'nonconformity_closed',
  'nonconformity_state',
  'nonconformity_already_raised',
  'incident_state',
  // Management-system records (scope, interested parties, objectives, competence).
  'record_requirement_unknown',
  'record_member_unknown',
  'record_file_unknown',
  'scope_frozen',
  'scope_own_approval',
  'scope_draft_exists',
  'objective_cancelled',
  // Certification audit workspace: checklist and report.
  'audit_work_state',
  'audit_work_engagement_inactive',
  'checklist_exists',
  'checklist_soa_missing',
  'checklist_requirement_unknown',
  'checklist_evidence_unknown',
  'checklist_notes_required',
  'report_issued',
  'report_incomplete',
  // Certification audit plan.
  'audit_plan_state',
  'audit_plan_not_draft',
  'audit_plan_draft_exists',
  'audit_plan_incomplete',
  'audit_plan_superseded',
  'audit_plan_acknowledged',
  'audit_plan_no_recipient',
  'audit_plan_site_unknown',
  'audit_plan_ai_system_unknown',
  'audit_plan_requirement_unknown',
  // Certification findings and corrective actions.
  'finding_state',
  'finding_answered',
  'finding_not_nonconformity',
  'finding_not_major',
  'finding_not_verified',
  'finding_audit_state',
  'finding_requirement_required',
  'finding_requirement_unknown',
  'finding_site_unknown',
  'finding_ai_system_unknown',
  'finding_evidence_unknown',
  'finding_verification_audit_invalid',
  // Certification body intake: settings, public quote requests, enquiries, clients.
  'body_slug_taken',
  'cert_number_pattern_invalid',
  'accreditation_incomplete',
  'quotes_closed',
  'enquiry_already_answered',
  'client_central_site',
  'client_figures_inconsistent',
  // Certification audits (the body's side).
  'cert_audit_state',
  'cert_audit_dates_missing',
  'cert_audit_no_lead',
  'cert_audit_stage1_not_reported',
  'cert_audit_declarations_missing',
  'cert_audit_team_frozen',
  'cert_audit_dates_order',
  'cert_audit_not_addable',
  'cert_team_not_member',
  'cert_team_not_competent',
  'cert_team_body_consultancy',
  'cert_team_cooling_off',
  'cert_team_conflict',
  'cert_declaration_outdated',
  'cert_team_lead_taken',
  // Surveillance and recertification.
  'cycle_not_certified',
  'cycle_programme_closed',
  'cycle_already_opened',
  'cycle_new_stage2_required',
  // Technical review and certification decision.
  'cert_review_not_independent',
  'cert_review_not_reviewer',
  'cert_review_audit_not_concluding',
  'cert_review_completed',
  'cert_review_incomplete',
  'cert_decision_not_independent',
  'cert_decision_blocked',
  'cert_decision_no_review',
  'cert_decision_file_changed',
  'cert_decision_certificate_state',
  'cert_decision_already_granted',
  'cert_decision_suspension_too_long',
  'cycle_poam_empty',
  'cert_decision_programme_not_current',
  // Certificates.
  'certificate_state',
  'certificate_effective_before_decision',
  'certificate_expiry_order',
  'certificate_suspension_too_long',
  'certificate_decision_mismatch',
  'certificate_already_current',
  'certificate_no_previous',
  'certificate_no_site',
  'certificate_number_pattern',
  // SOC 2 engagements, scope and system description.
  'soc2_firm_not_licensed',
  'cpa_licence_incomplete',
  'soc2_engagement_not_active',
  'soc2_engagement_scheme',
  'soc2_as_of_date_required',
  'soc2_as_of_date_not_allowed',
  'soc2_period_required',
  'soc2_period_not_allowed',
  'soc2_period_too_short',
  'soc2_period_too_long',
  'soc2_examination_state',
  'soc2_csoc_needs_carve_out',
  'soc2_description_signed_off',
  'soc2_description_incomplete',
  'soc2_description_changed',
  'soc2_renewal_not_issued',
  'soc2_renewal_exists',
  'soc2_scope_incomplete',
  'soc2_proposal_scope_invalid',
  // SOC 2 audit programme.
  'soc2_fieldwork_blocked',
  'soc2_criterion_not_applicable',
  'soc2_control_unknown',
  'soc2_control_not_in_matrix',
  'soc2_test_has_population',
  'soc2_request_state',
  'soc2_evidence_unknown',
  // SOC 2 exceptions, reporting and opinion.
  'soc2_test_unknown',
  'soc2_sample_item_invalid',
  'soc2_exception_state',
  'soc2_exception_concluded',
  'soc2_reporting_blocked',
  'soc2_partner_required',
  'soc2_partner_not_member',
  'soc2_opinion_basis_required',
  'soc2_opinion_warnings',
  // SOC 2 report readers.
  'soc2_report_not_issued',
  'soc2_reader_exists',
  'soc2_reader_revoked',
  'soc2_reader_expired',
  'soc2_nda_not_accepted',
  'soc2_nda_changed',
  // SOC 2 fieldwork: population files refused (nothing kept), samples, results.
  'population_rows_invalid',
  'population_file_too_large',
  'population_too_many_rows',
  'population_malformed_csv',
  'population_malformed_xlsx',
  'population_worksheet_not_found',
  'population_header_missing',
  'population_column_not_found',
  'population_column_ambiguous',
  'population_empty',
  'soc2_population_format',
  'soc2_completeness_required',
  'soc2_sample_exists',
  'soc2_sample_missing',
  'soc2_extension_without_exception',
  'soc2_population_exhausted',
  'soc2_sample_row_not_in_population',
  'soc2_sample_row_already_selected',
  'soc2_test_concluded',
  'soc2_items_pending',
  // SOC 2 report and bridge letters.
  'soc2_report_not_ready',
  'soc2_report_issued',
  'soc2_bridge_letter_dates',
  'soc2_general_use_issued',
] as const;
export const ZErrorCode = z.enum(ERROR_CODES);
export type TErrorCode = z.infer<typeof ZErrorCode>;

/** What is wrong with one field, in words the web can translate (`errors.fields.<issue>`). */
export const FIELD_ISSUES = [
  'required',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_characters',
  'invalid_option',
  'invalid_type',
  'invalid',
] as const;
export type TFieldIssue = (typeof FIELD_ISSUES)[number];

export const ZFieldError = z.object({
  /** Dotted path inside the body, query or params: `name`, `members.0.role`. */
  field: z.string(),
  issue: z.enum(FIELD_ISSUES),
  /** The bound that was crossed: characters for text, the value for numbers. */
  limit: z.number().optional(),
  /** For `invalid_format`: email, uuid, datetime, regex… */
  format: z.string().optional(),
  message: z.string(),
});
export type TFieldError = z.infer<typeof ZFieldError>;

export const ZErrorBody = z.object({
  requestId: z.string(),
  code: ZErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

/**
 * A Zod issue as a field error without its message. The server uses it for `details`, the web for
 * the messages of its own form validation, so both sides word a problem the same way.
 */
export function fieldIssueOf(iss: z.core.$ZodIssue | z.core.$ZodRawIssue): Omit<TFieldError, 'message'> {
  const field = (iss.path ?? []).map(String).join('.');
  const limitOf = (n: unknown) => (typeof n === 'number' || typeof n === 'bigint' ? Number(n) : undefined);
  switch (iss.code) {
    case 'too_small': {
      const limit = limitOf(iss.minimum);
      if (iss.origin === 'string') return limit === 1 ? { field, issue: 'required' } : { field, issue: 'too_short', limit };
      return iss.origin === 'array' && limit === 1 ? { field, issue: 'required' } : { field, issue: 'too_small', limit };
    }
    case 'too_big':
      return { field, issue: iss.origin === 'string' ? 'too_long' : 'too_big', limit: limitOf(iss.maximum) };
    case 'invalid_format':
      return { field, issue: 'invalid_format', format: iss.format };
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
      return { field, issue: 'invalid_option' };
    case 'invalid_type':
      return { field, issue: iss.input === undefined ? 'required' : 'invalid_type' };
    case 'custom':
      return { field, issue: (iss.params as { reason?: string } | undefined)?.reason === INVALID_CHARACTERS ? 'invalid_characters' : 'invalid' };
    default:
      return { field, issue: 'invalid' };
  }
}
