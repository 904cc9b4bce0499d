import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { todayOf } from '../../../platform/clock/clock.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TFinding, TFindingDetail, TFindingListQuery, TFindingPage, TRaiseFindingInput, TReviewListQuery, TUpdateFindingBody } from '../../../../shared/contracts/findings.ts';
import type { TFindingClass } from '../../../../shared/contracts/certification-decisions.ts';
import { nextReference } from '../common/next-reference.ts';
import { findingCore, recordInBoth, responseDto, sidesOf, syncMirror } from './findings-common.ts';
import { findingLifecycle, initialFindingState } from './finding-lifecycle.ts';
import type { TFindingSubject } from './findings-policies.ts';
import { DEFAULT_FINDING_DEADLINES, findingDeadlines, isNonconformity, referencePrefix, type TFindingDeadlineSettings } from './findings-rules.ts';
import * as repo from './findings-repo.ts';

/*
 * The body's side of audit findings: raised in an audit by its auditors (or the scheme manager),
 * edited while nobody has answered, listed per audit, per programme and — for the answers waiting
 * for a verdict — body-wide. A finding is shared with the organization at once: a nonconformity
 * gets its mirror among the organization's nonconformities in the same transaction, and every
 * change is written in both tenants' logs. Verdicts, verification and closing: finding-verdict-service.ts.
 */

export type TFindingsDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);
const subjectOf = (r: { team_role: TFindingSubject['teamRole']; audit_state?: TFindingSubject['auditState']; state?: string }, auditState?: TFindingSubject['auditState']): TFindingSubject => ({
  teamRole: r.team_role,
  auditState: auditState ?? (r as { audit_state: TFindingSubject['auditState'] }).audit_state,
});

export const settingsOf = (s: repo.TDeadlineSettings | undefined): TFindingDeadlineSettings =>
  s
    ? { majorResponseDays: s.major_response_days, minorResponseDays: s.minor_response_days, minorClosureDays: s.minor_closure_days, majorVerificationMonths: s.major_verification_months }
    : DEFAULT_FINDING_DEADLINES;

/** The requirement, sites and AI systems of a finding checked against the catalog and the client. */
async function checkContent(db: TFindingsDeps['db'], tenantId: string, clientId: string, v: { class: TFindingClass; ref: string | null; siteIds?: string[]; aiSystemIds?: string[] }) {
  let requirement: { framework_id: string; framework_version: string; ref: string } | null = null;
  if (v.ref) {
    const found = await repo.requirementVersion(db, v.ref);
    if (!found) throw new AppError(400, 'finding_requirement_unknown', `Not a clause 4–10 or an Annex A control of ISO/IEC 42001: ${v.ref}.`, [{ field: 'ref', issue: 'invalid', message: 'Not a clause 4–10 or an Annex A control of ISO/IEC 42001.' }]);
    requirement = { framework_id: repo.ISO42001, framework_version: found.framework_version, ref: v.ref };
  } else if (isNonconformity(v.class)) {
    throw new AppError(400, 'finding_requirement_required', 'A nonconformity names the requirement it breaches.', [{ field: 'ref', issue: 'required', message: 'A nonconformity names the requirement it breaches.' }]);
  }
  const siteIds = v.siteIds ? [...new Set(v.siteIds)] : undefined;
  const aiSystemIds = v.aiSystemIds ? [...new Set(v.aiSystemIds)] : undefined;
  const scope = await repo.clientScopeAmong(db, tenantId, clientId, siteIds ?? [], aiSystemIds ?? []);
  const badSite = v.siteIds?.findIndex((id) => !scope.sites.some((s) => s.id === id)) ?? -1;
  if (badSite >= 0) throw new AppError(400, 'finding_site_unknown', 'Not a site of this client.', [{ field: `siteIds.${badSite}`, issue: 'invalid', message: 'Not a site of this client.' }]);
  const badSystem = v.aiSystemIds?.findIndex((id) => !scope.systems.some((s) => s.id === id)) ?? -1;
  if (badSystem >= 0)
    throw new AppError(400, 'finding_ai_system_unknown', 'Not an AI system of this client.', [{ field: `aiSystemIds.${badSystem}`, issue: 'invalid', message: 'Not an AI system of this client.' }]);
  return { requirement, siteIds, aiSystemIds, siteNames: scope.sites.map((s) => s.name), systemNames: scope.systems.map((s) => s.name) };
}

