import { Button, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NewPasswordFields, withNewPassword } from '../../components/PasswordFields';
import { PublicShell } from '../../layout/PublicShell';
import { currentLocale, isLocale } from '../../i18n';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { ZSetupBody } from '../../../shared/contracts/accounts';
import { LOCALES } from '../../../shared/contracts/common';
import { useSetup, useSetupStatus } from './api';

const ZSetupForm = withNewPassword(ZSetupBody.shape);

export function SetupPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const status = useSetupStatus();
  const setup = useSetup();
  const form = useContractForm(ZSetupForm, { email: '', name: '', password: '', confirm: '', locale: currentLocale() });
  const unplaced = useServerErrors(form, setup.error);

  if (status.isPending) return <Loading fullPage />;
  if (status.error) {
    return (
      <PublicShell>
        <ErrorAlert error={status.error} />
      </PublicShell>
    );
  }
  if (!status.data.needsSetup && !setup.isPending && !setup.isSuccess) {
    return <Navigate to="/login" replace />;
  }

  const submit = form.onSubmit(({ email, name, password, locale }) =>
    setup.mutate({ email, name, password, locale }, { onSuccess: () => void navigate('/', { replace: true }) }),
  );

  return (
    <PublicShell width={520}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={1} size="h3">
              {t('auth.setup.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('auth.setup.description')}
            </Text>
          </Stack>
          <ErrorAlert error={unplaced} />
          <TextInput label={t('fields.name')} autoComplete="name" {...form.getInputProps('name')} data-testid="setup-name" />
          <TextInput label={t('fields.email')} autoComplete="username" {...form.getInputProps('email')} data-testid="setup-email" />
          <NewPasswordFields form={form} testIds={{ password: 'setup-password', confirm: 'setup-password-confirm' }} />
          <NativeSelect
            label={t('fields.language')}
            {...form.getInputProps('locale')}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (!isLocale(value)) return;
              form.setFieldValue('locale', value);
              void i18n.changeLanguage(value);
            }}
            data={LOCALES.map((l) => ({ value: l, label: t(`language.name.${l}`) }))}
            data-testid="setup-locale"
          />
          <Button type="submit" loading={setup.isPending} data-testid="setup-submit" fullWidth>
            {t('auth.setup.submit')}
          </Button>
        </Stack>
      </form>
    </PublicShell>
  );
}
