import { sql } from 'kysely';
import type { TDatabase } from '../../../db/client.ts';
import type { TRegisterStatus } from '../../../../shared/contracts/register.ts';

type TDb = TDatabase['db'];

export type TExportRow = {
  number: string;
  revision: number;
  status: TRegisterStatus;
  standard: string;
  holder_name: string;
  holder_address: string;
  sites: unknown;
  scope_en: string;
  scope_fr: string;
  original_issue_date: string;
  effective_date: string;
  expiry_date: string;
  accredited: boolean;
  accreditation_body: string;
  accreditation_number: string;
};

/** The body's current certificates (one per number) with its accreditation, in one round trip; filtered by tenant as every body-side read is. */
export async function exportRows(db: TDb, tenantId: string): Promise<TExportRow[]> {
  const r = await sql<TExportRow>`SELECT c.number, c.revision, c.status, c.standard, c.holder_name, c.holder_address, c.sites, c.scope_en, c.scope_fr,
      c.original_issue_date::text AS original_issue_date, c.effective_date::text AS effective_date, c.expiry_date::text AS expiry_date,
      coalesce(b.accredited, false) AS accredited, coalesce(b.accreditation_body, '') AS accreditation_body, coalesce(b.accreditation_number, '') AS accreditation_number
    FROM certificates c LEFT JOIN body_settings b ON b.tenant_id = c.tenant_id
    WHERE c.tenant_id = ${tenantId} AND c.status <> 'superseded'
    ORDER BY c.number`.execute(db);
  return r.rows;
}
