import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRegisterStatus } from '../../../shared/contracts/register';

const COLOR: Record<TRegisterStatus, string> = { valid: 'teal', suspended: 'orange', withdrawn: 'red', expired: 'gray' };

export function RegisterStatusBadge({ status, size = 'md' }: { status: TRegisterStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" size={size} data-testid="register-status" data-status={status}>
      {t(`register.status.${status}`)}
    </Badge>
  );
}
