import { Card, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useTenantContext } from '../tenants/TenantRoute';
import { useApiTokens } from './api';
import { CreateTokenForm } from './CreateTokenForm';
import { TokenReveal } from './TokenReveal';
import { TokensTable } from './TokensTable';

export function ApiTokensPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const tokens = useApiTokens(tenant.id, can('apiToken.read'));
  const [revealed, setRevealed] = useState<string | null>(null);

  if (!can('apiToken.read')) return <NoAccess />;

  return (
    <Stack gap="xl">
      <PageHeader title={t('apiTokens.title')} description={t('apiTokens.description')} />
      {revealed && <TokenReveal token={revealed} onDone={() => setRevealed(null)} />}
      {can('apiToken.create') && (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="md">
            {t('apiTokens.create.title')}
          </Title>
          <CreateTokenForm tenant={tenant} onCreated={setRevealed} />
        </Card>
      )}
      <Card withBorder padding="lg">
        {tokens.isPending ? (
          <Loading />
        ) : tokens.error ? (
          <ErrorAlert error={tokens.error} />
        ) : (
          <TokensTable tenantId={tenant.id} tokens={tokens.data.items} canRevoke={can('apiToken.revoke')} />
        )}
      </Card>
    </Stack>
  );
}
