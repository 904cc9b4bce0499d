import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import {
  clientFigureIssues,
  ZClientAiSystemBody,
  ZClientSiteBody,
  ZCreateClientBody,
  ZUpdateClientAiSystemBody,
  ZUpdateClientBody,
  ZUpdateClientSiteBody,
  type TClient,
  type TClientAiSystemBody,
  type TClientDetail,
  type TClientListQuery,
  type TClientSiteBody,
  type TCreateClientBody,
  type TUpdateClientAiSystemBody,
  type TUpdateClientBody,
  type TUpdateClientSiteBody,
} from '../../../../shared/contracts/intake.ts';
import { changedFields, iso } from '../../aims-records/common/records-sql.ts';
import { nextReference } from '../common/next-reference.ts';
import * as repo from './clients-repo.ts';

export type TClientsDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const userOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);

const fieldsOf = (v: repo.TClientValues) => ({
  legalName: v.legal_name,
  registeredAddress: v.registered_address,
  sector: v.sector,
  sectorRisk: v.sector_risk,
  employeesFullTime: v.employees_full_time,
  employeesPartTime: v.employees_part_time,
  partTimeFte: v.part_time_fte,
  aiSystemsCount: v.ai_systems_count,
  highRiskAiSystems: v.high_risk_ai_systems,
  aiRoles: v.ai_roles,
  aimsMaturity: v.aims_maturity,
  existingCertifications: v.existing_certifications,
  contactName: v.contact_name,
  contactEmail: v.contact_email,
  preferredLocale: v.preferred_locale,
});

const siteFields = (s: repo.TSiteValues) => ({ name: s.name, address: s.address, isCentral: s.is_central, personnel: s.personnel, activities: s.activities });

/** 400 with the fields, in the shape a Zod refusal has, so the web puts each message on its field. */
const inconsistent = (issues: ReturnType<typeof clientFigureIssues>) =>
  new AppError(
    400,
    'client_figures_inconsistent',
    issues.map((i) => i.message).join(' '),
    issues.map((i) => ({ field: i.path, issue: 'too_big', limit: i.maximum, message: i.message })),
  );

const centralSiteError = (message: string) => new AppError(409, 'client_central_site', message, [{ field: 'isCentral', issue: 'invalid', message }]);

/**
 * Clients: the organization's profile as this certification body knows it (17021-1 9.1.2, the
 * information audit time and the programme rest on). A client has exactly one central site (IAF MD1
 * audits the central function every time) and the AI systems in scope. The declared AI-system
 * counts never fall below what is listed by name: adding a system raises them.
 */
