import { Readable } from 'node:stream';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import { renderDocumentPdf } from '../../../documents/render-pdf.ts';
import type {
  TAuditPlan,
  TAuditPlanContent,
  TAuditPlanVersion,
  TIssueAuditPlanInput,
  TUpdateAuditPlanInput,
} from '../../../../shared/contracts/audit-plan.ts';
import type { TAuditPlanSubject } from './audit-plan-policies.ts';
import { checkPlanDraft, missingForIssue, planTransition, sessionOrder, type TFieldIssue } from './audit-plan-lifecycle.ts';
import * as repo from './audit-plan-repo.ts';
import { buildAuditPlanModel } from './documents/build-audit-plan-model.ts';
import { sendAuditPlanMail } from './jobs/send-audit-plan-mail.ts';

/*
 * The body's side of the audit plan (ISO/IEC 17021-1 9.2.3): the scheme manager or the audit's lead
 * auditor drafts it from the client's sites and AI systems and the audit's team, then issues it: the
 * PDF in the client's language (or the one asked for) is rendered once, stored by SHA-256 and mailed
 * to the organization with a link into the app; the team and the other body readers read it. A
 * change after issue is a revision: the next version, drafted from the last one issued.
 */

export type TAuditPlanDeps = Pick<TPlatform, 'db' | 'authz' | 'clock' | 'blobs' | 'jobs'> & { timeZone?: string };

const iso = (d: Date | string) => new Date(d).toISOString();
const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);
const person = (id: string | null, name: string | null, email: string | null) => (id ? { id, name: name ?? '', email: email ?? '' } : null);

const subjectOf = (c: repo.TPlanAuditContext): TAuditPlanSubject => ({ teamRole: c.team_role, auditState: c.state });

export const versionDto = (r: repo.TPlanRow, liveTeam: TAuditPlanContent['team']): TAuditPlanVersion => ({
  id: r.id,
  version: r.version,
  status: r.status,
  superseded: r.superseded,
  locale: r.locale,
  // A draft shows the audit's team as it is now; an issued version the team it was issued with.
  content: r.status === 'draft' ? { ...r.content, team: liveTeam } : r.content,
  document: r.document_sha256 ? { sha256: r.document_sha256, size: r.document_size ?? 0 } : null,
  recipients: r.recipients,
  updatedBy: person(r.updated_by_id, r.updated_by_name, r.updated_by_email),
  updatedAt: iso(r.updated_at),
  issuedBy: person(r.issued_by_id, r.issued_by_name, r.issued_by_email),
  issuedAt: r.issued_at ? iso(r.issued_at) : null,
  acknowledgedBy: person(r.acknowledged_by_id, r.acknowledged_by_name, r.acknowledged_by_email),
  acknowledgedAt: r.acknowledged_at ? iso(r.acknowledged_at) : null,
});

/** The audit and version stay on the after side only, so that the "only what changed" filter keeps them. */
const withoutKeys = ({ auditReference: _a, version: _v, ...rest }: { auditReference: string; version: number } & Record<string, unknown>) => rest;

const invalid = (issues: TFieldIssue[]) => new AppError(400, 'validation_failed', issues[0]!.message, issues);

