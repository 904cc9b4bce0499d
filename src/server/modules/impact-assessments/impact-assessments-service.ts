import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/errors.ts';
import {
  EMPTY_FRIA,
  type TAssessment,
  type TAssessmentContent,
  type TAssessmentContentInput,
  type TAssessmentListQuery,
  type TAssessmentVersion,
  type TCreateAssessmentBody,
  type TFriaApplicability,
  type TUpdateImpactSettings,
  type TUpdateAssessmentBody,
} from '../../../shared/contracts/impact-assessments.ts';
import { aiSystemFacts } from '../ai-systems/ai-systems-lookup.ts';
import { createCatalogService } from '../catalog/catalog-service.ts';
import { friaApplicability } from './fria-applicability.ts';
import { impactAssessmentLifecycle } from './impact-assessment-lifecycle.ts';
import type { TAssessmentSubject } from './impact-assessments-policies.ts';
import * as repo from './impact-assessments-repo.ts';

export type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);
const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export const EMPTY_CONTENT: TAssessmentContent = { summary: '', affected: [], impacts: [], conclusion: '', nextReviewOn: null, fria: null };

export const subjectOf = (row: { status: TAssessment['status']; variant: TAssessment['variant']; created_by: string; submitted_by: string | null }, latest: boolean): TAssessmentSubject => ({
  status: row.status,
  variant: row.variant,
  latest,
  authorIds: [row.created_by, ...(row.submitted_by ? [row.submitted_by] : [])],
});

export function versionDto(r: repo.TAssessmentRow): TAssessmentVersion {
  return {
    version: r.version,
    status: r.status,
    content: r.content,
    createdBy: person(r.created_by, r.created_by_name)!,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    submittedBy: person(r.submitted_by, r.submitted_by_name),
    submittedAt: isoOrNull(r.submitted_at),
    approvedBy: person(r.approved_by, r.approved_by_name),
    approvedAt: isoOrNull(r.approved_at),
    approvalComment: r.approval_comment,
    returnComment: r.return_comment,
  };
}

/**
 * A person's content as stored: impacts keep their key (a new one gets one), and the register
 * risk an impact was linked to stays with it; only the server links risks (on approval).
 */
export function normalizeContent(input: TAssessmentContentInput, variant: TAssessment['variant'], previous: TAssessmentContent): TAssessmentContent {
  const riskOf = new Map(previous.impacts.map((i) => [i.key, i.riskId]));
  return {
    summary: input.summary,
    affected: input.affected,
    impacts: input.impacts.map((i) => {
      const key = i.key ?? randomUUID();
      return {
        key,
        category: i.category,
        description: i.description,
        affected: i.affected,
        severity: i.severity,
        likelihood: i.likelihood,
        reversibility: i.reversibility,
        mitigations: i.mitigations,
        riskId: riskOf.get(key) ?? null,
      };
    }),
    conclusion: input.conclusion,
    nextReviewOn: input.nextReviewOn,
    // A standard assessment has no art. 27 section; a FRIA always has one, even half filled.
    fria: variant === 'fria' ? (input.fria ?? { ...EMPTY_FRIA }) : null,
  };
}

const aiSystemUnknown = () => new AppError(404, 'ai_system_unknown', 'AI system not found in this organization.', { field: 'aiSystemId' });

