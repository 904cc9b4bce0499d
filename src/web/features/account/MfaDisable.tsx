import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CurrentPasswordInput } from '../../components/PasswordFields';
import { notifySuccess } from '../../lib/errors';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { ZMfaDisableBody } from '../../../shared/contracts/accounts';
import { useMfaDisable } from './api';

export function MfaDisable() {
  const { t } = useTranslation();
  const disable = useMfaDisable();
  const form = useContractForm(ZMfaDisableBody, { password: '', code: '' });
  const unplaced = useServerErrors(form, disable.error);

  const submit = form.onSubmit(({ password, code }) =>
    disable.mutate({ password, code: code.replace(/\s+/g, '') }, { onSuccess: () => notifySuccess(t('account.mfa.disabled')) }),
  );

  return (
    <form onSubmit={submit} aria-label={t('account.mfa.disableTitle')}>
      <Stack gap="md" maw={480}>
        <ErrorAlert error={unplaced} />
        <CurrentPasswordInput {...form.getInputProps('password')} data-testid="mfa-disable-password" />
        <TextInput
          label={t('account.mfa.codeOrRecovery')}
          autoComplete="one-time-code"
          {...form.getInputProps('code')}
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
