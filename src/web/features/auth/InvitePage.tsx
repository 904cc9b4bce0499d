import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PublicShell } from '../../layout/PublicShell';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { rememberTenantId } from '../../lib/storage';
import { useMe } from './api';
import { InviteExistingUser } from './InviteExistingUser';
import { InviteNewUser } from './InviteNewUser';
import { useAcceptInvitation, usePublicInvitation } from './invitationApi';

/** Why a link is dead, as the server's invitation lifecycle says it (`details.state`). */
const GONE_MESSAGE = {
  accepted: 'invite.used',
  replaced: 'invite.replaced',
  revoked: 'invite.revoked',
  expired: 'invite.expired',
} as const;

function goneState(details: unknown): keyof typeof GONE_MESSAGE {
  const state = (details as { state?: unknown } | null)?.state;
  return typeof state === 'string' && state in GONE_MESSAGE ? (state as keyof typeof GONE_MESSAGE) : 'expired';
}

export function InvitePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const invitation = usePublicInvitation(token);
  const me = useMe();
  const accept = useAcceptInvitation(token);

  if (invitation.isPending || me.isPending) return <Loading fullPage />;

  if (invitation.error) {
    const gone = isApiError(invitation.error, 404) || isApiError(invitation.error, 410);
    return (
      <PublicShell>
        <Stack gap="md" data-testid="invitation-invalid">
          <Title order={1} size="h3">
            {t('invite.invalidTitle')}
          </Title>
          {gone ? (
            <Alert color="orange" variant="light">
              {isApiError(invitation.error, 410) ? t(GONE_MESSAGE[goneState(invitation.error.details)]) : t('invite.notFound')}
            </Alert>
          ) : (
            <ErrorAlert error={invitation.error} />
          )}
        </Stack>
      </PublicShell>
    );
  }

  const data = invitation.data;
  const before = new Set(me.data?.memberships.map((m) => m.tenantId) ?? []);

  const onAccepted = async () => {
    const fresh = await me.refetch();
    const joined = fresh.data?.memberships.find(
      (m) => !before.has(m.tenantId),
    );
    if (joined) rememberTenantId(joined.tenantId);
    void navigate(joined ? `/t/${joined.tenantId}` : '/', { replace: true });
  };

  return (
    <PublicShell width={520}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} size="h3">
            {t('invite.title', { tenant: data.tenantName })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('invite.summary', {
              role: t(`roles.${data.role}`),
              kind: t(`tenantKinds.inSentence.${data.tenantKind}`),
              email: data.email,
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('invite.expiresAt', { date: format.dateTime(data.expiresAt) })}
          </Text>
        </Stack>
        <ErrorAlert error={accept.error} />
        {data.userExists ? (
          <InviteExistingUser invitation={data} me={me.data ?? null} accept={accept} onAccepted={onAccepted} />
        ) : (
          <InviteNewUser invitation={data} accept={accept} onAccepted={onAccepted} />
        )}
      </Stack>
    </PublicShell>
  );
}
