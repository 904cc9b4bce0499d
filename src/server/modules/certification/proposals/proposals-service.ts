import type { TLocale } from '../../../../shared/contracts/common.ts';
import type {
  TCreateProposalBody,
  TCreateSoc2ProposalBody,
  TProposal,
  TProposalLine,
  TProposalListQuery,
  TProposalState,
  TSendProposalBody,
  TUpdateProposalBody,
} from '../../../../shared/contracts/proposals.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { todayOf } from '../../../platform/clock/clock.ts';
import { AppError, badRequest, notFound } from '../../../platform/errors/errors.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import { addDays } from '../engagements/programme-rules.ts';
import { proposalLifecycle, proposalState } from './proposal-lifecycle.ts';
import { linesOf, readAll, renderProposalPdf, streamOf, termsOf, type TAuditTimeRenderer } from './proposal-common.ts';
import { renderSoc2ProposalPdf } from './soc2-proposal.ts';
import { createSoc2ProposalDraft, soc2DraftTerms } from './soc2-proposal-create.ts';
import { getSoc2FirmSettings } from '../../soc2/firm-settings.ts';
import { priceLine, sortLines, totalsOf } from './proposal-pricing.ts';
import { sendProposalMail } from './jobs/send-proposal-mail.ts';
import * as repo from './proposals-repo.ts';
import { nextReference } from '../common/next-reference.ts';
import { getCalculation } from '../audit-time/audit-time-repo.ts';
import { auditTimeTraceLines } from '../../../../shared/audit-time-trace.ts';
import type { TTraceStep } from '../../../../shared/contracts/audit-time.ts';

export type TProposalsDeps = Pick<TPlatform, 'db' | 'authz' | 'clock' | 'blobs' | 'jobs'>;
export type TProposalsOptions = {
  /** Renders the audit-time trace in a language; defaults to the shared renderer, null prints the summary only. */
  renderTrace?: TAuditTimeRenderer | null;
  timeZone?: string;
};

const iso = (d: Date | string) => new Date(d).toISOString();
const encodeCursor = (createdAt: Date | string, id: string) => Buffer.from(JSON.stringify([iso(createdAt), id])).toString('base64url');
function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string' && !Number.isNaN(Date.parse(v[0]))) return [v[0], v[1]];
  } catch {
    /* fall through */
  }
  throw badRequest('cursor must be the nextCursor of a previous page', [{ field: 'cursor', issue: 'invalid' }]);
}

/**
 * The certification body's proposals: draft for a client, edit while a draft, issue (the PDF frozen
 * in the blob store with its SHA-256, a signed link mailed in the transaction), withdraw. The
 * organization's answer goes through proposal-link-service.ts.
 */
