import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAuditState } from '../../../shared/contracts/certification';

const COLOR: Record<TAuditState, string> = { planned: 'gray', confirmed: 'blue', in_progress: 'yellow', reported: 'teal', closed: 'green', cancelled: 'red' };

export function AuditStateBadge({ state }: { state: TAuditState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[state]} variant="light" data-testid="audit-state">
      {t(`audits.state.${state}`)}
    </Badge>
  );
}

/** « Surveillance 2 », « Stage 1 »: the type, numbered when the programme holds several. */
export function useAuditTypeLabel() {
  const { t } = useTranslation();
  return (a: { type: string; sequence: number }) => (a.type === 'surveillance' ? t('audits.typeNumbered.surveillance', { n: a.sequence }) : t(`audits.type.${a.type as 'stage1'}`));
}

export const noon = (d: string | null) => (d ? `${d}T12:00:00Z` : null);
