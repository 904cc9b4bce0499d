import type { TLocale } from '../../../../shared/contracts/common.ts';
import { ZSoc2ProposalScope, type TProposalTotals, type TSoc2ProposalScope, type TSoc2ProposalTerms } from '../../../../shared/contracts/proposals.ts';
import type { TSoc2FeeEstimate, TSoc2FeeParameters, TSoc2OptionalCategory } from '../../../../shared/contracts/soc2-fees.ts';
import { SOC2_PERIOD_MAX_MONTHS, SOC2_PERIOD_MIN_MONTHS } from '../../../../shared/contracts/soc2.ts';
import { renderDocumentPdf } from '../../../documents/render-pdf.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import { buildSoc2ProposalDocument, type TSoc2ProposalSource } from '../../soc2/documents/build-soc2-proposal.ts';
import { checkExaminationDates, normalizeCategories, periodEndFor } from '../../soc2/examinations/examination-rules.ts';
import { estimateSoc2Fee } from '../../soc2/fees/fee-estimate.ts';

/*
 * A SOC 2 proposal's terms: the first examination's scope checked by the same date rules as an
 * examination (so accepting cannot fail on a period the proposal already showed), and the fee
 * estimated from the firm's parameters in force. The estimate is stored with its trace and never
 * recomputed on read: a later change of parameters does not touch a proposal already drafted.
 */

/** The whole months a Type II period is priced on: a started month counts (1 Jan – 30 Jun is 6, 1 Jan – 10 Jul is 7). */
export function observationMonths(periodStart: string, periodEnd: string): number {
  for (let m = SOC2_PERIOD_MIN_MONTHS; m <= SOC2_PERIOD_MAX_MONTHS; m++) if (periodEndFor(periodStart, m) >= periodEnd) return m;
  return SOC2_PERIOD_MAX_MONTHS;
}

const scopeError = (field: string, message: string) => new AppError(400, 'validation_failed', message, [{ field: `scope.${field}`, issue: 'invalid', message }]);

/** Checks the scope (400 on the field, the examination's own codes for dates) and estimates the fee. */
export function soc2ProposalTerms(input: TSoc2ProposalScope, parameters: TSoc2FeeParameters): { scope: TSoc2ProposalScope; observationMonths: number | null; feeEstimate: TSoc2FeeEstimate } {
  const scope = ZSoc2ProposalScope.parse(input);
  const dates = checkExaminationDates(scope.reportType, scope);
  if (scope.reportType === 'type1' && scope.priorType1) throw scopeError('priorType1', 'Only a Type II follows a prior Type I.');
  const names = scope.subserviceOrganizations.map((s) => s.name.trim().toLowerCase());
  if (new Set(names).size !== names.length) throw scopeError('subserviceOrganizations', 'Each subservice organization once.');
  const categories = normalizeCategories(scope.categories);
  const months = dates.periodStart && dates.periodEnd ? observationMonths(dates.periodStart, dates.periodEnd) : null;
  const normalized: TSoc2ProposalScope = { ...scope, ...dates, categories };
  const feeEstimate = estimateSoc2Fee(parameters, {
    reportType: scope.reportType,
    observationMonths: months,
    categories: categories.filter((c): c is TSoc2OptionalCategory => c !== 'security'),
    complexity: scope.complexity,
    documentationMaturity: scope.documentationMaturity,
    subserviceOrganizations: {
      carveOut: scope.subserviceOrganizations.filter((s) => s.treatment === 'carve_out').length,
      inclusive: scope.subserviceOrganizations.filter((s) => s.treatment === 'inclusive').length,
    },
    priorType1: scope.priorType1,
  });
  return { scope: normalized, observationMonths: months, feeEstimate };
}

/** The stored terms read back (the scope as stored; months derived from its period). */
export function soc2TermsOf(storedScope: unknown, storedEstimate: unknown): TSoc2ProposalTerms | null {
  if (!storedScope || !storedEstimate) return null;
  const scope = ZSoc2ProposalScope.parse(storedScope);
  return { scope, observationMonths: scope.periodStart && scope.periodEnd ? observationMonths(scope.periodStart, scope.periodEnd) : null, feeEstimate: storedEstimate as TSoc2FeeEstimate };
}

/** A SOC 2 proposal's totals in the shape of the cycle totals: one engagement, its fee. */
export const soc2Totals = (e: TSoc2FeeEstimate): TProposalTotals => ({ years: [{ year: 1, days: e.days, amountCents: e.totalCents }], cycleDays: e.days, cycleCents: e.totalCents, fixedCents: e.totalCents });

/** Lines of free text (services, systems, locations) as the PDF lists them. */
const linesOfText = (s: string) =>
  s
    .split(/\r?\n|;/)
    .map((x) => x.trim())
    .filter(Boolean);

export type TSoc2ProposalPdfSource = Omit<TSoc2ProposalSource, 'period' | 'asOfDate' | 'categories' | 'scope' | 'subserviceOrganizations' | 'estimate' | 'reportType'> & { terms: TSoc2ProposalTerms };

export function soc2ProposalSource(src: TSoc2ProposalPdfSource): TSoc2ProposalSource {
  const { terms, ...rest } = src;
  const s = terms.scope;
  return {
    ...rest,
    reportType: s.reportType,
    period: s.periodStart && s.periodEnd ? { start: s.periodStart, end: s.periodEnd, months: terms.observationMonths ?? 0 } : null,
    asOfDate: s.asOfDate,
    categories: s.categories.filter((c): c is TSoc2OptionalCategory => c !== 'security'),
    scope: { services: linesOfText(s.services), systems: linesOfText(s.systems), locations: linesOfText(s.locations) },
    subserviceOrganizations: s.subserviceOrganizations.map((o) => ({ name: o.name, service: o.service, treatment: o.treatment })),
    estimate: terms.feeEstimate,
  };
}

export const renderSoc2ProposalPdf = (src: TSoc2ProposalPdfSource, lang: TLocale) => renderDocumentPdf(buildSoc2ProposalDocument(soc2ProposalSource(src), lang));