export function createAuditPlanService(p: TAuditPlanDeps) {
  async function load(db: TAuditPlanDeps['db'], grant: TTenantGrant, action: 'auditPlan.read' | 'auditPlan.write' | 'auditPlan.issue', auditId: string, forUpdate = false) {
    const ctx = await repo.auditContext(db, grant.tenantId, auditId, grant.actor.userId, forUpdate);
    if (!ctx) throw notFound('Audit');
    p.authz.assertOn(grant, action, subjectOf(ctx));
    return ctx;
  }

  async function read(db: TAuditPlanDeps['db'], grant: TTenantGrant, auditId: string): Promise<TAuditPlan> {
    const ctx = await load(db, grant, 'auditPlan.read', auditId);
    const options = await repo.planOptions(db, grant.tenantId, auditId, ctx.client_id);
    const versions = await repo.listVersions(db, grant.tenantId, auditId);
    return {
      auditId,
      auditReference: ctx.reference,
      auditType: ctx.type,
      auditState: ctx.state,
      client: { name: ctx.client_name, preferredLocale: ctx.client_locale },
      plannedStart: ctx.planned_start,
      plannedEnd: ctx.planned_end,
      versions: versions.map((v) => versionDto(v, options.team)),
      options: { ...options, frameworkVersion: options.frameworkVersion ?? '' },
      abilities: p.authz.abilities(grant, 'auditPlan', subjectOf(ctx)),
    };
  }

  /** The draft's content from the request: ids resolved against the client's profile, refs against the catalog. */
  async function draftContent(db: TAuditPlanDeps['db'], tenantId: string, auditId: string, ctx: repo.TPlanAuditContext, before: TAuditPlanContent | null, input: TUpdateAuditPlanInput) {
    const options = await repo.planOptions(db, tenantId, auditId, ctx.client_id);
    const frameworkVersion = before?.frameworkVersion || options.frameworkVersion;
    if (!frameworkVersion) throw notFound('Framework');
    const startDate = input.startDate !== undefined ? input.startDate : (before?.startDate ?? ctx.planned_start);
    const endDate = input.endDate !== undefined ? input.endDate : (before?.endDate ?? ctx.planned_end);
    const siteIds = input.siteIds ? [...new Set(input.siteIds)] : (before?.sites.map((s) => s.id) ?? []);
    const sessions = input.sessions ?? before?.sessions ?? [];

    const siteById = new Map(options.sites.map((s) => [s.id, s]));
    const unknownSite = input.siteIds?.findIndex((id) => !siteById.has(id)) ?? -1;
    if (unknownSite >= 0) throw new AppError(400, 'audit_plan_site_unknown', 'Not a site of this client.', { field: `siteIds.${unknownSite}` });
    const issues = checkPlanDraft({ startDate, endDate, siteIds, sessions });
    if (issues.length) throw invalid(issues);

    const known = await repo.knownRequirements(db, frameworkVersion, sessions.flatMap((s) => s.requirements));
    for (const [i, s] of sessions.entries()) {
      const j = s.requirements.findIndex((r) => !known.has(r));
      if (j >= 0) {
        throw new AppError(400, 'audit_plan_requirement_unknown', `Not a clause or an Annex A control of ISO/IEC 42001 (${frameworkVersion}): ${s.requirements[j]}.`, {
          field: `sessions.${i}.requirements.${j}`,
          ref: s.requirements[j],
        });
      }
    }

    let sampled = before?.sampledAiSystems ?? [];
    if (input.sampledAiSystems) {
      const systemById = new Map(options.aiSystems.map((s) => [s.id, s]));
      const seen = new Set<string>();
      sampled = input.sampledAiSystems.map((x, i) => {
        const sys = systemById.get(x.aiSystemId);
        if (!sys || seen.has(x.aiSystemId)) {
          throw new AppError(400, 'audit_plan_ai_system_unknown', sys ? 'This AI system is sampled twice.' : 'Not an AI system in this client’s scope.', { field: `sampledAiSystems.${i}.aiSystemId` });
        }
        seen.add(x.aiSystemId);
        return { aiSystemId: sys.id, name: sys.name, tier: sys.tier, role: sys.role, reason: x.reason };
      });
    }

    const content: TAuditPlanContent = {
      frameworkVersion,
      startDate,
      endDate,
      objectives: input.objectives ?? before?.objectives ?? '',
      scope: input.scope ?? before?.scope ?? '',
      // The sites keep the names they had when saved; a site kept from before keeps its saved form.
      sites: siteIds.map((id) => siteById.get(id) ?? before!.sites.find((s) => s.id === id)!).filter(Boolean),
      sessions: sessionOrder(sessions),
      sampledAiSystems: sampled,
      team: [],
    };
    return content;
  }

  const summaryOf = (ref: string, version: number, c: TAuditPlanContent) => ({
    auditReference: ref,
    version,
    startDate: c.startDate,
    endDate: c.endDate,
    objectives: c.objectives,
    scope: c.scope,
    sites: c.sites.map((s) => s.name),
    sessions: c.sessions.length,
    sampledAiSystems: c.sampledAiSystems.map((s) => s.name),
  });

  return {
    async get(actor: TActor | null, tenantId: string, auditId: string): Promise<TAuditPlan> {
      const grant = await p.authz.assert(actor, 'auditPlan.read', { tenantId });
      return read(p.db, grant, auditId);
    },

    /** Saves the draft (the first save creates version 1); only the fields sent change. */
    async update(actor: TActor | null, tenantId: string, auditId: string, input: TUpdateAuditPlanInput, ctxReq: TRequestContext): Promise<TAuditPlan> {
      const grant = await p.authz.assert(actor, 'auditPlan.write', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const ctx = await load(tx, grant, 'auditPlan.write', auditId, true);
        const latest = await repo.latestVersion(tx, tenantId, auditId, true);
        planTransition('edit', { status: latest?.status ?? null });
        const before = latest?.content ?? null;
        const content = await draftContent(tx, tenantId, auditId, ctx, before, input);
        const now = p.clock.now();
        const version = latest?.version ?? 1;
        if (latest) await repo.updateDraft(tx, tenantId, latest.id, content, userIdOf(actor), now);
        else await repo.insertDraft(tx, tenantId, auditId, version, content, userIdOf(actor), now);
        await recordAudit(tx, actor, ctxReq, {
          tenantId,
          action: 'audit_plan.updated',
          subjectType: 'audit',
          subjectId: auditId,
          before: before ? withoutKeys(summaryOf(ctx.reference, version, before)) : {},
          after: summaryOf(ctx.reference, version, content),
        });
      });
      return read(p.db, grant, auditId);
    },

    /** Starts the next version from the last one issued (its team re-read when it is issued). */
    async revise(actor: TActor | null, tenantId: string, auditId: string, ctxReq: TRequestContext): Promise<TAuditPlan> {
      const grant = await p.authz.assert(actor, 'auditPlan.write', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const ctx = await load(tx, grant, 'auditPlan.write', auditId, true);
        const latest = await repo.latestVersion(tx, tenantId, auditId, true);
        planTransition('revise', { status: latest?.status ?? null });
        const next = latest!.version + 1;
        await repo.insertDraft(tx, tenantId, auditId, next, { ...latest!.content, team: [] }, userIdOf(actor), p.clock.now());
        await recordAudit(tx, actor, ctxReq, { tenantId, action: 'audit_plan.revised', subjectType: 'audit', subjectId: auditId, after: { auditReference: ctx.reference, version: next, from: latest!.version } });
      });
      return read(p.db, grant, auditId);
    },

    /**
     * Issues the draft: freezes the team in it, renders the PDF once in the chosen language, stores
     * it by SHA-256, and queues the mail to the organization — all in one transaction, written in
     * both tenants' logs (chain heads locked in tenant-id order).
     */
    async issue(actor: TActor | null, tenantId: string, auditId: string, input: TIssueAuditPlanInput, ctxReq: TRequestContext): Promise<TAuditPlan> {
      const grant = await p.authz.assert(actor, 'auditPlan.issue', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const ctx = await load(tx, grant, 'auditPlan.issue', auditId, true);
        const latest = await repo.latestVersion(tx, tenantId, auditId, true);
        planTransition('issue', { status: latest?.status ?? null });
        const options = await repo.planOptions(tx, tenantId, auditId, ctx.client_id);
        const content: TAuditPlanContent = { ...latest!.content, team: options.team };
        const missing = missingForIssue(content);
        if (missing.length) throw new AppError(409, 'audit_plan_incomplete', `The plan cannot be issued yet: ${missing.join(', ')}.`, { missing });
        const recipients = await repo.recipientsOf(tx, ctx.organization_tenant_id, ctx.client_contact_email);
        if (!recipients.length) throw new AppError(409, 'audit_plan_no_recipient', 'The organization has no owner or administrator and the client no contact address to send the plan to.', {});
        const locale = input.locale ?? ctx.client_locale;
        const issuedAt = p.clock.now();
        const issuedBy = actor?.type === 'user' ? actor.name : '';
        const model = buildAuditPlanModel(
          { auditReference: ctx.reference, auditType: ctx.type, version: latest!.version, content, clientName: ctx.client_name, clientAddress: ctx.client_address, bodyName: ctx.body_name, issuedAt, issuedBy, timeZone: p.timeZone ?? 'Europe/Paris' },
          locale,
        );
        const stored = await p.blobs.put(Readable.from([await renderDocumentPdf(model)]));
        await repo.markIssued(tx, tenantId, latest!.id, { content, locale, sha256: stored.sha256, size: stored.size, recipients, userId: userIdOf(actor), at: issuedAt });
        const after = {
          auditReference: ctx.reference,
          version: latest!.version,
          bodyName: ctx.body_name,
          organizationName: ctx.organization_name,
          engagementId: ctx.engagement_id,
          locale,
          sha256: stored.sha256,
          recipients,
        };
        for (const t of [tenantId, ctx.organization_tenant_id].sort()) {
          await recordAudit(tx, actor, ctxReq, { tenantId: t, action: 'audit_plan.issued', subjectType: t === tenantId ? 'audit' : 'engagement', subjectId: t === tenantId ? auditId : ctx.engagement_id, after });
        }
        await p.jobs.send(tx, sendAuditPlanMail, { tenantId, planId: latest!.id }, { singletonKey: `audit-plan:${latest!.id}` });
      });
      return read(p.db, grant, auditId);
    },

    /** An issued version's PDF, as stored when it was issued. */
    async file(actor: TActor | null, tenantId: string, auditId: string, version: number) {
      const grant = await p.authz.assert(actor, 'auditPlan.read', { tenantId });
      const ctx = await load(p.db, grant, 'auditPlan.read', auditId);
      const f = await repo.versionFile(p.db, tenantId, auditId, version);
      if (!f?.document_sha256) throw notFound('Issued plan');
      const body = await p.blobs.get(f.document_sha256);
      if (!body) throw notFound('Issued plan');
      return { body, sha256: f.document_sha256, size: f.document_size ?? 0, filename: `${ctx.reference}-plan-v${version}-${f.locale}.pdf` };
    },
  };
}
