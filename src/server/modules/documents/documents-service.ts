import { todayOf } from '../../platform/clock/clock.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/errors.ts';
import type {
  TCreateDocumentBody,
  TDocumentDetail,
  TDocumentList,
  TDocumentListQuery,
  TDocumentVersion,
  TUpdateDocumentBody,
} from '../../../shared/contracts/documents.ts';
import { ZCreateDocumentBody, ZUpdateDocumentBody } from '../../../shared/contracts/documents.ts';
import { resolveRequirementRefs } from '../catalog/catalog-repo.ts';
import type { TDocumentVersionSubject } from './documents-policies.ts';
import * as repo from './documents-repo.ts';
import { addVersionInTx, textContent } from './document-versions-service.ts';

export type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

export { todayOf };
const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);
const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function versionSubject(v: { version: number; status: TDocumentVersionSubject['status']; created_by: string; submitted_by: string | null }, latest: number | null, approverIds: readonly string[], memberCount: number): TDocumentVersionSubject {
  return {
    status: v.status,
    latest: v.version === latest,
    authorIds: [v.created_by, ...(v.submitted_by ? [v.submitted_by] : [])],
    approverIds,
    memberCount,
  };
}

/** An owner must be a member of the organization (another tenant's user is refused like a stranger). */
export async function checkOwner(db: Kysely<DB>, tenantId: string, ownerId: string | null | undefined) {
  if (!ownerId) return;
  if (!(await repo.isMember(db, tenantId, ownerId)))
    throw new AppError(400, 'document_owner_not_member', 'The owner must be a member of this organization.', [{ field: 'ownerId', issue: 'invalid', message: 'Not a member of this organization.' }]);
}

async function resolveRequirements(db: Kysely<DB>, tenantId: string, links: readonly { frameworkId: string; ref: string }[]) {
  const unique = [...new Map(links.map((l) => [`${l.frameworkId}\u0000${l.ref}`, l])).values()];
  const rows = await resolveRequirementRefs(db, { tenantIds: [tenantId] }, unique);
  const known = new Set(rows.map((r) => `${r.framework_id}\u0000${r.ref}`));
  const missing = links.map((l, i) => ({ l, i })).filter(({ l }) => !known.has(`${l.frameworkId}\u0000${l.ref}`));
  if (missing.length) {
    throw new AppError(
      400,
      'document_requirement_unknown',
      `Not in the catalog: ${missing.map(({ l }) => `${l.frameworkId} ${l.ref}`).join(', ')}.`,
      missing.map(({ l, i }) => ({ field: `requirements.${i}.ref`, issue: 'invalid', message: `${l.frameworkId} ${l.ref} is not in the catalog.` })),
    );
  }
  return rows.map((r) => ({ framework_id: r.framework_id, framework_version: r.framework_version, ref: r.ref }));
}

/** Reads shared by every operation of the module (the version moves answer with the detail too). */
export function createDocumentReads(p: TDeps) {
  async function detail(grant: TTenantGrant, id: string): Promise<TDocumentDetail> {
    const tenantId = grant.tenantId;
    const row = await repo.getDocument(p.db, tenantId, id);
    if (!row) throw notFound('Document');
    const today = todayOf(p);
    const latest = row.versions[0];
    const versions: TDocumentVersion[] = row.versions.map((v) => ({
      version: v.version,
      status: v.status,
      contentKind: v.content_kind,
      sha256: v.sha256,
      size: Number(v.size),
      filename: v.filename,
      contentType: v.content_type,
      changeNote: v.change_note,
      createdBy: person(v.created_by, v.created_by_name)!,
      createdAt: iso(v.created_at),
      submittedBy: person(v.submitted_by, v.submitted_by_name),
      submittedAt: isoOrNull(v.submitted_at),
      approvedAt: isoOrNull(v.approved_at),
      publishedBy: person(v.published_by, v.published_by_name),
      publishedAt: isoOrNull(v.published_at),
      supersededAt: isoOrNull(v.superseded_at),
      approvals: v.approvals.map((a) => ({ approver: { id: a.approver_id, name: a.approver_name }, approvedAt: iso(a.approved_at), sha256: a.sha256, comment: a.comment })),
      abilities: p.authz.abilities(
        grant,
        'documentVersion',
        versionSubject(v, row.latest_version, v.approvals.map((a) => a.approver_id), row.member_count),
      ),
    }));
    return {
      id: row.id,
      title: row.title,
      type: row.type,
      kind: row.kind,
      description: row.description,
      owner: person(row.owner_id, row.owner_name),
      nextReviewOn: row.next_review_on,
      reviewOverdue: row.published_version !== null && row.next_review_on !== null && row.next_review_on < today,
      mandatoryItem: row.mandatory_item,
      approvalQuorum: row.approval_quorum,
      latestVersion: row.latest_version,
      status: latest?.status ?? null,
      publishedVersion: row.published_version,
      requirements: row.requirements.map((q) => ({ frameworkId: q.framework_id, frameworkVersion: q.framework_version, ref: q.ref, title: q.title })),
      versions,
      soleMember: row.member_count === 1,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      abilities: p.authz.abilities(grant, 'document', {}),
    };
  }
  return { detail };
}

