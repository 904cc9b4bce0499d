import { Badge, Card, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useContractFilters } from '../../lib/url-filters';
import { AUDIT_STATES, AUDIT_TYPES } from '../../../shared/contracts/certification';
import { ZCertAuditListQuery, type TCertAudit } from '../../../shared/contracts/cert-audits';
import { useTenantContext } from '../tenants/TenantRoute';
import { AddAuditButton } from './AddAuditButton';
import { useCertAudits } from './api';
import { AuditStateBadge, noon, useAuditTypeLabel } from './StateBadge';

const FILTERS = ['state', 'type', 'clientId', 'engagementId', 'from', 'to', 'overdue', 'mine'] as const;

/** The body's programme calendar: every audit by date, filtered by client, state, type, overdue or "mine". */
export function AuditsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useAuditTypeLabel();
  const { tenant, can } = useTenantContext();
  const [filters, setFilter] = useContractFilters(ZCertAuditListQuery, FILTERS);
  const list = useCertAudits(tenant.id, filters, can('certAudit.read'));
  if (!can('certAudit.read')) return <NoAccess />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const clientFilter = filters.clientId ? rows.find((r) => r.clientId === filters.clientId)?.clientName : null;
  // One client's programme is on screen: its engagement is the one an added audit joins.
  const programmeOf = filters.clientId || filters.engagementId ? rows.find((r) => r.state !== 'cancelled') : undefined;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('audits.list.title')}
        description={t('audits.list.intro')}
        actions={programmeOf && can('certAudit.schedule') ? <AddAuditButton tenantId={tenant.id} engagementId={programmeOf.engagementId} clientName={programmeOf.clientName} /> : undefined}
      />
      <Card withBorder padding="lg">
        <Group mb="md" align="end">
          <NativeSelect
            label={t('audits.fields.state')}
            value={filters.state ?? ''}
            onChange={(e) => setFilter('state', e.currentTarget.value || undefined)}
            data={[{ value: '', label: t('audits.list.all') }, ...AUDIT_STATES.map((s) => ({ value: s, label: t(`audits.state.${s}`) }))]}
            data-testid="audits-filter-state"
          />
          <NativeSelect
            label={t('audits.fields.type')}
            value={filters.type ?? ''}
            onChange={(e) => setFilter('type', e.currentTarget.value || undefined)}
            data={[{ value: '', label: t('audits.list.all') }, ...AUDIT_TYPES.map((s) => ({ value: s, label: t(`audits.type.${s}`) }))]}
            data-testid="audits-filter-type"
          />
          <Checkbox label={t('audits.list.overdueOnly')} checked={filters.overdue === 'true'} onChange={(e) => setFilter('overdue', e.currentTarget.checked ? 'true' : undefined)} data-testid="audits-filter-overdue" />
          <Checkbox label={t('audits.list.mineOnly')} checked={filters.mine === 'true'} onChange={(e) => setFilter('mine', e.currentTarget.checked ? 'true' : undefined)} data-testid="audits-filter-mine" />
          {filters.clientId && (
            <Badge variant="outline" rightSection={<Text component="button" onClick={() => setFilter('clientId', undefined)} aria-label={t('audits.list.clearClient')} style={{ border: 0, background: 'none', cursor: 'pointer' }}>×</Text>}>
              {t('audits.list.clientFilter', { name: clientFilter ?? '…' })}
            </Badge>
          )}
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TCertAudit>
            testId="audits-table"
            label={t('audits.list.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `audit-row-${r.reference}`}
            empty={t('audits.list.empty')}
            minWidth={1000}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'reference',
                header: t('audits.fields.reference'),
                cell: (r) => (
                  <Link to={`/t/${tenant.id}/audits/${r.id}`} data-testid={`audit-link-${r.reference}`}>
                    {r.reference}
                  </Link>
                ),
                nowrap: true,
              },
              {
                key: 'client',
                header: t('audits.fields.client'),
                cell: (r) => (
                  <Text component="button" size="sm" onClick={() => setFilter('clientId', r.clientId)} style={{ border: 0, background: 'none', padding: 0, cursor: 'pointer', textAlign: 'left' }} title={t('audits.list.showClient')}>
                    {r.clientName}
                  </Text>
                ),
                sortValue: (r) => r.clientName,
              },
              { key: 'type', header: t('audits.fields.type'), cell: (r) => typeLabel(r), nowrap: true },
              { key: 'state', header: t('audits.fields.state'), cell: (r) => <AuditStateBadge state={r.state} /> },
              { key: 'dates', header: t('audits.fields.plannedDates'), cell: (r) => (r.plannedStart ? `${format.date(noon(r.plannedStart))} – ${format.date(noon(r.plannedEnd))}` : t('audits.list.notScheduled')), nowrap: true },
              {
                key: 'due',
                header: t('audits.fields.dueBy'),
                cell: (r) => (
                  <Text size="sm" c={r.overdue ? 'red' : undefined} fw={r.overdue ? 700 : undefined} data-testid={r.overdue ? `audit-overdue-${r.reference}` : undefined}>
                    {format.date(noon(r.dueBy))}
                    {r.overdue ? ` · ${t('audits.list.overdue')}` : ''}
                  </Text>
                ),
                sortValue: (r) => r.dueBy,
                nowrap: true,
              },
              { key: 'lead', header: t('audits.fields.lead'), cell: (r) => r.team.find((m) => m.role === 'lead_auditor')?.name ?? t('common.none') },
              { key: 'days', header: t('audits.fields.plannedDays'), cell: (r) => format.number(r.plannedDays), nowrap: true },
            ]}
          />
        )}
      </Card>
    </Stack>
  );
}
