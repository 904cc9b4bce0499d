import { todayOf } from '../../platform/clock/clock.ts';
import canonicalize from 'canonicalize';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TPlatform } from '../../platform/platform.ts';
import type { TTenantGrant } from '../../platform/authz/authz.ts';
import { AppError, notFound } from '../../platform/errors/errors.ts';
import { sha256Hex } from '../../platform/crypto/crypto.ts';
import { fieldIssueOf, type TFieldError } from '../../../shared/contracts/errors.ts';
import type { TEvidenceDetail, TEvidenceRecord, TEvidenceSummary } from '../../../shared/contracts/evidence.ts';
import type { z } from 'zod';
import { resolveRequirementRefs } from '../catalog/catalog-repo.ts';
import type { TEvidenceSubject } from './evidence-policies.ts';
import * as repo from './evidence-repo.ts';

export type TDeps = Pick<TPlatform, 'db' | 'database' | 'authz' | 'clock'>;

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);

export { todayOf };

/** The hash of a link or a record: of the exact text a reviewer reads (a record canonicalised per RFC 8785). */
export const contentHash = (c: { url?: string | null; record?: TEvidenceRecord | null }) => sha256Hex(c.url ?? canonicalize(c.record) ?? '');

export const subjectOf = (r: { status: TEvidenceSubject['status']; superseded_by_id: string | null; created_by: string | null; submitted_by: string | null; members: number }): TEvidenceSubject => ({
  status: r.status,
  current: r.superseded_by_id === null,
  authorIds: [r.created_by, r.submitted_by].filter((x): x is string => x !== null),
  members: r.members,
});

export function summaryDto(p: TDeps, grant: TTenantGrant, r: repo.TEvidenceListRow): TEvidenceSummary {
  return {
    id: r.id,
    seriesId: r.series_id,
    revision: r.revision,
    current: r.superseded_by_id === null,
    kind: r.kind,
    title: r.title,
    status: r.status,
    effectiveDate: r.effective_date,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    validUntil: r.valid_until,
    receivedAt: iso(r.received_at),
    notContemporaneous: r.not_contemporaneous,
    contemporaneityDays: r.contemporaneity_days,
    daysAfterEffective: r.days_after_effective,
    sha256: r.sha256,
    file: r.file ? { ...r.file, size: Number(r.file.size) } : null,
    url: r.url,
    controls: r.controls,
    requirements: r.requirements,
    owner: r.owner,
    createdBy: r.created_by_person,
    pushedByToken: r.pushed_by_token,
    abilities: p.authz.abilities(grant, 'evidence', subjectOf(r)),
  };
}

export function detailDto(p: TDeps, grant: TTenantGrant, r: repo.TEvidenceDetailRow): TEvidenceDetail {
  return {
    ...summaryDto(p, grant, r),
    description: r.description,
    record: r.record,
    submittedBy: r.submitted_by_person,
    submittedAt: isoOrNull(r.submitted_at),
    reviewedBy: r.reviewed_by_person,
    reviewedAt: isoOrNull(r.reviewed_at),
    reviewComment: r.review_comment,
    expiredAt: isoOrNull(r.expired_at),
    createdAt: iso(r.created_at),
    supersedesId: r.supersedes_id,
    supersededById: r.superseded_by_id,
    revisions: r.revisions.map((v) => ({
      id: v.id,
      revision: v.revision,
      status: v.status,
      title: v.title,
      sha256: v.sha256,
      effectiveDate: v.effective_date,
      receivedAt: iso(v.received_at),
      notContemporaneous: v.not_contemporaneous,
      createdAt: iso(v.created_at),
    })),
  };
}

export async function readDetail(p: TDeps, grant: TTenantGrant, id: string, db: Kysely<DB> = p.db) {
  const row = await repo.getDetail(db, grant.tenantId, id);
  if (!row) throw notFound('Evidence');
  return detailDto(p, grant, row);
}

/** A Zod parse outside a route schema (multipart fields, query of a raw upload): 400 with field errors. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const details: TFieldError[] = r.error.issues.map((iss) => {
    const e = fieldIssueOf(iss);
    return { ...e, message: `${e.field || 'the value'}: ${iss.message}` };
  });
  throw new AppError(400, 'validation_failed', `Invalid ${where}: ${details.map((d) => d.message).join('; ')}`, details);
}

/**
 * Every link must name this organization's records: controls (another tenant's id is refused like
 * an unknown one), catalog requirements (resolved to the version the organization sees), and an
 * owner who is a member. Runs before any byte of an upload is stored.
 */
export async function resolveLinks(db: Kysely<DB>, tenantId: string, input: { controlIds: readonly string[]; requirements: readonly { frameworkId: string; ref: string }[]; ownerId: string | null }) {
  const controlIds = [...new Set(input.controlIds)];
  const found = await repo.controlsAmong(db, tenantId, controlIds);
  const badControls = input.controlIds.flatMap((id, i) => (found.has(id) ? [] : [{ field: `controlIds.${i}`, issue: 'invalid', message: 'Not a control of this organization.' }]));
  if (badControls.length) throw new AppError(400, 'evidence_control_unknown', 'A linked control is not one of this organization’s controls.', badControls);

  const unique = [...new Map(input.requirements.map((l) => [`${l.frameworkId}\u0000${l.ref}`, l])).values()];
  const rows = unique.length ? await resolveRequirementRefs(db, { tenantIds: [tenantId] }, unique) : [];
  const known = new Set(rows.map((r) => `${r.framework_id}\u0000${r.ref}`));
  const badReqs = input.requirements.flatMap((l, i) => (known.has(`${l.frameworkId}\u0000${l.ref}`) ? [] : [{ field: `requirements.${i}.ref`, issue: 'invalid', message: `${l.frameworkId} ${l.ref} is not in the catalog.` }]));
  if (badReqs.length) throw new AppError(400, 'evidence_requirement_unknown', 'A linked requirement is not in the catalog.', badReqs);

  if (input.ownerId && !(await repo.membersAmong(db, tenantId, [input.ownerId])).has(input.ownerId)) {
    throw new AppError(400, 'evidence_member_unknown', 'The owner must be a member of this organization.', [{ field: 'ownerId', issue: 'invalid', message: 'Not a member of this organization.' }]);
  }
  return {
    controlIds: controlIds.sort(),
    requirements: rows.map((r) => ({ framework_id: r.framework_id, framework_version: r.framework_version, ref: r.ref })),
    ownerId: input.ownerId,
  };
}
export type TResolvedLinks = Awaited<ReturnType<typeof resolveLinks>>;

export const requirementKeys = (links: TResolvedLinks['requirements']) => links.map((l) => `${l.framework_id} ${l.ref}`).sort();
