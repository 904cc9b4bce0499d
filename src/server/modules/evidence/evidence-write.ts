import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import type { TEvidenceKind, TEvidenceRecord } from '../../../shared/contracts/evidence.ts';
import { requirementKeys, type TDeps, type TResolvedLinks } from './evidence-dto.ts';
import { notContemporaneous } from './evidence-lifecycle.ts';
import * as repo from './evidence-repo.ts';

/** The content and dates of one revision, as a person or a pipeline states them. */
export type TRevisionContent = {
  kind: TEvidenceKind;
  title: string;
  description: string;
  file: { id: string; filename: string } | null;
  sha256: string;
  url: string | null;
  record: TEvidenceRecord | null;
  effectiveDate: string;
  periodFrom: string | null;
  periodTo: string | null;
  validUntil: string | null;
  status: 'draft' | 'submitted';
};

export type TPrevious = { id: string; series_id: string; revision: number; sha256: string; effective_date: string; received_at: Date; contemporaneity_days: number; not_contemporaneous: boolean };

/** Two identical pushes: the transaction of the second is rolled back and the first is answered. */
export class AlreadyPushed extends Error {
  readonly evidenceId: string;
  constructor(evidenceId: string) {
    super('already pushed');
    this.evidenceId = evidenceId;
  }
}

/**
 * When the content arrived and whether that was contemporaneous, with the setting now in force.
 * A revision that keeps the same content and effective date (a corrected title, a new link to a
 * control) keeps the judgement of the revision it corrects: the proof itself arrived then.
 */
export async function judgeArrival(p: TDeps, db: Kysely<DB>, tenantId: string, effectiveDate: string, sha256: string, previous: TPrevious | null) {
  if (previous && previous.sha256 === sha256 && previous.effective_date === effectiveDate) {
    return { received_at: new Date(previous.received_at), contemporaneity_days: previous.contemporaneity_days, not_contemporaneous: previous.not_contemporaneous };
  }
  const { contemporaneity_days } = await repo.getSettings(db, tenantId);
  const received_at = p.clock.now();
  return { received_at, contemporaneity_days, not_contemporaneous: notContemporaneous(effectiveDate, received_at, contemporaneity_days) };
}

/** Who stands behind a revision: the person, or the API token (whose creator owns it by default). */
async function authorOf(db: Kysely<DB>, tenantId: string, actor: TActor) {
  if (actor.type === 'user') return { created_by: actor.userId, created_by_token: null, defaultOwner: actor.userId };
  const creator = await db.selectFrom('api_tokens').select('created_by').where('tenant_id', '=', tenantId).where('id', '=', actor.tokenId).executeTakeFirst();
  return { created_by: null, created_by_token: actor.tokenId, defaultOwner: creator?.created_by ?? null };
}

/**
 * Writes a new revision (the first of a series, or the correction of `previous`) with its links
 * and audit event, in the caller's transaction. With `pushKey`, the first revision of a file
 * claims its (control, effective date, SHA-256) keys; an identical earlier push throws
 * AlreadyPushed so that the caller rolls back and answers the existing evidence.
 */
export async function writeRevision(
  p: TDeps,
  tx: Transaction<DB>,
  tenantId: string,
  actor: TActor,
  ctx: TRequestContext,
  c: TRevisionContent,
  links: TResolvedLinks,
  previous: TPrevious | null,
  opts: { pushKey?: boolean } = {},
) {
  const id = randomUUID();
  const author = await authorOf(tx, tenantId, actor);
  const arrival = await judgeArrival(p, tx, tenantId, c.effectiveDate, c.sha256, previous);
  const now = p.clock.now();
  const ownerId = links.ownerId ?? author.defaultOwner;
  await repo.insertEvidence(tx, tenantId, {
    id,
    series_id: previous?.series_id ?? id,
    revision: previous ? previous.revision + 1 : 1,
    supersedes_id: previous?.id ?? null,
    kind: c.kind,
    title: c.title,
    description: c.description,
    file_id: c.file?.id ?? null,
    sha256: c.sha256,
    url: c.url,
    record: c.record,
    effective_date: c.effectiveDate,
    period_from: c.periodFrom,
    period_to: c.periodTo,
    valid_until: c.validUntil,
    status: c.status,
    ...arrival,
    owner_id: ownerId,
    created_by: author.created_by,
    created_by_token: author.created_by_token,
    submitted_by: c.status === 'submitted' ? author.created_by : null,
    submitted_at: c.status === 'submitted' ? now : null,
    // From the platform clock like received_at, so a moved clock (tests, the demo's day-by-day seed) dates the record too.
    created_at: now,
  });
  if (previous) await repo.updateEvidence(tx, tenantId, previous.id, { superseded_by_id: id });
  await repo.replaceControlLinks(tx, tenantId, id, links.controlIds);
  await repo.replaceRequirementLinks(tx, tenantId, id, links.requirements);
  if (opts.pushKey && !previous && c.kind === 'file' && links.controlIds.length) {
    const existing = await repo.claimPushKeys(tx, tenantId, { controlIds: links.controlIds, effectiveDate: c.effectiveDate, sha256: c.sha256, evidenceId: id });
    if (existing) throw new AlreadyPushed(existing);
  }
  const after = {
    evidenceId: id,
    title: c.title,
    revision: previous ? previous.revision + 1 : 1,
    kind: c.kind,
    sha256: c.sha256,
    ...(c.file ? { filename: c.file.filename } : {}),
    ...(c.url ? { url: c.url } : {}),
    effectiveDate: c.effectiveDate,
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    validUntil: c.validUntil,
    controlIds: links.controlIds,
    requirements: requirementKeys(links.requirements),
    ownerId,
    status: c.status,
    notContemporaneous: arrival.not_contemporaneous,
    contemporaneityDays: arrival.contemporaneity_days,
    ...(author.created_by_token ? { tokenId: author.created_by_token } : {}),
  };
  if (previous) {
    await recordAudit(tx, actor, ctx, { tenantId, action: 'evidence.revised', subjectType: 'evidence', subjectId: previous.series_id, before: { evidenceId: previous.id, revision: previous.revision }, after });
  } else {
    await recordAudit(tx, actor, ctx, { tenantId, action: 'evidence.created', subjectType: 'evidence', subjectId: id, after });
  }
  return id;
}
