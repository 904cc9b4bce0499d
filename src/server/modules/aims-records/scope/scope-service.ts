import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { notFound } from '../../../platform/errors/errors.ts';
import type { TScopeContent, TScopeOverview, TScopeVersion, TScopeVersionListQuery, TUpdateScopeBody } from '../../../../shared/contracts/aims-records-context.ts';
import { iso, isoOrNull } from '../common/records-sql.ts';
import { scopeLifecycle } from './scope-lifecycle.ts';
import type { TScopeSubject } from './scope-policies.ts';
import * as repo from './scope-repo.ts';

export type TScopeDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const EMPTY: TScopeContent = { boundaries: '', applicability: '', exclusions: [] };
const person = (id: string, name: string | null) => ({ id, name: name ?? '' });

export const scopeSubject = (r: { status: TScopeSubject['status']; created_by: string; updated_by: string } | undefined, latest: boolean, memberCount: number): TScopeSubject =>
  r ? { status: r.status, latest, authorIds: [...new Set([r.created_by, r.updated_by])], memberCount } : { status: null, latest: true, authorIds: [], memberCount };

/**
 * The AIMS scope statement (ISO/IEC 42001 4.3): one series of numbered versions per organization.
 * A draft lists the AI systems the inventory marks in scope today; approval freezes that list
 * with the text. Four eyes on approval, unless the organization has one member (scope-policies).
 */
