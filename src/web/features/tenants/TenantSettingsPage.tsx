import { Button, Card, Group, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/errors';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { ZTenantName, type TUpdateTenantBody } from '../../../shared/contracts/tenants';
import { useUpdateTenant } from './api';
import { useTenantContext } from './TenantRoute';

/** The form edits both fields; the body sends only the changed ones. */
const ZSettingsForm = z.object({ name: ZTenantName, requireMfa: z.boolean() });

export function TenantSettingsPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const update = useUpdateTenant(tenant.id);
  const form = useContractForm(ZSettingsForm, { name: tenant.name, requireMfa: tenant.requireMfa });
  const unplaced = useServerErrors(form, update.error);

  if (!can('tenant.update')) return <NoAccess />;

  const { name, requireMfa } = form.getValues();
  const dirty = name.trim() !== tenant.name || requireMfa !== tenant.requireMfa;

  const submit = form.onSubmit((values) => {
    const changes: TUpdateTenantBody = {};
    if (values.name.trim() !== tenant.name) changes.name = values.name.trim();
    if (values.requireMfa !== tenant.requireMfa) changes.requireMfa = values.requireMfa;
    update.mutate(changes, { onSuccess: () => notifySuccess(t('tenants.settings.saved')) });
  });

  return (
    <Stack maw={640}>
      <PageHeader title={t('tenants.settings.title')} description={t('tenants.settings.description')} />
      <Card withBorder padding="lg">
        <form onSubmit={submit}>
          <Stack gap="md">
            <ErrorAlert error={unplaced} />
            <TextInput label={t('tenants.fields.name')} {...form.getInputProps('name')} data-testid="settings-name" />
            <Switch
              label={t('tenants.fields.requireMfa')}
              description={t('tenants.settings.requireMfaHelp')}
              {...form.getInputProps('requireMfa', { type: 'checkbox' })}
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
