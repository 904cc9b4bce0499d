import { Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../lib/errors';
import { useMfaDisable } from './api';

export function MfaDisable() {
  const { t } = useTranslation();
  const disable = useMfaDisable();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate(
      { password, code: code.replace(/\s+/g, '') },
      { onSuccess: () => notifySuccess(t('account.mfa.disabled')) },
    );
  };

  return (
    <form onSubmit={submit} aria-label={t('account.mfa.disableTitle')}>
      <Stack gap="md" maw={480}>
        <ErrorAlert error={disable.error} />
        <PasswordInput
          label={t('fields.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          visibilityToggleButtonProps={{ 'aria-label': t('fields.togglePassword') }}
          data-testid="mfa-disable-password"
        />
        <TextInput
          label={t('account.mfa.codeOrRecovery')}
          autoComplete="one-time-code"
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          data-testid="mfa-disable-code"
        />
        <Group>
          <Button type="submit" color="red" variant="light" loading={disable.isPending} data-testid="mfa-disable-submit">
            {t('account.mfa.disable')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