/**
 * Documents: the register, one document, its creation and its changes. Versions and their moves
 * are in document-versions-service.ts, the checklist in mandatory-checklist-service.ts; the
 * factory below puts them together for the routes and for the demo seed.
 */
export function createDocumentRecordsService(p: TDeps) {
  const reads = createDocumentReads(p);

  return {
    async list(actor: TActor | null, tenantId: string, q: TDocumentListQuery): Promise<TDocumentList> {
      await p.authz.assert(actor, 'document.read', { tenantId });
      const page = await repo.listDocuments(p.db, tenantId, q, todayOf(p));
      return {
        items: page.items.map((r) => ({
          id: r.id,
          title: r.title,
          type: r.type,
          kind: r.kind,
          owner: person(r.owner_id, r.owner_name),
          nextReviewOn: r.next_review_on,
          reviewOverdue: r.review_overdue,
          mandatoryItem: r.mandatory_item,
          approvalQuorum: r.approval_quorum,
          latestVersion: r.latest_version,
          status: r.status ?? null,
          publishedVersion: r.published_version,
          updatedAt: iso(r.updated_at),
        })),
        nextCursor: page.nextCursor,
      };
    },

    async get(actor: TActor | null, tenantId: string, id: string) {
      const grant = await p.authz.assert(actor, 'document.read', { tenantId });
      return reads.detail(grant, id);
    },

    /** Creates the document, and its first version as a draft when text is given. */
    async create(actor: TActor | null, tenantId: string, body: TCreateDocumentBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'document.create', { tenantId });
      p.authz.assertUser(actor);
      const input = ZCreateDocumentBody.parse(body);
      const id = await p.db.transaction().execute(async (tx) => {
        await checkOwner(tx, tenantId, input.ownerId);
        const links = await resolveRequirements(tx, tenantId, input.requirements);
        const d = await repo.insertDocument(tx, tenantId, {
          title: input.title,
          type: input.type,
          kind: input.kind,
          description: input.description,
          owner_id: input.ownerId,
          next_review_on: input.nextReviewOn,
          mandatory_item: input.mandatoryItem,
          approval_quorum: input.approvalQuorum,
          created_by: actor.userId,
        });
        await repo.replaceRequirementLinks(tx, tenantId, d.id, links);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'document.created',
          subjectType: 'document',
          subjectId: d.id,
          after: { title: d.title, type: d.type, kind: d.kind, mandatoryItem: d.mandatory_item, approvalQuorum: d.approval_quorum, ownerId: d.owner_id },
        });
        if (input.text !== undefined) {
          const locked = (await repo.getDocumentForUpdate(tx, tenantId, d.id))!;
          await addVersionInTx(tx, actor, ctx, locked, textContent(input.text), '', p.clock.now());
        }
        return d.id;
      });
      return reads.detail(grant, id);
    },

    /** Changes the document's description (title, owner, review date, quorum, links); versions are added apart. */
    async update(actor: TActor | null, tenantId: string, id: string, body: TUpdateDocumentBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'document.update', { tenantId });
      p.authz.assertUser(actor);
      const input = ZUpdateDocumentBody.parse(body);
      await p.db.transaction().execute(async (tx) => {
        const d = await repo.getDocumentForUpdate(tx, tenantId, id);
        if (!d) throw notFound('Document');
        if (input.ownerId !== undefined) await checkOwner(tx, tenantId, input.ownerId);
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        const patch: repo.TDocumentPatch = {};
        const field = <K extends keyof repo.TDocumentPatch>(key: string, column: K, value: repo.TDocumentPatch[K] | undefined, current: unknown) => {
          if (value === undefined || value === current) return;
          patch[column] = value;
          before[key] = current;
          after[key] = value;
        };
        field('title', 'title', input.title, d.title);
        field('type', 'type', input.type, d.type);
        field('kind', 'kind', input.kind, d.kind);
        field('description', 'description', input.description, d.description);
        field('ownerId', 'owner_id', input.ownerId, d.owner_id);
        field('nextReviewOn', 'next_review_on', input.nextReviewOn, d.next_review_on);
        field('mandatoryItem', 'mandatory_item', input.mandatoryItem, d.mandatory_item);
        field('approvalQuorum', 'approval_quorum', input.approvalQuorum, d.approval_quorum);
        if (input.requirements) {
          const links = await resolveRequirements(tx, tenantId, input.requirements);
          const was = (await repo.listRequirementLinks(tx, tenantId, id)).map((l) => `${l.framework_id} ${l.ref}`);
          const now = links.map((l) => `${l.framework_id} ${l.ref}`).sort();
          if ([...was].sort().join('\n') !== now.join('\n')) {
            await repo.replaceRequirementLinks(tx, tenantId, id, links);
            before.requirements = was;
            after.requirements = now;
          }
        }
        if (!Object.keys(after).length) return;
        await repo.updateDocument(tx, tenantId, id, patch);
        // The title stays on the after side even when unchanged: the sentence names the document.
        await recordAudit(tx, actor, ctx, { tenantId, action: 'document.updated', subjectType: 'document', subjectId: id, before, after: { title: d.title, ...after } });
      });
      return reads.detail(grant, id);
    },
  };
}
