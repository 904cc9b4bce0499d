import { Badge, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { TSoc2ExaminationState, TSoc2ReportType } from '../../../shared/contracts/soc2';
import { noon } from '../audits/StateBadge';

const COLOR: Record<TSoc2ExaminationState, string> = { scoping: 'gray', planning: 'blue', fieldwork: 'yellow', reporting: 'violet', issued: 'teal', cancelled: 'red' };

export function ExaminationStateBadge({ state }: { state: TSoc2ExaminationState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[state]} variant="light" style={{ minWidth: 'max-content' }} data-testid="soc2-examination-state" data-state={state}>
      {t(`soc2Engagements.state.${state}`)}
    </Badge>
  );
}

/** « au 30 juin 2026 » for a Type I, « du 1er janvier 2026 au 30 juin 2026 » for a Type II, in the reader's locale. */
export function usePeriodLabel() {
  const { t } = useTranslation();
  const format = useFormat();
  const day = (d: string | null) => format.date(noon(d));
  return (x: { reportType: TSoc2ReportType; asOfDate: string | null; periodStart: string | null; periodEnd: string | null }) =>
    x.reportType === 'type1' ? t('soc2Engagements.asOf', { date: day(x.asOfDate) }) : t('soc2Engagements.period', { start: day(x.periodStart), end: day(x.periodEnd) });
}

export function Fact({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    </div>
  );
}
