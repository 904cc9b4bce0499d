import type { TProposalLine, TProposalSlot, TProposalTotals } from './contracts/proposals.ts';
import { formatNumber } from './format.ts';

/*
 * A proposal's money, as pure functions over integer cents (no float ever holds an amount).
 * The cycle's years: year 1 is the initial audit (stage 1 and stage 2); year 2 the first
 * surveillance; year 3 the second surveillance and the recertification, which is completed
 * before the certificate expires at the end of the third year.
 * Fees are fixed for the initial audit and the first surveillance (the seed's commercial rule):
 * the later audits are quoted at today's rates and may be revised if the scope changes materially.
 */

export const SLOT_YEAR: Record<TProposalSlot, 1 | 2 | 3> = { stage1: 1, stage2: 1, surveillance1: 2, surveillance2: 3, recertification: 3 };
export const SLOT_FEE_FIXED: Record<TProposalSlot, boolean> = { stage1: true, stage2: true, surveillance1: true, surveillance2: false, recertification: false };
export const SLOT_ORDER: readonly TProposalSlot[] = ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification'];

/** days × day rate, with days in half days: exact in cents (half a day of an odd cent rate rounds half up). */
export const feeCents = (days: number, dayRateCents: number) => Math.round((Math.round(days * 2) * dayRateCents) / 2);

export type TPricedInput = { slot: TProposalSlot; days: number; dayRateCents: number; travelCents: number; expensesCents: number };

export function priceLine(l: TPricedInput): TProposalLine {
  return {
    slot: l.slot,
    cycleYear: SLOT_YEAR[l.slot],
    days: l.days,
    dayRateCents: l.dayRateCents,
    travelCents: l.travelCents,
    expensesCents: l.expensesCents,
    feeFixed: SLOT_FEE_FIXED[l.slot],
    amountCents: feeCents(l.days, l.dayRateCents) + l.travelCents + l.expensesCents,
  };
}

export const sortLines = <L extends { slot: TProposalSlot }>(lines: readonly L[]) => [...lines].sort((a, b) => SLOT_ORDER.indexOf(a.slot) - SLOT_ORDER.indexOf(b.slot));

export function totalsOf(lines: readonly TProposalLine[]): TProposalTotals {
  const years = ([1, 2, 3] as const).map((year) => {
    const of = lines.filter((l) => l.cycleYear === year);
    return { year, days: of.reduce((s, l) => s + l.days, 0), amountCents: of.reduce((s, l) => s + l.amountCents, 0) };
  });
  return {
    years,
    cycleDays: lines.reduce((s, l) => s + l.days, 0),
    cycleCents: lines.reduce((s, l) => s + l.amountCents, 0),
    fixedCents: lines.filter((l) => l.feeFixed).reduce((s, l) => s + l.amountCents, 0),
  };
}

/** An amount in cents in the reader's language: « 12 500,00 € », "€12,500.00". */
export const formatMoney = (lang: string, cents: number, currency: string) => formatNumber(lang, cents / 100, { style: 'currency', currency });