/** Reads shared by the service's operations (the transitions reuse them). */
export function createAssessmentReads(p: TDeps) {
  const catalog = createCatalogService(p);

  /** When art. 27 applies from, as the eu-ai-act-2024 catalog says (never typed in code). */
  async function art27AppliesFrom(actor: TActor | null): Promise<string | null> {
    try {
      return (await catalog.requirement(actor, 'eu-ai-act-2024', 'Art. 27')).requirement.appliesFrom ?? null;
    } catch (e) {
      if (e instanceof AppError && e.status === 404) return null;
      throw e;
    }
  }

  async function applicability(db: Kysely<DB>, actor: TActor | null, tenantId: string, aiSystemId: string): Promise<TFriaApplicability & { aiSystemName: string }> {
    const [facts, settings, appliesFrom] = await Promise.all([aiSystemFacts(db, tenantId, [aiSystemId]), repo.getSettings(db, tenantId), art27AppliesFrom(actor)]);
    const system = facts.get(aiSystemId);
    if (!system) throw aiSystemUnknown();
    const c = system.classification;
    return {
      ...friaApplicability(c ? { tier: c.tier, route: c.route, annexIIIPoint: c.annexIIIRef, organizationRoles: system.roles } : null, {
        publicBodyOrService: settings.public_body_or_service,
        appliesFrom,
      }),
      aiSystemName: system.name,
    };
  }

  async function detail(actor: TActor | null, grant: TTenantGrant, id: string, version?: number): Promise<TAssessment & { current: TAssessmentVersion }> {
    const tenantId = grant.tenantId;
    const row = await repo.getAssessment(p.db, tenantId, id, version);
    if (!row) throw notFound(version === undefined ? 'Impact assessment' : 'Impact assessment version');
    const [versions, settings, fria] = await Promise.all([
      repo.listVersions(p.db, tenantId, id),
      repo.getSettings(p.db, tenantId),
      applicability(p.db, actor, tenantId, row.ai_system_id),
    ]);
    const { aiSystemName: _name, ...friaApplicabilityDto } = fria;
    const content = row.content;
    return {
      id: row.id,
      aiSystemId: row.ai_system_id,
      aiSystemName: row.ai_system_name,
      variant: row.variant,
      title: row.title,
      version: row.version,
      status: row.status,
      approvedVersion: row.approved_version,
      nextReviewOn: content.nextReviewOn,
      significantImpacts: content.impacts.filter((i) => i.severity >= settings.significant_severity).length,
      updatedAt: iso(row.assessment_updated_at),
      current: versionDto(row),
      versions: versions.map((v) => ({ version: v.version, status: v.status, createdAt: iso(v.created_at), approvedAt: isoOrNull(v.approved_at), approvedBy: person(v.approved_by, v.approved_by_name) })),
      friaApplicability: friaApplicabilityDto,
      significantSeverity: settings.significant_severity,
      abilities: p.authz.abilities(grant, 'impactAssessment', subjectOf(row, row.version === row.latest_version)),
    };
  }

  return { applicability, detail };
}

