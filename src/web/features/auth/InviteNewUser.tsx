import { Button, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NewPasswordFields, withNewPassword } from '../../components/PasswordFields';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { ZName } from '../../../shared/contracts/common';
import type { TInvitationPreview } from '../../../shared/contracts/tenants';
import type { useAcceptInvitation } from './invitationApi';

interface Props {
  invitation: TInvitationPreview;
  accept: ReturnType<typeof useAcceptInvitation>;
  onAccepted: () => Promise<void>;
}

/** A new user's acceptance sends a name and a password: both required here, though optional in the body. */
const ZNewUserForm = withNewPassword({ name: ZName });

export function InviteNewUser({ invitation, accept, onAccepted }: Props) {
  const { t } = useTranslation();
  const form = useContractForm(ZNewUserForm, { name: '', password: '', confirm: '' });
  const unplaced = useServerErrors(form, accept.error);

  const submit = form.onSubmit(({ name, password }) => accept.mutate({ name, password }, { onSuccess: () => void onAccepted() }));

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <ErrorAlert error={unplaced} />
        <TextInput label={t('fields.email')} value={invitation.email} readOnly autoComplete="username" />
        <TextInput label={t('fields.name')} autoComplete="name" {...form.getInputProps('name')} data-testid="invite-accept-name" />
        <NewPasswordFields form={form} testIds={{ password: 'invite-accept-password', confirm: 'invite-accept-password-confirm' }} />
        <Button type="submit" loading={accept.isPending} data-testid="invite-accept-submit">
          {t('invite.createAndJoin')}
        </Button>
      </Stack>
    </form>
  );
}
