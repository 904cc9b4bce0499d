import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCycleRow } from '../../../shared/contracts/cycle';
import { useFormat } from '../../lib/format';
import { AuditStateBadge, noon, useAuditTypeLabel } from '../audits/StateBadge';

/**
 * The rows of « Surveillance & recertification »: per certified client, its surveillance and
 * recertification audits with their deadlines (overdue in red, due within 90 days in orange),
 * the certificate's expiry and the open alerts. `linkAudits` for the body, which opens its audits.
 */
export function CycleRows({ rows, tenantId, linkAudits }: { rows: TCycleRow[]; tenantId: string; linkAudits: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useAuditTypeLabel();
  const d = (v: string | null) => (v ? format.date(noon(v)) : '—');
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" data-testid="cycle-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cycle.columns.client')}</Table.Th>
            <Table.Th>{t('cycle.columns.audits')}</Table.Th>
            <Table.Th>{t('cycle.columns.expiry')}</Table.Th>
            <Table.Th>{t('cycle.columns.alerts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.programmeId} data-testid={`cycle-row-${r.client.reference}`}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {r.client.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {`${r.client.reference} · ${r.counterpart} · ${t('cycle.cycleN', { n: r.cycle })} · ${t('cycle.decidedOn', { date: d(r.decisionDate) })}`}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  {r.audits.map((a) => (
                    <Group key={a.id} gap="xs" wrap="nowrap" data-testid={`cycle-audit-${a.reference}`}>
                      {linkAudits ? (
                        <Anchor component={Link} to={`/t/${tenantId}/audits/${a.id}`} size="sm">
                          {typeLabel(a)}
                        </Anchor>
                      ) : (
                        <Text size="sm">{typeLabel(a)}</Text>
                      )}
                      <AuditStateBadge state={a.state as 'planned'} />
                      <Text size="sm" c={a.overdue ? 'red' : a.dueSoon ? 'orange' : 'dimmed'} data-testid={a.overdue ? 'cycle-overdue' : undefined}>
                        {a.overdue ? t('cycle.overdueSince', { date: d(a.dueBy) }) : t('cycle.dueBy', { date: d(a.dueBy) })}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={r.expiringSoon ? 'orange' : undefined}>
                  {d(r.expiryDate)}
                </Text>
                {r.expiringSoon && (
                  <Text size="xs" c="dimmed">
                    {r.recertificationStarted ? t('cycle.recertificationStarted') : t('cycle.recertificationNotStarted')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  {r.alerts.map((x, i) => (
                    <Badge key={i} color={x.kind === 'surveillance_overdue' || x.kind === 'recertification_not_started' ? 'red' : 'orange'} variant="light" data-testid={`cycle-alert-${x.kind}`}>
                      {t(`cycle.alertKind.${x.kind}`)}
                    </Badge>
                  ))}
                  {r.alerts.some((x) => x.kind === 'surveillance_overdue') && (
                    <Text size="xs" c="dimmed">
                      {t('cycle.suspensionRisk')}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
