import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PublicShell } from '../../layout/PublicShell';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { ZPasswordResetRequestBody } from '../../../shared/contracts/password-reset';
import { useRequestPasswordReset } from './passwordResetApi';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useContractForm(ZPasswordResetRequestBody, { email: '' });
  const unplaced = useServerErrors(form, request.error);
  const email = form.getValues().email.trim();

  const submit = form.onSubmit((values) => request.mutate(values.email.trim()));

  return (
    <PublicShell>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} size="h3">
            {t('auth.forgot.title')}
          </Title>
          {!request.isSuccess && (
            <Text size="sm" c="dimmed">
              {t('auth.forgot.description')}
            </Text>
          )}
        </Stack>
        {request.isSuccess ? (
          <Alert color="teal" variant="light" title={t('auth.forgot.sentTitle')} data-testid="forgot-sent">
            {t('auth.forgot.sent', { email, minutes: request.data.expiresInMinutes })}
          </Alert>
        ) : (
          <form onSubmit={submit}>
            <Stack gap="md">
              <ErrorAlert error={unplaced} />
              <TextInput
                label={t('fields.email')}
                autoComplete="username"
                {...form.getInputProps('email')}
                data-testid="forgot-email"
              />
              <Button type="submit" loading={request.isPending} fullWidth data-testid="forgot-submit">
                {t('auth.forgot.submit')}
              </Button>
            </Stack>
          </form>
        )}
        <Anchor component={Link} to="/login" size="sm">
          {t('auth.forgot.backToLogin')}
        </Anchor>
      </Stack>
    </PublicShell>
  );
}
