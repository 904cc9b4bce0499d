import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor, TUserActor } from '../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/errors.ts';
import type { TSoaCreateDraftBody, TSoaEntry, TSoaOverview, TSoaUpdateEntryBody, TSoaVersion, TSoaVersionSummary } from '../../../shared/contracts/soa.ts';
import { soaLifecycle, type TEntryDecision, type TSoaEvent } from './soa-lifecycle.ts';
import type { TSoaSubject } from './soa-policies.ts';
import * as repo from './soa-repo.ts';

export type TSoaDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);
const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

const subjectOf = (v: { status: TSoaSubject['status']; created_by: string; submitted_by: string | null; member_count: number }, openVersion: boolean): TSoaSubject => ({
  status: v.status,
  openVersion,
  authorIds: [v.created_by, ...(v.submitted_by ? [v.submitted_by] : [])],
  memberCount: v.member_count,
});

export function summaryDto(r: repo.TVersionRow): TSoaVersionSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    basedOnNumber: r.based_on_number,
    createdBy: person(r.created_by, r.created_by_name)!,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    submittedBy: person(r.submitted_by, r.submitted_by_name),
    submittedAt: isoOrNull(r.submitted_at),
    approvedBy: person(r.approved_by, r.approved_by_name),
    approvedAt: isoOrNull(r.approved_at),
    approvalComment: r.approval_comment,
    rejectedBy: person(r.rejected_by, r.rejected_by_name),
    rejectedAt: isoOrNull(r.rejected_at),
    rejectComment: r.reject_comment,
    counts: { total: r.total, decided: r.decided, applicable: r.applicable_count },
  };
}

export const entryDto = (e: repo.TEntryRow): TSoaEntry => ({
  frameworkId: e.framework_id,
  frameworkVersion: e.framework_version,
  ref: e.ref,
  parentRef: e.parent_ref,
  title: e.title,
  applicable: e.applicable,
  justification: e.justification,
  implementationStatus: e.implementation_status,
  controls: e.controls,
  updatedAt: iso(e.updated_at),
});

const decisions = (rows: Awaited<ReturnType<typeof repo.entryDecisions>>): TEntryDecision[] =>
  rows.map((r) => ({ ref: r.ref, applicable: r.applicable, justification: r.justification, implementationStatus: r.implementation_status }));

const noOpenVersion = () => new AppError(404, 'not_found', 'No version of the Statement of Applicability is being drafted or reviewed.');

/** Reads shared by the operations and the export. */
export function createSoaReads(p: TSoaDeps) {
  async function version(db: Kysely<DB>, grant: TTenantGrant, row: repo.TVersionRow, openVersion: boolean): Promise<TSoaVersion> {
    const live = row.status === 'draft' || row.status === 'in_review';
    const entries = await repo.listEntries(db, grant.tenantId, row.id, live);
    const frameworks = [...new Map(entries.map((e) => [e.framework_id, { id: e.framework_id, version: e.framework_version }])).values()];
    return { ...summaryDto(row), frameworks, entries: entries.map(entryDto), abilities: p.authz.abilities(grant, 'soa', subjectOf(row, openVersion)) };
  }

  return {
    /** The open version (draft or in review) with its entries. */
    async open(grant: TTenantGrant, db: Kysely<DB> = p.db) {
      const row = await repo.getOpenVersion(db, grant.tenantId);
      if (!row) throw noOpenVersion();
      return version(db, grant, row, true);
    },
    /** A numbered (approved or superseded) version with its entries. */
    async numbered(grant: TTenantGrant, number: number, db: Kysely<DB> = p.db) {
      const [row, open] = await Promise.all([repo.getVersionByNumber(db, grant.tenantId, number), repo.getOpenVersion(db, grant.tenantId)]);
      if (!row) throw notFound('Statement of Applicability version');
      return version(db, grant, row, open !== undefined);
    },
  };
}

