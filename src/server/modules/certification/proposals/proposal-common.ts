import { Readable } from 'node:stream';
import type { TLocale } from '../../../../shared/contracts/common.ts';
import type { TAuditTimeSnapshot, TProposalLine } from '../../../../shared/contracts/proposals.ts';
import { hmacHex, safeEqual } from '../../../platform/crypto/crypto.ts';
import { renderDocumentPdf } from '../../../documents/render-pdf.ts';
import { buildProposalModel, type TProposalDocSource } from './documents/build-proposal-model.ts';
import { priceLine, sortLines, totalsOf } from './proposal-pricing.ts';
import { soc2TermsOf, soc2Totals } from './soc2-proposal.ts';

/*
 * What the body's service, the link holder's service and the mail job share: the signed link,
 * lines read back from the database, and the PDF.
 */

/**
 * The link carries `<bodyTenantId>.<proposalId>.<hmac>`. The HMAC covers both ids, the issue
 * instant and the validity date under a purpose of its own ('proposal-link'), so the link works
 * for this one issued proposal only: it cannot be forged, pointed at another proposal or tenant,
 * extended, or reused as an invitation or reset link. Nothing secret is stored.
 */
const sign = (key: Buffer, tenantId: string, id: string, sentAt: Date, validUntil: string) =>
  hmacHex(key, `proposal-link:${tenantId}:${id}:${new Date(sentAt).toISOString()}:${validUntil}`);

export const proposalToken = (key: Buffer, tenantId: string, id: string, sentAt: Date, validUntil: string) => `${tenantId}.${id}.${sign(key, tenantId, id, sentAt, validUntil)}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The ids a token names, or null when it cannot be one of ours (checked against the row by `tokenMatches`). */
export function parseProposalToken(token: string): { tenantId: string; id: string; sig: string } | null {
  const [tenantId, id, sig, extra] = token.split('.');
  if (extra !== undefined || !tenantId || !id || !sig || !UUID.test(tenantId) || !UUID.test(id) || !/^[0-9a-f]{64}$/.test(sig)) return null;
  return { tenantId, id, sig };
}

export const tokenMatches = (key: Buffer, t: { tenantId: string; id: string; sig: string }, row: { sent_at: Date | null; valid_until: string }) =>
  row.sent_at !== null && safeEqual(t.sig, sign(key, t.tenantId, t.id, row.sent_at, row.valid_until));

export const publicBaseUrl = (config: { PUBLIC_URL?: string | undefined; HOST: string; PORT: number }) => (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '');

type TLineRow = { slot: TProposalLine['slot']; days: string | number; day_rate_cents: string | number; travel_cents: string | number; expenses_cents: string | number };

/** Lines as stored, priced again by the one pricing function (the stored amount is the same figure). */
export function linesOf(rows: readonly TLineRow[]) {
  const lines = sortLines(
    rows.map((r) => priceLine({ slot: r.slot, days: Number(r.days), dayRateCents: Number(r.day_rate_cents), travelCents: Number(r.travel_cents), expensesCents: Number(r.expenses_cents) })),
  );
  return { lines, totals: totalsOf(lines) };
}

/** Lines and totals of either kind: a SOC 2 proposal has no lines, its total is the stored fee estimate. */
export function termsOf(r: { lines: readonly TLineRow[]; soc2_scope: unknown; fee_estimate: unknown }) {
  const soc2 = soc2TermsOf(r.soc2_scope, r.fee_estimate);
  if (soc2) return { lines: [], totals: soc2Totals(soc2.feeEstimate), soc2 };
  return { ...linesOf(r.lines), soc2: null };
}

export type TAuditTimeRenderer = (trace: TAuditTimeSnapshot['trace'], lang: TLocale) => string[];

export async function renderProposalPdf(src: Omit<TProposalDocSource, 'auditTimeLines'>, lang: TLocale, renderTrace: TAuditTimeRenderer | null) {
  const auditTimeLines = src.auditTime && renderTrace ? renderTrace(src.auditTime.trace, lang) : [];
  return renderDocumentPdf(buildProposalModel({ ...src, auditTimeLines }, lang));
}

export const streamOf = (b: Buffer) => Readable.from([b]);

export async function readAll(s: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}
