import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { onlyChanged, recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import { ZBodySettingsBody, type TBodySettings, type TBodySettingsBody } from '../../../../shared/contracts/intake.ts';
import * as repo from './body-settings-repo.ts';

export type TBodySettingsDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const DEFAULTS = ZBodySettingsBody.parse({ publicSlug: 'not-set', legalName: '-' });

const slugTaken = () =>
  new AppError(409, 'body_slug_taken', 'Another certification body already uses this public address: choose another.', [
    { field: 'publicSlug', issue: 'invalid', message: 'Already used by another certification body.' },
  ]);

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
});

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
        updatedAt: null,
        abilities,
      };
    }
    return { configured: true, ...fieldsOf(valuesOf(row)), updatedAt: new Date(row.updated_at).toISOString(), abilities };
  }

  return {
    async get(actor: TActor | null, tenantId: string) {
      const grant = await p.authz.assert(actor, 'bodySettings.read', { tenantId });
      return dto(grant, await repo.getSettings(p.db, tenantId));
    },

    /** The whole set is sent each time; the audit event keeps only what changed. */
    async update(actor: TActor | null, tenantId: string, body: TBodySettingsBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'bodySettings.update', { tenantId });
      const input = ZBodySettingsBody.parse(body);
      const next: repo.TSettingsValues = {
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
      };
      try {
        await p.db.transaction().execute(async (tx) => {
          const before = await repo.getSettingsForUpdate(tx, tenantId);
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
