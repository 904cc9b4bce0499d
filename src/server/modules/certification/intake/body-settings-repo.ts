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
};

export const slugTaken = async (db: TDb, tenantId: string, slug: string) =>
  Boolean(await db.selectFrom('body_settings').select('tenant_id').where('public_slug', '=', slug).where('tenant_id', '<>', tenantId).executeTakeFirst());

export const upsertSettings = (db: TDb, tenantId: string, v: TSettingsValues, userId: string | null, at: Date) =>
  db
    .insertInto('body_settings')
    .values({ ...v, tenant_id: tenantId, updated_by: userId, updated_at: at })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...v, updated_by: userId, updated_at: at }))
    .execute();

/** The public page's view of a body, by its slug (the only read that crosses from the public side). */
export const getPublicBody = (db: TDb, slug: string) =>
  db.selectFrom('body_settings').select(['tenant_id', 'legal_name', 'address', 'quotes_open']).where('public_slug', '=', slug).executeTakeFirst();
