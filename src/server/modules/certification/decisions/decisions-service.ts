import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { todayOf } from '../../../platform/clock/clock.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TCreateDecisionBody, TDecision, TDecisionDetail, TDecisionListQuery, TDecisionPreview } from '../../../../shared/contracts/cert-decisions.ts';
import { GATED_KINDS, REVIEWED_KINDS } from '../../../../shared/contracts/cert-decisions.ts';
import { nextReference } from '../common/next-reference.ts';
import { addMonths } from '../engagements/programme-rules.ts';
import { buildCertificationFile } from './certification-file.ts';
import { applyDecision, decisionBlockersOf, type TEffectDeps } from './decision-effects.ts';
import * as repo from './decisions-repo.ts';
import { technicalReviewDto } from './technical-review-dto.ts';
import { teamSeatsOf } from './review-facts.ts';
import { auditRecommendationOf } from './audit-recommendation.ts';

type TDeps = TEffectDeps & Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** What each kind needs of the certificate it acts on (ISO/IEC 17021-1 9.6.5). */
const CERTIFICATE_STATES_FOR: Partial<Record<TCreateDecisionBody['kind'], readonly string[]>> = {
  maintain: ['valid'],
  suspend: ['valid'],
  reinstate: ['suspended'],
  withdraw: ['valid', 'suspended'],
  reduce_scope: ['valid', 'suspended'],
  extend_scope: ['valid'],
  renew: ['valid', 'expired'],
};