export function createProposalsService(p: TProposalsDeps, opts: TProposalsOptions = {}) {
  const today = () => todayOf(p);
  const renderTrace: TAuditTimeRenderer | null = opts.renderTrace === undefined ? (trace, lang) => auditTimeTraceLines(trace as TTraceStep[], lang) : opts.renderTrace;

  /** The client's stored calculation, frozen on the proposal as it stands now (a later recalculation does not touch it). */
  async function snapshotOf(tx: TPlatform['db'], tenantId: string, clientId: string, calculationId: string) {
    const c = await getCalculation(tx, tenantId, calculationId);
    if (!c || c.client_id !== clientId) {
      throw new AppError(400, 'proposal_calculation_unknown', 'No such audit-time calculation for this client.', { field: 'calculationId' });
    }
    const r = c.result;
    return { calculationId: c.id, tableVersion: r.table.version, stage1Days: r.stage1Days, stage2Days: r.stage2Days, surveillanceDays: r.surveillanceDays, recertificationDays: r.recertificationDays, trace: r.trace };
  }

  function price(lines: TCreateProposalBody['lines'], defaultRate: number): TProposalLine[] {
    return sortLines(lines.map((l) => priceLine({ slot: l.slot, days: l.days, dayRateCents: l.dayRateCents ?? defaultRate, travelCents: l.travelCents, expensesCents: l.expensesCents })));
  }

  function assertValidity(validUntil: string) {
    if (validUntil < today()) throw new AppError(400, 'validation_failed', 'The validity date is in the past.', [{ field: 'validUntil', issue: 'too_small', message: 'The validity date is in the past.' }]);
  }

  const person = (x: { id: string; name: string; email: string } | null) => x;

  function toDto(r: repo.TProposalDetailRow, grant: TTenantGrant): TProposal {
    const state: TProposalState = proposalState(r, today());
    const { lines, totals, soc2 } = termsOf(r);
    return {
      id: r.id,
      reference: r.reference,
      client: { id: r.client_id, reference: r.clientReference, legalName: r.clientName },
      state,
      scheme: r.scheme,
      locale: r.locale,
      currency: r.currency,
      validUntil: r.valid_until,
      cycleCents: totals.cycleCents,
      sentAt: r.sent_at ? iso(r.sent_at) : null,
      createdAt: iso(r.created_at),
      recipientName: r.recipient_name,
      recipientEmail: r.recipient_email,
      notes: r.notes,
      lines,
      totals,
      auditTime: r.audit_time,
      soc2,
      createdBy: person(r.createdByPerson),
      sent: r.sent_at && r.document_sha256 ? { at: iso(r.sent_at), by: person(r.sentByPerson), documentSha256: r.document_sha256, documentSize: r.document_size ?? 0 } : null,
      acceptance:
        r.accepted_at && r.acceptedByPerson && r.organization_tenant_id && r.engagement_id
          ? { at: iso(r.accepted_at), by: r.acceptedByPerson, ip: r.accepted_ip, organizationTenantId: r.organization_tenant_id, organizationName: r.organizationName ?? '', engagementId: r.engagement_id }
          : null,
      decline: r.declined_at ? { at: iso(r.declined_at), by: person(r.declinedByPerson), ip: r.declined_ip, reason: r.decline_reason ?? '' } : null,
      withdrawal: r.withdrawn_at ? { at: iso(r.withdrawn_at), by: person(r.withdrawnByPerson), reason: r.withdraw_reason ?? '' } : null,
      abilities: p.authz.abilities(grant, 'proposal', { state }),
    };
  }

  async function detail(db: TPlatform['db'], tenantId: string, id: string) {
    const row = await repo.getProposalDetail(db, tenantId, id);
    if (!row) throw notFound('Proposal');
    return row;
  }

  async function lock(tx: TPlatform['db'], tenantId: string, id: string) {
    const row = await repo.getProposalForUpdate(tx, tenantId, id);
    if (!row) throw notFound('Proposal');
    return { row, state: proposalState(row, today()) };
  }

  function docSource(r: repo.TProposalDetailRow, body: { name: string; address: string }, issuedAt: Date | null) {
    const { lines, totals } = linesOf(r.lines);
    return {
      reference: r.reference,
      body,
      client: { name: r.clientName, address: r.clientAddress },
      recipientName: r.recipient_name,
      currency: r.currency,
      validUntil: r.valid_until,
      issuedAt,
      generatedAt: issuedAt ?? p.clock.now(),
      lines,
      totals,
      notes: r.notes,
      auditTime: r.audit_time,
      timeZone: opts.timeZone ?? 'Europe/Paris',
    };
  }

  /** The PDF of either kind in `lang`: a SOC 2 proposal prints the firm's licence, the scope and the fee's trace. */
  async function renderPdf(db: TPlatform['db'], d: repo.TProposalDetailRow, body: { name: string; address: string }, issuedAt: Date | null, lang: TLocale) {
    const { soc2 } = termsOf(d);
    if (!soc2) return renderProposalPdf(docSource(d, body, issuedAt), lang, renderTrace);
    // Read through the caller's transaction: PGlite has one connection, a second one would wait forever.
    const firm = await getSoc2FirmSettings(db, d.tenant_id);
    return renderSoc2ProposalPdf(
      {
        reference: d.reference,
        firm: { ...body, licence: firm.licence },
        organization: { name: d.clientName, address: d.clientAddress },
        recipientName: d.recipient_name,
        terms: soc2,
        validUntil: d.valid_until,
        issuedAt,
        generatedAt: issuedAt ?? p.clock.now(),
        notes: d.notes,
        timeZone: opts.timeZone ?? 'Europe/Paris',
      },
      lang,
    );
  }

  async function bodyOf(tenantId: string) {
    const b = await repo.getBodyIdentity(p.db, tenantId);
    return { name: b?.legal_name || b?.name || '', address: b?.address ?? '' };
  }

  return {
    async list(actor: TActor | null, tenantId: string, q: TProposalListQuery) {
      await p.authz.assert(actor, 'proposal.read', { tenantId });
      const rows = await repo.listProposals(p.db, tenantId, { today: today(), state: q.status, clientId: q.clientId, limit: q.limit, after: decodeCursor(q.cursor) });
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return {
        items: items.map((r) => ({
          id: r.id,
          reference: r.reference,
          client: { id: r.clientId, reference: r.clientReference, legalName: r.clientName },
          state: proposalState(r, today()),
          scheme: r.scheme,
          locale: r.locale,
          currency: r.currency,
          validUntil: r.valid_until,
          cycleCents: Number(r.cycleCents),
          sentAt: r.sent_at ? iso(r.sent_at) : null,
          createdAt: iso(r.created_at),
        })),
        nextCursor: rows.length > q.limit && last ? encodeCursor(last.created_at, last.id) : null,
      };
    },

    async get(actor: TActor | null, tenantId: string, id: string) {
      const grant = await p.authz.assert(actor, 'proposal.read', { tenantId });
      return toDto(await detail(p.db, tenantId, id), grant);
    },

    /** A draft for a client, priced at the body's day rate unless one is given, valid for the body's validity period. */
    async create(actor: TActor | null, tenantId: string, input: TCreateProposalBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'proposal.create', { tenantId, record: { state: null } });
      p.authz.assertUser(actor);
      if (input.validUntil) assertValidity(input.validUntil);
      const id = await p.db.transaction().execute(async (tx) => {
        const client = await repo.getClient(tx, tenantId, input.clientId);
        if (!client) throw new AppError(400, 'proposal_client_unknown', 'No such client in this certification body.', { field: 'clientId' });
        const auditTime = input.calculationId ? await snapshotOf(tx, tenantId, client.id, input.calculationId) : null;
        const defaults = await repo.getBodyDefaults(tx, tenantId);
        const rate = input.dayRateCents ?? Number(defaults?.default_day_rate_cents ?? 150_000);
        const lines = price(input.lines, rate);
        const validUntil = input.validUntil ?? addDays(today(), defaults?.proposal_validity_days ?? 90);
        const reference = await nextReference(tx, tenantId, { table: 'proposals', prefix: 'PRO', year: Number(today().slice(0, 4)) });
        const row = await repo.insertProposal(tx, tenantId, {
          reference,
          client_id: client.id,
          locale: input.locale ?? client.preferred_locale,
          currency: defaults?.currency ?? 'EUR',
          valid_until: validUntil,
          recipient_name: input.recipientName ?? client.contact_name,
          recipient_email: input.recipientEmail ?? client.contact_email,
          notes: input.notes ?? '',
          audit_time: auditTime ? JSON.stringify(auditTime) : null,
          created_by: actor.userId,
        });
        await repo.replaceLines(tx, tenantId, row.id, lines);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'proposal.created',
          subjectType: 'proposal',
          subjectId: row.id,
          after: { reference, client: client.legal_name, cycleCents: totalsOf(lines).cycleCents, currency: row.currency, validUntil, calculationId: auditTime?.calculationId ?? null },
        });
        return row.id;
      });
      return toDto(await detail(p.db, tenantId, id), grant);
    },

    /** A SOC 2 draft (a licensed CPA firm only): the first examination's scope, the fee estimated from the firm's parameters. */
    async createSoc2(actor: TActor | null, tenantId: string, input: TCreateSoc2ProposalBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'proposal.create', { tenantId, record: { state: null } });
      p.authz.assertUser(actor);
      if (input.validUntil) assertValidity(input.validUntil);
      const id = await p.db.transaction().execute((tx) => createSoc2ProposalDraft(tx, actor, ctx, { tenantId, input, today: today() }));
      return toDto(await detail(p.db, tenantId, id), grant);
    },

    async update(actor: TActor | null, tenantId: string, id: string, input: TUpdateProposalBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'proposal.update', { tenantId });
      if (input.validUntil) assertValidity(input.validUntil);
      await p.db.transaction().execute(async (tx) => {
        const { row, state } = await lock(tx, tenantId, id);
        p.authz.assertOn(grant, 'proposal.update', { state });
        proposalLifecycle.transition(state, 'update', undefined);
        const before = await detail(tx, tenantId, id);
        const soc2 = row.scheme !== 'iso42001';
        const beforeCents = termsOf(before).totals.cycleCents;
        let afterCents = beforeCents;
        if (soc2 && (input.lines || input.dayRateCents !== undefined)) {
          throw new AppError(400, 'validation_failed', 'A SOC 2 proposal has no audit lines: change its scope, the fee follows.', [{ field: 'lines', issue: 'invalid', message: 'Not for a SOC 2 proposal.' }]);
        }
        if (!soc2 && input.soc2Scope) {
          throw new AppError(400, 'validation_failed', 'Only a SOC 2 proposal has a SOC 2 scope.', [{ field: 'soc2Scope', issue: 'invalid', message: 'Not for this proposal.' }]);
        }
        if (soc2 && input.soc2Scope) {
          const terms = await soc2DraftTerms(tx, tenantId, input.soc2Scope);
          await repo.updateProposal(tx, tenantId, id, { scheme: terms.scheme, soc2_scope: JSON.stringify(terms.scope), fee_estimate: JSON.stringify(terms.feeEstimate) });
          afterCents = terms.feeEstimate.totalCents;
        }
        if (input.lines || input.dayRateCents !== undefined) {
          const current = linesOf(before.lines).lines;
          const lines = input.lines ?? current.map((l) => ({ slot: l.slot, days: l.days, travelCents: l.travelCents, expensesCents: l.expensesCents }));
          const priced = price(lines, input.dayRateCents ?? current[0]?.dayRateCents ?? 0);
          await repo.replaceLines(tx, tenantId, id, priced);
          afterCents = totalsOf(priced).cycleCents;
        }
        await repo.updateProposal(tx, tenantId, id, {
          ...(input.locale ? { locale: input.locale } : {}),
          ...(input.validUntil ? { valid_until: input.validUntil } : {}),
          ...(input.recipientName !== undefined ? { recipient_name: input.recipientName } : {}),
          ...(input.recipientEmail !== undefined ? { recipient_email: input.recipientEmail } : {}),
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
        });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'proposal.updated',
          subjectType: 'proposal',
          subjectId: id,
          before: { cycleCents: beforeCents, validUntil: row.valid_until, locale: row.locale, recipientEmail: row.recipient_email },
          after: {
            reference: row.reference,
            cycleCents: afterCents,
            validUntil: input.validUntil ?? row.valid_until,
            locale: input.locale ?? row.locale,
            recipientEmail: input.recipientEmail !== undefined ? input.recipientEmail : row.recipient_email,
          },
        });
      });
      return toDto(await detail(p.db, tenantId, id), grant);
    },

    /**
     * Issues the proposal: renders the PDF in the proposal's language, stores it in the blob store
     * (the issued document, never regenerated), marks it sent and queues the mail with its signed
     * link in the same transaction.
     */
    async send(actor: TActor | null, tenantId: string, id: string, input: TSendProposalBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'proposal.send', { tenantId });
      p.authz.assertUser(actor);
      const body = await bodyOf(tenantId);
      await p.db.transaction().execute(async (tx) => {
        const { row, state } = await lock(tx, tenantId, id);
        p.authz.assertOn(grant, 'proposal.send', { state });
        const step = proposalLifecycle.transition(state, 'send', undefined);
        if (row.valid_until < today()) throw new AppError(409, 'proposal_expired', 'The validity date has passed: change it before sending.', { field: 'validUntil', state });
        const to = input.recipientEmail ?? row.recipient_email;
        if (!to) throw new AppError(400, 'proposal_no_recipient', 'Give the e-mail address the proposal goes to.', { field: 'recipientEmail' });
        const d = await detail(tx, tenantId, id);
        const sentAt = p.clock.now();
        const issued = { ...d, recipient_name: input.recipientName ?? d.recipient_name };
        const pdf = await renderPdf(tx, issued, body, sentAt, d.locale);
        const blob = await p.blobs.put(streamOf(pdf));
        await repo.updateProposal(tx, tenantId, id, {
          status: step.to as 'sent',
          sent_at: sentAt,
          sent_by: actor.userId,
          recipient_email: to,
          ...(input.recipientName !== undefined ? { recipient_name: input.recipientName } : {}),
          document_sha256: blob.sha256,
          document_size: blob.size,
        });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: step.audit!,
          subjectType: 'proposal',
          subjectId: id,
          after: { reference: row.reference, client: d.clientName, recipientEmail: to, locale: d.locale, documentSha256: blob.sha256, cycleCents: termsOf(d).totals.cycleCents },
        });
        await p.jobs.send(tx, sendProposalMail, { tenantId, proposalId: id }, { singletonKey: `proposal:${id}` });
      });
      return toDto(await detail(p.db, tenantId, id), grant);
    },

    async withdraw(actor: TActor | null, tenantId: string, id: string, reason: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'proposal.withdraw', { tenantId });
      p.authz.assertUser(actor);
      await p.db.transaction().execute(async (tx) => {
        const { row, state } = await lock(tx, tenantId, id);
        p.authz.assertOn(grant, 'proposal.withdraw', { state });
        const step = proposalLifecycle.transition(state, 'withdraw', undefined);
        const client = await repo.getClient(tx, tenantId, row.client_id);
        await repo.updateProposal(tx, tenantId, id, { status: 'withdrawn', withdrawn_at: p.clock.now(), withdrawn_by: actor.userId, withdraw_reason: reason });
        await recordAudit(tx, actor, ctx, { tenantId, action: step.audit!, subjectType: 'proposal', subjectId: id, after: { reference: row.reference, client: client?.legal_name ?? '', reason } });
      });
      return toDto(await detail(p.db, tenantId, id), grant);
    },

    /**
     * The PDF: once issued, the stored bytes exactly as sent (whatever language is asked); a draft
     * is rendered on the fly as a preview in the language asked (default: the proposal's).
     */
    async document(actor: TActor | null, tenantId: string, id: string, locale: TLocale | undefined) {
      await p.authz.assert(actor, 'proposal.read', { tenantId });
      const d = await detail(p.db, tenantId, id);
      if (d.document_sha256) {
        const stream = await p.blobs.get(d.document_sha256);
        if (!stream) throw notFound('Proposal document');
        return { filename: `${d.reference}-${d.locale}.pdf`, body: await readAll(stream), sha256: d.document_sha256, issued: true };
      }
      const lang = locale ?? d.locale;
      const body = await renderPdf(p.db, d, await bodyOf(tenantId), null, lang);
      return { filename: `${d.reference}-draft-${lang}.pdf`, body, sha256: null, issued: false };
    },
  };
}
