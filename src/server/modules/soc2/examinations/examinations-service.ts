import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { notFound } from '../../../platform/errors/errors.ts';
import {
  ZCreateSoc2ExaminationBody,
  type TCreateSoc2ExaminationBody,
  type TOrgSoc2Examination,
  type TOrgSoc2ExaminationPage,
  type TSoc2Examination,
  type TSoc2ExaminationListQuery,
  type TSoc2ExaminationPage,
} from '../../../../shared/contracts/soc2-examinations.ts';
import { openExamination } from './open-examination.ts';
import * as repo from './examinations-repo.ts';

/*
 * The firm's and the organization's reads of examinations, and the firm opening one on a SOC 2
 * engagement. The organization reaches an examination only through one of its engagements: another
 * tenant's id answers 404 on both sides.
 */

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const iso = (d: Date | string) => new Date(d).toISOString();

export function examinationCore(r: repo.TExaminationRow) {
  return {
    id: r.id,
    reference: r.reference,
    engagementId: r.engagement_id,
    firmTenantId: r.tenant_id,
    firmName: r.firm_name,
    organizationTenantId: r.organization_tenant_id,
    organizationName: r.organization_name,
    clientId: r.client_id,
    clientName: r.client_name,
    reportType: r.report_type,
    asOfDate: r.as_of_date,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    categories: r.categories,
    services: r.services,
    systems: r.systems,
    locations: r.locations,
    people: r.people,
    state: r.state,
    partner: r.partner,
    previousExaminationId: r.previous_examination_id,
    previousReference: r.previous_reference,
    nextExamination: r.next_examination,
    descriptionState: r.description_state,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function createSoc2ExaminationsService(p: TDeps) {
  const firmDto = (grant: TTenantGrant, r: repo.TExaminationRow): TSoc2Examination => ({
    ...examinationCore(r),
    abilities: p.authz.abilities(grant, 'soc2Examination', { state: r.state }),
  });
  const orgDto = (grant: TTenantGrant, r: repo.TExaminationRow): TOrgSoc2Examination => ({
    ...examinationCore(r),
    abilities: p.authz.abilities(grant, 'orgSoc2Examination', { state: r.state }),
  });

  return {
    firmDto,
    orgDto,

    async list(actor: TActor | null, tenantId: string, q: TSoc2ExaminationListQuery): Promise<TSoc2ExaminationPage> {
      const grant = await p.authz.assert(actor, 'soc2Examination.read', { tenantId });
      const page = await repo.listForFirm(p.db, tenantId, q);
      return { items: page.items.map((r) => firmDto(grant, r)), nextCursor: page.nextCursor };
    },

    async get(actor: TActor | null, tenantId: string, id: string): Promise<TSoc2Examination> {
      const grant = await p.authz.assert(actor, 'soc2Examination.read', { tenantId });
      const row = await repo.firmExamination(p.db, tenantId, id);
      if (!row) throw notFound('Examination');
      return firmDto(grant, row);
    },

    /** Opens an examination on one of the firm's SOC 2 engagements (scheme matching the report type). */
    async create(actor: TActor | null, tenantId: string, body: TCreateSoc2ExaminationBody, ctx: TRequestContext): Promise<TSoc2Examination> {
      const grant = await p.authz.assert(actor, 'soc2Examination.create', { tenantId });
      const input = ZCreateSoc2ExaminationBody.parse(body);
      const now = p.clock.now();
      const row = await p.db.transaction().execute((tx) =>
        openExamination(tx, actor, ctx, { ...input, firmTenantId: tenantId, previous: null, year: now.getUTCFullYear(), now }),
      );
      const created = await repo.firmExamination(p.db, tenantId, row.id);
      return firmDto(grant, created!);
    },

    async listForOrganization(actor: TActor | null, tenantId: string, q: TSoc2ExaminationListQuery): Promise<TOrgSoc2ExaminationPage> {
      const grant = await p.authz.assert(actor, 'orgSoc2Examination.read', { tenantId });
      const page = await repo.listForOrganization(p.db, tenantId, q);
      return { items: page.items.map((r) => orgDto(grant, r)), nextCursor: page.nextCursor };
    },

    async getForOrganization(actor: TActor | null, tenantId: string, id: string): Promise<TOrgSoc2Examination> {
      const grant = await p.authz.assert(actor, 'orgSoc2Examination.read', { tenantId });
      const row = await repo.orgExamination(p.db, tenantId, id);
      if (!row) throw notFound('Examination');
      return orgDto(grant, row);
    },
  };
}
