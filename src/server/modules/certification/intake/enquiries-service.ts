import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { notFound } from '../../../platform/errors/errors.ts';
import { ZDeclineEnquiryBody, type TCreateClientBody, type TDeclineEnquiryBody, type TEnquiry, type TEnquiryListQuery } from '../../../../shared/contracts/intake.ts';
import { iso, isoOrNull } from '../../aims-records/common/records-sql.ts';
import { createClientsService } from './clients-service.ts';
import { enquiryLifecycle } from './enquiry-lifecycle.ts';
import * as repo from './enquiries-repo.ts';

export type TEnquiriesDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

/**
 * The body's inbox of quote requests. The scheme manager answers each once: converts it into a
 * client — the form starts from what the enquirer sent and the scheme manager completes what audit
 * time needs (sector risk, part-time FTE, AIMS maturity…) — or declines it with a reason.
 */
export function createEnquiriesService(p: TEnquiriesDeps) {
  const clients = createClientsService(p);

  const dto = (grant: TTenantGrant, r: repo.TEnquiryRow): TEnquiry => ({
    id: r.id,
    status: r.status,
    organizationName: r.organization_name,
    registeredAddress: r.registered_address,
    sector: r.sector,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    sites: r.sites,
    employeesFullTime: r.employees_full_time,
    employeesPartTime: r.employees_part_time,
    aiSystemsCount: r.ai_systems_count,
    highRiskAiSystems: r.high_risk_ai_systems,
    aiSystemsDescription: r.ai_systems_description,
    aiRoles: r.ai_roles,
    existingCertifications: r.existing_certifications,
    standards: r.standards,
    preferredLocale: r.preferred_locale,
    preAudit: r.pre_audit,
    message: r.message,
    receivedAt: iso(r.received_at),
    decidedBy: r.decided_by,
    decidedAt: isoOrNull(r.decided_at),
    declineReason: r.decline_reason,
    client: r.client,
    abilities: p.authz.abilities(grant, 'enquiry', { status: r.status }),
  });

  async function detail(grant: TTenantGrant, id: string) {
    const row = await repo.getEnquiry(p.db, grant.tenantId, id);
    if (!row) throw notFound('Enquiry');
    return dto(grant, row);
  }

  const userOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);

  return {
    async list(actor: TActor | null, tenantId: string, q: TEnquiryListQuery) {
      const grant = await p.authz.assert(actor, 'enquiry.read', { tenantId });
      const page = await repo.listEnquiries(p.db, tenantId, q);
      return { items: page.items.map((r) => dto(grant, r)), nextCursor: page.nextCursor };
    },

    async get(actor: TActor | null, tenantId: string, id: string) {
      const grant = await p.authz.assert(actor, 'enquiry.read', { tenantId });
      return detail(grant, id);
    },

    async decline(actor: TActor | null, tenantId: string, id: string, body: TDeclineEnquiryBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'enquiry.decline', { tenantId });
      const input = ZDeclineEnquiryBody.parse(body);
      await p.db.transaction().execute(async (tx) => {
        const row = await repo.getEnquiryForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Enquiry');
        p.authz.assertOn(grant, 'enquiry.decline', { status: row.status });
        const t = enquiryLifecycle.transition(row.status, 'decline', undefined);
        await repo.answerEnquiry(tx, tenantId, id, { status: 'declined', decline_reason: input.reason, decided_by: userOf(actor), decided_at: p.clock.now() });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: t.audit as 'quote_request.declined',
          subjectType: 'quote_request',
          subjectId: id,
          after: { organizationName: row.organization_name, reason: input.reason },
        });
      });
      return detail(grant, id);
    },

    /** Creates the client and marks the enquiry converted, in one transaction; answers the client. */
    async convert(actor: TActor | null, tenantId: string, id: string, body: TCreateClientBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'enquiry.convert', { tenantId });
      await p.authz.assert(actor, 'client.create', { tenantId });
      const client = await p.db.transaction().execute(async (tx) => {
        const row = await repo.getEnquiryForUpdate(tx, tenantId, id);
        if (!row) throw notFound('Enquiry');
        p.authz.assertOn(grant, 'enquiry.convert', { status: row.status });
        const t = enquiryLifecycle.transition(row.status, 'convert', undefined);
        const made = await clients.insertClient(tx, actor, tenantId, body, id, ctx);
        await repo.answerEnquiry(tx, tenantId, id, { status: 'converted', client_id: made.id, decided_by: userOf(actor), decided_at: p.clock.now() });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: t.audit as 'quote_request.converted',
          subjectType: 'quote_request',
          subjectId: id,
          after: { organizationName: row.organization_name, clientId: made.id, clientReference: made.reference },
        });
        return made;
      });
      return clients.detail(grant, client.id);
    },
  };
}