export function createImpactAssessmentsService(p: TDeps) {
  const reads = createAssessmentReads(p);

  return {
    async list(actor: TActor | null, tenantId: string, q: TAssessmentListQuery) {
      await p.authz.assert(actor, 'impactAssessment.read', { tenantId });
      const page = await repo.listAssessments(p.db, tenantId, q);
      return {
        items: page.items.map((r) => ({
          id: r.id,
          aiSystemId: r.ai_system_id,
          aiSystemName: r.ai_system_name,
          variant: r.variant,
          title: r.title,
          version: r.latest_version,
          status: r.status,
          approvedVersion: r.approved_version,
          nextReviewOn: r.next_review_on,
          significantImpacts: r.significant_impacts,
          updatedAt: iso(r.updated_at),
        })),
        nextCursor: page.nextCursor,
      };
    },

    async get(actor: TActor | null, tenantId: string, id: string, version?: number) {
      const grant = await p.authz.assert(actor, 'impactAssessment.read', { tenantId });
      return reads.detail(actor, grant, id, version);
    },

    async applicability(actor: TActor | null, tenantId: string, aiSystemId: string) {
      await p.authz.assert(actor, 'impactAssessment.read', { tenantId });
      const { aiSystemName: _name, ...answer } = await reads.applicability(p.db, actor, tenantId, aiSystemId);
      return answer;
    },

    async create(actor: TActor | null, tenantId: string, input: TCreateAssessmentBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'impactAssessment.create', { tenantId });
      p.authz.assertUser(actor);
      const id = await p.db.transaction().execute(async (tx) => {
        if (!(await aiSystemFacts(tx, tenantId, [input.aiSystemId])).has(input.aiSystemId)) throw aiSystemUnknown();
        const a = await repo.insertAssessment(tx, tenantId, { ai_system_id: input.aiSystemId, variant: input.variant, title: input.title, created_by: actor.userId });
        const content = { ...EMPTY_CONTENT, fria: input.variant === 'fria' ? { ...EMPTY_FRIA } : null };
        await repo.insertVersion(tx, tenantId, { assessment_id: a.id, version: 1, content, created_by: actor.userId });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'impact_assessment.created',
          subjectType: 'impact_assessment',
          subjectId: a.id,
          after: { title: input.title, version: 1, aiSystemId: input.aiSystemId, variant: input.variant },
        });
        return a.id;
      });
      return reads.detail(actor, grant, id);
    },

    /** Edits the latest version while it is a draft; an approved version answers 409 (start a new version). */
    async update(actor: TActor | null, tenantId: string, id: string, input: TUpdateAssessmentBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'impactAssessment.update', { tenantId });
      p.authz.assertUser(actor);
      await p.db.transaction().execute(async (tx) => {
        const a = await repo.getAssessmentForUpdate(tx, tenantId, id);
        if (!a) throw notFound('Impact assessment');
        const v = (await repo.getVersionForUpdate(tx, tenantId, id, a.latest_version))!;
        p.authz.assertOn(grant, 'impactAssessment.update', subjectOf({ ...v, variant: a.variant }, true));
        const step = impactAssessmentLifecycle.transition(v.status, 'edit', { variant: a.variant, content: v.content });
        const content = normalizeContent(input.content, a.variant, v.content);
        await repo.updateVersion(tx, tenantId, id, v.version, { content });
        if (input.title !== undefined && input.title !== a.title) await repo.updateAssessment(tx, tenantId, id, { title: input.title });
        else await repo.updateAssessment(tx, tenantId, id, {});
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: step.audit!,
          subjectType: 'impact_assessment',
          subjectId: id,
          // The title and version stay on the after side even when unchanged: the sentence names them.
          before: { ...contentFacts(v.content), ...(input.title !== undefined && input.title !== a.title ? { title: a.title } : {}) },
          after: { title: input.title ?? a.title, version: v.version, ...contentFacts(content) },
        });
      });
      return reads.detail(actor, grant, id);
    },

    async getSettings(actor: TActor | null, tenantId: string) {
      const grant = await p.authz.assert(actor, 'impactAssessment.read', { tenantId });
      const s = await repo.getSettings(p.db, tenantId);
      return settingsDto(s, p.authz.abilities(grant, 'impactAssessmentSettings', {}));
    },

    async updateSettings(actor: TActor | null, tenantId: string, input: TUpdateImpactSettings, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'impactAssessment.configure', { tenantId });
      const s = await p.db.transaction().execute(async (tx) => {
        const before = await repo.lockSettings(tx, tenantId);
        const after = {
          significant_severity: input.significantSeverity ?? before.significant_severity,
          public_body_or_service: input.publicBodyOrService ?? before.public_body_or_service,
        };
        await repo.updateSettings(tx, tenantId, { ...after, updated_by: actor?.type === 'user' ? actor.userId : null });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'impact_assessment.settings_updated',
          subjectType: 'impact_assessment_settings',
          subjectId: tenantId,
          before: { significantSeverity: before.significant_severity, publicBodyOrService: before.public_body_or_service },
          after: { significantSeverity: after.significant_severity, publicBodyOrService: after.public_body_or_service },
        });
        return after;
      });
      return settingsDto(s, p.authz.abilities(grant, 'impactAssessmentSettings', {}));
    },
  };
}

/** What an edit event records: the shape of the content, not its text (the versions keep the text). */
export function contentFacts(c: TAssessmentContent) {
  return {
    affected: c.affected.length,
    impacts: c.impacts.length,
    maxSeverity: c.impacts.reduce((m, i) => Math.max(m, i.severity), 0),
    conclusion: c.conclusion.length > 0,
    nextReviewOn: c.nextReviewOn,
    friaFilled: c.fria ? Object.values(c.fria).filter((x) => typeof x === 'string' && x.trim().length > 0).length : null,
  };
}

const settingsDto = (s: { significant_severity: number; public_body_or_service: boolean }, abilities: Record<'impactAssessment.configure', boolean>) => ({
  significantSeverity: s.significant_severity,
  publicBodyOrService: s.public_body_or_service,
  abilities,
});
