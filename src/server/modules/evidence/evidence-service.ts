import type { TActor } from '../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../platform/authz/authz.ts';
import { onlyChanged, recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { notFound } from '../../platform/errors/errors.ts';
import type { TCreateEvidenceBody, TEvidenceListQuery, TReviseEvidenceBody, TUpdateEvidenceBody, TUpdateEvidenceSettings } from '../../../shared/contracts/evidence.ts';
import { subjectHistory } from '../audit/subject-history.ts';
import { contentHash, readDetail, requirementKeys, resolveLinks, subjectOf, summaryDto, todayOf, type TDeps } from './evidence-dto.ts';
import { evidenceLifecycle } from './evidence-lifecycle.ts';
import * as repo from './evidence-repo.ts';
import { judgeArrival, writeRevision, type TPrevious } from './evidence-write.ts';

export type { TDeps };

/** The locked revision, checked against the rules of `action` (404 when it is not this tenant's). */
async function lockFor(p: TDeps, tx: Parameters<typeof repo.getForUpdate>[0], grant: TTenantGrant, id: string, action: 'evidence.update' | 'evidence.submit' | 'evidence.review' | 'evidence.revise') {
  const row = await repo.getForUpdate(tx, grant.tenantId, id);
  if (!row) throw notFound('Evidence');
  p.authz.assertOn(grant, action, subjectOf(row));
  return row;
}

export const previousOf = (row: repo.TEvidenceLockedRow): TPrevious => ({
  id: row.id,
  series_id: row.series_id,
  revision: row.revision,
  sha256: row.sha256,
  effective_date: row.effective_date,
  received_at: row.received_at,
  contemporaneity_days: row.contemporaneity_days,
  not_contemporaneous: row.not_contemporaneous,
});

/**
 * Evidence other than file uploads (evidence-upload.ts streams those): reads, links and records,
 * draft edits, the review transitions, corrections as revisions, and the organization's setting.
 * The lead's demo seeding calls these same functions (createEvidenceService).
 */
export function createEvidenceService(p: TDeps) {
  return {
    async list(actor: TActor | null, tenantId: string, q: TEvidenceListQuery) {
      const grant = await p.authz.assert(actor, 'evidence.read', { tenantId });
      const page = await repo.listEvidence(p.database, tenantId, q, todayOf(p));
      return { items: page.items.map((r) => summaryDto(p, grant, r)), nextCursor: page.nextCursor };
    },

    async get(actor: TActor | null, tenantId: string, id: string) {
      const grant = await p.authz.assert(actor, 'evidence.read', { tenantId });
      return readDetail(p, grant, id);
    },

    /** The series' audit events (every revision), newest first. */
    async history(actor: TActor | null, tenantId: string, id: string, q: { limit: number; cursor?: string | undefined }) {
      const grant = await p.authz.assert(actor, 'evidence.read', { tenantId });
      const e = await readDetail(p, grant, id);
      return subjectHistory(p.db, tenantId, 'evidence', e.seriesId, q);
    },

    async create(actor: TActor | null, tenantId: string, input: TCreateEvidenceBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'evidence.create', { tenantId });
      const id = await p.db.transaction().execute(async (tx) => {
        const links = await resolveLinks(tx, tenantId, input);
        const url = input.kind === 'link' ? input.url : null;
        const record = input.kind === 'record' ? input.record : null;
        return writeRevision(p, tx, tenantId, actor!, ctx, { ...input, file: null, url, record, sha256: contentHash({ url, record }) }, links, null);
      });
      return readDetail(p, grant, id);
    },

    /** A draft changes in place; anything else answers 409 evidence_immutable (revise it instead). */
    async update(actor: TActor | null, tenantId: string, id: string, input: TUpdateEvidenceBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'evidence.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await lockFor(p, tx, grant, id, 'evidence.update');
        const step = evidenceLifecycle.transition(row.status, 'edit', {});
        const links = await resolveLinks(tx, tenantId, input);
        const url = row.kind === 'link' ? (input.url ?? row.url) : null;
        const record = row.kind === 'record' ? (input.record ?? row.record) : null;
        const sha256 = row.kind === 'file' ? row.sha256 : contentHash({ url, record });
        // New content or a new effective date is judged again, as if it arrived now.
        const arrival = sha256 === row.sha256 && input.effectiveDate === row.effective_date ? {} : await judgeArrival(p, tx, tenantId, input.effectiveDate, sha256, null);
        const [beforeControls, beforeReqs] = await Promise.all([repo.controlLinksOf(tx, tenantId, id), repo.requirementLinksOf(tx, tenantId, id)]);
        await repo.updateEvidence(tx, tenantId, id, {
          title: input.title,
          description: input.description,
          url,
          record,
          sha256,
          effective_date: input.effectiveDate,
          period_from: input.periodFrom,
          period_to: input.periodTo,
          valid_until: input.validUntil,
          owner_id: links.ownerId ?? row.owner_id,
          ...arrival,
        });
        await repo.replaceControlLinks(tx, tenantId, id, links.controlIds);
        await repo.replaceRequirementLinks(tx, tenantId, id, links.requirements);
        const changed = onlyChanged(
          {
            title: row.title,
            description: row.description,
            sha256: row.sha256,
            effectiveDate: row.effective_date,
            periodFrom: row.period_from,
            periodTo: row.period_to,
            validUntil: row.valid_until,
            controlIds: beforeControls,
            requirements: requirementKeys(beforeReqs),
            notContemporaneous: row.not_contemporaneous,
          },
          {
            title: input.title,
            description: input.description,
            sha256,
            effectiveDate: input.effectiveDate,
            periodFrom: input.periodFrom,
            periodTo: input.periodTo,
            validUntil: input.validUntil,
            controlIds: links.controlIds,
            requirements: requirementKeys(links.requirements),
            notContemporaneous: 'not_contemporaneous' in arrival ? arrival.not_contemporaneous! : row.not_contemporaneous,
          },
        );
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: step.audit as 'evidence.updated',
          subjectType: 'evidence',
          subjectId: row.series_id,
          before: changed.before ?? {},
          after: { ...changed.after, evidenceId: id, title: input.title, revision: row.revision },
        });
      });
      return readDetail(p, grant, id);
    },

    async submit(actor: TActor | null, tenantId: string, id: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'evidence.submit', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await lockFor(p, tx, grant, id, 'evidence.submit');
        const step = evidenceLifecycle.transition(row.status, 'submit', {});
        await repo.updateEvidence(tx, tenantId, id, { status: step.to, submitted_by: actor?.type === 'user' ? actor.userId : null, submitted_at: p.clock.now() });
        await recordAudit(tx, actor, ctx, { tenantId, action: 'evidence.submitted', subjectType: 'evidence', subjectId: row.series_id, after: { evidenceId: id, title: row.title, revision: row.revision, status: step.to } });
      });
      return readDetail(p, grant, id);
    },

    /** Owners and administrators accept or reject submitted evidence, never their own (policies). */
    async review(actor: TActor | null, tenantId: string, id: string, decision: 'accept' | 'reject', comment: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'evidence.review', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await lockFor(p, tx, grant, id, 'evidence.review');
        const step = evidenceLifecycle.transition(row.status, decision, {});
        await repo.updateEvidence(tx, tenantId, id, { status: step.to, reviewed_by: actor?.type === 'user' ? actor.userId : null, reviewed_at: p.clock.now(), review_comment: comment || null });
        const after = { evidenceId: id, title: row.title, revision: row.revision, status: step.to, comment };
        if (decision === 'accept') await recordAudit(tx, actor, ctx, { tenantId, action: 'evidence.accepted', subjectType: 'evidence', subjectId: row.series_id, after });
        else await recordAudit(tx, actor, ctx, { tenantId, action: 'evidence.rejected', subjectType: 'evidence', subjectId: row.series_id, after });
      });
      return readDetail(p, grant, id);
    },

    /**
     * Corrects submitted evidence with a new revision; a file keeps its file (a new file goes
     * through the upload route). The corrected revision stays readable, unchanged.
     */
    async revise(actor: TActor | null, tenantId: string, id: string, input: TReviseEvidenceBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'evidence.revise', { tenantId });
      const newId = await p.db.transaction().execute(async (tx) => {
        const row = await lockFor(p, tx, grant, id, 'evidence.revise');
        evidenceLifecycle.transition(row.status, 'revise', {});
        const links = await resolveLinks(tx, tenantId, input);
        const file = row.kind === 'file' ? await repo.fileOf(tx, tenantId, id) : undefined;
        const url = row.kind === 'link' ? (input.url ?? row.url) : null;
        const record = row.kind === 'record' ? (input.record ?? row.record) : null;
        const sha256 = row.kind === 'file' ? row.sha256 : contentHash({ url, record });
        return writeRevision(p, tx, tenantId, actor!, ctx, { ...input, kind: row.kind, file: file ? { id: file.id, filename: file.filename } : null, url, record, sha256 }, links, previousOf(row));
      });
      return readDetail(p, grant, newId);
    },

    /** What the upload form offers to link to: the organization's controls that are not retired. */
    async controlChoices(actor: TActor | null, tenantId: string) {
      await p.authz.assert(actor, 'evidence.read', { tenantId });
      return { items: await repo.controlChoices(p.db, tenantId) };
    },

    async getSettings(actor: TActor | null, tenantId: string) {
      const grant = await p.authz.assert(actor, 'evidence.read', { tenantId });
      const s = await repo.getSettings(p.db, tenantId);
      return { contemporaneityDays: s.contemporaneity_days, abilities: p.authz.abilities(grant, 'evidenceSettings', {}) };
    },

    /** Applies to evidence received from now on: stored flags keep the setting they were judged with. */
    async updateSettings(actor: TActor | null, tenantId: string, input: TUpdateEvidenceSettings, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'evidence.configure', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const before = await repo.lockSettings(tx, tenantId);
        await repo.updateSettings(tx, tenantId, { contemporaneity_days: input.contemporaneityDays, updated_by: actor?.type === 'user' ? actor.userId : null });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'evidence.settings_updated',
          subjectType: 'evidence_settings',
          subjectId: tenantId,
          before: { contemporaneityDays: before.contemporaneity_days },
          after: { contemporaneityDays: input.contemporaneityDays },
        });
      });
      return { contemporaneityDays: input.contemporaneityDays, abilities: p.authz.abilities(grant, 'evidenceSettings', {}) };
    },
  };
}
