import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CurrentPasswordInput, NewPasswordFields, withNewPassword } from '../../components/PasswordFields';
import { notifySuccess } from '../../lib/errors';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { ZChangePasswordBody } from '../../../shared/contracts/accounts';
import { useChangePassword } from './api';

const ZPasswordChangeForm = withNewPassword({ currentPassword: ZChangePasswordBody.shape.currentPassword });

export function PasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useContractForm(ZPasswordChangeForm, { currentPassword: '', password: '', confirm: '' });
  const unplaced = useServerErrors(form, change.error, { newPassword: 'password' });

  const submit = form.onSubmit(({ currentPassword, password }) =>
    change.mutate(
      { currentPassword, newPassword: password },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess(t('account.password.changed'));
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} aria-label={t('account.password.title')}>
      <Stack gap="md" maw={480}>
        <ErrorAlert error={unplaced} />
        <CurrentPasswordInput label={t('account.password.current')} {...form.getInputProps('currentPassword')} data-testid="password-current" />
        <NewPasswordFields form={form} label={t('account.password.new')} testIds={{ password: 'password-new', confirm: 'password-confirm' }} />
        <Group justify="space-between" align="center" wrap="nowrap">
          <Text size="xs" c="dimmed">
            {t('account.password.othersSignedOut')}
          </Text>
          <Button type="submit" loading={change.isPending} data-testid="password-submit">
            {t('account.password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