export function createSoaService(p: TSoaDeps) {
  const reads = createSoaReads(p);

  /**
   * A move of the open version: locks it (with the member count the four-eyes rule needs),
   * judges the record rules and the lifecycle, writes the move and its audit event in one
   * transaction.
   */
  async function move(
    actor: TActor | null,
    tenantId: string,
    action: 'soa.submit' | 'soa.reject' | 'soa.approve',
    event: TSoaEvent,
    write: (tx: Transaction<DB>, user: TUserActor, v: repo.TLockedVersion) => Promise<number | null>,
  ): Promise<TSoaVersion> {
    const grant = await p.authz.assert(actor, action, { tenantId });
    p.authz.assertUser(actor);
    const number = await p.db.transaction().execute(async (tx) => {
      const v = await repo.lockOpenVersion(tx, tenantId);
      if (!v) throw noOpenVersion();
      p.authz.assertOn(grant, action, subjectOf(v, true));
      soaLifecycle.transition(v.status, event, decisions(await repo.entryDecisions(tx, tenantId, v.id)));
      return write(tx, actor, v);
    });
    return number === null ? reads.open(grant) : reads.numbered(grant, number);
  }

  return {
    async overview(actor: TActor | null, tenantId: string): Promise<TSoaOverview> {
      const grant = await p.authz.assert(actor, 'soa.read', { tenantId });
      const [rows, frameworks] = await Promise.all([repo.listVersions(p.db, tenantId), repo.frameworksInScope(p.db, tenantId)]);
      const open = rows.find((r) => r.status === 'draft' || r.status === 'in_review');
      const inForce = rows.find((r) => r.status === 'approved');
      const subject: TSoaSubject = open ? subjectOf(open, true) : { status: null, openVersion: false, authorIds: [], memberCount: inForce?.member_count ?? 0 };
      return {
        open: open ? summaryDto(open) : null,
        inForce: inForce ? summaryDto(inForce) : null,
        versions: rows.filter((r) => r.number !== null).map(summaryDto),
        frameworks,
        abilities: p.authz.abilities(grant, 'soa', subject),
      };
    },

    async getOpen(actor: TActor | null, tenantId: string) {
      const grant = await p.authz.assert(actor, 'soa.read', { tenantId });
      return reads.open(grant);
    },

    async getVersion(actor: TActor | null, tenantId: string, number: number) {
      const grant = await p.authz.assert(actor, 'soa.read', { tenantId });
      return reads.numbered(grant, number);
    },

    /** Starts the open version: decisions copied from the version in force, or a blank one. */
    async createDraft(actor: TActor | null, tenantId: string, body: TSoaCreateDraftBody, ctx: TRequestContext): Promise<TSoaVersion> {
      const grant = await p.authz.assert(actor, 'soa.create', { tenantId });
      p.authz.assertUser(actor);
      await p.db.transaction().execute(async (tx) => {
        const [open, inForce] = [await repo.lockOpenVersion(tx, tenantId), await repo.lockVersionInForce(tx, tenantId)];
        p.authz.assertOn(grant, 'soa.create', { status: null, openVersion: open !== undefined, authorIds: [], memberCount: 0 });
        const from = body.from === 'in_force' && inForce ? inForce : null;
        const frameworks = await repo.frameworksInScope(tx, tenantId);
        let created: { id: string };
        try {
          created = await repo.insertVersion(tx, tenantId, { created_by: actor.userId, based_on_number: from?.number ?? null });
        } catch (e) {
          // Two people starting a draft at once: the partial unique index decides, the second reads why.
          if ((e as { code?: string }).code === '23505') throw new AppError(409, 'soa_open_version', 'A version of the Statement of Applicability is already being drafted or reviewed: finish it first.');
          throw e;
        }
        const entries = await repo.seedEntries(tx, tenantId, created.id, frameworks, from?.id ?? null, actor.userId);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'soa.draft_started',
          subjectType: 'soa_version',
          subjectId: created.id,
          after: { number: null, status: 'draft', basedOnNumber: from?.number ?? null, entries },
        });
      });
      return reads.open(grant);
    },

    /** Changes one entry of the draft; implementing controls must be this organization's. */
    async updateEntry(actor: TActor | null, tenantId: string, frameworkId: string, ref: string, body: TSoaUpdateEntryBody, ctx: TRequestContext): Promise<TSoaEntry> {
      const grant = await p.authz.assert(actor, 'soa.update', { tenantId });
      p.authz.assertUser(actor);
      return p.db.transaction().execute(async (tx) => {
        const v = await repo.lockOpenVersion(tx, tenantId);
        if (!v) throw noOpenVersion();
        p.authz.assertOn(grant, 'soa.update', subjectOf(v, true));
        soaLifecycle.transition(v.status, 'edit', []);
        const key = { versionId: v.id, frameworkId, ref };
        const e = await repo.getEntryForUpdate(tx, tenantId, v.id, frameworkId, ref);
        if (!e) throw notFound('Statement of Applicability entry');
        const applicable = body.applicable === undefined ? e.applicable : body.applicable;
        // A control that does not apply has no implementation status: it is cleared, not kept hidden.
        const status = applicable === false ? null : body.implementationStatus === undefined ? e.implementation_status : body.implementationStatus;
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = { ref, frameworkId };
        if (applicable !== e.applicable) {
          before.applicable = e.applicable;
          after.applicable = applicable;
        }
        if (body.justification !== undefined && body.justification !== e.justification) {
          before.justification = e.justification;
          after.justification = body.justification;
        }
        if (status !== e.implementation_status) {
          before.implementationStatus = e.implementation_status;
          after.implementationStatus = status;
        }
        if (body.controlIds !== undefined) {
          const ids = [...new Set(body.controlIds)];
          const found = await repo.controlsOf(tx, tenantId, ids);
          const unknown = ids.filter((id) => !found.some((c) => c.id === id));
          if (unknown.length) {
            throw new AppError(404, 'soa_control_unknown', 'These controls do not exist in this organization.', { field: 'controlIds', controlIds: unknown });
          }
          const previous = await repo.entryControlIds(tx, tenantId, key);
          const sorted = (xs: { reference: string }[]) => xs.map((c) => c.reference).sort();
          if (sorted(previous).join('\n') !== sorted(found).join('\n') || previous.length !== found.length) {
            before.controls = sorted(previous);
            after.controls = sorted(found);
          }
          await repo.replaceEntryControls(tx, tenantId, key, found);
        }
        await repo.updateEntry(tx, tenantId, key, {
          applicable,
          implementation_status: status,
          ...(body.justification !== undefined ? { justification: body.justification } : {}),
          updated_by: actor.userId,
        });
        await repo.updateVersion(tx, tenantId, v.id, {});
        if (Object.keys(before).length > 0) {
          await recordAudit(tx, actor, ctx, { tenantId, action: 'soa.entry_updated', subjectType: 'soa_version', subjectId: v.id, before, after: after as never });
        }
        const [row] = await repo.listEntries(tx, tenantId, v.id, true, { frameworkId, ref });
        return entryDto(row!);
      });
    },

    submit: (actor: TActor | null, tenantId: string, ctx: TRequestContext) =>
      move(actor, tenantId, 'soa.submit', 'submit', async (tx, user, v) => {
        await repo.updateVersion(tx, tenantId, v.id, { status: 'in_review', submitted_by: user.userId, submitted_at: p.clock.now() });
        await recordAudit(tx, user, ctx, { tenantId, action: 'soa.submitted', subjectType: 'soa_version', subjectId: v.id, after: { number: null, status: 'in_review' } });
        return null;
      }),

    reject: (actor: TActor | null, tenantId: string, comment: string, ctx: TRequestContext) =>
      move(actor, tenantId, 'soa.reject', 'reject', async (tx, user, v) => {
        await repo.updateVersion(tx, tenantId, v.id, {
          status: 'draft',
          submitted_by: null,
          submitted_at: null,
          rejected_by: user.userId,
          rejected_at: p.clock.now(),
          reject_comment: comment,
        });
        await recordAudit(tx, user, ctx, { tenantId, action: 'soa.rejected', subjectType: 'soa_version', subjectId: v.id, after: { number: null, status: 'draft', comment } });
        return null;
      }),

    /** Freezes the version under the next number; the version in force becomes superseded. */
    approve: (actor: TActor | null, tenantId: string, comment: string | undefined, ctx: TRequestContext) =>
      move(actor, tenantId, 'soa.approve', 'approve', async (tx, user, v) => {
        const previous = await repo.lockVersionInForce(tx, tenantId);
        if (previous) {
          soaLifecycle.transition(previous.status, 'supersede', []);
          await repo.updateVersion(tx, tenantId, previous.id, { status: 'superseded' });
        }
        const number = await repo.nextNumber(tx, tenantId);
        await repo.snapshotControls(tx, tenantId, v.id);
        await repo.updateVersion(tx, tenantId, v.id, { status: 'approved', number, approved_by: user.userId, approved_at: p.clock.now(), approval_comment: comment ?? null });
        await recordAudit(tx, user, ctx, {
          tenantId,
          action: 'soa.approved',
          subjectType: 'soa_version',
          subjectId: v.id,
          after: { number, status: 'approved', comment: comment ?? null, supersededNumber: previous?.number ?? null },
        });
        return number;
      }),
  };
}
export type TSoaService = ReturnType<typeof createSoaService>;
