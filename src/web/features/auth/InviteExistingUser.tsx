import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useLogout } from './api';
import type { useAcceptInvitation } from './invitationApi';
import type { TMeResponse } from '../../../shared/contracts/accounts';
import type { TInvitationPreview } from '../../../shared/contracts/tenants';

interface Props {
  invitation: TInvitationPreview;
  me: TMeResponse | null;
  accept: ReturnType<typeof useAcceptInvitation>;
  onAccepted: () => Promise<void>;
}

export function InviteExistingUser({ invitation, me, accept, onAccepted }: Props) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const loginPath = `/login?next=${encodeURIComponent(pathname)}`;
  const logout = useLogout(loginPath);

  if (!me) {
    return (
      <Stack gap="md">
        <Alert color="blue" variant="light">
          {t('invite.signInToAccept', { email: invitation.email })}
        </Alert>
        <Button component={Link} to={loginPath} data-testid="invite-sign-in">
          {t('invite.signIn')}
        </Button>
      </Stack>
    );
  }

  if (me.user.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <Stack gap="md">
        <Alert color="orange" variant="light" data-testid="invite-wrong-account">
          {t('invite.wrongAccount', { current: me.user.email, email: invitation.email })}
        </Alert>
        <Button variant="default" onClick={() => logout.mutate()} loading={logout.isPending}>
          {t('invite.switchAccount')}
        </Button>
      </Stack>
    );
  }

  return (
    <Button
      onClick={() => accept.mutate({}, { onSuccess: () => void onAccepted() })}
      loading={accept.isPending}
      data-testid="invite-join"
    >
      {t('invite.join')}
    </Button>
  );
}
