import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TOrgFinding } from '../../../shared/contracts/findings';
import { DataTable, type TDataColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useTenantContext } from '../tenants/TenantRoute';
import { useOrgFindings } from './api';
import { FindingClassBadge, FindingDueDates, FindingStateBadge } from './FindingBits';
import { useRequirementLabel } from './FindingsTab';

/** The organization's findings across its engagements, with their deadlines; the mails and its nonconformities link here. */
export function OrgFindingsPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const list = useOrgFindings(tenant.id);
  const requirement = useRequirementLabel();
  if (!can('orgFinding.read')) return <NoAccess />;
  const columns: TDataColumn<TOrgFinding>[] = [
    {
      key: 'reference',
      header: t('findings.fields.reference'),
      cell: (f) => (
        <Anchor component={Link} to={`/t/${tenant.id}/certification/findings/${f.id}`} data-testid="org-finding-open">
          {f.reference}
        </Anchor>
      ),
      sortValue: (f) => f.reference,
      nowrap: true,
    },
    { key: 'class', header: t('findings.fields.class'), cell: (f) => <FindingClassBadge value={f.class} />, sortValue: (f) => f.class, nowrap: true },
    { key: 'requirement', header: t('findings.fields.requirement'), cell: (f) => <span title={requirement(f)}>{f.requirement?.ref ?? '—'}</span>, sortValue: (f) => f.requirement?.ref ?? null, nowrap: true },
    { key: 'statement', header: t('findings.fields.statement'), cell: (f) => f.statement, truncate: (f) => f.statement },
    { key: 'state', header: t('findings.fields.state'), cell: (f) => <FindingStateBadge value={f.state} />, sortValue: (f) => f.state, nowrap: true },
    { key: 'due', header: t('findings.fields.due'), cell: (f) => <FindingDueDates finding={f} />, sortValue: (f) => f.responseDueOn ?? f.closureDueOn ?? f.verificationDueOn },
  ];
  return (
    <>
      <PageHeader title={t('findings.org.title')} description={t('findings.org.description')} />
      <Stack gap="lg" mt="xl">
        <Anchor component={Link} to={`/t/${tenant.id}/certification`} size="sm">
          ← {t('nav.items.certification')}
        </Anchor>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable
            rows={list.data.pages.flatMap((p) => p.items)}
            rowKey={(f) => f.id}
            columns={columns}
            empty={t('findings.org.empty')}
            label={t('findings.org.title')}
            testId="org-findings-table"
            rowTestId={(f) => `org-finding-row-${f.reference}`}
            minWidth={960}
            loadMore={{ hasMore: list.hasNextPage, loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
          />
        )}
      </Stack>
    </>
  );
}
