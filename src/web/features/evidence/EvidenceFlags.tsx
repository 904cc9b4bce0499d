import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TEvidenceStatus, TEvidenceSummary } from '../../../shared/contracts/evidence';

export const STATUS_COLOR: Record<TEvidenceStatus, string> = { draft: 'gray', submitted: 'blue', accepted: 'teal', rejected: 'red', expired: 'orange' };

/** The flags an auditor must see wherever evidence is shown: its status, late arrival, expiry. */
export function EvidenceFlags({ e, testId }: { e: Pick<TEvidenceSummary, 'status' | 'notContemporaneous' | 'daysAfterEffective' | 'contemporaneityDays' | 'current'>; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={STATUS_COLOR[e.status]} variant="light" data-testid={`${testId}-status`}>
        {t(`evidence.status.${e.status}`)}
      </Badge>
      {e.notContemporaneous && (
        <Tooltip label={t('evidence.flags.notContemporaneousHelp', { days: e.daysAfterEffective, window: e.contemporaneityDays })}>
          <Badge color="red" variant="filled" data-testid={`${testId}-late`}>
            {t('evidence.flags.notContemporaneous')}
          </Badge>
        </Tooltip>
      )}
      {!e.current && (
        <Badge color="gray" variant="outline" data-testid={`${testId}-superseded`}>
          {t('evidence.flags.superseded')}
        </Badge>
      )}
    </Group>
  );
}
