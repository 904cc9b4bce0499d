import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NewPasswordFields, withNewPassword } from '../../components/PasswordFields';
import { PublicShell } from '../../layout/PublicShell';
import { ApiError } from '../../lib/api';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useCompletePasswordReset, useResetPreview } from './passwordResetApi';

const ZResetForm = withNewPassword({});

/** Why a link cannot be used, as the server tells it (`details.reason`), in the user's language. */
function linkProblem(error: unknown): 'invalid' | 'expired' | 'used' | null {
  if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 410)) return null;
  const reason = (error.details as { reason?: string } | undefined)?.reason;
  return reason === 'reset_link_expired' ? 'expired' : reason === 'reset_link_used' ? 'used' : 'invalid';
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  // The secret rides in the fragment: browsers never send it to the server or in a Referer.
  const [token] = useState(() => decodeURIComponent(window.location.hash.replace(/^#/, '')));
  const preview = useResetPreview(token);
  const complete = useCompletePasswordReset();
  const form = useContractForm(ZResetForm, { password: '', confirm: '' });
  const unplaced = useServerErrors(form, complete.error);

  const problem = token ? linkProblem(preview.error) ?? linkProblem(complete.error) : 'invalid';

  const submit = form.onSubmit(({ password }) =>
    complete.mutate({ token, password }, { onSuccess: () => window.history.replaceState(null, '', '/reset-password') }),
  );

  const body = () => {
    if (complete.isSuccess) {
      return (
        <Stack gap="md">
          <Alert color="teal" variant="light" title={t('auth.reset.doneTitle')} data-testid="reset-done">
            {t('auth.reset.done')}
          </Alert>
          <Button component={Link} to="/login" fullWidth data-testid="reset-sign-in">
            {t('auth.login.submit')}
          </Button>
        </Stack>
      );
    }
    if (problem) {
      return (
        <Stack gap="md">
          <Alert color="red" variant="light" role="alert" data-testid="reset-link-problem">
            {t(`auth.reset.${problem}`)}
          </Alert>
          <Button component={Link} to="/forgot-password" variant="light" fullWidth>
            {t('auth.reset.requestNew')}
          </Button>
        </Stack>
      );
    }
    if (preview.isPending) return <Loading />;
    if (preview.error) return <ErrorAlert error={preview.error} />;
    return (
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('auth.reset.description', { email: preview.data.email })}
          </Text>
          <ErrorAlert error={unplaced} />
          <TextInput label={t('fields.email')} value={preview.data.email} readOnly autoComplete="username" />
          <NewPasswordFields form={form} testIds={{ password: 'reset-password', confirm: 'reset-password-confirm' }} />
          <Button type="submit" loading={complete.isPending} fullWidth data-testid="reset-submit">
            {t('auth.reset.submit')}
          </Button>
        </Stack>
      </form>
    );
  };

  return (
    <PublicShell>
      <Stack gap="md">
        <Title order={1} size="h3">
          {t('auth.reset.title')}
        </Title>
        {body()}
        {!complete.isSuccess && (
          <Anchor component={Link} to="/login" size="sm">
            {t('auth.forgot.backToLogin')}
          </Anchor>
        )}
      </Stack>
    </PublicShell>
  );
}
