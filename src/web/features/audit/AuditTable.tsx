import { Badge, Code, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { TAuditEvent } from '../../../shared/contracts/audit';
import { actionLabel, auditSentence } from './sentence';

function ShortId({ value }: { value: string }) {
  return (
    <Text size="xs" c="dimmed" ff="monospace" title={value}>
      {value.length > 13 ? `${value.slice(0, 8)}…` : value}
    </Text>
  );
}

/**
 * One row per event: the action's name and the event as a sentence in the reader's language; the
 * hash stays in view (no minimum width pushing it off-screen), full value in its tooltip.
 */
export function AuditTable({ events }: { events: TAuditEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" data-testid="audit-table" aria-label={t('audit.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.columns.seq')}</Table.Th>
            <Table.Th>{t('audit.columns.occurredAt')}</Table.Th>
            <Table.Th>{t('audit.columns.event')}</Table.Th>
            <Table.Th>{t('audit.columns.origin')}</Table.Th>
            <Table.Th>{t('audit.columns.hash')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text size="sm" c="dimmed">
                  {t('audit.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {events.map((event) => (
            <Table.Tr key={event.id} data-testid={`audit-row-${event.seq}`}>
              <Table.Td>{event.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(event.occurredAt)}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Badge variant="light" color="gray" tt="none" size="sm" title={event.action}>
                    {actionLabel(t, event.action)}
                  </Badge>
                  <Text size="sm" data-testid="audit-sentence">
                    {auditSentence(t, format, event)}
                  </Text>
                  {event.actorEmail && event.actorName && (
                    <Text size="xs" c="dimmed">
                      {event.actorEmail}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{event.ip ?? t('common.none')}</Text>
                  {event.requestId && <ShortId value={event.requestId} />}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Tooltip label={event.hash} multiline maw={360} style={{ wordBreak: 'break-all' }}>
                  <Code aria-label={t('audit.columns.hash')} data-testid="audit-hash">
                    {event.hash.slice(0, 12)}
                  </Code>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
