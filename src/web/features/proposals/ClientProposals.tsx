import { Anchor, Button, Card, Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import type { TProposalSummary } from '../../../shared/contracts/proposals';
import { formatMoney } from '../../../shared/proposal-pricing';
import { useTenantContext } from '../tenants/TenantRoute';
import { useProposals } from './api';
import { ProposalStateBadge } from './ProposalParts';

/** On a client's page: its proposals, newest first, and a new one starting from its latest audit-time calculation. */
export function ClientProposals({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const allowed = can('proposal.read');
  const list = useProposals(tenant.id, { clientId }, allowed);
  if (!allowed) return null;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const base = `/t/${tenant.id}/proposals`;
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('proposals.list.title')}
        </Title>
        <Group>
          <Anchor component={Link} to={`${base}?clientId=${clientId}`} size="sm">
            {t('proposals.client.all')}
          </Anchor>
          {can('proposal.create') && (
            <Button size="xs" component={Link} to={`${base}/new?clientId=${clientId}`} data-testid="client-new-proposal">
              {t('proposals.list.new')}
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={list.error} />
      <DataTable<TProposalSummary>
        testId="client-proposals"
        label={t('proposals.list.title')}
        rows={rows.slice(0, 10)}
        rowKey={(r) => r.id}
        rowTestId={(r) => `client-proposal-${r.reference}`}
        empty={t('proposals.client.none')}
        minWidth={560}
        columns={[
          {
            key: 'reference',
            header: t('proposals.fields.reference'),
            cell: (r) => (
              <Anchor component={Link} to={`${base}/${r.id}`}>
                {r.reference}
              </Anchor>
            ),
            nowrap: true,
          },
          { key: 'state', header: t('proposals.fields.state'), cell: (r) => <ProposalStateBadge state={r.state} />, nowrap: true },
          { key: 'total', header: t('proposals.fields.cycleTotal'), cell: (r) => formatMoney(format.locale, r.cycleCents, r.currency), nowrap: true },
          { key: 'validUntil', header: t('proposals.fields.validUntil'), cell: (r) => format.date(`${r.validUntil}T12:00:00Z`), nowrap: true },
        ]}
      />
    </Card>
  );
}
