import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAiTier } from '../../../shared/contracts/ai-systems';

const COLOR: Record<TAiTier, string> = { prohibited: 'red', 'high-risk': 'orange', limited: 'yellow', minimal: 'teal' };

export function TierBadge({ tier, testId }: { tier: TAiTier | null; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={tier ? COLOR[tier] : 'gray'} data-testid={testId}>
      {t(`aiSystems.tier.${tier ?? 'none'}`)}
    </Badge>
  );
}
