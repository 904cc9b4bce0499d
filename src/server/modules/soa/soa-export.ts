import { createHash } from 'node:crypto';
import type { TLocale } from '../../../shared/contracts/common.ts';
import type { TSoaExportFormat } from '../../../shared/contracts/soa.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { renderDocumentDocx } from '../../documents/render-docx.ts';
import { renderDocumentPdf } from '../../documents/render-pdf.ts';
import { renderDocumentXlsx } from '../../documents/render-xlsx.ts';
import { getTenant } from '../tenants/tenants-repo.ts';
import { buildSoaModel } from './documents/build-soa-model.ts';
import { frameworkEditions } from './soa-repo.ts';
import { createSoaReads, type TSoaDeps } from './soa-service.ts';

const CONTENT_TYPE: Record<TSoaExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
const RENDER = { xlsx: renderDocumentXlsx, docx: renderDocumentDocx, pdf: renderDocumentPdf } as const;

/**
 * A numbered version as XLSX, DOCX or PDF, in the language asked for. Only numbered versions:
 * the number, approval date and approver head every page, and certificates cite that number;
 * a draft has none of them and is read on screen until it is approved.
 */
export function createSoaExport(p: TSoaDeps & { timeZone?: string }) {
  const reads = createSoaReads(p);
  return {
    async export(actor: TActor | null, tenantId: string, number: number, format: TSoaExportFormat, locale: TLocale) {
      const grant = await p.authz.assert(actor, 'soa.read', { tenantId });
      const [version, tenant] = await Promise.all([reads.numbered(grant, number), getTenant(p.db, tenantId)]);
      const editions = await frameworkEditions(p.db, version.frameworks);
      const model = buildSoaModel(
        {
          organizationName: tenant?.name ?? '',
          version: { ...version, number, approvedAt: version.approvedAt!, approvedBy: version.approvedBy! },
          editions,
          generatedAt: p.clock.now(),
          timeZone: p.timeZone ?? 'Europe/Paris',
        },
        locale,
      );
      const body = await RENDER[format](model);
      return {
        filename: `SoA-v${number}-${locale}.${format}`,
        contentType: CONTENT_TYPE[format],
        body,
        sha256: createHash('sha256').update(body).digest('hex'),
      };
    },
  };
}
