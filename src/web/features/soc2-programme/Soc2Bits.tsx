import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TSoc2DescriptionState, TSoc2ExaminationState, TSoc2RequestState } from '../../../shared/contracts/soc2';
import { useFormat } from '../../lib/format';
import { noon } from '../findings/FindingBits';

const EXAM_COLOR: Record<TSoc2ExaminationState, string> = { scoping: 'gray', planning: 'blue', fieldwork: 'indigo', reporting: 'violet', issued: 'teal', cancelled: 'red' };
const DESCRIPTION_COLOR: Record<TSoc2DescriptionState | 'none', string> = { none: 'gray', draft: 'yellow', signed_off: 'teal', superseded: 'gray' };
const REQUEST_COLOR: Record<TSoc2RequestState, string> = { open: 'orange', submitted: 'yellow', accepted: 'teal', returned: 'red' };

export function ExaminationStateBadge({ value }: { value: TSoc2ExaminationState }) {
  const { t } = useTranslation();
  return (
    <Badge color={EXAM_COLOR[value]} variant="light" style={{ minWidth: 'max-content' }} data-testid="soc2-exam-state" data-state={value}>
      {t(`soc2Engagements.state.${value}`)}
    </Badge>
  );
}

export function DescriptionStateBadge({ value }: { value: TSoc2DescriptionState | null }) {
  const { t } = useTranslation();
  const v = value ?? 'none';
  return (
    <Badge color={DESCRIPTION_COLOR[v]} variant="outline" style={{ minWidth: 'max-content' }} data-testid="soc2-description-state" data-state={v}>
      {t(`soc2Programme.descriptionState.${v}`)}
    </Badge>
  );
}

export function RequestStateBadge({ value }: { value: TSoc2RequestState }) {
  const { t } = useTranslation();
  return (
    <Badge color={REQUEST_COLOR[value]} variant="light" style={{ minWidth: 'max-content' }} data-testid="soc2-request-state" data-state={value}>
      {t(`soc2Programme.requests.states.${value}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" style={{ minWidth: 'max-content' }} data-testid="soc2-request-overdue">
      {t('soc2Programme.requests.overdue')}
    </Badge>
  );
}

/** « du 1er janvier 2026 au 30 juin 2026 » (Type II) or « au 30 juin 2026 » (Type I), in the reader's language. */
export function useReportPeriod() {
  const { t } = useTranslation();
  const format = useFormat();
  return (x: { reportType: 'type1' | 'type2'; asOfDate: string | null; periodStart: string | null; periodEnd: string | null }) =>
    x.reportType === 'type1'
      ? t('soc2Engagements.asOf', { date: format.date(noon(x.asOfDate)) })
      : t('soc2Engagements.period', { start: format.date(noon(x.periodStart)), end: format.date(noon(x.periodEnd)) });
}

/** A calendar day from the API read in the reader's language (no time zone moves it). */
export function useDay() {
  const format = useFormat();
  return (d: string | null) => format.date(noon(d));
}

/** A labelled value of the organization's examination pages (scope, report); line breaks as written. */
export function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    </div>
  );
}
