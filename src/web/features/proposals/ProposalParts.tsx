import { Badge, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { auditTimeTraceLines } from '../../../shared/audit-time-trace';
import type { TLocale } from '../../../shared/contracts/common';
import { PROPOSAL_SLOTS, type TAuditTimeSnapshot, type TProposalLine, type TProposalSlot, type TProposalState, type TProposalTotals } from '../../../shared/contracts/proposals';
import type { TTraceStep } from '../../../shared/contracts/audit-time';
import { formatMoney, priceLine, totalsOf } from '../../../shared/proposal-pricing';
import { useFormat } from '../../lib/format';

/*
 * What the body's proposal pages and the organization's acceptance page share: the state badge,
 * the cycle's lines and totals (read-only or edited, priced by the same shared function as the
 * server), and the audit-time justification in the reader's language.
 */

const COLOR: Record<TProposalState, string> = { draft: 'gray', sent: 'blue', accepted: 'green', declined: 'orange', withdrawn: 'red', expired: 'yellow' };

export function ProposalStateBadge({ state }: { state: TProposalState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[state]} variant="light" data-testid="proposal-state">
      {t(`proposals.state.${state}`)}
    </Badge>
  );
}

export function useMoney(currency: string) {
  const { locale } = useFormat();
  return (cents: number) => formatMoney(locale, cents, currency);
}

const useDays = () => useFormat().number;

