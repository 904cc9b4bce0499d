import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import { createClassificationService } from '../../server/modules/ai-systems/ai-systems-classify.ts';
import { createAiSystemsService } from '../../server/modules/ai-systems/ai-systems-service.ts';
import { createAssessmentTransitions } from '../../server/modules/impact-assessments/impact-assessment-transitions.ts';
import { createImpactAssessmentsService } from '../../server/modules/impact-assessments/impact-assessments-service.ts';
import { createRiskAcceptanceService } from '../../server/modules/risks/risk-acceptance-service.ts';
import { createRisksService } from '../../server/modules/risks/risks-service.ts';
import { ZClassifyBody, ZCreateAiSystemBody } from '../../shared/contracts/ai-systems.ts';
import { ZUpdateAssessmentBody } from '../../shared/contracts/impact-assessments.ts';
import { ZCreateRiskBody } from '../../shared/contracts/risks.ts';
import type { TDemoTenant } from './people.ts';
import { DEMO_ASSESSMENTS, DEMO_RISKS, DEMO_SYSTEMS } from './aims-data.ts';

/**
 * Lumière Crédit's AI management system, through the services the API calls (contracts parse the
 * bodies as the routes do): three AI systems classified under the EU AI Act, a register of risks
 * spread over the heat map with two accepted and one review overdue, and for credit scoring an
 * approved impact assessment and a FRIA awaiting approval. Dates are relative to today, so the
 * workspace looks current whenever it is seeded. Skipped when the organization has AI systems.
 */
export async function seedAims(p: TPlatform, ctx: TRequestContext, org: TDemoTenant): Promise<string[]> {
  const systemsSvc = createAiSystemsService(p);
  const first = await systemsSvc.list(org.actors.get('claire.martin@lumiere-credit.example')!, org.id, { sort: 'name', direction: 'asc', limit: 1 } as never);
  if (first.items.length > 0) return [];

  const who = (email: string) => org.actors.get(email)!;
  const claire = who('claire.martin@lumiere-credit.example');
  const hugo = who('hugo.bernard@lumiere-credit.example');
  const ines = who('ines.dubois@lumiere-credit.example');
  const today = p.clock.now();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const people = { claire: claire.userId, hugo: hugo.userId, ines: ines.userId };

  const classify = createClassificationService(p);
  const systems: Record<string, string> = {};
  for (const s of DEMO_SYSTEMS) {
    const body = ZCreateAiSystemBody.parse({ ...s.fields, businessOwnerId: people[s.businessOwner], technicalOwnerId: people[s.technicalOwner] });
    const created = await systemsSvc.create(hugo, org.id, body, ctx);
    systems[s.key] = created.id;
    await classify.classify(claire, org.id, created.id, ZClassifyBody.parse({ answers: s.answers }), ctx);
  }

  const risks = createRisksService(p);
  const acceptance = createRiskAcceptanceService(p);
  for (const r of DEMO_RISKS) {
    const body = ZCreateRiskBody.parse({
      ...r.fields,
      aiSystemIds: r.systems.map((k) => systems[k]!),
      ownerId: people[r.owner],
      reviewDate: day(r.reviewInDays),
      treatmentPlan: r.plan.map((a) => ({ title: a.title, ownerId: people[a.owner], dueDate: day(a.dueInDays), status: a.status })),
    });
    const created = await risks.create(ines, org.id, body, ctx);
    if (r.acceptedBy) await acceptance.accept(who(r.acceptedBy), org.id, created.id, { rationale: r.acceptanceRationale!, expiresOn: day(r.acceptanceDays!) }, ctx);
  }

  const assessments = createImpactAssessmentsService(p);
  const moves = createAssessmentTransitions(p);
  for (const a of DEMO_ASSESSMENTS) {
    const created = await assessments.create(ines, org.id, { aiSystemId: systems[a.system]!, variant: a.variant, title: a.title }, ctx);
    const content = a.content(day);
    await assessments.update(ines, org.id, created.id, ZUpdateAssessmentBody.parse({ content }), ctx);
    await moves.submit(ines, org.id, created.id, ctx);
    if (a.approve) await moves.approve(claire, org.id, created.id, a.approvalComment, ctx);
  }
  return [`  ${DEMO_SYSTEMS.length} AI systems, ${DEMO_RISKS.length} risks, ${DEMO_ASSESSMENTS.length} impact assessments`];
}
