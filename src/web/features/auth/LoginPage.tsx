import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { CurrentPasswordInput } from '../../components/PasswordFields';
import { PublicShell } from '../../layout/PublicShell';
import { isApiError } from '../../lib/api';
import { useContractForm } from '../../lib/forms';
import { ZLoginBody } from '../../../shared/contracts/accounts';
import { useLogin, useMe, useSetupStatus } from './api';
import { safeNext } from './safeNext';

// The code is asked for only at the second step; the server checks it.
const ZLoginForm = ZLoginBody.extend({ mfaCode: z.string() });

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const setup = useSetupStatus();
  const login = useLogin();
  const form = useContractForm(ZLoginForm, { email: '', password: '', mfaCode: '' });
  const [mfaStep, setMfaStep] = useState(false);

  if (me.isPending || setup.isPending) return <Loading fullPage />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const submit = form.onSubmit(({ email, password, mfaCode }) => {
    const code = mfaStep ? mfaCode.replace(/\s+/g, '') : undefined;
    login.mutate(
      { email: email.trim(), password, mfaCode: code },
      {
        onSuccess: (result) => {
          if (result.status === 'mfa_required') {
            setMfaStep(true);
            login.reset();
          } else {
            void navigate(next, { replace: true });
          }
        },
      },
    );
  });

  const restart = () => {
    setMfaStep(false);
    form.setFieldValue('mfaCode', '');
    login.reset();
  };

  const unauthorized = isApiError(login.error, 401);

  return (
    <PublicShell>
      <form onSubmit={submit}>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={1} size="h3">
              {mfaStep ? t('auth.login.mfaTitle') : t('auth.login.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {mfaStep ? t('auth.login.mfaDescription') : t('auth.login.description')}
            </Text>
          </Stack>
          {login.error && !unauthorized && (
            <ErrorAlert error={login.error} title={t('auth.login.failed')} />
          )}
          {unauthorized && (
            <Text c="red" size="sm" role="alert" data-testid="login-error">
              {mfaStep ? t('auth.login.invalidCode') : t('auth.login.invalidCredentials')}
            </Text>
          )}
          {!mfaStep ? (
            <>
              <TextInput
                label={t('fields.email')}
                autoComplete="username"
                {...form.getInputProps('email')}
                data-testid="login-email"
              />
              <CurrentPasswordInput {...form.getInputProps('password')} data-testid="login-password" />
            </>
          ) : (
            <TextInput
              label={t('auth.login.mfaCode')}
              description={t('auth.login.mfaCodeHelp')}
              autoComplete="one-time-code"
              autoFocus
              required
              {...form.getInputProps('mfaCode')}
              data-testid="login-mfa-code"
            />
          )}
          <Button type="submit" loading={login.isPending} data-testid="login-submit" fullWidth>
            {mfaStep ? t('auth.login.verify') : t('auth.login.submit')}
          </Button>
          {mfaStep ? (
            <Anchor component="button" type="button" size="sm" onClick={restart}>
              {t('auth.login.useAnotherAccount')}
            </Anchor>
          ) : (
            <Anchor component={Link} to="/forgot-password" size="sm" data-testid="login-forgot">
              {t('auth.login.forgot')}
            </Anchor>
          )}
        </Stack>
      </form>
    </PublicShell>
  );
}
