import type { TPlatform } from '../../../platform/platform.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { hmacHex } from '../../../platform/crypto/crypto.ts';
import { AppError, notFound, tooManyRequests } from '../../../platform/errors/errors.ts';
import { ZQuoteRequestBody, type TPublicBody, type TQuoteRequestBody } from '../../../../shared/contracts/intake.ts';
import { getPublicBody } from './body-settings-repo.ts';
import * as repo from './enquiries-repo.ts';

export type TQuoteRequestsDeps = Pick<TPlatform, 'db' | 'clock' | 'config' | 'secretKey'>;

const HOUR = 3600_000;

/**
 * The public side of intake: anyone may ask a certification body for a quote through its public
 * address, without an account. Bots are held off without a third-party service: a per-address
 * budget (counted before anything else, refused with 429), bounded fields and body size, and a
 * hidden field people leave empty — a request that fills it is answered exactly as a real one and
 * stored nowhere, so the bot learns nothing.
 */
export function createQuoteRequestsService(p: TQuoteRequestsDeps) {
  async function bodyOf(slug: string) {
    const body = await getPublicBody(p.db, slug);
    if (!body) throw notFound('Certification body');
    return body;
  }

  return {
    async publicBody(slug: string): Promise<TPublicBody> {
      const b = await bodyOf(slug);
      return { legalName: b.legal_name, address: b.address, quotesOpen: b.quotes_open };
    },

    async submit(slug: string, raw: TQuoteRequestBody, ctx: TRequestContext) {
      // The address is kept only as a keyed hash, and only for the length of the window.
      const key = `quote:${hmacHex(p.secretKey, ctx.ip ?? 'unknown')}`;
      const wait = await repo.countPublicRequest(p.db, key, p.config.QUOTE_REQUESTS_PER_HOUR, HOUR, p.clock.now());
      if (wait !== null) throw tooManyRequests(wait);
      const input = ZQuoteRequestBody.parse(raw);
      const body = await bodyOf(slug);
      if (!body.quotes_open) throw new AppError(409, 'quotes_closed', 'This certification body does not take quote requests online at the moment.');
      if (input.website !== '') return { status: 'received' as const };
      await p.db.transaction().execute(async (tx) => {
        const { id } = await repo.insertEnquiry(tx, body.tenant_id, {
          organization_name: input.organizationName,
          registered_address: input.registeredAddress,
          sector: input.sector,
          contact_name: input.contactName,
          contact_email: input.contactEmail,
          contact_phone: input.contactPhone,
          sites: JSON.stringify(input.sites),
          employees_full_time: input.employeesFullTime,
          employees_part_time: input.employeesPartTime,
          ai_systems_count: input.aiSystemsCount,
          high_risk_ai_systems: input.highRiskAiSystems,
          ai_systems_description: input.aiSystemsDescription,
          ai_roles: [...new Set(input.aiRoles)],
          existing_certifications: [...new Set(input.existingCertifications)],
          standards: [...new Set(input.standards)],
          preferred_locale: input.preferredLocale,
          pre_audit: input.preAudit,
          message: input.message,
          received_at: p.clock.now(),
        });
        await recordAudit(tx, null, ctx, {
          tenantId: body.tenant_id,
          action: 'quote_request.received',
          subjectType: 'quote_request',
          subjectId: id,
          actorEmail: input.contactEmail,
          after: {
            organizationName: input.organizationName,
            contactEmail: input.contactEmail,
            standards: [...new Set(input.standards)],
            employees: input.employeesFullTime + input.employeesPartTime,
            aiSystemsCount: input.aiSystemsCount,
            preAudit: input.preAudit,
          },
        });
      });
      return { status: 'received' as const };
    },
  };
}
