import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TControlStatus } from '../../../shared/contracts/controls';

const COLORS: Record<TControlStatus, string> = { planned: 'gray', implemented: 'blue', operating: 'teal', retired: 'dark' };

export function StatusBadge({ status, testId }: { status: TControlStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} data-testid={testId}>
      {t(`controls.status.${status}`)}
    </Badge>
  );
}
