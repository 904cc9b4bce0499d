import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import { createDecisionsService } from '../../server/modules/certification/decisions/decisions-service.ts';
import { createTechnicalReviewsService } from '../../server/modules/certification/index.ts';
import { ZCreateDecisionBody, ZCreateTechnicalReviewBody, ZUpdateTechnicalReviewBody, type TCreateDecisionBody } from '../../shared/contracts/cert-decisions.ts';
import { onDay } from './on-day.ts';
import type { TDemoTenant } from './people.ts';

type TDay = (offset: number, hour?: number) => Date;

/**
 * Sofia Rossi's technical review of a programme's file after the audit that concludes it, every item
 * checked against the facts, recommending `recommendation`; then Paul Girard's decision, four days
 * later. Neither sat on an audit team of the client (17021-1 9.5).
 */
export async function reviewAndDecide(
  p: TPlatform,
  ctx: TRequestContext,
  body: TDemoTenant,
  o: { programmeId: string; auditId: string; reviewOn: number; decideOn: number; reasoning: string; reviewNotes: string },
  day: TDay,
) {
  const sofia = body.actors.get('sofia.rossi@verite-certification.example')!;
  const reviews = createTechnicalReviewsService(onDay(p, day(o.reviewOn, 10)));
  const review = await reviews.create(sofia, body.id, ZCreateTechnicalReviewBody.parse({ programmeId: o.programmeId, auditId: o.auditId }), ctx);
  await createTechnicalReviewsService(onDay(p, day(o.reviewOn, 15))).update(sofia, body.id, review.id, ZUpdateTechnicalReviewBody.parse({
    items: review.checklist.map((i) => ({ item: i.item, confirmed: true, note: '' })),
    recommendation: 'grant',
    notes: o.reviewNotes,
  }), ctx);
  await createTechnicalReviewsService(onDay(p, day(o.reviewOn, 16))).complete(sofia, body.id, review.id, ctx);
  return decide(p, ctx, body, { programmeId: o.programmeId, kind: 'grant', reasoning: o.reasoning }, day(o.decideOn, 14));
}

/** A decision by Paul Girard, the body's decision maker, on the day given. */
export async function decide(p: TPlatform, ctx: TRequestContext, body: TDemoTenant, input: TCreateDecisionBody, when: Date) {
  const paul = body.actors.get('paul.girard@verite-certification.example')!;
  return createDecisionsService(onDay(p, when)).decide(paul, body.id, ZCreateDecisionBody.parse(input), ctx);
}
