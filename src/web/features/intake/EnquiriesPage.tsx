import { Anchor, Badge, Card, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useUrlFilters } from '../../lib/url-filters';
import { ENQUIRY_STATUSES, type TEnquiry, type TEnquiryStatus } from '../../../shared/contracts/intake';
import { useTenantContext } from '../tenants/TenantRoute';
import { useEnquiries } from './api';

const COLORS: Record<TEnquiryStatus, string> = { new: 'blue', converted: 'teal', declined: 'gray' };
export const EnquiryStatusBadge = ({ status }: { status: TEnquiryStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`intake.enquiries.status.${status}`)}
    </Badge>
  );
};

/** The body's inbox of quote requests, newest first. */
export function EnquiriesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const [filters, setFilter] = useUrlFilters(['status'] as const);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useEnquiries(tenant.id, { status: filters.status as TEnquiryStatus | undefined, q: q || undefined }, can('enquiry.read'));
  if (!can('enquiry.read')) return <NoAccess />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const base = `/t/${tenant.id}/enquiries`;
  return (
    <>
      <PageHeader title={t('intake.enquiries.title')} description={t('intake.enquiries.intro')} />
      <Card withBorder padding="lg" mt="xl">
        <Group mb="md" align="flex-end">
          <TextInput label={t('intake.enquiries.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} maxLength={100} data-testid="enquiries-filter-q" />
          <NativeSelect
            label={t('intake.enquiries.columns.status')}
            value={filters.status ?? ''}
            onChange={(e) => setFilter('status', e.currentTarget.value || undefined)}
            data={[{ value: '', label: t('intake.enquiries.allStatuses') }, ...ENQUIRY_STATUSES.map((s) => ({ value: s, label: t(`intake.enquiries.status.${s}`) }))]}
            data-testid="enquiries-filter-status"
          />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TEnquiry>
            testId="enquiries-table"
            label={t('intake.enquiries.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `enquiry-row-${r.id}`}
            empty={t('intake.enquiries.empty')}
            minWidth={800}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              { key: 'received', header: t('intake.enquiries.columns.receivedAt'), cell: (r) => format.dateTime(r.receivedAt), nowrap: true },
              {
                key: 'organization',
                header: t('intake.enquiries.columns.organization'),
                cell: (r) => (
                  <Anchor component={Link} to={`${base}/${r.id}`} data-testid={`enquiry-open-${r.organizationName}`}>
                    {r.organizationName}
                  </Anchor>
                ),
                truncate: (r) => r.organizationName,
              },
              { key: 'contact', header: t('intake.enquiries.columns.contact'), cell: (r) => `${r.contactName} <${r.contactEmail}>`, truncate: (r) => r.contactEmail },
              { key: 'standards', header: t('intake.enquiries.columns.standards'), cell: (r) => r.standards.map((s) => t(`intake.standards.${s}`)).join(', '), nowrap: true },
              { key: 'employees', header: t('intake.enquiries.columns.employees'), cell: (r) => format.number(r.employeesFullTime + r.employeesPartTime), nowrap: true },
              { key: 'ai', header: t('intake.enquiries.columns.aiSystems'), cell: (r) => format.number(r.aiSystemsCount), nowrap: true },
              { key: 'status', header: t('intake.enquiries.columns.status'), cell: (r) => <EnquiryStatusBadge status={r.status} />, nowrap: true },
            ]}
          />
        )}
      </Card>
    </>
  );
}
