import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type {
  TSoc2Exception,
  TSoc2ExceptionConclusionBody,
  TSoc2ExceptionList,
  TSoc2RaiseExceptionBody,
} from '../../../../shared/contracts/soc2-exceptions.ts';
import { programExamination } from '../matrix/examination-row.ts';
import { byControl, exceptionCore, exceptionSubject, recordExceptionEvent } from './exceptions-common.ts';
import * as repo from './exceptions-repo.ts';
import { exceptionsMailJob, sendExceptionsRaisedMail } from './jobs/send-exceptions-raised-mail.ts';

/*
 * The firm's side of exceptions: the auditor raises one on a test (optionally on one of its sample
 * items whose result is an exception) with a description, edits it until management responds, and
 * concludes (isolated or systematic, and the impact on the criterion) — final: management can no
 * longer respond. Every change is written in both tenants' logs; raising one queues the mail to the
 * organization's owners and administrators (one mail per batch, jobs/send-exceptions-raised-mail.ts).
 */

export type TExceptionsDeps = Pick<TPlatform, 'db' | 'authz' | 'clock' | 'jobs'>;

const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);
const field = (name: string, message: string) => [{ field: name, issue: 'invalid', message }];

export function createExceptionsService(p: TExceptionsDeps) {
  const dto = (grant: TTenantGrant, r: repo.TExceptionRow): TSoc2Exception => ({ ...exceptionCore(r), abilities: p.authz.abilities(grant, 'soc2Exception', exceptionSubject(r)) as TSoc2Exception['abilities'] });

  async function one(grant: TTenantGrant, tenantId: string, examinationId: string, id: string) {
    const row = await repo.firmException(p.db, tenantId, examinationId, id);
    if (!row) throw notFound('Exception');
    return dto(grant, row);
  }

  /** An edit or a conclusion of one exception, locked, judged on the locked row. */
  async function change(
    actor: TActor | null,
    tenantId: string,
    examinationId: string,
    id: string,
    ctx: TRequestContext,
    action: 'soc2Exception.edit' | 'soc2Exception.conclude',
    apply: (row: repo.TExceptionRow) => { set: repo.TExceptionSet; event: Parameters<typeof recordExceptionEvent>[4] },
  ) {
    const grant = await p.authz.assert(actor, action, { tenantId });
    await p.db.transaction().execute(async (tx) => {
      const ex = await programExamination(tx, tenantId, examinationId, true);
      if (!ex) throw notFound('Examination');
      const row = await repo.firmException(tx, tenantId, examinationId, id, true);
      if (!row) throw notFound('Exception');
      p.authz.assertOn(grant, action, exceptionSubject(row));
      const { set, event } = apply(row);
      await repo.updateException(tx, tenantId, id, set);
      await recordExceptionEvent(tx, actor, ctx, { tenantId, organizationTenantId: row.organization_tenant_id, engagementId: row.engagement_id, subjectId: id }, event);
    });
    return one(grant, tenantId, examinationId, id);
  }

  return {
    async list(actor: TActor | null, tenantId: string, examinationId: string): Promise<TSoc2ExceptionList> {
      const grant = await p.authz.assert(actor, 'soc2Program.read', { tenantId });
      const ex = await programExamination(p.db, tenantId, examinationId);
      if (!ex) throw notFound('Examination');
      const items = (await repo.firmExceptions(p.db, tenantId, examinationId)).map((r) => dto(grant, r));
      const raise = p.authz.abilities(grant, 'soc2Exception', { examinationState: ex.state, state: 'open' })['soc2Exception.raise'];
      return { examinationId, state: ex.state, total: items.length, groups: byControl(items), abilities: { 'soc2Exception.raise': raise } };
    },

    async get(actor: TActor | null, tenantId: string, examinationId: string, id: string) {
      const grant = await p.authz.assert(actor, 'soc2Program.read', { tenantId });
      return one(grant, tenantId, examinationId, id);
    },

    async raise(actor: TActor | null, tenantId: string, examinationId: string, body: TSoc2RaiseExceptionBody, ctx: TRequestContext): Promise<TSoc2Exception> {
      const grant = await p.authz.assert(actor, 'soc2Exception.raise', { tenantId });
      const id = await p.db.transaction().execute(async (tx) => {
        const ex = await programExamination(tx, tenantId, examinationId, true);
        if (!ex) throw notFound('Examination');
        p.authz.assertOn(grant, 'soc2Exception.raise', { examinationState: ex.state, state: 'open' });
        const test = await repo.testOf(tx, tenantId, examinationId, body.testId);
        if (!test) throw new AppError(400, 'soc2_test_unknown', 'Not a test of this examination.', field('testId', 'Not a test of this examination.'));
        let itemKey: string | null = null;
        if (body.sampleItemId) {
          const item = await repo.sampleItemOf(tx, tenantId, test.id, body.sampleItemId);
          if (!item || item.result !== 'exception')
            throw new AppError(400, 'soc2_sample_item_invalid', 'The sample item must be one of this test’s items, with an exception as its result.', {
              field: 'sampleItemId',
              result: item?.result ?? null,
            });
          itemKey = item.item_key;
        }
        const reference = await repo.drawExceptionReference(tx, tenantId, examinationId);
        const now = p.clock.now();
        const row = await repo.insertException(tx, { tenantId, examinationId, testId: test.id, sampleItemId: body.sampleItemId, reference, description: body.description, userId: userIdOf(actor), now });
        // One mail per batch: a job already queued for this examination's slot takes this exception too.
        const job = exceptionsMailJob(tenantId, examinationId, now);
        await p.jobs.send(tx, sendExceptionsRaisedMail, job.payload, job.options);
        await recordExceptionEvent(
          tx,
          actor,
          ctx,
          { tenantId, organizationTenantId: ex.organization_tenant_id, engagementId: ex.engagement_id, subjectId: row.id },
          {
            action: 'soc2_exception.raised',
            after: { examinationReference: ex.reference, reference, testReference: test.reference, controlRef: test.control_ref, sampleItemKey: itemKey, description: body.description },
          },
        );
        return row.id;
      });
      return one(grant, tenantId, examinationId, id);
    },

    update(actor: TActor | null, tenantId: string, examinationId: string, id: string, body: { description: string }, ctx: TRequestContext) {
      return change(actor, tenantId, examinationId, id, ctx, 'soc2Exception.edit', (row) => ({
        set: { description: body.description },
        event: {
          action: 'soc2_exception.updated',
          before: { description: row.description },
          after: { examinationReference: row.examination_reference, reference: row.reference, description: body.description },
        },
      }));
    },

    conclude(actor: TActor | null, tenantId: string, examinationId: string, id: string, body: TSoc2ExceptionConclusionBody, ctx: TRequestContext) {
      return change(actor, tenantId, examinationId, id, ctx, 'soc2Exception.conclude', (row) => ({
        set: { conclusion: body.conclusion, criterion_impact: body.criterionImpact, conclusion_notes: body.notes, concluded_by: userIdOf(actor), concluded_at: p.clock.now() },
        event: {
          action: 'soc2_exception.concluded',
          after: { examinationReference: row.examination_reference, reference: row.reference, conclusion: body.conclusion, criterionImpact: body.criterionImpact, notes: body.notes },
        },
      }));
    },
  };
}