export function createFindingsService(p: TFindingsDeps) {
  const dto = (grant: TTenantGrant, r: repo.TFindingRow, today: string): TFinding => ({
    ...findingCore(r, today),
    nonconformityId: null,
    abilities: p.authz.abilities(grant, 'finding', subjectOf(r)),
  });

  async function loadFinding(db: TFindingsDeps['db'], grant: TTenantGrant, action: 'finding.read' | 'finding.write' | 'finding.judge', id: string, forUpdate = false) {
    const row = await repo.bodyFinding(db, grant.tenantId, id, grant.actor.userId, forUpdate);
    if (!row) throw notFound('Finding');
    // An auditor off the team does not learn the finding exists.
    p.authz.assertOn(grant, 'finding.read', subjectOf(row));
    if (action !== 'finding.read') p.authz.assertOn(grant, action, subjectOf(row));
    return row;
  }

  async function detail(grant: TTenantGrant, id: string): Promise<TFindingDetail> {
    const row = await loadFinding(p.db, grant, 'finding.read', id);
    const answers = await repo.responses(p.db, grant.tenantId, id);
    return { ...dto(grant, row, todayOf(p)), responses: answers.map(responseDto) };
  }

  return {
    loadFinding,
    detail,

    async get(actor: TActor | null, tenantId: string, id: string): Promise<TFindingDetail> {
      const grant = await p.authz.assert(actor, 'finding.read', { tenantId });
      return detail(grant, id);
    },

    /** Raises a finding in an audit: numbered NC-YYYY-NNNN (nonconformities), OBS-… or OFI-…, per body. */
    async raise(actor: TActor | null, tenantId: string, auditId: string, input: TRaiseFindingInput, ctx: TRequestContext): Promise<TFindingDetail> {
      const grant = await p.authz.assert(actor, 'finding.write', { tenantId });
      const id = await p.db.transaction().execute(async (tx) => {
        const audit = await repo.auditContext(tx, tenantId, auditId, grant.actor.userId, true);
        if (!audit) throw notFound('Audit');
        p.authz.assertOn(grant, 'finding.read', { teamRole: audit.team_role, auditState: audit.state });
        p.authz.assertOn(grant, 'finding.write', { teamRole: audit.team_role, auditState: audit.state });
        const checked = await checkContent(tx, tenantId, audit.client_id, input);
        const now = p.clock.now();
        const today = todayOf(p);
        const deadlines = findingDeadlines(input.class, today, audit.last_day, settingsOf(await repo.deadlineSettings(tx, tenantId)));
        const reference = await nextReference(tx, tenantId, { table: 'audit_findings', prefix: referencePrefix(input.class), year: Number(today.slice(0, 4)) });
        const state = initialFindingState(input.class);
        const values: repo.TFindingValues = {
          class: input.class,
          framework_id: checked.requirement?.framework_id ?? null,
          framework_version: checked.requirement?.framework_version ?? null,
          ref: checked.requirement?.ref ?? null,
          statement: input.statement,
          evidence: input.evidence,
          state,
          response_due_on: deadlines.responseDueOn,
          closure_due_on: deadlines.closureDueOn,
          verification_due_on: deadlines.verificationDueOn,
        };
        const findingId = await repo.insertFinding(tx, tenantId, audit, reference, values, userIdOf(actor), now);
        await repo.replaceScope(tx, tenantId, findingId, checked.siteIds, checked.aiSystemIds);
        const f = { id: findingId, tenant_id: tenantId, organization_tenant_id: audit.organization_tenant_id, engagement_id: audit.engagement_id };
        await recordInBoth(tx, actor, ctx, f, {
          action: 'audit_finding.raised',
          after: {
            ...sidesOf({ reference, class: input.class, audit_reference: audit.reference, engagement_id: audit.engagement_id, body_name: audit.body_name, organization_name: audit.organization_name }),
            state,
            ref: values.ref,
            statement: input.statement,
            evidence: input.evidence,
            sites: checked.siteNames,
            aiSystems: checked.systemNames,
            responseDueOn: deadlines.responseDueOn,
            closureDueOn: deadlines.closureDueOn,
            verificationDueOn: deadlines.verificationDueOn,
          },
        });
        await syncMirror(tx, { ...values, id: findingId, organization_tenant_id: audit.organization_tenant_id, reference, body_name: audit.body_name }, null, null, userIdOf(actor));
        return findingId;
      });
      return detail(grant, id);
    },

    /** Edits a finding while it is open and unanswered; only the fields sent change. */
    async update(actor: TActor | null, tenantId: string, id: string, input: TUpdateFindingBody, ctx: TRequestContext): Promise<TFindingDetail> {
      const grant = await p.authz.assert(actor, 'finding.write', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const row = await loadFinding(tx, grant, 'finding.write', id, true);
        findingLifecycle.transition(row.state, 'edit', { class: row.class, responses: row.response_count });
        const cls = input.class ?? row.class;
        // The reference keeps its series: a class changed from nonconformity to observation keeps NC-….
        if (isNonconformity(cls) !== isNonconformity(row.class) && input.class) {
          throw new AppError(400, 'validation_failed', 'A nonconformity stays a nonconformity (major or minor), and an observation or opportunity stays one of those: raise a new finding instead.', [
            { field: 'class', issue: 'invalid', message: 'Raise a new finding instead.' },
          ]);
        }
        const ref = input.ref !== undefined ? input.ref : row.ref;
        const audit = await repo.auditContext(tx, tenantId, row.audit_id, null);
        const checked = await checkContent(tx, tenantId, audit!.client_id, { class: cls, ref, siteIds: input.siteIds, aiSystemIds: input.aiSystemIds });
        const deadlines = findingDeadlines(cls, new Date(row.raised_at).toISOString().slice(0, 10), row.audit_last_day, settingsOf(await repo.deadlineSettings(tx, tenantId)));
        const values: repo.TFindingValues = {
          class: cls,
          framework_id: checked.requirement?.framework_id ?? null,
          framework_version: checked.requirement?.framework_version ?? null,
          ref: checked.requirement?.ref ?? null,
          statement: input.statement ?? row.statement,
          evidence: input.evidence ?? row.evidence,
          state: initialFindingState(cls),
          response_due_on: deadlines.responseDueOn,
          closure_due_on: deadlines.closureDueOn,
          verification_due_on: deadlines.verificationDueOn,
        };
        const now = p.clock.now();
        await repo.updateFinding(tx, tenantId, id, values, now);
        await repo.replaceScope(tx, tenantId, id, checked.siteIds, checked.aiSystemIds);
        const names = (xs: { name: string }[]) => xs.map((x) => x.name);
        const before = {
          class: row.class,
          ref: row.ref,
          statement: row.statement,
          evidence: row.evidence,
          sites: names(row.sites),
          aiSystems: names(row.ai_systems),
          responseDueOn: row.response_due_on,
          closureDueOn: row.closure_due_on,
          verificationDueOn: row.verification_due_on,
        };
        const after = {
          ...sidesOf({ ...row, class: cls }),
          ref: values.ref,
          statement: values.statement,
          evidence: values.evidence,
          sites: checked.siteIds ? checked.siteNames : names(row.sites),
          aiSystems: checked.aiSystemIds ? checked.systemNames : names(row.ai_systems),
          responseDueOn: deadlines.responseDueOn,
          closureDueOn: deadlines.closureDueOn,
          verificationDueOn: deadlines.verificationDueOn,
        };
        await recordInBoth(tx, actor, ctx, row, { action: 'audit_finding.updated', before, after });
        await syncMirror(tx, { ...row, ...values }, null, null, userIdOf(actor));
      });
      return detail(grant, id);
    },

    /** An audit's findings in the order raised (one statement per page). */
    async listForAudit(actor: TActor | null, tenantId: string, auditId: string, q: TFindingListQuery): Promise<TFindingPage> {
      const grant = await p.authz.assert(actor, 'finding.read', { tenantId });
      const audit = await repo.auditContext(p.db, tenantId, auditId, grant.actor.userId);
      if (!audit) throw notFound('Audit');
      p.authz.assertOn(grant, 'finding.read', { teamRole: audit.team_role, auditState: audit.state });
      const page = await repo.listBodyFindings(p.db, tenantId, { auditId }, q, grant.actor.userId);
      const today = todayOf(p);
      return { items: page.items.map((r) => dto(grant, r, today)), nextCursor: page.nextCursor };
    },

    /**
     * A programme's findings (every audit of the cycle), for the scheme manager, the technical
     * reviewer and the decision maker; an auditor sees those of the audits whose team they are on.
     */
    async listForProgramme(actor: TActor | null, tenantId: string, programmeId: string, q: TFindingListQuery): Promise<TFindingPage> {
      const grant = await p.authz.assert(actor, 'finding.read', { tenantId });
      const teamOf = grant.role === 'auditor' ? grant.actor.userId : null;
      const page = await repo.listBodyFindings(p.db, tenantId, { programmeId, teamOf }, q, grant.actor.userId);
      const today = todayOf(p);
      return { items: page.items.map((r) => dto(grant, r, today)), nextCursor: page.nextCursor };
    },

    /** « Corrective actions to review »: answers waiting for a verdict, overdue first, then the longest waiting. */
    async toReview(actor: TActor | null, tenantId: string, q: TReviewListQuery): Promise<TFindingPage> {
      const grant = await p.authz.assert(actor, 'finding.read', { tenantId });
      const teamOf = grant.role === 'auditor' ? grant.actor.userId : null;
      const today = todayOf(p);
      const page = await repo.listToReview(p.db, tenantId, q, grant.actor.userId, teamOf, today);
      return { items: page.items.map((r) => dto(grant, r, today)), nextCursor: page.nextCursor };
    },
  };
}
