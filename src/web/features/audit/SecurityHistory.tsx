import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { api, query } from '../../lib/api';
import { useFormat } from '../../lib/format';
import type { TAuditEvent } from '../../../shared/contracts/audit';
import { auditSentence } from './sentence';

/** The signed-in user's own security events (platform chain), newest first, 20 at a time. */
export function SecurityHistory() {
  const { t } = useTranslation();
  const format = useFormat();
  const events = useInfiniteQuery({
    queryKey: ['me', 'security-events'],
    queryFn: ({ pageParam }) => api.get<{ items: TAuditEvent[]; nextCursor: string | null }>(`/api/me/security-events${query({ limit: 20, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (events.isPending) return <Loading />;
  if (events.error) return <ErrorAlert error={events.error} />;
  const items = events.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Text size="sm" c="dimmed">{t('audit.security.empty')}</Text>;
  return (
    <Stack gap="sm">
      <Table verticalSpacing="xs" data-testid="security-history">
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(e.occurredAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{auditSentence(t, format, e)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {e.ip ? t('audit.security.from', { ip: e.ip }) : null}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {events.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
