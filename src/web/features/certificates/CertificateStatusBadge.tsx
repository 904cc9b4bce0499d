import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCertificateState } from '../../../shared/contracts/certification-decisions';

const COLOR: Record<TCertificateState, string> = { valid: 'teal', suspended: 'orange', withdrawn: 'red', expired: 'gray', superseded: 'gray' };

export function CertificateStatusBadge({ status }: { status: TCertificateState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" style={{ minWidth: 'max-content' }} data-testid="certificate-status" data-status={status}>
      {t(`certificates.web.status.${status}`)}
    </Badge>
  );
}
