import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import {
  ZCreateCompetenceBody,
  type TCompetenceListQuery,
  type TCompetenceRecord,
  type TCreateCompetenceBody,
  type TUpdateCompetenceBody,
} from '../../../../shared/contracts/aims-records-context.ts';
import { subjectHistory } from '../../audit/subject-history.ts';
import { changedFields, iso, membersAmong, notMember, todayOf } from '../common/records-sql.ts';
import * as repo from './competence-repo.ts';

export type TCompetenceDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const fileUnknown = () =>
  new AppError(400, 'record_file_unknown', 'This file is not one of the organization’s files.', [{ field: 'evidenceFileId', issue: 'invalid', message: 'Not a file of this organization.' }]);

const fieldsOf = (v: repo.TCompetenceValues) => ({
  role: v.role,
  requiredCompetence: v.required_competence,
  evidence: v.evidence,
  evidenceFileId: v.evidence_file_id,
  achievedOn: v.achieved_on,
  renewalOn: v.renewal_on,
  policyAcknowledgedOn: v.policy_acknowledged_on,
});

/** Competence and awareness records (ISO/IEC 42001 7.2, 7.3), one per member and role. */
export function createCompetenceService(p: TCompetenceDeps) {
  const dto = (grant: TTenantGrant, r: repo.TCompetenceRow): TCompetenceRecord => ({
    id: r.id,
    person: { id: r.user_id, name: r.user_name },
    role: r.role,
    requiredCompetence: r.required_competence,
    evidence: r.evidence,
    evidenceFile: r.evidence_file ? { ...r.evidence_file, size: Number(r.evidence_file.size) } : null,
    achievedOn: r.achieved_on,
    renewalOn: r.renewal_on,
    renewalDue: r.renewal_on !== null && r.renewal_on < todayOf(p),
    policyAcknowledgedOn: r.policy_acknowledged_on,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    abilities: p.authz.abilities(grant, 'competenceRecord', {}),
  });

  async function detail(grant: TTenantGrant, id: string) {
    const row = await repo.getRecord(p.db, grant.tenantId, id);
    if (!row) throw notFound('Competence record');
    return dto(grant, row);
  }

  async function checkFile(db: Kysely<DB>, tenantId: string, fileId: string | null | undefined) {
    if (fileId && !(await repo.fileOfTenant(db, tenantId, fileId))) throw fileUnknown();
  }

  return {
    async list(actor: TActor | null, tenantId: string, q: TCompetenceListQuery) {
      const grant = await p.authz.assert(actor, 'competenceRecord.read', { tenantId });
      const page = await repo.listRecords(p.db, tenantId, q, todayOf(p));
      return { items: page.items.map((r) => dto(grant, r)), nextCursor: page.nextCursor };
    },

    async get(actor: TActor | null, tenantId: string, id: string) {
      const grant = await p.authz.assert(actor, 'competenceRecord.read', { tenantId });
      return detail(grant, id);
    },

    async history(actor: TActor | null, tenantId: string, id: string, q: { limit: number; cursor?: string | undefined }) {
      const grant = await p.authz.assert(actor, 'competenceRecord.read', { tenantId });
      await detail(grant, id);
      return subjectHistory(p.db, tenantId, 'competence_record', id, q);
    },

    /** Also what the demo seed calls: the body is parsed with the contract, defaults applied. */
    async create(actor: TActor | null, tenantId: string, body: TCreateCompetenceBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'competenceRecord.create', { tenantId });
      const input = ZCreateCompetenceBody.parse(body);
      const id = await p.db.transaction().execute(async (tx) => {
        if (!(await membersAmong(tx, tenantId, [input.userId])).has(input.userId)) throw notMember('userId');
        await checkFile(tx, tenantId, input.evidenceFileId);
        const values: repo.TCompetenceValues = {
          role: input.role,
          required_competence: input.requiredCompetence,
          evidence: input.evidence,
          evidence_file_id: input.evidenceFileId,
          achieved_on: input.achievedOn,
          renewal_on: input.renewalOn,
          policy_acknowledged_on: input.policyAcknowledgedOn,
        };
        const { id } = await repo.insertRecord(tx, tenantId, { ...values, user_id: input.userId, created_by: actor?.type === 'user' ? actor.userId : null });
        const row = (await repo.getRecord(tx, tenantId, id))!;
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'competence_record.created',
          subjectType: 'competence_record',
          subjectId: id,
          after: { userId: input.userId, person: row.user_name, ...fieldsOf(values) },
        });
        return id;
      });
      return detail(grant, id);
    },

    async update(actor: TActor | null, tenantId: string, id: string, input: TUpdateCompetenceBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'competenceRecord.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getRecordForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Competence record');
        p.authz.assertOn(grant, 'competenceRecord.update', {});
        if (input.evidenceFileId !== undefined) await checkFile(tx, tenantId, input.evidenceFileId);
        const pick = <K extends keyof TUpdateCompetenceBody>(k: K, current: NonNullable<TUpdateCompetenceBody[K]> | null) => (input[k] !== undefined ? input[k] : current);
        const next: repo.TCompetenceValues = {
          role: pick('role', row.role)!,
          required_competence: pick('requiredCompetence', row.required_competence)!,
          evidence: pick('evidence', row.evidence)!,
          evidence_file_id: pick('evidenceFileId', row.evidence_file_id) ?? null,
          achieved_on: pick('achievedOn', row.achieved_on) ?? null,
          renewal_on: pick('renewalOn', row.renewal_on) ?? null,
          policy_acknowledged_on: pick('policyAcknowledgedOn', row.policy_acknowledged_on) ?? null,
        };
        await repo.updateRecord(tx, tenantId, id, next);
        const name = (await repo.getRecord(tx, tenantId, id))!.user_name;
        const diff = changedFields({ person: name, ...fieldsOf(row) }, { person: name, ...fieldsOf(next) }, ['person', 'role']);
        if (diff.changed) await recordAudit(tx, actor, ctx, { tenantId, action: 'competence_record.updated', subjectType: 'competence_record', subjectId: id, before: diff.before, after: diff.after });
      });
      return detail(grant, id);
    },
  };
}
