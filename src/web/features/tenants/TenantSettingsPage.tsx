import { Button, Card, Group, Stack, Switch, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/errors';
import { useUpdateTenant } from './api';
import { useTenantContext } from './TenantRoute';

export function TenantSettingsPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const update = useUpdateTenant(tenant.id);
  const [name, setName] = useState(tenant.name);
  const [requireMfa, setRequireMfa] = useState(tenant.requireMfa);

  if (!can('tenant.update')) return <NoAccess />;

  const dirty = name.trim() !== tenant.name || requireMfa !== tenant.requireMfa;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes: { name?: string; requireMfa?: boolean } = {};
    if (name.trim() !== tenant.name) changes.name = name.trim();
    if (requireMfa !== tenant.requireMfa) changes.requireMfa = requireMfa;
    update.mutate(changes, { onSuccess: () => notifySuccess(t('tenants.settings.saved')) });
  };

  return (
    <Stack maw={640}>
      <PageHeader title={t('tenants.settings.title')} description={t('tenants.settings.description')} />
      <Card withBorder padding="lg">
        <form onSubmit={submit}>
          <Stack gap="md">
            <TextInput
              label={t('tenants.fields.name')}
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="settings-name"
            />
            <Switch
              label={t('tenants.fields.requireMfa')}
              description={t('tenants.settings.requireMfaHelp')}
              checked={requireMfa}
              onChange={(e) => setRequireMfa(e.currentTarget.checked)}
              data-testid="settings-require-mfa"
            />
            <Group justify="flex-end">
              <Button type="submit" disabled={!dirty} loading={update.isPending} data-testid="settings-submit">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
