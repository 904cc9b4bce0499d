import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TOrgSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import { DataTable, type TDataColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useTenantContext } from '../tenants/TenantRoute';
import { useAllOrgRequests, useOrgExaminations } from './api';
import { DescriptionStateBadge, ExaminationStateBadge, OverdueBadge, useReportPeriod } from './Soc2Bits';

/** The organization's SOC 2 examinations, whichever CPA firm runs them. */
export function Soc2ProgrammePage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const list = useOrgExaminations(tenant.id);
  const period = useReportPeriod();
  const requests = useAllOrgRequests(tenant.id, can('orgSoc2Request.read'));
  // What is still with the organization (open or returned), per examination.
  const pending = new Map<string, { count: number; overdue: number }>();
  for (const r of requests.data?.items ?? []) {
    if (r.state !== 'open' && r.state !== 'returned') continue;
    const c = pending.get(r.examinationId) ?? { count: 0, overdue: 0 };
    c.count += 1;
    if (r.overdue) c.overdue += 1;
    pending.set(r.examinationId, c);
  }
  if (!can('orgSoc2Examination.read')) return <NoAccess />;
  const columns: TDataColumn<TOrgSoc2Examination>[] = [
    {
      key: 'reference',
      header: t('soc2Programme.list.reference'),
      cell: (x) => (
        <Anchor component={Link} to={`/t/${tenant.id}/soc2-programme/${x.id}`} data-testid="soc2-exam-open">
          {x.reference}
        </Anchor>
      ),
      sortValue: (x) => x.reference,
      nowrap: true,
    },
    { key: 'firm', header: t('soc2Programme.list.firm'), cell: (x) => x.firmName, truncate: (x) => x.firmName, sortValue: (x) => x.firmName },
    { key: 'type', header: t('soc2Programme.list.type'), cell: (x) => t(`soc2Engagements.reportType.${x.reportType}`), sortValue: (x) => x.reportType, nowrap: true },
    { key: 'period', header: t('soc2Programme.list.period'), cell: (x) => <span data-testid="soc2-exam-period">{period(x)}</span>, sortValue: (x) => x.periodEnd ?? x.asOfDate },
    { key: 'categories', header: t('soc2Programme.list.categories'), cell: (x) => x.categories.map((c) => t(`soc2Engagements.category.${c}`)).join(', ') },
    { key: 'description', header: t('soc2Programme.list.description'), cell: (x) => <DescriptionStateBadge value={x.descriptionState} />, sortValue: (x) => x.descriptionState, nowrap: true },
    {
      key: 'requests',
      header: t('soc2Programme.list.requests'),
      cell: (x) => {
        const c = pending.get(x.id);
        if (!c) return <Text size="sm" c="dimmed">{t('soc2Programme.list.noPending')}</Text>;
        return (
          <Group gap="xs" wrap="nowrap" data-testid="soc2-exam-pending">
            <Anchor component={Link} to={`/t/${tenant.id}/soc2-programme/${x.id}/requests`} size="sm">
              {t('soc2Programme.list.pending', { count: c.count })}
            </Anchor>
            {c.overdue > 0 && <OverdueBadge />}
          </Group>
        );
      },
      sortValue: (x) => pending.get(x.id)?.count ?? 0,
      nowrap: true,
    },
    { key: 'state', header: t('soc2Programme.list.state'), cell: (x) => <ExaminationStateBadge value={x.state} />, sortValue: (x) => x.state, nowrap: true },
  ];
  return (
    <>
      <PageHeader title={t('soc2Programme.list.title')} description={t('soc2Programme.list.intro')} />
      <Stack gap="lg" mt="xl">
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable
            rows={list.data.pages.flatMap((p) => p.items)}
            rowKey={(x) => x.id}
            columns={columns}
            empty={t('soc2Programme.list.empty')}
            label={t('soc2Programme.list.title')}
            testId="soc2-exams-table"
            rowTestId={(x) => `soc2-exam-row-${x.reference}`}
            minWidth={960}
            loadMore={{ hasMore: list.hasNextPage, loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
          />
        )}
      </Stack>
    </>
  );
}
