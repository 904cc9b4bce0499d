import { Badge, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TChecklistVerdict } from '../../../shared/contracts/audit-work';

export const VERDICT_COLOR: Record<TChecklistVerdict, string> = { conforming: 'teal', nonconforming: 'red', observation: 'yellow', not_audited: 'gray' };

/** A checklist item's verdict; nothing recorded yet reads « À traiter » / "Open". */
export function VerdictBadge({ verdict, size = 'sm' }: { verdict: TChecklistVerdict | null; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} variant={verdict ? 'light' : 'outline'} color={verdict ? VERDICT_COLOR[verdict] : 'gray'} style={{ flexShrink: 0 }} data-testid="verdict-badge">
      {t(`auditWork.verdict.${verdict ?? 'open'}`)}
    </Badge>
  );
}
