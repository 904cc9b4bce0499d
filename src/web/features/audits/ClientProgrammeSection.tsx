import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { useCertAudits } from './api';
import { AuditStateBadge, noon, useAuditTypeLabel } from './StateBadge';

/** A client's programme on its page: its audits by date with their deadline, the overdue ones in red (the calendar filtered on the client). */
export function ClientProgrammeSection({ tenantId, clientId }: { tenantId: string; clientId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useAuditTypeLabel();
  const audits = useCertAudits(tenantId, { clientId });
  const rows = audits.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder padding="lg" data-testid="client-programme">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('auditPlan.programme.title')}
        </Title>
        <Anchor component={Link} to={`/t/${tenantId}/audits?clientId=${clientId}`} size="sm">
          {t('auditPlan.programme.calendar')}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('auditPlan.programme.intro')}
      </Text>
      {audits.isPending ? (
        <Loading />
      ) : audits.error ? (
        <ErrorAlert error={audits.error} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('auditPlan.programme.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auditPlan.programme.reference')}</Table.Th>
                <Table.Th>{t('auditPlan.programme.type')}</Table.Th>
                <Table.Th>{t('auditPlan.programme.state')}</Table.Th>
                <Table.Th>{t('auditPlan.programme.dueBy')}</Table.Th>
                <Table.Th>{t('auditPlan.programme.dates')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => (
                <Table.Tr key={a.id} data-testid={`client-audit-${a.reference}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/t/${tenantId}/audits/${a.id}`} size="sm">
                      {a.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{typeLabel(a)}</Table.Td>
                  <Table.Td>
                    <AuditStateBadge state={a.state} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={a.overdue ? 'red' : undefined} fw={a.overdue ? 700 : undefined}>
                      {format.date(noon(a.dueBy))}
                      {a.overdue ? ` · ${t('auditPlan.programme.overdue')}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{a.plannedStart ? `${format.date(noon(a.plannedStart))} – ${format.date(noon(a.plannedEnd))}` : t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