export function createClientsService(p: TClientsDeps) {
  const dto = (grant: TTenantGrant, r: repo.TClientRow): TClient => {
    const partTimeFte = Number(r.part_time_fte);
    return {
      id: r.id,
      reference: r.reference,
      legalName: r.legal_name,
      registeredAddress: r.registered_address,
      sector: r.sector,
      sectorRisk: r.sector_risk,
      employeesFullTime: r.employees_full_time,
      employeesPartTime: r.employees_part_time,
      partTimeFte,
      effectivePersonnel: r.employees_full_time + partTimeFte,
      aiSystemsCount: r.ai_systems_count,
      highRiskAiSystems: r.high_risk_ai_systems,
      aiRoles: r.ai_roles,
      aimsMaturity: r.aims_maturity,
      existingCertifications: r.existing_certifications,
      contactName: r.contact_name,
      contactEmail: r.contact_email,
      preferredLocale: r.preferred_locale,
      siteCount: r.site_count,
      organizationTenantId: r.organization_tenant_id,
      enquiryId: r.quote_request_id,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      abilities: p.authz.abilities(grant, 'client', {}),
    };
  };

  async function detail(grant: TTenantGrant, id: string): Promise<TClientDetail> {
    const row = await repo.getClient(p.db, grant.tenantId, id);
    if (!row) throw notFound('Client');
    return {
      ...dto(grant, row),
      sites: row.sites.map((s) => ({ id: s.id, name: s.name, address: s.address, isCentral: s.is_central, personnel: s.personnel, activities: s.activities })),
      aiSystems: row.ai_systems,
    };
  }

  async function lockClient(tx: Kysely<DB>, tenantId: string, id: string) {
    const row = await repo.getClientForUpdate(tx, tenantId, id);
    if (!row) throw notFound('Client');
    return row;
  }

  /** Raises the declared counts to what is listed (in the same transaction as the listing change). */
  async function keepCountsAtLeastListed(tx: Kysely<DB>, tenantId: string, c: repo.TClientLockedRow) {
    const listed = await repo.listedAiSystems(tx, tenantId, c.id);
    const aiSystemsCount = Math.max(c.ai_systems_count, listed.listed);
    const highRisk = Math.max(c.high_risk_ai_systems, listed.high);
    if (aiSystemsCount !== c.ai_systems_count || highRisk !== c.high_risk_ai_systems) {
      await repo.updateClient(tx, tenantId, c.id, { ai_systems_count: aiSystemsCount, high_risk_ai_systems: highRisk }, p.clock.now());
    }
  }

  /**
   * Creates a client in the caller's transaction (direct creation, or an enquiry's conversion):
   * its reference, its sites and AI systems, and the audit event. Authorization is the caller's.
   */
  async function insertClient(tx: Transaction<DB>, actor: TActor | null, tenantId: string, body: TCreateClientBody, enquiryId: string | null, ctx: TRequestContext) {
    const input = ZCreateClientBody.parse(body);
    const listedHigh = input.aiSystems.filter((s) => s.tier === 'high').length;
    const values: repo.TClientValues = {
      legal_name: input.legalName,
      registered_address: input.registeredAddress,
      sector: input.sector,
      sector_risk: input.sectorRisk,
      employees_full_time: input.employeesFullTime,
      employees_part_time: input.employeesPartTime,
      part_time_fte: input.partTimeFte,
      ai_systems_count: Math.max(input.aiSystemsCount, input.aiSystems.length),
      high_risk_ai_systems: Math.max(input.highRiskAiSystems, listedHigh),
      ai_roles: [...new Set(input.aiRoles)],
      aims_maturity: input.aimsMaturity,
      existing_certifications: [...new Set(input.existingCertifications)],
      contact_name: input.contactName,
      contact_email: input.contactEmail,
      preferred_locale: input.preferredLocale,
    };
    const reference = await nextReference(tx, tenantId, { table: 'clients', prefix: 'CLI' });
    const { id } = await repo.insertClient(tx, tenantId, { ...values, reference, quote_request_id: enquiryId, created_by: userOf(actor), created_at: p.clock.now() });
    await repo.insertSites(
      tx,
      tenantId,
      id,
      input.sites.map((s) => ({ name: s.name, address: s.address, is_central: s.isCentral, personnel: s.personnel, activities: s.activities })),
    );
    if (input.aiSystems.length) await repo.insertAiSystems(tx, tenantId, id, input.aiSystems);
    await recordAudit(tx, actor, ctx, {
      tenantId,
      action: 'client.created',
      subjectType: 'client',
      subjectId: id,
      after: { reference, ...fieldsOf(values), sites: input.sites.length, aiSystems: input.aiSystems.length, enquiryId },
    });
    return { id, reference, legalName: values.legal_name };
  }

  return {
    insertClient,
    detail,

    async list(actor: TActor | null, tenantId: string, q: TClientListQuery) {
      const grant = await p.authz.assert(actor, 'client.read', { tenantId });
      const page = await repo.listClients(p.db, tenantId, q);
      return { items: page.items.map((r) => dto(grant, r)), nextCursor: page.nextCursor };
    },

    async get(actor: TActor | null, tenantId: string, id: string) {
      const grant = await p.authz.assert(actor, 'client.read', { tenantId });
      return detail(grant, id);
    },

    /** Also what the demo seed calls: the body is parsed with the contract, defaults applied. */
    async create(actor: TActor | null, tenantId: string, body: TCreateClientBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'client.create', { tenantId });
      const { id } = await p.db.transaction().execute((tx) => insertClient(tx, actor, tenantId, body, null, ctx));
      return detail(grant, id);
    },

    async update(actor: TActor | null, tenantId: string, id: string, body: TUpdateClientBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'client.update', { tenantId });
      const input = ZUpdateClientBody.parse(body);
      await p.db.transaction().execute(async (tx) => {
        const row = await lockClient(tx, tenantId, id);
        const before: repo.TClientValues = { ...row, part_time_fte: Number(row.part_time_fte) };
        const next: repo.TClientValues = {
          legal_name: input.legalName ?? before.legal_name,
          registered_address: input.registeredAddress ?? before.registered_address,
          sector: input.sector ?? before.sector,
          sector_risk: input.sectorRisk ?? before.sector_risk,
          employees_full_time: input.employeesFullTime ?? before.employees_full_time,
          employees_part_time: input.employeesPartTime ?? before.employees_part_time,
          part_time_fte: input.partTimeFte ?? before.part_time_fte,
          ai_systems_count: input.aiSystemsCount ?? before.ai_systems_count,
          high_risk_ai_systems: input.highRiskAiSystems ?? before.high_risk_ai_systems,
          ai_roles: input.aiRoles ? [...new Set(input.aiRoles)] : before.ai_roles,
          aims_maturity: input.aimsMaturity ?? before.aims_maturity,
          existing_certifications: input.existingCertifications ? [...new Set(input.existingCertifications)] : before.existing_certifications,
          contact_name: input.contactName ?? before.contact_name,
          contact_email: input.contactEmail !== undefined ? input.contactEmail : before.contact_email,
          preferred_locale: input.preferredLocale ?? before.preferred_locale,
        };
        const issues = clientFigureIssues({
          employeesPartTime: next.employees_part_time,
          partTimeFte: next.part_time_fte,
          aiSystemsCount: next.ai_systems_count,
          highRiskAiSystems: next.high_risk_ai_systems,
        });
        const listed = await repo.listedAiSystems(tx, tenantId, id);
        if (next.ai_systems_count < listed.listed)
          issues.push({ path: 'aiSystemsCount', maximum: listed.listed, message: `${listed.listed} AI systems are listed by name: the count cannot be lower.` });
        if (next.high_risk_ai_systems < listed.high)
          issues.push({ path: 'highRiskAiSystems', maximum: listed.high, message: `${listed.high} high-risk AI systems are listed by name: the count cannot be lower.` });
        if (issues.length) throw inconsistent(issues);
        const diff = changedFields(fieldsOf(before), fieldsOf(next), ['legalName']);
        if (!diff.changed) return;
        await repo.updateClient(tx, tenantId, id, next, p.clock.now());
        await recordAudit(tx, actor, ctx, { tenantId, action: 'client.updated', subjectType: 'client', subjectId: id, before: diff.before, after: diff.after });
      });
      return detail(grant, id);
    },

    async addSite(actor: TActor | null, tenantId: string, clientId: string, body: TClientSiteBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'client.update', { tenantId });
      const input = ZClientSiteBody.parse(body);
      await p.db.transaction().execute(async (tx) => {
        const c = await lockClient(tx, tenantId, clientId);
        if (input.isCentral) await repo.clearCentralSite(tx, tenantId, clientId);
        const values: repo.TSiteValues = { name: input.name, address: input.address, is_central: input.isCentral, personnel: input.personnel, activities: input.activities };
        const [site] = await repo.insertSites(tx, tenantId, clientId, [values]);
        await repo.updateClient(tx, tenantId, clientId, {}, p.clock.now());
        await recordAudit(tx, actor, ctx, { tenantId, action: 'client_site.added', subjectType: 'client', subjectId: clientId, after: { clientName: c.legal_name, ...siteFields(values) } });
        return site;
      });
      return detail(grant, clientId);
    },

    /** A site becomes the central function with `isCentral: true`; the former one stops being it. */
    async updateSite(actor: TActor | null, tenantId: string, clientId: string, siteId: string, body: TUpdateClientSiteBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'client.update', { tenantId });
      const input = ZUpdateClientSiteBody.parse(body);
      await p.db.transaction().execute(async (tx) => {
        const c = await lockClient(tx, tenantId, clientId);
        const site = await repo.getSite(tx, tenantId, clientId, siteId);
        if (!site) throw notFound('Site');
        const next: repo.TSiteValues = {
          name: input.name ?? site.name,
          address: input.address ?? site.address,
          is_central: input.isCentral ?? site.is_central,
          personnel: input.personnel ?? site.personnel,
          activities: input.activities ?? site.activities,
        };
        const diff = changedFields({ clientName: c.legal_name, ...siteFields(site) }, { clientName: c.legal_name, ...siteFields(next) }, ['clientName', 'name']);
        if (!diff.changed) return;
        if (next.is_central && !site.is_central) await repo.clearCentralSite(tx, tenantId, clientId);
        await repo.updateSite(tx, tenantId, siteId, next);
        await repo.updateClient(tx, tenantId, clientId, {}, p.clock.now());
        await recordAudit(tx, actor, ctx, { tenantId, action: 'client_site.updated', subjectType: 'client', subjectId: clientId, before: diff.before, after: diff.after });
      });
      return detail(grant, clientId);
    },

    async removeSite(actor: TActor | null, tenantId: string, clientId: string, siteId: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'client.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const c = await lockClient(tx, tenantId, clientId);
        const site = await repo.getSite(tx, tenantId, clientId, siteId);
        if (!site) throw notFound('Site');
        if (site.is_central) throw centralSiteError('This site is the central function: make another site central before removing it.');
        await repo.deleteSite(tx, tenantId, siteId);
        await repo.updateClient(tx, tenantId, clientId, {}, p.clock.now());
        await recordAudit(tx, actor, ctx, { tenantId, action: 'client_site.removed', subjectType: 'client', subjectId: clientId, before: { clientName: c.legal_name, ...siteFields(site) } });
      });
      return detail(grant, clientId);
    },

    async addAiSystem(actor: TActor | null, tenantId: string, clientId: string, body: TClientAiSystemBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'client.update', { tenantId });
      const input = ZClientAiSystemBody.parse(body);
      await p.db.transaction().execute(async (tx) => {
        const c = await lockClient(tx, tenantId, clientId);
        await repo.insertAiSystems(tx, tenantId, clientId, [input]);
        await keepCountsAtLeastListed(tx, tenantId, c);
        await repo.updateClient(tx, tenantId, clientId, {}, p.clock.now());
        await recordAudit(tx, actor, ctx, { tenantId, action: 'client_ai_system.added', subjectType: 'client', subjectId: clientId, after: { clientName: c.legal_name, ...input } });
      });
      return detail(grant, clientId);
    },

    async updateAiSystem(actor: TActor | null, tenantId: string, clientId: string, aiSystemId: string, body: TUpdateClientAiSystemBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'client.update', { tenantId });
      const input = ZUpdateClientAiSystemBody.parse(body);
      await p.db.transaction().execute(async (tx) => {
        const c = await lockClient(tx, tenantId, clientId);
        const sys = await repo.getAiSystem(tx, tenantId, clientId, aiSystemId);
        if (!sys) throw notFound('AI system');
        const next: repo.TAiSystemValues = { name: input.name ?? sys.name, tier: input.tier ?? sys.tier, role: input.role ?? sys.role };
        const diff = changedFields({ clientName: c.legal_name, name: sys.name, tier: sys.tier, role: sys.role }, { clientName: c.legal_name, ...next }, ['clientName', 'name']);
        if (!diff.changed) return;
        await repo.updateAiSystem(tx, tenantId, aiSystemId, next);
        await keepCountsAtLeastListed(tx, tenantId, c);
        await repo.updateClient(tx, tenantId, clientId, {}, p.clock.now());
        await recordAudit(tx, actor, ctx, { tenantId, action: 'client_ai_system.updated', subjectType: 'client', subjectId: clientId, before: diff.before, after: diff.after });
      });
      return detail(grant, clientId);
    },

    /** The declared counts stay as they are: a system taken off the list may still be in scope unnamed. */
    async removeAiSystem(actor: TActor | null, tenantId: string, clientId: string, aiSystemId: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'client.update', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const c = await lockClient(tx, tenantId, clientId);
        const sys = await repo.getAiSystem(tx, tenantId, clientId, aiSystemId);
        if (!sys) throw notFound('AI system');
        await repo.deleteAiSystem(tx, tenantId, aiSystemId);
        await repo.updateClient(tx, tenantId, clientId, {}, p.clock.now());
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'client_ai_system.removed',
          subjectType: 'client',
          subjectId: clientId,
          before: { clientName: c.legal_name, name: sys.name, tier: sys.tier, role: sys.role },
        });
      });
      return detail(grant, clientId);
    },
  };
}
