import type { TRecommendation } from '../../src/shared/contracts/audit-work.ts';
import { randomUUID } from 'node:crypto';
import type { TPlatform } from '../../src/server/platform/platform.ts';
import type { TFindingClass, TFindingState } from '../../src/shared/contracts/certification-decisions.ts';
import { addDays } from '../../src/server/modules/certification/engagements/programme-rules.ts';
import { buildMembership, buildTenant } from './factories.ts';
import { buildAuditTeam, buildBody, buildEngagement } from './certification-factories.ts';

/*
 * A client whose stage 1 and stage 2 are reported with issued reports, ready for the technical
 * review and the decision: the body with a scheme manager (its owner), a lead auditor and an auditor
 * on both stages, a technical reviewer and a decision maker on no team. Rows are written straight
 * into the tables (the audit and report services have their own tests); findings too, until the
 * findings module's factories exist.
 */
export async function buildDecisionCase(p: TPlatform, o: { stage2End?: string } = {}) {
  const org = await buildTenant(p, { name: `Lumière ${randomUUID().slice(0, 4)}` });
  const body = await buildBody(p, { name: `Vérité ${randomUUID().slice(0, 4)}` });
  const built = await buildEngagement(p, body, org);
  const stage2End = o.stage2End ?? '2026-09-10';
  const stage2Start = addDays(stage2End, -2);
  const dates = { stage1: [addDays(stage2Start, -60), addDays(stage2Start, -59)], stage2: [stage2Start, stage2End] } as const;
  const [lead, auditor] = await buildAuditTeam(p, body, built.audits.stage1.id, [{ role: 'lead_auditor' }, { role: 'auditor' }]);
  await buildAuditTeam(p, body, built.audits.stage2.id, [
    { role: 'lead_auditor', user: lead!.user, competent: false },
    { role: 'auditor', user: auditor!.user, competent: false },
  ]);
  for (const key of ['stage1', 'stage2'] as const) {
    const a = built.audits[key];
    const [start, end] = dates[key];
    await p.db
      .updateTable('audits')
      .set({ state: 'reported', planned_start: start, planned_end: end, actual_start: start, actual_end: end, planned_days: key === 'stage1' ? 1.5 : 3 })
      .where('tenant_id', '=', body.id)
      .where('id', '=', a.id)
      .execute();
    await issueReport(p, body.id, a.id, key === 'stage1' ? 'stage1' : 'audit');
  }
  const reviewer = await buildMembership(p, body, 'technical_reviewer');
  const decisionMaker = await buildMembership(p, body, 'decision_maker');
  return { org, body, ...built, lead: lead!.user, auditor: auditor!.user, reviewer, decisionMaker, stage2End };
}
export type TDecisionCase = Awaited<ReturnType<typeof buildDecisionCase>>;

/** An issued report with its two PDFs' hashes. */
export async function issueReport(p: TPlatform, tenantId: string, auditId: string, kind: 'stage1' | 'audit', recommendation: TRecommendation = 'grant') {
  await p.db
    .insertInto('audit_reports')
    .values({ tenant_id: tenantId, audit_id: auditId, kind, status: 'issued', attendees: '[]', issued_at: new Date('2026-09-11T10:00:00Z'), recommendation: kind === 'audit' ? recommendation : null })
    .execute();
  await p.db
    .insertInto('audit_report_files')
    .values((['en', 'fr'] as const).map((locale) => ({ tenant_id: tenantId, audit_id: auditId, locale, format: 'pdf' as const, sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'), size: 1234 })))
    .execute();
}

/** A finding of the stage 2 audit in a given state, straight into the table. */
export async function buildFinding(p: TPlatform, c: TDecisionCase, o: { class: TFindingClass; state: TFindingState; auditId?: string }) {
  const n = (await p.db.selectFrom('audit_findings').select(p.db.fn.countAll<number>().as('n')).where('tenant_id', '=', c.body.id).executeTakeFirstOrThrow()).n;
  const nc = o.class === 'major' || o.class === 'minor';
  const verified = o.state === 'verified';
  return p.db
    .insertInto('audit_findings')
    .values({
      tenant_id: c.body.id,
      audit_id: o.auditId ?? c.audits.stage2.id,
      programme_id: c.programme.id,
      engagement_id: c.engagement.id,
      client_id: c.client.id,
      reference: `NC-2026-${String(Number(n) + 1).padStart(4, '0')}`,
      class: o.class,
      framework_id: nc ? 'iso-iec-42001-2023' : null,
      framework_version: nc ? '2023-r2' : null,
      ref: nc ? '6.1.4' : null,
      statement: 'The AI impact assessment does not cover the credit-scoring model’s affected groups.',
      state: o.state,
      response_due_on: nc ? '2026-10-10' : null,
      verified_at: verified ? new Date('2026-10-20T10:00:00Z') : null,
      verified_by: verified ? c.lead.id : null,
      verification_method: verified ? 'remote' : null,
      closed_at: o.state === 'closed' ? new Date('2026-10-21T10:00:00Z') : null,
      raised_by: c.lead.id,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
}
