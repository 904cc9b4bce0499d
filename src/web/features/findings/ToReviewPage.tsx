import { Anchor, Badge, Card, Group, NativeSelect, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ZReviewListQuery, type TFinding } from '../../../shared/contracts/findings';
import { FINDING_CLASSES } from '../../../shared/contracts/certification-decisions';
import { useContractFilters } from '../../lib/url-filters';
import { DataTable, type TDataColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useTenantContext } from '../tenants/TenantRoute';
import { useFindingsToReview } from './api';
import { FindingClassBadge, FindingDueDates } from './FindingBits';

const FILTER_KEYS = ['class', 'overdue'] as const;

/**
 * « Corrective actions to review » across the body: every answer waiting for a verdict (an auditor
 * sees those of the audits whose team they are on), the overdue ones first, then the longest waiting.
 */
export function ToReviewPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const [filters, setFilter] = useContractFilters(ZReviewListQuery, FILTER_KEYS);
  const list = useFindingsToReview(tenant.id, filters);
  const filtered = Object.keys(filters).length > 0;
  if (!can('finding.read')) return <NoAccess />;
  const columns: TDataColumn<TFinding>[] = [
    {
      key: 'reference',
      header: t('findings.fields.reference'),
      cell: (f) => (
        <Anchor component={Link} to={`/t/${tenant.id}/findings/${f.id}`} data-testid="to-review-open">
          {f.reference}
        </Anchor>
      ),
      nowrap: true,
    },
    { key: 'class', header: t('findings.fields.class'), cell: (f) => <FindingClassBadge value={f.class} />, nowrap: true },
    { key: 'client', header: t('findings.fields.client'), cell: (f) => f.clientName },
    {
      key: 'audit',
      header: t('findings.fields.audit'),
      cell: (f) => (
        <Anchor component={Link} to={`/t/${tenant.id}/audits/${f.auditId}/findings`} size="sm">
          {f.auditReference}
        </Anchor>
      ),
      nowrap: true,
    },
    { key: 'statement', header: t('findings.fields.statement'), cell: (f) => f.statement, truncate: (f) => f.statement },
    { key: 'since', header: t('findings.toReview.since'), cell: (f) => format.dateTime(f.pendingSince), nowrap: true },
    { key: 'wait', header: t('findings.toReview.waitColumn'), cell: (f) => <ReviewWait finding={f} />, nowrap: true },
    { key: 'due', header: t('findings.fields.due'), cell: (f) => <FindingDueDates finding={f} /> },
  ];
  return (
    <>
      <PageHeader title={t('findings.toReview.title')} description={t('findings.toReview.description')} />
      <Stack gap="lg" mt="xl">
        <Card withBorder padding="md">
          <Group>
            <NativeSelect
              label={t('findings.toReview.classLabel')}
              value={filters.class ?? ''}
              onChange={(e) => setFilter('class', e.currentTarget.value || undefined)}
              data={[{ value: '', label: t('findings.toReview.allClasses') }, ...FINDING_CLASSES.map((c) => ({ value: c, label: t(`findings.class.${c}`) }))]}
              data-testid="to-review-filter-class"
            />
            <NativeSelect
              label={t('findings.toReview.overdueLabel')}
              value={filters.overdue ?? ''}
              onChange={(e) => setFilter('overdue', e.currentTarget.value || undefined)}
              data={[
                { value: '', label: t('findings.toReview.overdueAll') },
                { value: 'true', label: t('findings.toReview.overdueOnly') },
                { value: 'false', label: t('findings.toReview.overdueNot') },
              ]}
              data-testid="to-review-filter-overdue"
            />
          </Group>
        </Card>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable
            rows={list.data.pages.flatMap((p) => p.items)}
            rowKey={(f) => f.id}
            columns={columns}
            empty={t(filtered ? 'findings.toReview.emptyFiltered' : 'findings.toReview.empty')}
            label={t('findings.toReview.title')}
            testId="to-review-table"
            rowTestId={(f) => `to-review-row-${f.reference}`}
            minWidth={1080}
            loadMore={{ hasMore: list.hasNextPage, loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
          />
        )}
      </Stack>
    </>
  );
}

/** Business days the answer has waited, against the body's target; past it, a red badge says so. */
function ReviewWait({ finding }: { finding: TFinding }) {
  const { t } = useTranslation();
  const w = finding.reviewWait;
  if (!w) return null;
  const text = t('findings.toReview.wait', { elapsed: w.elapsedBusinessDays, target: w.targetBusinessDays });
  return (
    <Tooltip label={t('findings.toReview.waitHint')} multiline w={280}>
      {w.overdue ? (
        <Badge color="red" variant="light" data-testid="review-wait-overdue" title={t('findings.toReview.waitOverdue')}>
          {text}
        </Badge>
      ) : (
        <Text size="sm" data-testid="review-wait">
          {text}
        </Text>
      )}
    </Tooltip>
  );
}
