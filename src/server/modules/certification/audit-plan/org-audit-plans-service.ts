import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TOrgAuditPlan, TOrgAuditPlanList } from '../../../../shared/contracts/audit-plan.ts';
import { planTransition } from './audit-plan-lifecycle.ts';
import * as repo from './audit-plan-repo.ts';
import { versionDto } from './audit-plan-service.ts';

/*
 * The organization's side of its audit plans: the issued versions of the plans of an engagement's
 * audits (drafts stay with the body), their PDFs as sent, and the acknowledgement by an owner or
 * administrator — who and when, written in both tenants' logs in one transaction.
 */

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock' | 'blobs'>;

export function createOrgAuditPlansService(p: TDeps) {
  const toDto = (grant: TTenantGrant, r: repo.TOrgPlanRow): TOrgAuditPlan => {
    const { recipients: _r, updatedBy: _u, updatedAt: _a, ...v } = versionDto(r, r.content.team);
    return {
      ...v,
      auditId: r.audit_id,
      auditReference: r.audit_reference,
      auditType: r.audit_type,
      bodyName: r.body_name,
      abilities: p.authz.abilities(grant, 'orgAuditPlan', { status: r.status, superseded: r.superseded }),
    };
  };

  async function one(db: TDeps['db'], grant: TTenantGrant, engagementId: string, planId: string, forUpdate = false) {
    const [row] = await repo.orgPlans(db, grant.tenantId, engagementId, planId, forUpdate);
    if (!row) throw notFound('Audit plan');
    return row;
  }

  return {
    async list(actor: TActor | null, tenantId: string, engagementId: string): Promise<TOrgAuditPlanList> {
      const grant = await p.authz.assert(actor, 'orgAuditPlan.read', { tenantId });
      if (!(await repo.engagementOf(p.db, tenantId, engagementId))) throw notFound('Engagement');
      const rows = await repo.orgPlans(p.db, tenantId, engagementId);
      return { items: rows.map((r) => toDto(grant, r)), abilities: p.authz.abilities(grant, 'orgAuditPlan', { status: 'issued', superseded: false }) };
    },

    async file(actor: TActor | null, tenantId: string, engagementId: string, planId: string) {
      const grant = await p.authz.assert(actor, 'orgAuditPlan.read', { tenantId });
      const row = await one(p.db, grant, engagementId, planId);
      const body = row.document_sha256 ? await p.blobs.get(row.document_sha256) : null;
      if (!body) throw notFound('Audit plan');
      return { body, sha256: row.document_sha256!, size: row.document_size ?? 0, filename: `${row.audit_reference}-plan-v${row.version}-${row.locale}.pdf` };
    },

    /** The latest issued version, acknowledged by an owner or administrator of the organization. */
    async acknowledge(actor: TActor | null, tenantId: string, engagementId: string, planId: string, ctxReq: TRequestContext): Promise<TOrgAuditPlan> {
      const grant = await p.authz.assert(actor, 'orgAuditPlan.acknowledge', { tenantId });
      // An acknowledgement names a person: an API token acts for nobody.
      const userId = grant.actor.userId;
      if (!userId) throw new AppError(403, 'forbidden', 'A person acknowledges an audit plan, not an API token.');
      await p.db.transaction().execute(async (tx) => {
        const row = await one(tx, grant, engagementId, planId, true);
        planTransition('acknowledge', { status: row.status, superseded: row.superseded });
        p.authz.assertOn(grant, 'orgAuditPlan.acknowledge', { status: row.status, superseded: row.superseded });
        await repo.markAcknowledged(tx, row.body_tenant_id, row.id, userId, p.clock.now());
        const after = { auditReference: row.audit_reference, version: row.version, bodyName: row.body_name, organizationName: row.organization_name, engagementId, sha256: row.document_sha256! };
        for (const t of [tenantId, row.body_tenant_id].sort()) {
          await recordAudit(tx, actor, ctxReq, { tenantId: t, action: 'audit_plan.acknowledged', subjectType: t === tenantId ? 'engagement' : 'audit', subjectId: t === tenantId ? engagementId : row.audit_id, after });
        }
      });
      return toDto(grant, await one(p.db, grant, engagementId, planId));
    },
  };
}
