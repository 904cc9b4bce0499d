import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import { ZSoc2FeeParameters, type TSoc2FeeParameters } from '../../../shared/contracts/soc2-fees.ts';
import { DEFAULT_SOC2_SAMPLING_POLICY, ZSoc2SamplingPolicy, type TSoc2SamplingPolicy } from '../../../shared/contracts/soc2-sampling.ts';
import { getSoc2Settings } from '../certification/intake/body-settings-repo.ts';
import { DEFAULT_SOC2_FEE_PARAMETERS } from './fees/fee-estimate.ts';

/*
 * What every SOC 2 service reads of a firm's settings (body_settings, migration 0032): its licence,
 * its fee parameters and sampling policy (the firm's own, else Attest's defaults) and its three
 * delays. Written only through the body settings service, which validates them; a stored value that
 * no longer parses (a schema moved on) reads as the default rather than failing a fieldwork step.
 */

const DEFAULT_DELAYS = { contemporaneityDays: 30, requestReminderDays: 3, readerAccessDays: 365 } as const;

export function effectiveFeeParameters(stored: unknown): { parameters: TSoc2FeeParameters; custom: boolean } {
  const parsed = stored === null || stored === undefined ? null : ZSoc2FeeParameters.safeParse(stored);
  return parsed?.success ? { parameters: parsed.data, custom: true } : { parameters: DEFAULT_SOC2_FEE_PARAMETERS, custom: false };
}

export function effectiveSampling(stored: unknown): { policy: TSoc2SamplingPolicy; custom: boolean } {
  const parsed = stored === null || stored === undefined ? null : ZSoc2SamplingPolicy.safeParse(stored);
  return parsed?.success ? { policy: parsed.data, custom: true } : { policy: DEFAULT_SOC2_SAMPLING_POLICY, custom: false };
}

export type TSoc2FirmSettings = {
  /** True only with a complete licence (the CHECK body_settings_cpa_licence holds authority and number). */
  licensed: boolean;
  licence: { authority: string; number: string; jurisdiction: string };
  feeParameters: TSoc2FeeParameters;
  feeParametersCustom: boolean;
  sampling: TSoc2SamplingPolicy;
  samplingCustom: boolean;
  contemporaneityDays: number;
  requestReminderDays: number;
  readerAccessDays: number;
};

/** The firm's SOC 2 settings; a tenant without settings reads as an unlicensed firm with the defaults. */
export async function getSoc2FirmSettings(db: Kysely<DB> | Transaction<DB>, firmTenantId: string): Promise<TSoc2FirmSettings> {
  const r = await getSoc2Settings(db, firmTenantId);
  const fee = effectiveFeeParameters(r?.soc2_fee_parameters);
  const sampling = effectiveSampling(r?.soc2_sampling);
  return {
    licensed: Boolean(r?.cpa_firm && r.cpa_licence_authority && r.cpa_licence_number),
    licence: { authority: r?.cpa_licence_authority ?? '', number: r?.cpa_licence_number ?? '', jurisdiction: r?.cpa_licence_jurisdiction ?? '' },
    feeParameters: fee.parameters,
    feeParametersCustom: fee.custom,
    sampling: sampling.policy,
    samplingCustom: sampling.custom,
    contemporaneityDays: r?.soc2_contemporaneity_days ?? DEFAULT_DELAYS.contemporaneityDays,
    requestReminderDays: r?.soc2_request_reminder_days ?? DEFAULT_DELAYS.requestReminderDays,
    readerAccessDays: r?.soc2_reader_access_days ?? DEFAULT_DELAYS.readerAccessDays,
  };
}

export const SOC2_DEFAULT_DELAYS = DEFAULT_DELAYS;
