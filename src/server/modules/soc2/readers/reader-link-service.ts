import type { TPlatform } from '../../../platform/platform.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound, tooManyRequests } from '../../../platform/errors/errors.ts';
import { createRegisterRateLimit } from '../../certification/register/register-rate-limit.ts';
import { readAll } from '../../certification/proposals/proposal-common.ts';
import { isWinAnsi } from '../../../documents/pdf-stamp.ts';
import type { TLocale } from '../../../../shared/contracts/common.ts';
import { ZAcceptSoc2NdaBody, type TAcceptSoc2NdaBody, type TPublicSoc2Reader } from '../../../../shared/contracts/soc2-readers.ts';
import { renderSoc2ReaderCopyPdf, soc2ReaderWatermark, stampSoc2ReaderCopy, type TSoc2ReportModel } from '../documents/index.ts';
import { currentNda, ndaVersion } from './nda-texts.ts';
import { iso, recordInBoth, tokenSha256, type TSides } from './reader-common.ts';
import { readerMay, type TReaderStep } from './reader-lifecycle.ts';
import * as repo from './readers-repo.ts';

/*
 * The reader's side, reached through the mailed link only (no account): read the report's identity
 * and the terms, accept them by typing one's name, then download copies stamped with one's name,
 * company and the date. The token is the authorisation: an unknown one answers 404 whatever
 * exists; an expired or revoked one answers 410 with the reason, and that refusal is logged too.
 * Each address has a per-minute budget, as on the public register.
 */

type TDeps = Pick<TPlatform, 'db' | 'clock' | 'blobs' | 'secretKey'>;

/** Requests per minute and address on the reader's routes: a person reads, accepts and downloads a few times. */
export const READER_REQUESTS_PER_MINUTE = 60;
/** Dates on the copy: the firm's time zone (Attest's firms are in France for now). */
const COPY_TIME_ZONE = 'Europe/Paris';

const sidesOf = (r: repo.TLinkRow): TSides => ({
  firmTenantId: r.tenant_id,
  organizationTenantId: r.organization_tenant_id,
  examinationId: r.examination_id,
  engagementId: r.engagement_id,
  reference: r.examination_reference,
  firmName: r.firm_name,
  organizationName: r.organization_name,
});

const facts = (r: repo.TLinkRow) => ({ expiresAt: r.expires_at, ndaAcceptedAt: r.nda_accepted_at, revokedAt: r.revoked_at });

/** The model a copy is rendered from when the issued PDF cannot carry the reader's name: one model per locale, or one for both. */
function modelFor(model: unknown, locale: TLocale): TSoc2ReportModel | null {
  if (!model || typeof model !== 'object') return null;
  const byLocale = (model as Record<string, unknown>)[locale];
  const m = byLocale && typeof byLocale === 'object' && 'reference' in byLocale ? byLocale : 'reference' in model ? model : null;
  if (!m) return null;
  // Stored as JSON: the one Date of the model comes back as its ISO string.
  const generatedAt = (m as { generatedAt?: unknown }).generatedAt;
  return { ...(m as TSoc2ReportModel), generatedAt: new Date(generatedAt as string | Date) };
}

