import type { Readable } from 'node:stream';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TRegisterExportQuery } from '../../../../shared/contracts/register.ts';
import { exportCsv, exportXlsx, XLSX_MIME } from './register-export.ts';
import { exportRows } from './register-export-repo.ts';

export type TRegisterExportDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

/** The body's certificates for IAF CertSearch, as CSV or XLSX: one query, written out row by row. */
export function createRegisterExportService(p: TRegisterExportDeps) {
  return {
    async export(actor: TActor | null, tenantId: string, q: TRegisterExportQuery): Promise<{ filename: string; contentType: string; body: Readable }> {
      await p.authz.assert(actor, 'registerExport.read', { tenantId });
      const rows = await exportRows(p.db, tenantId);
      const day = p.clock.now().toISOString().slice(0, 10).replaceAll('-', '');
      return q.format === 'xlsx'
        ? { filename: `certsearch-${day}.xlsx`, contentType: XLSX_MIME, body: exportXlsx(rows, q.locale) }
        : { filename: `certsearch-${day}.csv`, contentType: 'text/csv; charset=utf-8', body: exportCsv(rows, q.locale) };
    },
  };
}
