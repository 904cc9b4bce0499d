import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { useAcceptInvitation } from './invitationApi';
import { PASSWORD_MIN_LENGTH } from '../../../shared/contracts/accounts';
import type { TInvitationPreview } from '../../../shared/contracts/tenants';

interface Props {
  invitation: TInvitationPreview;
  accept: ReturnType<typeof useAcceptInvitation>;
  onAccepted: () => Promise<void>;
}

export function InviteNewUser({ invitation, accept, onAccepted }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);

  const tooShort = password.length < PASSWORD_MIN_LENGTH;
  const mismatch = confirm !== password;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (tooShort || mismatch) return;
    accept.mutate({ name: name.trim(), password }, { onSuccess: () => void onAccepted() });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <TextInput label={t('fields.email')} value={invitation.email} readOnly autoComplete="username" />
        <TextInput
          label={t('fields.name')}
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="invite-accept-name"
        />
        <PasswordInput
          label={t('fields.password')}
          description={t('auth.password.rules', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={touched && tooShort ? t('auth.password.tooShort', { min: PASSWORD_MIN_LENGTH }) : undefined}
          data-testid="invite-accept-password"
          visibilityToggleButtonProps={{ 'aria-label': t('fields.togglePassword') }}
        />
        <PasswordInput
          label={t('fields.confirmPassword')}
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={touched && mismatch ? t('auth.password.mismatch') : undefined}
          data-testid="invite-accept-password-confirm"
          visibilityToggleButtonProps={{ 'aria-label': t('fields.togglePassword') }}
        />
        <Button type="submit" loading={accept.isPending} data-testid="invite-accept-submit">
          {t('invite.createAndJoin')}
        </Button>
      </Stack>
    </form>
  );
}