export function createReaderLinkService(p: TDeps) {
  const limit = createRegisterRateLimit(p.secretKey, READER_REQUESTS_PER_MINUTE);

  /** The reader a link names, checked for the step; a refusal for expiry or revocation is logged before it is answered. */
  async function open(token: string, step: TReaderStep, ctx: TRequestContext) {
    const wait = limit.charge(ctx.ip ?? undefined, p.clock.now().getTime());
    if (wait !== null) throw tooManyRequests(wait);
    const r = await repo.readerByToken(p.db, tokenSha256(token));
    if (!r) throw notFound('Reader');
    const now = p.clock.now();
    const verdict = readerMay(facts(r), step, now);
    if (!verdict.ok) {
      if (verdict.reason === 'nda_not_accepted') throw new AppError(409, 'soc2_nda_not_accepted', 'Accept the terms of use before downloading the report.');
      await repo.insertAccess(p.db, r.tenant_id, r.id, { kind: verdict.reason === 'expired' ? 'refused_expired' : 'revoked', ip: ctx.ip, userAgent: ctx.userAgent }, now);
      throw verdict.reason === 'expired'
        ? new AppError(410, 'soc2_reader_expired', 'This access to the report has expired: ask the organization for a new invitation.', { expiresAt: iso(r.expires_at) })
        : new AppError(410, 'soc2_reader_revoked', 'The organization has withdrawn this access to the report.', { revokedAt: iso(r.revoked_at!) });
    }
    return { r, now };
  }

  async function view(r: repo.TLinkRow, now: Date): Promise<TPublicSoc2Reader> {
    const nda = r.nda_version ? await ndaVersion(p.db, r.tenant_id, r.nda_version) : await currentNda(p.db, r.tenant_id, now);
    return {
      name: r.name,
      company: r.company,
      locale: r.locale,
      expiresAt: iso(r.expires_at),
      report: {
        reference: r.document_reference,
        firmName: r.firm_name,
        organizationName: r.organization_name,
        reportType: r.report_type,
        asOfDate: r.as_of_date,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        issuedAt: iso(r.issued_at),
        locales: (['en', 'fr'] as const).filter((l) => r.files[l]?.pdf),
      },
      nda: { version: nda!.version, sha256: nda!.sha256, textEn: nda!.text_en, textFr: nda!.text_fr },
      accepted: r.nda_accepted_at ? { name: r.nda_accepted_name ?? '', at: iso(r.nda_accepted_at) } : null,
    };
  }

  return {
    async preview(token: string, ctx: TRequestContext): Promise<TPublicSoc2Reader> {
      const { r, now } = await open(token, 'view', ctx);
      return view(r, now);
    },

    /** Records the acceptance of the terms the reader read (their version and SHA-256), with the typed name, time and address. Accepting again changes nothing. */
    async accept(token: string, body: TAcceptSoc2NdaBody, ctx: TRequestContext): Promise<TPublicSoc2Reader> {
      const input = ZAcceptSoc2NdaBody.parse(body);
      const { r: first } = await open(token, 'accept', ctx);
      if (first.nda_accepted_at) return view(first, p.clock.now());
      await p.db.transaction().execute(async (tx) => {
        const r = await repo.readerByToken(tx, tokenSha256(token), true);
        if (!r || r.nda_accepted_at) return;
        const now = p.clock.now();
        const nda = await currentNda(tx, r.tenant_id, now);
        if (nda.version !== input.ndaVersion || nda.sha256 !== input.ndaSha256)
          throw new AppError(409, 'soc2_nda_changed', 'The terms changed since the page was opened: read them again before accepting.', { version: nda.version, sha256: nda.sha256 });
        await repo.acceptNda(tx, r.tenant_id, r.id, { version: nda.version, sha256: nda.sha256, name: input.name, ip: ctx.ip }, now);
        await repo.insertAccess(tx, r.tenant_id, r.id, { kind: 'nda_accepted', locale: r.locale, ip: ctx.ip, userAgent: ctx.userAgent }, now);
        await recordInBoth(tx, null, ctx, sidesOf(r), {
          action: 'soc2_reader.nda_accepted',
          readerId: r.id,
          actorEmail: r.email,
          after: { email: r.email, name: r.name, company: r.company, typedName: input.name, ndaVersion: nda.version, ndaSha256: nda.sha256 },
        });
      });
      const again = (await repo.readerByToken(p.db, tokenSha256(token)))!;
      return view(again, p.clock.now());
    },

    /**
     * The reader's copy: the issued PDF byte for byte, then an incremental update stamping the
     * reader's name, company and the date on every page. A name the stamp's WinAnsi font cannot
     * write (outside Latin-1) is rendered again from the issued model with the watermark drawn in.
     */
    async download(token: string, locale: TLocale | undefined, ctx: TRequestContext) {
      const { r, now } = await open(token, 'download', ctx);
      const lang: TLocale = locale ?? r.locale;
      const file = r.files[lang]?.pdf;
      if (!file) throw notFound('Report in this language');
      const reader = { name: r.name, organization: r.company };
      const watermark = soc2ReaderWatermark(lang, reader, now, COPY_TIME_ZONE).lines.join(' — ');
      let body: Buffer;
      if (isWinAnsi(r.name) && isWinAnsi(r.company)) {
        const stream = await p.blobs.get(file.sha256);
        if (!stream) throw notFound('Report document');
        body = stampSoc2ReaderCopy(await readAll(stream), lang, reader, now, COPY_TIME_ZONE);
      } else {
        const model = modelFor(r.model, lang);
        if (!model) throw notFound('Report document');
        body = await renderSoc2ReaderCopyPdf(model, lang, reader, now, COPY_TIME_ZONE);
      }
      await p.db.transaction().execute(async (tx) => {
        await repo.insertAccess(tx, r.tenant_id, r.id, { kind: 'download', locale: lang, watermark, ip: ctx.ip, userAgent: ctx.userAgent }, now);
        await recordInBoth(tx, null, ctx, sidesOf(r), { action: 'soc2_reader.downloaded', readerId: r.id, actorEmail: r.email, after: { email: r.email, name: r.name, company: r.company, locale: lang, watermark } });
      });
      return { filename: `${r.document_reference}-${lang}.pdf`, body, issuedSha256: file.sha256 };
    },
  };
}
