import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { OrganizationDashboard } from '../dashboard/OrganizationDashboard';
import { useTenantContext } from './TenantRoute';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="md">
      <Stack gap={4}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Text fw={500} component="div" data-testid={testId}>
          {children}
        </Text>
      </Stack>
    </Card>
  );
}

export function TenantOverviewPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();

  return (
    <Stack>
      <PageHeader title={tenant.name} description={t(`tenantKinds.description.${tenant.kind}`)} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Fact label={t('tenants.fields.kind')} testId="tenant-kind">
          {t(`tenantKinds.long.${tenant.kind}`)}
        </Fact>
        <Fact label={t('tenants.overview.yourRole')} testId="tenant-role">
          {t(`roles.${tenant.role}`)}
        </Fact>
        <Fact label={t('tenants.fields.requireMfa')}>
          <Group gap="xs">
            <Badge color={tenant.requireMfa ? 'teal' : 'gray'} variant="light">
              {tenant.requireMfa ? t('common.required') : t('common.notRequired')}
            </Badge>
          </Group>
        </Fact>
        <Fact label={t('tenants.fields.createdAt')}>{format.date(tenant.createdAt)}</Fact>
      </SimpleGrid>
      {tenant.kind === 'organization' && can('aiSystem.read') && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('dashboard.title')}
          </Title>
          <OrganizationDashboard tenantId={tenant.id} />
        </Stack>
      )}
    </Stack>
  );
}
