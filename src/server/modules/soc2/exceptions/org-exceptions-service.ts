import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TOrgSoc2Exception, TOrgSoc2ExceptionList, TSoc2ExceptionResponseBody } from '../../../../shared/contracts/soc2-exceptions.ts';
import { byControl, exceptionCore, exceptionSubject, recordExceptionEvent } from './exceptions-common.ts';
import type { TExceptionsDeps } from './exceptions-service.ts';
import * as repo from './exceptions-repo.ts';

/*
 * The organization's side: it reads the exceptions of its examinations (from fieldwork on) and its
 * writers respond — context, remediation and its own evidence records — until the auditor
 * concludes. Another organization's examination or exception answers 404.
 */
export function createOrgExceptionsService(p: TExceptionsDeps) {
  const dto = (grant: TTenantGrant, r: repo.TExceptionRow): TOrgSoc2Exception => ({
    ...exceptionCore(r),
    abilities: p.authz.abilities(grant, 'orgSoc2Exception', exceptionSubject(r)) as TOrgSoc2Exception['abilities'],
  });

  async function one(grant: TTenantGrant, tenantId: string, examinationId: string, id: string) {
    const row = await repo.orgException(p.db, tenantId, examinationId, id);
    if (!row) throw notFound('Exception');
    return dto(grant, row);
  }

  return {
    async list(actor: TActor | null, tenantId: string, examinationId: string): Promise<TOrgSoc2ExceptionList> {
      const grant = await p.authz.assert(actor, 'orgSoc2Examination.read', { tenantId });
      const ex = await repo.orgExaminationState(p.db, tenantId, examinationId);
      if (!ex) throw notFound('Examination');
      const items = (await repo.orgExceptions(p.db, tenantId, examinationId)).map((r) => dto(grant, r));
      return { examinationId, state: ex.state, total: items.length, groups: byControl(items) };
    },

    async get(actor: TActor | null, tenantId: string, examinationId: string, id: string) {
      const grant = await p.authz.assert(actor, 'orgSoc2Examination.read', { tenantId });
      return one(grant, tenantId, examinationId, id);
    },

    /** Saves management's response (again, until the auditor concludes); evidence must be the organization's own records. */
    async respond(actor: TActor | null, tenantId: string, examinationId: string, id: string, body: TSoc2ExceptionResponseBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'orgSoc2Exception.respond', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.orgException(tx, tenantId, examinationId, id, true);
        if (!row) throw notFound('Exception');
        p.authz.assertOn(grant, 'orgSoc2Exception.respond', exceptionSubject(row));
        if (!body.context.trim() && !body.remediation.trim() && !body.evidenceIds.length)
          throw new AppError(400, 'validation_failed', 'Write the context or the remediation, or link evidence.', [{ field: 'context', issue: 'required', message: 'Write the context or the remediation, or link evidence.' }]);
        const ids = [...new Set(body.evidenceIds)];
        const found = await repo.orgEvidenceAmong(tx, tenantId, ids);
        const bad = body.evidenceIds.findIndex((e) => !found.some((f) => f.id === e));
        if (bad >= 0)
          throw new AppError(400, 'soc2_evidence_unknown', 'Not one of the organization’s evidence records.', [
            { field: `evidenceIds.${bad}`, issue: 'invalid', message: 'Not one of the organization’s evidence records.' },
          ]);
        await repo.updateException(tx, row.tenant_id, id, {
          response_context: body.context,
          response_remediation: body.remediation,
          response_evidence_ids: ids,
          responded_by: actor?.type === 'user' ? actor.userId : null,
          responded_at: p.clock.now(),
        });
        await recordExceptionEvent(
          tx,
          actor,
          ctx,
          { tenantId: row.tenant_id, organizationTenantId: tenantId, engagementId: row.engagement_id, subjectId: id },
          {
            action: 'soc2_exception.responded',
            after: { examinationReference: row.examination_reference, reference: row.reference, context: body.context, remediation: body.remediation, evidence: ids.length },
          },
        );
      });
      return one(grant, tenantId, examinationId, id);
    },
  };
}
