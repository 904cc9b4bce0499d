import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { IconPlus } from '../../components/icons';
import { readLastTenantId } from '../../lib/storage';
import { useCurrentUser } from '../auth/useCurrentUser';

export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();

  if (me.memberships.length > 0) {
    const last = readLastTenantId();
    const target = me.memberships.find((m) => m.tenantId === last) ?? me.memberships[0];
    if (target) return <Navigate to={`/t/${target.tenantId}`} replace />;
  }

  return (
    <Card withBorder padding="xl" maw={640} mx="auto" mt="xl" data-testid="welcome">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('home.welcomeTitle', { name: me.user.name })}
        </Title>
        <Text>{t('home.welcomeIntro')}</Text>
        <Text size="sm" c="dimmed">
          {t('home.welcomeInvitation')}
        </Text>
        <Button
          component={Link}
          to="/tenants/new"
          leftSection={<IconPlus />}
          data-testid="welcome-create-tenant"
          w="fit-content"
        >
          {t('home.createTenant')}
        </Button>
      </Stack>
    </Card>
  );
}
