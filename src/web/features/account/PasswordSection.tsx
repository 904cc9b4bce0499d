import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../lib/errors';
import { PASSWORD_MIN_LENGTH } from '../../../shared/contracts/accounts';
import { useChangePassword } from './api';

export function PasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const toggle = { 'aria-label': t('fields.togglePassword') };

  const tooShort = next.length < PASSWORD_MIN_LENGTH;
  const mismatch = confirm !== next;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (tooShort || mismatch) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
          setTouched(false);
          notifySuccess(t('account.password.changed'));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label={t('account.password.title')}>
      <Stack gap="md" maw={480}>
        <ErrorAlert error={change.error} />
        <PasswordInput
          label={t('account.password.current')}
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          visibilityToggleButtonProps={toggle}
          data-testid="password-current"
        />
        <PasswordInput
          label={t('account.password.new')}
          description={t('auth.password.rules', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={touched && tooShort ? t('auth.password.tooShort', { min: PASSWORD_MIN_LENGTH }) : undefined}
          visibilityToggleButtonProps={toggle}
          data-testid="password-new"
        />
        <PasswordInput
          label={t('fields.confirmPassword')}
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={touched && mismatch ? t('auth.password.mismatch') : undefined}
          visibilityToggleButtonProps={toggle}
          data-testid="password-confirm"
        />
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
