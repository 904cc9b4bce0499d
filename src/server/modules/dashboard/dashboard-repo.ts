import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/types.ts';
import { dashboardSummarySql as aiSystemsSummary } from '../ai-systems/ai-systems-repo.ts';
import { dashboardSummarySql as impactSummary } from '../impact-assessments/impact-assessments-repo.ts';
import { dashboardSummarySql as risksSummary } from '../risks/risks-read-repo.ts';

type TRowOf<F extends (...args: never[]) => RawBuilder<unknown>> = ReturnType<F> extends RawBuilder<infer R> ? R : never;

/*
 * The dashboard owns no table: each module's repository gives its summary as one SQL expression,
 * and this puts them in one statement, so the page costs one round trip whatever it shows.
 */
export async function readDashboard(db: Kysely<DB>, tenantId: string, today: string, sections: { risks: boolean; impactAssessments: boolean }) {
  const none = sql`NULL::json`;
  const res = await sql<{
    ai_systems: TRowOf<typeof aiSystemsSummary>;
    risks: TRowOf<typeof risksSummary> | null;
    impact_assessments: TRowOf<typeof impactSummary> | null;
  }>`SELECT ${aiSystemsSummary(tenantId)} AS ai_systems,
            ${sections.risks ? risksSummary(tenantId, today) : none} AS risks,
            ${sections.impactAssessments ? impactSummary(tenantId, today) : none} AS impact_assessments`.execute(db);
  return res.rows[0]!;
}
