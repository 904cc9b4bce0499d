import { Code, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { SummaryCell } from './SummaryCell';
import type { AuditEvent } from '../../lib/types';

function ShortId({ value }: { value: string }) {
  return (
    <Text size="xs" c="dimmed" ff="monospace" title={value}>
      {value.length > 13 ? `${value.slice(0, 8)}…` : value}
    </Text>
  );
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();

  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped verticalSpacing="xs" data-testid="audit-table" aria-label={t('audit.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.columns.seq')}</Table.Th>
            <Table.Th>{t('audit.columns.occurredAt')}</Table.Th>
            <Table.Th>{t('audit.columns.action')}</Table.Th>
            <Table.Th>{t('audit.columns.actor')}</Table.Th>
            <Table.Th>{t('audit.columns.subject')}</Table.Th>
            <Table.Th>{t('audit.columns.summary')}</Table.Th>
            <Table.Th>{t('audit.columns.origin')}</Table.Th>
            <Table.Th>{t('audit.columns.hash')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={8}>
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
                <Code>{event.action}</Code>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{event.actorEmail ?? event.actorId ?? t('common.none')}</Text>
                  <Text size="xs" c="dimmed">
                    {event.actorType}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{event.subjectType ?? t('common.none')}</Text>
                  {event.subjectId && <ShortId value={event.subjectId} />}
                </Stack>
              </Table.Td>
              <Table.Td>
                <SummaryCell summary={event.summary} />
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{event.ip ?? t('common.none')}</Text>
                  {event.requestId && <ShortId value={event.requestId} />}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Tooltip label={event.hash} multiline maw={360} style={{ wordBreak: 'break-all' }}>
                  <Code aria-label={t('audit.columns.hash')}>{event.hash.slice(0, 12)}</Code>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
