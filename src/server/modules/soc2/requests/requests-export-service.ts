import type { TActor } from '../../../platform/authz/actor.ts';
import { notFound } from '../../../platform/errors/errors.ts';
import type { TLocale } from '../../../../shared/contracts/common.ts';
import { programExamination } from '../matrix/examination-row.ts';
import { orgExamination } from '../examinations/examinations-repo.ts';
import { today } from './requests-common.ts';
import type { TRequestsDeps } from './requests-service.ts';
import { requestsToXlsx, requestsXlsxFileName } from './requests-xlsx.ts';
import * as repo from './requests-repo.ts';

/*
 * The information request list as a workbook, for the firm and for the organization: the same rows
 * as the list (one statement), the evidence titles read from the organization's tenant.
 */
export function createRequestsExportService(p: TRequestsDeps) {
  return {
    async forFirm(actor: TActor | null, tenantId: string, examinationId: string, locale: TLocale) {
      await p.authz.assert(actor, 'soc2Program.read', { tenantId });
      const ex = await programExamination(p.db, tenantId, examinationId);
      if (!ex) throw notFound('Examination');
      const rows = await repo.firmRequests(p.db, tenantId, examinationId);
      return { fileName: requestsXlsxFileName(ex.reference, locale), body: requestsToXlsx(rows, locale, today(p)) };
    },
    async forOrganization(actor: TActor | null, tenantId: string, examinationId: string, locale: TLocale) {
      await p.authz.assert(actor, 'orgSoc2Request.read', { tenantId });
      const ex = await orgExamination(p.db, tenantId, examinationId);
      if (!ex) throw notFound('Examination');
      const rows = await repo.orgRequests(p.db, tenantId, examinationId);
      return { fileName: requestsXlsxFileName(ex.reference, locale), body: requestsToXlsx(rows, locale, today(p)) };
    },
  };
}
