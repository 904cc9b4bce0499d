import { Button, NativeSelect, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PublicShell } from '../../layout/PublicShell';
import { currentLocale, isLocale } from '../../i18n';
import { LOCALES, type TLocale } from '../../../shared/contracts/common';
import { useSetup, useSetupStatus } from './api';
import { PASSWORD_MIN_LENGTH } from '../../../shared/contracts/accounts';

export function SetupPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const status = useSetupStatus();
  const setup = useSetup();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [locale, setLocale] = useState<TLocale>(currentLocale());
  const [touched, setTouched] = useState(false);

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

  const tooShort = password.length > 0 && password.length < PASSWORD_MIN_LENGTH;
  const mismatch = confirm.length > 0 && confirm !== password;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (password.length < PASSWORD_MIN_LENGTH || password !== confirm) return;
    setup.mutate(
      { email: email.trim(), name: name.trim(), password, locale },
      { onSuccess: () => void navigate('/', { replace: true }) },
    );
  };

  const changeLocale = (value: string) => {
    if (!isLocale(value)) return;
    setLocale(value);
    void i18n.changeLanguage(value);
  };

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
          <ErrorAlert error={setup.error} />
          <TextInput
            label={t('fields.name')}
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="setup-name"
          />
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-testid="setup-email"
          />
          <PasswordInput
            label={t('fields.password')}
            description={t('auth.password.rules', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={touched && tooShort ? t('auth.password.tooShort', { min: PASSWORD_MIN_LENGTH }) : undefined}
            data-testid="setup-password"
            visibilityToggleButtonProps={{ 'aria-label': t('fields.togglePassword') }}
          />
          <PasswordInput
            label={t('fields.confirmPassword')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={touched && mismatch ? t('auth.password.mismatch') : undefined}
            data-testid="setup-password-confirm"
            visibilityToggleButtonProps={{ 'aria-label': t('fields.togglePassword') }}
          />
          <NativeSelect
            label={t('fields.language')}
            value={locale}
            onChange={(e) => changeLocale(e.currentTarget.value)}
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
