import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import type { TChecklistState } from '../../../shared/contracts/documents';
import { useTenantContext } from '../tenants/TenantRoute';
import { useChecklist } from './api';

const STATE_COLOR: Record<TChecklistState, string> = { current: 'green', overdue: 'orange', missing: 'red' };

/** ISO/IEC 42001's mandatory documented information: what exists and is current, what is missing or overdue. */
export function MandatoryChecklistPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const readable = can('document.read');
  const list = useChecklist(tenant.id, readable);
  if (!readable) return <NoAccess />;
  const lang = format.locale === 'fr' ? 'fr' : 'en';
  const base = `/t/${tenant.id}/documents`;
  return (
    <Stack gap="xl">
      <PageHeader title={t('documents.checklist.title')} description={t('documents.checklist.intro')} />
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Card withBorder padding="lg">
          <Group mb="md" gap="md" data-testid="checklist-totals">
            {(['current', 'overdue', 'missing'] as const).map((s) => (
              <Badge key={s} color={STATE_COLOR[s]} variant="light" size="lg">
                {t(`documents.checklist.totals.${s}`, { count: list.data.totals[s] })}
              </Badge>
            ))}
          </Group>
          <Table.ScrollContainer minWidth={800}>
            <Table striped data-testid="checklist-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('documents.checklist.clause')}</Table.Th>
                  <Table.Th>{t('documents.checklist.item')}</Table.Th>
                  <Table.Th>{t('documents.fields.kind')}</Table.Th>
                  <Table.Th>{t('documents.checklist.state')}</Table.Th>
                  <Table.Th>{t('documents.checklist.keptIn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((i) => (
                  <Table.Tr key={i.key} data-testid={`checklist-${i.key}`}>
                    <Table.Td>{i.clause}</Table.Td>
                    <Table.Td>{i.label[lang]}</Table.Td>
                    <Table.Td>{t(`documents.kind.${i.kind}`)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATE_COLOR[i.state]} variant="light" data-testid={`checklist-state-${i.key}`}>
                        {t(`documents.checklist.states.${i.state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {i.documents.map((d) => (
                          <Text size="sm" key={d.id}>
                            <Anchor component={Link} to={`${base}/${d.id}`}>
                              {d.title}
                            </Anchor>{' '}
                            — {t('documents.checklist.version', { version: d.version })}
                            {d.nextReviewOn ? ` · ${t('documents.checklist.review', { date: format.date(`${d.nextReviewOn}T12:00:00Z`) })}` : ''}
                          </Text>
                        ))}
                        {i.record && (
                          <Text size="sm" c="dimmed">
                            {i.record.state === null
                              ? t(`documents.checklist.records.${i.record.source}`) + ' · ' + t('documents.checklist.recordPending')
                              : `${t(`documents.checklist.records.${i.record.source}`)} · ${t('documents.checklist.recordCount', { count: i.record.count })}`}
                          </Text>
                        )}
                        {!i.documents.length && !i.record && <Text size="sm">{t('common.none')}</Text>}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
