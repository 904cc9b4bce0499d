import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';

/* The only door to body_settings: one row per certification body, created on first save. */

type TDb = Kysely<DB>;

const columns = [
  'public_slug',
  'legal_name',
  'address',
  'quotes_open',
  'cooling_off_months',
  'rotation_max_cycles',
  'currency',
  sql<string>`default_day_rate_cents::text`.as('default_day_rate_cents'),
  'proposal_validity_days',
  'major_response_days',
  'minor_response_days',
  'minor_closure_days',
  'major_verification_months',
  'suspension_max_months',
  'corrective_action_review_days',
  'decision_days',
  'certificate_number_pattern',
  'accredited',
  'accreditation_body',
  'accreditation_number',
  'cpa_firm',
  'cpa_licence_authority',
  'cpa_licence_number',
  'cpa_licence_jurisdiction',
  'soc2_fee_parameters',
  'soc2_sampling',
  'soc2_contemporaneity_days',
  'soc2_request_reminder_days',
  'soc2_reader_access_days',
  'updated_at',
] as const;

export const getSettings = (db: TDb, tenantId: string) => db.selectFrom('body_settings').select(columns).where('tenant_id', '=', tenantId).executeTakeFirst();
export const getSettingsForUpdate = (db: TDb, tenantId: string) => db.selectFrom('body_settings').select(columns).where('tenant_id', '=', tenantId).forUpdate().executeTakeFirst();
export type TSettingsRow = NonNullable<Awaited<ReturnType<typeof getSettings>>>;

export type TSettingsValues = {
  public_slug: string;
  legal_name: string;
  address: string;
  quotes_open: boolean;
  cooling_off_months: number;
  rotation_max_cycles: number;
  currency: string;
  default_day_rate_cents: number;
  proposal_validity_days: number;
  major_response_days: number;
  minor_response_days: number;
  minor_closure_days: number;
  major_verification_months: number;
  suspension_max_months: number;
  corrective_action_review_days: number;
  decision_days: number;
  certificate_number_pattern: string;
  accredited: boolean;
  accreditation_body: string;
  accreditation_number: string;
  cpa_firm: boolean;
  cpa_licence_authority: string;
  cpa_licence_number: string;
  cpa_licence_jurisdiction: string;
  /** Parsed; null: Attest's defaults. */
  soc2_fee_parameters: unknown;
  soc2_sampling: unknown;
  soc2_contemporaneity_days: number;
  soc2_request_reminder_days: number;
  soc2_reader_access_days: number;
};

export const slugTaken = async (db: TDb, tenantId: string, slug: string) =>
  Boolean(await db.selectFrom('body_settings').select('tenant_id').where('public_slug', '=', slug).where('tenant_id', '<>', tenantId).executeTakeFirst());

export const upsertSettings = (db: TDb, tenantId: string, values: TSettingsValues, userId: string | null, at: Date) => {
  // jsonb goes in as a JSON string on both drivers.
  const json = (x: unknown) => (x === null || x === undefined ? null : JSON.stringify(x));
  const v = { ...values, soc2_fee_parameters: json(values.soc2_fee_parameters), soc2_sampling: json(values.soc2_sampling) };
  return db
    .insertInto('body_settings')
    .values({ ...v, tenant_id: tenantId, updated_by: userId, updated_at: at })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...v, updated_by: userId, updated_at: at }))
    .execute();
};

/** A firm's SOC 2 settings as stored (JSON parsed), or undefined before its first save. */
export const getSoc2Settings = (db: TDb, tenantId: string) =>
  db
    .selectFrom('body_settings')
    .select([
      'cpa_firm',
      'cpa_licence_authority',
      'cpa_licence_number',
      'cpa_licence_jurisdiction',
      'soc2_fee_parameters',
      'soc2_sampling',
      'soc2_contemporaneity_days',
      'soc2_request_reminder_days',
      'soc2_reader_access_days',
    ])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();

/** The public page's view of a body, by its slug (the only read that crosses from the public side). */
export const getPublicBody = (db: TDb, slug: string) =>
  db.selectFrom('body_settings').select(['tenant_id', 'legal_name', 'address', 'quotes_open']).where('public_slug', '=', slug).executeTakeFirst();
