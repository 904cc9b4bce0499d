import { todayOf } from '../../../platform/clock/clock.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type {
  TCreateTechnicalReviewBody,
  TTeamSeat,
  TTechnicalReview,
  TTechnicalReviewListQuery,
  TUpdateTechnicalReviewBody,
} from '../../../../shared/contracts/cert-decisions.ts';
import { buildCertificationFile } from './certification-file.ts';
import * as repo from './decisions-repo.ts';
import { technicalReviewDto } from './technical-review-dto.ts';
import { checklistWithFacts, teamSeatsOf, unansweredItems } from './review-facts.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

/** The audits whose report concludes a step the decision is taken on (17021-1 9.5, 9.6.2, 9.6.3, 9.6.4). */
const CONCLUDING = ['stage2', 'surveillance', 'recertification', 'special'];

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The technical review of a certification file: a fixed checklist, the facts beside it, a recommendation. */
export function createTechnicalReviewsService(p: TDeps) {
  const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);

  const dto = (grant: TTenantGrant, r: repo.TReviewRow, currentSha: string | null, seats: readonly TTeamSeat[]) => technicalReviewDto(p.authz, grant, r, currentSha, seats, todayOf(p));

  /** The review with fresh facts (a draft) and the file's current hash (a completed one: is it stale?). */
  async function present(grant: TTenantGrant, r: repo.TReviewRow) {
    const file = await buildCertificationFile(p.db, grant.tenantId, r.programme_id);
    if (!file) throw notFound('Programme');
    const row = r.state === 'draft' ? { ...r, checklist: checklistWithFacts(file.snapshot, r.audit_id, r.checklist) } : r;
    return dto(grant, row, file.sha256, teamSeatsOf(file.snapshot, r.reviewer_id));
  }

  async function lockForChange(actor: TActor | null, tenantId: string, reviewId: string, action: 'technicalReview.update' | 'technicalReview.complete', tx: TDeps['db']) {
    const grant = await p.authz.assert(actor, action, { tenantId });
    const r = await repo.getReview(tx, tenantId, reviewId, true);
    if (!r) throw notFound('Technical review');
    const file = await buildCertificationFile(tx, tenantId, r.programme_id);
    if (!file) throw notFound('Programme');
    p.authz.assertOn(grant, action, { reviewerId: r.reviewer_id, state: r.state, teamSeats: teamSeatsOf(file.snapshot, r.reviewer_id) });
    return { grant, r, file };
  }

  return {
    async list(actor: TActor | null, tenantId: string, q: TTechnicalReviewListQuery) {
      const grant = await p.authz.assert(actor, 'technicalReview.read', { tenantId });
      const page = await repo.listReviews(p.db, tenantId, q);
      // The list does not rebuild each file: staleness shows on the review's own page.
      return { items: page.items.map((r) => { const { checklist: _c, ...rest } = dto(grant, r, null, []); return rest; }), nextCursor: page.nextCursor };
    },

    async get(actor: TActor | null, tenantId: string, reviewId: string) {
      const grant = await p.authz.assert(actor, 'technicalReview.read', { tenantId });
      const r = await repo.getReview(p.db, tenantId, reviewId);
      if (!r) throw notFound('Technical review');
      return present(grant, r);
    },

    async create(actor: TActor | null, tenantId: string, body: TCreateTechnicalReviewBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'technicalReview.create', { tenantId });
      const reviewerId = body.reviewerId ?? (grant.role === 'technical_reviewer' ? userIdOf(actor) : null);
      if (!reviewerId) throw new AppError(400, 'cert_review_not_reviewer', 'Name the technical reviewer who will review this file.', { field: 'reviewerId' });
      return p.db.transaction().execute(async (tx) => {
        const head = await repo.programmeHead(tx, tenantId, body.programmeId);
        if (!head) throw notFound('Programme');
        const audit = await repo.auditOf(tx, tenantId, body.auditId);
        if (!audit || audit.programme_id !== head.id) throw notFound('Audit');
        if (!CONCLUDING.includes(audit.type) || !['reported', 'closed'].includes(audit.state)) {
          throw new AppError(409, 'cert_review_audit_not_concluding', 'A technical review concludes a reported stage 2, surveillance, recertification or special audit.', {
            reference: audit.reference,
            type: audit.type,
            state: audit.state,
          });
        }
        if (!(await repo.hasRole(tx, tenantId, reviewerId, 'technical_reviewer'))) {
          throw new AppError(400, 'cert_review_not_reviewer', 'This person is not a technical reviewer of the certification body.', { field: 'reviewerId' });
        }
        const file = await buildCertificationFile(tx, tenantId, head.id);
        if (!file) throw notFound('Programme');
        p.authz.assertOn(grant, 'technicalReview.create', { reviewerId, state: 'draft', teamSeats: teamSeatsOf(file.snapshot, reviewerId) });
        const now = p.clock.now();
        const id = await repo.insertReview(tx, tenantId, {
          programmeId: head.id,
          engagementId: head.engagement_id,
          clientId: head.client_id,
          auditId: audit.id,
          reviewerId,
          checklist: checklistWithFacts(file.snapshot, audit.id, []),
          now,
        });
        const r = (await repo.getReview(tx, tenantId, id))!;
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'technical_review.created',
          subjectType: 'technical_review',
          subjectId: id,
          after: { clientName: head.client_name, clientReference: head.client_reference, auditReference: audit.reference, reviewerId, reviewerName: r.reviewer_name },
        });
        return dto(grant, r, file.sha256, teamSeatsOf(file.snapshot, reviewerId));
      });
    },

    async update(actor: TActor | null, tenantId: string, reviewId: string, body: TUpdateTechnicalReviewBody, ctx: TRequestContext) {
      return p.db.transaction().execute(async (tx) => {
        const { grant, r, file } = await lockForChange(actor, tenantId, reviewId, 'technicalReview.update', tx);
        const answers = r.checklist.map((e) => body.items?.find((x) => x.item === e.item) ?? e);
        const checklist = checklistWithFacts(file.snapshot, r.audit_id, answers);
        const recommendation = body.recommendation === undefined ? r.recommendation : body.recommendation;
        await repo.updateReview(tx, tenantId, reviewId, { checklist, recommendation, notes: body.notes ?? r.notes, now: p.clock.now() });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'technical_review.updated',
          subjectType: 'technical_review',
          subjectId: reviewId,
          after: { clientName: r.client_name, clientReference: r.client_reference, auditReference: r.audit_reference, items: (body.items ?? []).map((x) => x.item), recommendation },
        });
        return dto(grant, (await repo.getReview(tx, tenantId, reviewId))!, file.sha256, teamSeatsOf(file.snapshot, r.reviewer_id));
      });
    },

    /** Freezes the file as reviewed: its hash and snapshot are what a decision compares against. */
    async complete(actor: TActor | null, tenantId: string, reviewId: string, ctx: TRequestContext) {
      return p.db.transaction().execute(async (tx) => {
        const { grant, r, file } = await lockForChange(actor, tenantId, reviewId, 'technicalReview.complete', tx);
        const checklist = checklistWithFacts(file.snapshot, r.audit_id, r.checklist);
        const open = unansweredItems(checklist);
        if (open.length || !r.recommendation) {
          throw new AppError(409, 'cert_review_incomplete', 'Confirm every checklist item (or explain it in a note) and give a recommendation before completing the review.', {
            items: open,
            recommendation: r.recommendation === null ? 'missing' : 'given',
          });
        }
        await repo.updateReview(tx, tenantId, reviewId, { checklist, recommendation: r.recommendation, notes: r.notes, now: p.clock.now(), complete: file });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'technical_review.completed',
          subjectType: 'technical_review',
          subjectId: reviewId,
          after: { clientName: r.client_name, clientReference: r.client_reference, auditReference: r.audit_reference, recommendation: r.recommendation, fileSha256: file.sha256 },
        });
        return dto(grant, (await repo.getReview(tx, tenantId, reviewId))!, file.sha256, teamSeatsOf(file.snapshot, r.reviewer_id));
      });
    },
  };
}