export function LinesTable({ lines, currency }: { lines: readonly TProposalLine[]; currency: string }) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  const days = useDays();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="proposal-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('proposals.document.columns.audit')}</Table.Th>
            <Table.Th>{t('proposals.document.columns.year')}</Table.Th>
            <Table.Th ta="right">{t('proposals.document.columns.days')}</Table.Th>
            <Table.Th ta="right">{t('proposals.document.columns.dayRate')}</Table.Th>
            <Table.Th ta="right">{t('proposals.document.columns.travel')}</Table.Th>
            <Table.Th ta="right">{t('proposals.document.columns.expenses')}</Table.Th>
            <Table.Th ta="right">{t('proposals.document.columns.total')}</Table.Th>
            <Table.Th>{t('proposals.document.columns.fixed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.slot} data-testid={`proposal-line-${l.slot}`}>
              <Table.Td>{t(`proposals.document.slot.${l.slot}`)}</Table.Td>
              <Table.Td>{l.cycleYear}</Table.Td>
              <Table.Td ta="right">{days(l.days)}</Table.Td>
              <Table.Td ta="right">{money(l.dayRateCents)}</Table.Td>
              <Table.Td ta="right">{money(l.travelCents)}</Table.Td>
              <Table.Td ta="right">{money(l.expensesCents)}</Table.Td>
              <Table.Td ta="right">{money(l.amountCents)}</Table.Td>
              <Table.Td>{l.feeFixed ? t('proposals.document.yes') : t('proposals.document.no')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function TotalsTable({ totals, currency }: { totals: TProposalTotals; currency: string }) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  const days = useDays();
  return (
    <Stack gap="xs">
      <Table data-testid="proposal-totals" maw={720}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('proposals.document.totalsColumns.period')}</Table.Th>
            <Table.Th ta="right">{t('proposals.document.totalsColumns.days')}</Table.Th>
            <Table.Th ta="right">{t('proposals.document.totalsColumns.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {totals.years.map((y) => (
            <Table.Tr key={y.year} data-testid={`proposal-total-year-${y.year}`}>
              <Table.Td>{t(`proposals.document.year${y.year as 1 | 2 | 3}`)}</Table.Td>
              <Table.Td ta="right">{days(y.days)}</Table.Td>
              <Table.Td ta="right">{money(y.amountCents)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700} data-testid="proposal-total-cycle">
            <Table.Td>{t('proposals.document.cycleTotal')}</Table.Td>
            <Table.Td ta="right">{days(totals.cycleDays)}</Table.Td>
            <Table.Td ta="right">{money(totals.cycleCents)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {t('proposals.document.fixedNotice', { fixed: money(totals.fixedCents) })}
      </Text>
    </Stack>
  );
}

/** A line as the editor holds it: money in the currency's units (euros), converted to cents on save. */
export type TEditLine = { slot: TProposalSlot; days: number; dayRate: number; travel: number; expenses: number };

const cents = (units: number) => Math.round((Number.isFinite(units) ? units : 0) * 100);
export const toLineInput = (l: TEditLine) => ({ slot: l.slot, days: l.days, dayRateCents: cents(l.dayRate), travelCents: cents(l.travel), expensesCents: cents(l.expenses) });
export const fromLine = (l: TProposalLine): TEditLine => ({ slot: l.slot, days: l.days, dayRate: l.dayRateCents / 100, travel: l.travelCents / 100, expenses: l.expensesCents / 100 });
export const priced = (lines: readonly TEditLine[]) => lines.map((l) => priceLine(toLineInput(l)));

/** The five lines of the cycle with days in half days; totals per year and for the cycle follow as you type. */
export function LinesEditor({ value, onChange, currency }: { value: TEditLine[]; onChange: (v: TEditLine[]) => void; currency: string }) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  const { locale } = useFormat();
  const sep = locale === 'fr' ? { decimalSeparator: ',', thousandSeparator: '\u202f' } : { decimalSeparator: '.', thousandSeparator: ',' };
  const set = (slot: TProposalSlot, k: keyof Omit<TEditLine, 'slot'>, v: string | number) =>
    onChange(value.map((l) => (l.slot === slot ? { ...l, [k]: typeof v === 'number' ? v : Number(String(v).replace(',', '.')) || 0 } : l)));
  const lines = priced(value);
  const totals = totalsOf(lines);
  const money2 = { decimalScale: 2, min: 0, allowNegative: false, ...sep, hideControls: true };
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={860}>
        <Table data-testid="proposal-lines-editor">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('proposals.document.columns.audit')}</Table.Th>
              <Table.Th>{t('proposals.document.columns.days')}</Table.Th>
              <Table.Th>{t('proposals.editor.dayRate', { currency })}</Table.Th>
              <Table.Th>{t('proposals.editor.travel', { currency })}</Table.Th>
              <Table.Th>{t('proposals.editor.expenses', { currency })}</Table.Th>
              <Table.Th ta="right">{t('proposals.document.columns.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PROPOSAL_SLOTS.map((slot) => {
              const l = value.find((x) => x.slot === slot)!;
              const p = lines.find((x) => x.slot === slot)!;
              const label = t(`proposals.document.slot.${slot}`);
              return (
                <Table.Tr key={slot} data-testid={`proposal-edit-${slot}`}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={`${label} — ${t('proposals.document.columns.days')}`} value={l.days} onChange={(v) => set(slot, 'days', v)} min={0} max={500} step={0.5} decimalScale={1} {...sep} w={100} data-testid={`proposal-days-${slot}`} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={`${label} — ${t('proposals.document.columns.dayRate')}`} value={l.dayRate} onChange={(v) => set(slot, 'dayRate', v)} {...money2} w={130} data-testid={`proposal-rate-${slot}`} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={`${label} — ${t('proposals.document.columns.travel')}`} value={l.travel} onChange={(v) => set(slot, 'travel', v)} {...money2} w={120} data-testid={`proposal-travel-${slot}`} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={`${label} — ${t('proposals.document.columns.expenses')}`} value={l.expenses} onChange={(v) => set(slot, 'expenses', v)} {...money2} w={120} data-testid={`proposal-expenses-${slot}`} />
                  </Table.Td>
                  <Table.Td ta="right">{money(p.amountCents)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <TotalsTable totals={totals} currency={currency} />
    </Stack>
  );
}

/** The days the calculation gave, then each step of it in the reader's language (what the client receives, IAF MD5). */
export function AuditTimeJustification({ auditTime }: { auditTime: TAuditTimeSnapshot | null }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  if (!auditTime) return <Text size="sm" c="dimmed" data-testid="proposal-audit-time-none">{t('proposals.document.auditTimeNone')}</Text>;
  const lang: TLocale = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const d = (n: number) => format.number(n);
  return (
    <Stack gap="xs" data-testid="proposal-audit-time">
      <Text size="sm">
        {t('proposals.document.auditTimeSummary', {
          initial: d(auditTime.stage1Days + auditTime.stage2Days),
          stage1: d(auditTime.stage1Days),
          stage2: d(auditTime.stage2Days),
          surveillance: d(auditTime.surveillanceDays),
          recertification: d(auditTime.recertificationDays),
        })}
      </Text>
      {auditTime.tableVersion !== null && (
        <Text size="xs" c="dimmed">
          {t('proposals.document.auditTimeTable', { version: String(auditTime.tableVersion) })}
        </Text>
      )}
      <Text size="sm">{t('proposals.document.auditTimeIntro')}</Text>
      <ol style={{ margin: 0, paddingInlineStart: '1.5rem' }}>
        {auditTimeTraceLines(auditTime.trace as TTraceStep[], lang).map((line, i) => (
          <li key={i}>
            <Text size="sm">{line}</Text>
          </li>
        ))}
      </ol>
    </Stack>
  );
}
