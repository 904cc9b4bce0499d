import { Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCycleDashboard } from './api';
import { CycleRows } from './CycleRows';

/** The organization's Certification page: its next surveillance and recertification with their due dates, and the alerts. Nothing before a certification decision. */
export function NextAuditsCard({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const q = useCycleDashboard('organization', tenantId, 'all');
  if (!q.data || q.data.items.length === 0) return null;
  return (
    <Card withBorder padding="lg" data-testid="org-cycle-card">
      <Title order={4}>{t('cycle.org.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('cycle.org.intro')}
      </Text>
      <CycleRows rows={q.data.items} tenantId={tenantId} linkAudits={false} />
    </Card>
  );
}