export function createScopeService(p: TScopeDeps) {
  function versionDto(grant: TTenantGrant, r: repo.TScopeRow): TScopeVersion {
    return {
      version: r.version,
      status: r.status,
      boundaries: r.boundaries,
      applicability: r.applicability,
      exclusions: r.exclusions,
      aiSystems: r.ai_systems,
      aiSystemsAsApproved: r.status !== 'draft',
      createdBy: person(r.created_by, r.created_by_name),
      createdAt: iso(r.created_at),
      updatedBy: person(r.updated_by, r.updated_by_name),
      updatedAt: iso(r.updated_at),
      approvedBy: r.approved_by ? person(r.approved_by, r.approved_by_name) : null,
      approvedAt: isoOrNull(r.approved_at),
      approvalComment: r.approval_comment,
      abilities: p.authz.abilities(grant, 'aimsScope', scopeSubject(r, r.version === r.latest_version, r.member_count)),
    };
  }

  async function overviewOf(grant: TTenantGrant): Promise<TScopeOverview> {
    const rows = await repo.overview(p.db, grant.tenantId);
    const latest = rows[0];
    const approved = rows.find((r) => r.status === 'approved');
    const abilities = p.authz.abilities(grant, 'aimsScope', scopeSubject(latest, true, latest?.member_count ?? 0));
    return {
      latest: latest ? versionDto(grant, latest) : null,
      approved: approved ? versionDto(grant, approved) : null,
      abilities: { 'aimsScope.read': abilities['aimsScope.read'], 'aimsScope.draft': abilities['aimsScope.draft'] },
    };
  }

  async function versionOf(grant: TTenantGrant, version: number) {
    const row = await repo.getVersion(p.db, grant.tenantId, version);
    if (!row) throw notFound('Scope version');
    return versionDto(grant, row);
  }

  return {
    async overview(actor: TActor | null, tenantId: string) {
      const grant = await p.authz.assert(actor, 'aimsScope.read', { tenantId });
      return overviewOf(grant);
    },

    async listVersions(actor: TActor | null, tenantId: string, q: TScopeVersionListQuery) {
      await p.authz.assert(actor, 'aimsScope.read', { tenantId });
      const page = await repo.listVersions(p.db, tenantId, q);
      return {
        items: page.items.map((r) => ({
          version: r.version,
          status: r.status,
          aiSystemCount: r.ai_system_count,
          updatedAt: iso(r.updated_at),
          approvedBy: r.approved_by,
          approvedAt: isoOrNull(r.approved_at),
        })),
        nextCursor: page.nextCursor,
      };
    },

    async getVersion(actor: TActor | null, tenantId: string, version: number) {
      const grant = await p.authz.assert(actor, 'aimsScope.read', { tenantId });
      return versionOf(grant, version);
    },

    /**
     * Starts a version: the first (from `content`, else empty) or the next one, copied from the
     * approved version, which stays in force until the new draft is approved.
     */
    async startVersion(actor: TActor | null, tenantId: string, content: Partial<TScopeContent> | undefined, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'aimsScope.draft', { tenantId });
      p.authz.assertUser(actor);
      const version = await p.db.transaction().execute(async (tx) => {
        await repo.lockScopeOf(tx, tenantId);
        const latest = await repo.latestForUpdate(tx, tenantId);
        p.authz.assertOn(grant, 'aimsScope.draft', scopeSubject(latest, true, 0));
        const base: TScopeContent = latest ? { boundaries: latest.boundaries, applicability: latest.applicability, exclusions: latest.exclusions } : EMPTY;
        const next = (latest?.version ?? 0) + 1;
        await repo.insertVersion(tx, tenantId, { version: next, content: { ...base, ...content }, userId: actor.userId });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'aims_scope.version_started',
          subjectType: 'aims_scope',
          subjectId: tenantId,
          after: { version: next, fromVersion: latest?.version ?? null },
        });
        return next;
      });
      return versionOf(grant, version);
    },

    /** Edits the draft; an approved version answers 409 scope_frozen. */
    async updateVersion(actor: TActor | null, tenantId: string, version: number, input: TUpdateScopeBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'aimsScope.update', { tenantId });
      p.authz.assertUser(actor);
      await p.db.transaction().execute(async (tx) => {
        await repo.lockScopeOf(tx, tenantId);
        const latest = await repo.latestForUpdate(tx, tenantId);
        const row = latest?.version === version ? latest : await repo.getVersion(tx, tenantId, version);
        if (!row) throw notFound('Scope version');
        p.authz.assertOn(grant, 'aimsScope.update', scopeSubject(row, row.version === latest?.version, 0));
        const step = scopeLifecycle.transition(row.status, 'edit', undefined);
        const before: TScopeContent = { boundaries: row.boundaries, applicability: row.applicability, exclusions: row.exclusions };
        const after: TScopeContent = { ...before, ...input };
        await repo.updateDraft(tx, tenantId, version, after, actor.userId);
        const fields = (['boundaries', 'applicability', 'exclusions'] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: step.audit!,
          subjectType: 'aims_scope',
          subjectId: tenantId,
          after: { version, fields, exclusions: after.exclusions.length },
        });
      });
      return versionOf(grant, version);
    },

    /**
     * Approves the draft: freezes its text and the AI systems in scope at this moment; the version
     * in force before it becomes superseded. Approver ≠ author unless the organization has one member.
     */
    async approve(actor: TActor | null, tenantId: string, version: number, comment: string | undefined, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'aimsScope.approve', { tenantId });
      p.authz.assertUser(actor);
      await p.db.transaction().execute(async (tx) => {
        await repo.lockScopeOf(tx, tenantId);
        const latest = await repo.latestForUpdate(tx, tenantId);
        const row = latest?.version === version ? latest : await repo.getVersion(tx, tenantId, version);
        if (!row) throw notFound('Scope version');
        const members = await repo.memberCount(tx, tenantId);
        p.authz.assertOn(grant, 'aimsScope.approve', scopeSubject(row, row.version === latest?.version, members));
        scopeLifecycle.transition(row.status, 'approve', undefined);
        const aiSystems = await repo.aiSystemsInScope(tx, tenantId);
        const superseded = await repo.markSuperseded(tx, tenantId);
        await repo.markApproved(tx, tenantId, version, { approvedBy: actor.userId, approvedAt: p.clock.now(), comment: comment || null, aiSystems });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'aims_scope.approved',
          subjectType: 'aims_scope',
          subjectId: tenantId,
          after: { version, aiSystems, supersededVersion: superseded?.version ?? null, comment: comment || null },
        });
      });
      return versionOf(grant, version);
    },
  };
}