/** The certification decision: independence, the file's state, then the certificate's change, in one transaction. */
export function createDecisionsService(p: TDeps) {
  const dto = (grant: TTenantGrant, r: repo.TDecisionRow): TDecision => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    programmeId: r.programme_id,
    cycle: r.cycle,
    engagementId: r.engagement_id,
    clientId: r.client_id,
    clientReference: r.client_reference,
    clientName: r.client_name,
    technicalReviewId: r.technical_review_id,
    certificateId: r.certificate_id,
    certificateNumber: r.certificate_number,
    decidedBy: { id: r.decided_by, name: r.decided_by_name },
    decidedOn: r.decided_on,
    decidedAt: iso(r.decided_at)!,
    reasoning: r.reasoning,
    details: r.details ?? {},
    fileSha256: r.file_sha256,
    abilities: p.authz.abilities(grant, 'certDecision', { teamSeats: [] }),
  });

  return {
    async list(actor: TActor | null, tenantId: string, q: TDecisionListQuery) {
      const grant = await p.authz.assert(actor, 'certDecision.read', { tenantId });
      const page = await repo.listDecisions(p.db, tenantId, q);
      return { items: page.items.map((r) => dto(grant, r)), nextCursor: page.nextCursor };
    },

    async get(actor: TActor | null, tenantId: string, decisionId: string): Promise<TDecisionDetail> {
      const grant = await p.authz.assert(actor, 'certDecision.read', { tenantId });
      const r = await repo.getDecision(p.db, tenantId, decisionId);
      if (!r) throw notFound('Decision');
      return { ...dto(grant, r), file: r.file_snapshot };
    },

    async preview(actor: TActor | null, tenantId: string, q: { programmeId?: string; certificateId?: string }): Promise<TDecisionPreview> {
      const grant = await p.authz.assert(actor, 'certDecision.read', { tenantId });
      let programmeId = q.programmeId;
      if (q.certificateId) {
        const cert = await repo.certificateHead(p.db, tenantId, q.certificateId);
        if (!cert) throw notFound('Certificate');
        programmeId ??= await repo.currentProgrammeId(p.db, tenantId, cert.engagement_id);
      }
      const head = await repo.programmeHead(p.db, tenantId, programmeId!);
      if (!head) throw notFound('Programme');
      const [file, blockers, review, certificate] = await Promise.all([
        buildCertificationFile(p.db, tenantId, head.id),
        decisionBlockersOf(p.db, tenantId, head.id, todayOf(p)),
        repo.latestReview(p.db, tenantId, head.id),
        q.certificateId ? repo.certificateHead(p.db, tenantId, q.certificateId) : repo.currentCertificate(p.db, tenantId, head.client_id),
      ]);
      if (!file) throw notFound('Programme');
      const { checklist: _c, ...reviewDto } = review ? technicalReviewDto(p.authz, grant, review, file.sha256, [], todayOf(p)) : { checklist: null };
      return {
        programmeId: head.id,
        clientName: head.client_name,
        clientReference: head.client_reference,
        cycle: head.cycle,
        fileSha256: file.sha256,
        file: file.snapshot,
        blockers,
        teamSeats: grant.actor.userId ? teamSeatsOf(file.snapshot, grant.actor.userId) : [],
        review: review ? (reviewDto as TDecisionPreview['review']) : null,
        certificate: certificate ? { id: certificate.id, number: certificate.number, status: certificate.status, expiryDate: certificate.expiry_date } : null,
        auditRecommendation: auditRecommendationOf(file.snapshot),
      };
    },

    async decide(actor: TActor | null, tenantId: string, body: TCreateDecisionBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'certDecision.create', { tenantId });
      // A decision is a person's act (17021-1 9.5): an API token cannot take one.
      if (actor?.type !== 'user') throw new AppError(403, 'person_required', 'This action needs a signed-in person, not an API token.');
      return p.db.transaction().execute(async (tx) => {
        const head = await repo.programmeHead(tx, tenantId, body.programmeId, true);
        if (!head) throw notFound('Programme');
        // Decisions are taken in the client's current cycle: a completed cycle's team is not the one to check.
        if (head.status !== 'active') {
          throw new AppError(409, 'cert_decision_programme_not_current', 'This programme’s cycle is over: take the decision in the client’s current cycle.', { cycle: head.cycle, status: head.status });
        }
        const file = await buildCertificationFile(tx, tenantId, head.id);
        if (!file) throw notFound('Programme');
        // 17021-1 9.5: nobody who took part in an audit of this client's cycle decides on it.
        p.authz.assertOn(grant, 'certDecision.create', { teamSeats: teamSeatsOf(file.snapshot, actor.userId) });
        const today = todayOf(p);

        let certificate: repo.TCertificateHead | undefined;
        const states = CERTIFICATE_STATES_FOR[body.kind];
        if (states) {
          certificate = body.certificateId ? await repo.certificateHead(tx, tenantId, body.certificateId) : await repo.currentCertificate(tx, tenantId, head.client_id);
          if (body.certificateId && (!certificate || certificate.client_id !== head.client_id)) throw notFound('Certificate');
          if (!certificate || !states.includes(certificate.status)) {
            throw new AppError(409, 'cert_decision_certificate_state', 'The certificate is not in a state this decision can act on.', {
              kind: body.kind,
              status: certificate?.status ?? null,
              expected: states,
            });
          }
        }
        if ((body.kind === 'grant' || body.kind === 'refuse') && (head.decision_date !== null || head.cycle > 1)) {
          throw new AppError(409, 'cert_decision_already_granted', 'This programme already has its certification decision: act on its certificate instead.', {
            decisionDate: head.decision_date,
            cycle: head.cycle,
          });
        }

        if ((GATED_KINDS as readonly string[]).includes(body.kind)) {
          const blockers = await decisionBlockersOf(tx, tenantId, head.id, today);
          if (blockers.length) {
            throw new AppError(409, 'cert_decision_blocked', 'Nonconformities of this file stand in the way of this decision.', { blockers });
          }
        }

        let reviewId: string | null = null;
        if ((REVIEWED_KINDS as readonly string[]).includes(body.kind)) {
          const review = body.technicalReviewId ? await repo.getReview(tx, tenantId, body.technicalReviewId) : await repo.latestCompletedReview(tx, tenantId, head.id);
          if (body.technicalReviewId && (!review || review.programme_id !== head.id)) throw notFound('Technical review');
          if (!review || review.state !== 'completed') {
            throw new AppError(409, 'cert_decision_no_review', 'A grant or a renewal needs a completed technical review of the file.', { reviewId: review?.id ?? null });
          }
          if (review.file_sha256 !== file.sha256) {
            throw new AppError(409, 'cert_decision_file_changed', 'The file changed after the technical review: the reviewer must look at it again.', {
              reviewId: review.id,
              reviewedSha256: review.file_sha256,
              currentSha256: file.sha256,
            });
          }
          reviewId = review.id;
        } else if (body.technicalReviewId) {
          const review = await repo.getReview(tx, tenantId, body.technicalReviewId);
          if (!review || review.programme_id !== head.id) throw notFound('Technical review');
          reviewId = review.id;
        }

        if (body.kind === 'suspend') {
          const max = addMonths(today, head.suspension_max_months);
          if (!body.suspendedUntil || body.suspendedUntil <= today || body.suspendedUntil > max) {
            throw new AppError(400, 'cert_decision_suspension_too_long', `A suspension ends after today and lasts at most ${head.suspension_max_months} months (until ${max}).`, {
              field: 'suspendedUntil',
              max,
              months: head.suspension_max_months,
            });
          }
        }

        const reference = await nextReference(tx, tenantId, { table: 'certification_decisions', prefix: 'DEC', year: Number(today.slice(0, 4)) });
        const details: Record<string, unknown> = {
          ...(body.suspendedUntil ? { suspendedUntil: body.suspendedUntil } : {}),
          ...(body.scope ? { scope: body.scope } : {}),
          ...(body.publicReason ? { publicReason: body.publicReason } : {}),
        };
        const decisionId = await repo.insertDecision(tx, tenantId, {
          reference,
          programmeId: head.id,
          engagementId: head.engagement_id,
          clientId: head.client_id,
          technicalReviewId: reviewId,
          certificateId: certificate?.id ?? null,
          kind: body.kind,
          decidedBy: actor.userId,
          decidedOn: today,
          decidedAt: p.clock.now(),
          reasoning: body.reasoning,
          details,
          fileSha256: file.sha256,
          fileSnapshot: file.snapshot,
        });

        const effect = await applyDecision(tx, p, actor, ctx, { tenantId, decisionId, head, body, certificate: certificate ?? null, today, file: file.snapshot });
        if (effect.certificateId && effect.certificateId !== certificate?.id) await repo.setDecisionCertificate(tx, tenantId, decisionId, effect.certificateId);

        const row = (await repo.getDecision(tx, tenantId, decisionId))!;
        const after = {
          reference,
          kind: body.kind,
          clientName: head.client_name,
          clientReference: head.client_reference,
          bodyName: head.body_name,
          decidedOn: today,
          certificateNumber: row.certificate_number,
          fileSha256: file.sha256,
        };
        await recordAudit(tx, actor, ctx, { tenantId, action: 'cert_decision.taken', subjectType: 'certification_decision', subjectId: decisionId, after });
        // The organization is told what was decided on its certification, in its own log.
        await recordAudit(tx, actor, ctx, { tenantId: head.organization_tenant_id, action: 'cert_decision.taken', subjectType: 'certification_decision', subjectId: decisionId, after });
        return dto(grant, row);
      });
    },
  };

}
