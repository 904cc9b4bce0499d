import { Anchor, Button, Card, Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useUrlFilters } from '../../lib/url-filters';
import { PROPOSAL_STATES, type TProposalState, type TProposalSummary } from '../../../shared/contracts/proposals';
import { formatMoney } from '../../../shared/proposal-pricing';
import { useClients } from '../intake/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useProposals } from './api';
import { ProposalStateBadge } from './ProposalParts';

/** The body's proposals, newest first: filters by state (expired included) and client in the address, keyset pages. */
export function ProposalsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const [filters, setFilter] = useUrlFilters(['status', 'clientId'] as const);
  const allowed = can('proposal.read');
  const list = useProposals(tenant.id, { status: filters.status as TProposalState | undefined, clientId: filters.clientId }, allowed);
  const clients = useClients(tenant.id, {}, allowed && can('client.read'));
  if (!allowed) return <NoAccess />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const clientOptions = clients.data?.pages.flatMap((p) => p.items) ?? [];
  const base = `/t/${tenant.id}/proposals`;
  return (
    <>
      <PageHeader
        title={t('proposals.list.title')}
        description={t('proposals.list.intro')}
        actions={
          can('proposal.create') && (
            <Button component={Link} to={`${base}/new${filters.clientId ? `?clientId=${filters.clientId}` : ''}`} data-testid="proposals-new">
              {t('proposals.list.new')}
            </Button>
          )
        }
      />
      <Card withBorder padding="lg" mt="xl">
        <Group mb="md" align="flex-end">
          <NativeSelect
            label={t('proposals.fields.state')}
            value={filters.status ?? ''}
            onChange={(e) => setFilter('status', e.currentTarget.value || undefined)}
            data={[{ value: '', label: t('proposals.list.allStates') }, ...PROPOSAL_STATES.map((s) => ({ value: s, label: t(`proposals.state.${s}`) }))]}
            data-testid="proposals-filter-status"
          />
          <NativeSelect
            label={t('proposals.fields.client')}
            value={filters.clientId ?? ''}
            onChange={(e) => setFilter('clientId', e.currentTarget.value || undefined)}
            data={[
              { value: '', label: t('proposals.list.allClients') },
              ...clientOptions.map((c) => ({ value: c.id, label: `${c.reference} — ${c.legalName}` })),
              ...(filters.clientId && !clientOptions.some((c) => c.id === filters.clientId) ? [{ value: filters.clientId, label: t('proposals.list.thisClient') }] : []),
            ]}
            data-testid="proposals-filter-client"
          />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TProposalSummary>
            testId="proposals-table"
            label={t('proposals.list.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `proposal-row-${r.reference}`}
            empty={t('proposals.list.empty')}
            minWidth={820}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'reference',
                header: t('proposals.fields.reference'),
                cell: (r) => (
                  <Anchor component={Link} to={`${base}/${r.id}`} data-testid={`proposal-open-${r.reference}`}>
                    {r.reference}
                  </Anchor>
                ),
                nowrap: true,
              },
              { key: 'client', header: t('proposals.fields.client'), cell: (r) => `${r.client.reference} — ${r.client.legalName}`, truncate: (r) => r.client.legalName },
              { key: 'state', header: t('proposals.fields.state'), cell: (r) => <ProposalStateBadge state={r.state} />, nowrap: true },
              { key: 'total', header: t('proposals.fields.cycleTotal'), cell: (r) => formatMoney(format.locale, r.cycleCents, r.currency), nowrap: true },
              { key: 'validUntil', header: t('proposals.fields.validUntil'), cell: (r) => format.date(`${r.validUntil}T12:00:00Z`), nowrap: true },
              { key: 'sentAt', header: t('proposals.fields.sentAt'), cell: (r) => (r.sentAt ? format.date(r.sentAt) : t('common.none')), nowrap: true },
            ]}
          />
        )}
      </Card>
    </>
  );
}
