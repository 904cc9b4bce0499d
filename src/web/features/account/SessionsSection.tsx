import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useRevokeOtherSessions, useRevokeSession, useSessions } from './api';
import { parseUserAgent } from './device';

export function SessionsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();

  // "Firefox 133 on macOS"; the raw user agent stays available as the cell's tooltip.
  const describeDevice = (userAgent: string | null) => {
    const { browser, os } = parseUserAgent(userAgent);
    if (!browser && !os) return t('account.sessions.unknownDevice');
    return t('account.sessions.deviceDescription', {
      browser: browser ?? t('account.sessions.unknownBrowser'),
      os: os ?? t('account.sessions.unknownOs'),
    });
  };

  if (sessions.isPending) return <Loading />;
  if (sessions.error) return <ErrorAlert error={sessions.error} />;

  const items = sessions.data.items;
  const hasOthers = items.some((s) => !s.current);

  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={860}>
        <Table striped data-testid="sessions-table" aria-label={t('account.sessions.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('account.sessions.device')}</Table.Th>
              <Table.Th>{t('account.sessions.ip')}</Table.Th>
              <Table.Th>{t('account.sessions.createdAt')}</Table.Th>
              <Table.Th>{t('account.sessions.lastSeenAt')}</Table.Th>
              <Table.Th>{t('account.sessions.expiresAt')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((session) => (
              <Table.Tr key={session.id} data-testid={`session-row-${session.id}`}>
                <Table.Td maw={320}>
                  <Text size="sm" lineClamp={2} title={session.userAgent ?? undefined} data-testid="session-device">
                    {describeDevice(session.userAgent)}
                  </Text>
                </Table.Td>
                <Table.Td>{session.ip ?? t('common.none')}</Table.Td>
                <Table.Td>{format.dateTime(session.createdAt)}</Table.Td>
                <Table.Td>{format.dateTime(session.lastSeenAt)}</Table.Td>
                <Table.Td>{format.dateTime(session.expiresAt)}</Table.Td>
                <Table.Td>
                  {session.current ? (
                    <Badge variant="light" data-testid="session-current" style={{ minWidth: 'max-content' }}>
                      {t('account.sessions.current')}
                    </Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={revoke.isPending && revoke.variables === session.id}
                      onClick={() => revoke.mutate(session.id)}
                      aria-label={t('account.sessions.revokeLabel', { date: format.dateTime(session.createdAt) })}
                      data-testid={`session-revoke-${session.id}`}
                    >
                      {t('account.sessions.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button
          variant="light"
          color="red"
          disabled={!hasOthers}
          loading={revokeOthers.isPending}
          onClick={() =>
            revokeOthers.mutate(undefined, {
              onSuccess: () => notifySuccess(t('account.sessions.othersRevoked')),
            })
          }
          data-testid="sessions-revoke-others"
        >
          {t('account.sessions.revokeOthers')}
        </Button>
      </Group>
    </Stack>
  );
}
