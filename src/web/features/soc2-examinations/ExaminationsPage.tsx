import { Anchor, Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useContractFilters } from '../../lib/url-filters';
import { SOC2_EXAMINATION_STATES, SOC2_REPORT_TYPES } from '../../../shared/contracts/soc2';
import { ZSoc2ExaminationListQuery, type TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import { useTenantContext } from '../tenants/TenantRoute';
import { useSoc2Examinations } from './api';
import { ExaminationStateBadge, usePeriodLabel } from './ExaminationBits';

// `engagementId` comes from links (an accepted SOC 2 proposal opens its engagement's examinations).
const FILTER_KEYS = ['state', 'reportType', 'engagementId'] as const;

/** The firm's SOC 2 examinations, newest first, filtered by state and report type (the filters live in the address). */
export function ExaminationsPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const [filters, setFilter] = useContractFilters(ZSoc2ExaminationListQuery, FILTER_KEYS);
  const list = useSoc2Examinations(tenant.id, filters);
  const period = usePeriodLabel();
  if (!can('soc2Examination.read')) return <NoAccess />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const href = (e: TSoc2Examination) => `/t/${tenant.id}/soc2-examinations/${e.id}`;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('soc2Engagements.firm.list.title')}
        description={t('soc2Engagements.firm.list.intro')}
        actions={
          <Group>
            {can('soc2Reader.read') && (
              <Button variant="default" component={Link} to={`/t/${tenant.id}/soc2-nda`} data-testid="soc2-nda-link">
                {t('soc2Report.nda.link')}
              </Button>
            )}
            {can('soc2Examination.create') && (
              <Button component={Link} to={`/t/${tenant.id}/soc2-examinations/new`} data-testid="soc2-examination-new">
                {t('soc2Engagements.firm.list.open')}
              </Button>
            )}
          </Group>
        }
      />
      <Card withBorder padding="lg">
        {filters.engagementId && (
          <Group mb="sm" gap="sm" data-testid="soc2-examinations-engagement">
            <Text size="sm" fw={600}>
              {rows[0] ? t('soc2Report.engagement.filtered', { client: rows[0].clientName }) : t('soc2Report.engagement.filteredNone')}
            </Text>
            <Anchor component="button" size="sm" onClick={() => setFilter('engagementId', undefined)} data-testid="soc2-examinations-engagement-clear">
              {t('soc2Report.engagement.clear')}
            </Anchor>
          </Group>
        )}
        <Group mb="md">
          <NativeSelect
            label={t('soc2Engagements.firm.list.stateLabel')}
            value={filters.state ?? ''}
            onChange={(e) => setFilter('state', e.currentTarget.value || undefined)}
            data={[{ value: '', label: t('soc2Engagements.firm.list.allStates') }, ...SOC2_EXAMINATION_STATES.map((s) => ({ value: s, label: t(`soc2Engagements.state.${s}`) }))]}
            data-testid="soc2-examinations-filter-state"
          />
          <NativeSelect
            label={t('soc2Engagements.firm.list.typeLabel')}
            value={filters.reportType ?? ''}
            onChange={(e) => setFilter('reportType', e.currentTarget.value || undefined)}
            data={[{ value: '', label: t('soc2Engagements.firm.list.allTypes') }, ...SOC2_REPORT_TYPES.map((s) => ({ value: s, label: t(`soc2Engagements.reportType.${s}`) }))]}
            data-testid="soc2-examinations-filter-type"
          />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TSoc2Examination>
            testId="soc2-examinations-table"
            label={t('soc2Engagements.firm.list.title')}
            rows={rows}
            rowKey={(e) => e.id}
            rowTestId={(e) => `soc2-examination-row-${e.reference}`}
            empty={t('soc2Engagements.firm.list.empty')}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'reference',
                header: t('soc2Engagements.firm.fields.reference'),
                cell: (e) => (
                  <Link to={href(e)} data-testid={`soc2-examination-link-${e.reference}`}>
                    {e.reference}
                  </Link>
                ),
                sortValue: (e) => e.reference,
                nowrap: true,
              },
              { key: 'organization', header: t('soc2Engagements.firm.fields.organization'), cell: (e) => e.organizationName, sortValue: (e) => e.organizationName, truncate: (e) => e.organizationName },
              { key: 'type', header: t('soc2Engagements.firm.fields.reportType'), cell: (e) => t(`soc2Engagements.reportType.${e.reportType}`), sortValue: (e) => e.reportType, nowrap: true },
              { key: 'period', header: t('soc2Engagements.firm.fields.period'), cell: (e) => period(e), sortValue: (e) => e.asOfDate ?? e.periodStart, nowrap: true },
              { key: 'state', header: t('soc2Engagements.firm.fields.state'), cell: (e) => <ExaminationStateBadge state={e.state} /> },
            ]}
          />
        )}
      </Card>
    </Stack>
  );
}
