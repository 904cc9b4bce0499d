import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { onlyChanged, recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import { ZBodySettingsBody, type TBodySettings, type TBodySettingsBody } from '../../../../shared/contracts/intake.ts';
import { numberPatternProblem } from '../certificates/certificate-number.ts';
import { effectiveFeeParameters, effectiveSampling, SOC2_DEFAULT_DELAYS } from '../../soc2/firm-settings.ts';
import * as repo from './body-settings-repo.ts';

export type TBodySettingsDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const DEFAULTS = ZBodySettingsBody.parse({ publicSlug: 'not-set', legalName: '-' });

// `details.field` (an object, not a list) is what puts a coded error on its form field.
const slugTaken = () => new AppError(409, 'body_slug_taken', 'Another certification body already uses this public address: choose another.', { field: 'publicSlug' });

/**
 * What the certificate will print: a numbering pattern that makes a number usable as one segment of
 * the register's URL path, and an accreditation only with the accreditation body and number (17021-1
 * 8.2: an accreditation mark must not mislead). Changing either leaves issued certificates as they are.
 */
function checkCertificateFields(input: { certificateNumberPattern: string; accredited: boolean; accreditationBody: string; accreditationNumber: string }) {
  const problem = numberPatternProblem(input.certificateNumberPattern);
  if (problem)
    throw new AppError(
      400,
      'cert_number_pattern_invalid',
      'The certificate number pattern needs exactly one {SEQ:n} (3 to 9 digits), may use {YYYY}, {YY} and {BODY}, and otherwise only letters, digits, hyphens, dots and underscores (no slash or space: the number is part of the register’s address), 3 to 60 characters.',
      { field: 'certificateNumberPattern', problem },
    );
  for (const field of ['accreditationBody', 'accreditationNumber'] as const)
    if (input.accredited && !input[field])
      throw new AppError(400, 'accreditation_incomplete', 'An accredited body names its accreditation body and its accreditation number.', { field });
}

/**
 * Only a licensed CPA firm issues SOC 2 attestation reports: a firm names the licence's authority,
 * number and jurisdiction (the proposal and the report print them).
 */
function checkCpaLicence(v: repo.TSettingsValues) {
  const fields = [
    ['cpaLicenceAuthority', v.cpa_licence_authority],
    ['cpaLicenceNumber', v.cpa_licence_number],
    ['cpaLicenceJurisdiction', v.cpa_licence_jurisdiction],
  ] as const;
  for (const [field, value] of fields)
    if (v.cpa_firm && !value.trim())
      throw new AppError(400, 'cpa_licence_incomplete', 'A CPA firm names the authority that licensed it, its licence number and the licence’s jurisdiction.', { field });
}

const fieldsOf = (v: repo.TSettingsValues) => ({
  publicSlug: v.public_slug,
  legalName: v.legal_name,
  address: v.address,
  quotesOpen: v.quotes_open,
  coolingOffMonths: v.cooling_off_months,
  rotationMaxCycles: v.rotation_max_cycles,
  currency: v.currency,
  defaultDayRateCents: v.default_day_rate_cents,
  proposalValidityDays: v.proposal_validity_days,
  majorResponseDays: v.major_response_days,
  minorResponseDays: v.minor_response_days,
  minorClosureDays: v.minor_closure_days,
  majorVerificationMonths: v.major_verification_months,
  suspensionMaxMonths: v.suspension_max_months,
  correctiveActionReviewDays: v.corrective_action_review_days,
  decisionDays: v.decision_days,
  certificateNumberPattern: v.certificate_number_pattern,
  accredited: v.accredited,
  accreditationBody: v.accreditation_body,
  accreditationNumber: v.accreditation_number,
  cpaFirm: v.cpa_firm,
  cpaLicenceAuthority: v.cpa_licence_authority,
  cpaLicenceNumber: v.cpa_licence_number,
  cpaLicenceJurisdiction: v.cpa_licence_jurisdiction,
  soc2FeeParameters: v.soc2_fee_parameters ?? null,
  soc2Sampling: v.soc2_sampling ?? null,
  soc2ContemporaneityDays: v.soc2_contemporaneity_days,
  soc2RequestReminderDays: v.soc2_request_reminder_days,
  soc2ReaderAccessDays: v.soc2_reader_access_days,
});

const soc2Dto = (v: Pick<repo.TSettingsValues, 'soc2_fee_parameters' | 'soc2_sampling'>) => {
  const fee = effectiveFeeParameters(v.soc2_fee_parameters);
  const sampling = effectiveSampling(v.soc2_sampling);
  return { soc2FeeParameters: fee.parameters, soc2FeeParametersCustom: fee.custom, soc2Sampling: sampling.policy, soc2SamplingCustom: sampling.custom };
};

const valuesOf = (r: repo.TSettingsRow): repo.TSettingsValues => ({ ...r, default_day_rate_cents: Number(r.default_day_rate_cents) });

/**
 * The certification body's settings: its public quote address, its legal identity, the
 * impartiality limits (cooling-off period, lead-auditor rotation) and the commercial defaults
 * proposals start from. Before the first save the defaults are shown and the quote page is off.
 */
export function createBodySettingsService(p: TBodySettingsDeps) {
  function dto(grant: TTenantGrant, row: repo.TSettingsRow | undefined): TBodySettings {
    const abilities = p.authz.abilities(grant, 'bodySettings', {});
    if (!row) {
      return {
        configured: false,
        publicSlug: null,
        legalName: '',
        address: '',
        quotesOpen: false,
        coolingOffMonths: DEFAULTS.coolingOffMonths,
        rotationMaxCycles: DEFAULTS.rotationMaxCycles,
        currency: DEFAULTS.currency,
        defaultDayRateCents: DEFAULTS.defaultDayRateCents,
        proposalValidityDays: DEFAULTS.proposalValidityDays,
        majorResponseDays: DEFAULTS.majorResponseDays,
        minorResponseDays: DEFAULTS.minorResponseDays,
        minorClosureDays: DEFAULTS.minorClosureDays,
        majorVerificationMonths: DEFAULTS.majorVerificationMonths,
        suspensionMaxMonths: DEFAULTS.suspensionMaxMonths,
        correctiveActionReviewDays: DEFAULTS.correctiveActionReviewDays,
        decisionDays: DEFAULTS.decisionDays,
        certificateNumberPattern: DEFAULTS.certificateNumberPattern,
        accredited: DEFAULTS.accredited,
        accreditationBody: DEFAULTS.accreditationBody,
        accreditationNumber: DEFAULTS.accreditationNumber,
        cpaFirm: false,
        cpaLicenceAuthority: '',
        cpaLicenceNumber: '',
        cpaLicenceJurisdiction: '',
        ...soc2Dto({ soc2_fee_parameters: null, soc2_sampling: null }),
        soc2ContemporaneityDays: SOC2_DEFAULT_DELAYS.contemporaneityDays,
        soc2RequestReminderDays: SOC2_DEFAULT_DELAYS.requestReminderDays,
        soc2ReaderAccessDays: SOC2_DEFAULT_DELAYS.readerAccessDays,
        updatedAt: null,
        abilities,
      };
    }
    const v = valuesOf(row);
    return { configured: true, ...fieldsOf(v), ...soc2Dto(v), updatedAt: new Date(row.updated_at).toISOString(), abilities };
  }

  return {
    async get(actor: TActor | null, tenantId: string) {
      const grant = await p.authz.assert(actor, 'bodySettings.read', { tenantId });
      return dto(grant, await repo.getSettings(p.db, tenantId));
    },

    /** The whole set is sent each time (a SOC 2 field left out keeps its stored value); the audit event keeps only what changed. */
    async update(actor: TActor | null, tenantId: string, body: TBodySettingsBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'bodySettings.update', { tenantId });
      const input = ZBodySettingsBody.parse(body);
      const nextOf = (stored: repo.TSettingsValues | null): repo.TSettingsValues => {
        const cpaFirm = input.cpaFirm ?? stored?.cpa_firm ?? false;
        const keep = <T,>(given: T | undefined, current: T | undefined, fallback: T): T => (given !== undefined ? given : current !== undefined ? current : fallback);
        return {
          public_slug: input.publicSlug,
          legal_name: input.legalName,
          address: input.address,
          quotes_open: input.quotesOpen,
          cooling_off_months: input.coolingOffMonths,
          rotation_max_cycles: input.rotationMaxCycles,
          currency: input.currency,
          default_day_rate_cents: input.defaultDayRateCents,
          proposal_validity_days: input.proposalValidityDays,
          major_response_days: input.majorResponseDays,
          minor_response_days: input.minorResponseDays,
          minor_closure_days: input.minorClosureDays,
          major_verification_months: input.majorVerificationMonths,
          suspension_max_months: input.suspensionMaxMonths,
          corrective_action_review_days: input.correctiveActionReviewDays,
          decision_days: input.decisionDays,
          certificate_number_pattern: input.certificateNumberPattern,
          accredited: input.accredited,
          // Without an accreditation the certificate names none: stale values would only mislead later.
          accreditation_body: input.accredited ? input.accreditationBody : '',
          accreditation_number: input.accredited ? input.accreditationNumber : '',
          cpa_firm: cpaFirm,
          // Like an accreditation: a body that is no CPA firm prints no licence.
          cpa_licence_authority: cpaFirm ? keep(input.cpaLicenceAuthority, stored?.cpa_licence_authority, '') : '',
          cpa_licence_number: cpaFirm ? keep(input.cpaLicenceNumber, stored?.cpa_licence_number, '') : '',
          cpa_licence_jurisdiction: cpaFirm ? keep(input.cpaLicenceJurisdiction, stored?.cpa_licence_jurisdiction, '') : '',
          soc2_fee_parameters: keep<unknown>(input.soc2FeeParameters, stored?.soc2_fee_parameters, null),
          soc2_sampling: keep<unknown>(input.soc2Sampling, stored?.soc2_sampling, null),
          soc2_contemporaneity_days: keep(input.soc2ContemporaneityDays, stored?.soc2_contemporaneity_days, SOC2_DEFAULT_DELAYS.contemporaneityDays),
          soc2_request_reminder_days: keep(input.soc2RequestReminderDays, stored?.soc2_request_reminder_days, SOC2_DEFAULT_DELAYS.requestReminderDays),
          soc2_reader_access_days: keep(input.soc2ReaderAccessDays, stored?.soc2_reader_access_days, SOC2_DEFAULT_DELAYS.readerAccessDays),
        };
      };
      checkCertificateFields(input);
      try {
        await p.db.transaction().execute(async (tx) => {
          const before = await repo.getSettingsForUpdate(tx, tenantId);
          const next = nextOf(before ? valuesOf(before) : null);
          checkCpaLicence(next);
          if (await repo.slugTaken(tx, tenantId, input.publicSlug)) throw slugTaken();
          await repo.upsertSettings(tx, tenantId, next, actor?.type === 'user' ? actor.userId : null, p.clock.now());
          const diff = onlyChanged(before ? fieldsOf(valuesOf(before)) : null, fieldsOf(next));
          if (before && !Object.keys(diff.after ?? {}).length) return;
          await recordAudit(tx, actor, ctx, { tenantId, action: 'body_settings.updated', subjectType: 'body_settings', subjectId: tenantId, before: diff.before, after: diff.after });
        });
      } catch (e) {
        // Two bodies claiming the same slug at once: the unique index decides, the loser reads the same 409.
        if ((e as { code?: string }).code === '23505') throw slugTaken();
        throw e;
      }
      return dto(grant, await repo.getSettings(p.db, tenantId));
    },
  };
}
