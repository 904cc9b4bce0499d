import { Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormPage } from '../../components/FormPage';
import { NoAccess } from '../../components/NoAccess';
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
    <FormPage
      title={t('tenants.settings.title')}
      description={t('tenants.settings.description')}
      onSubmit={submit}
      error={unplaced}
      submit={{ label: t('common.save'), loading: update.isPending, disabled: !dirty, testId: 'settings-submit' }}
    >
      <TextInput label={t('tenants.fields.name')} {...form.getInputProps('name')} data-testid="settings-name" />
      <Switch
        label={t('tenants.fields.requireMfa')}
        description={t('tenants.settings.requireMfaHelp')}
        {...form.getInputProps('requireMfa', { type: 'checkbox' })}
        data-testid="settings-require-mfa"
      />
    </FormPage>
  );
}
