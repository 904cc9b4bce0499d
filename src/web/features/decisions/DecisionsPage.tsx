import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import type { TDecision } from '../../../shared/contracts/cert-decisions';
import { useTenantContext } from '../tenants/TenantRoute';
import { noon } from '../audits/StateBadge';
import { useDecisions, useTechnicalReviews } from './api';

/** The body's certification decisions, latest first; completed reviews waiting for a decision lead to the form. */
export function DecisionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const list = useDecisions(tenant.id, {}, can('certDecision.read'));
  const reviews = useTechnicalReviews(tenant.id, { state: 'completed' }, can('technicalReview.read'));
  if (!can('certDecision.read')) return <NoAccess />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const decided = new Set(rows.map((d) => d.technicalReviewId));
  const waiting = (reviews.data?.pages.flatMap((p) => p.items) ?? []).filter((r) => !decided.has(r.id));

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('decisions.title')}
        description={t('decisions.intro')}
        actions={
          <Button component={Link} to={`/t/${tenant.id}/technical-reviews`} variant="default" data-testid="decisions-reviews-link">
            {t('decisions.list.reviews')}
          </Button>
        }
      />
      {waiting.length > 0 && (
        <Card withBorder padding="lg" data-testid="decisions-waiting">
          <Stack gap="xs">
            <Text fw={600}>{t('decisions.list.waiting')}</Text>
            {waiting.map((r) => (
              <Group key={r.id} justify="space-between">
                <Text size="sm">
                  {r.clientName} · {r.auditReference} · {r.recommendation ? t('decisions.review.recommendationIs', { kind: t(`decisions.kind.${r.recommendation}`) }) : ''}
                </Text>
                <Button size="xs" component={Link} to={`/t/${tenant.id}/decisions/new?programmeId=${r.programmeId}`} data-testid={`decide-${r.auditReference}`}>
                  {t('decisions.list.new')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Card>
      )}
      <Card withBorder padding="lg">
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TDecision>
            testId="decisions-table"
            label={t('decisions.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `decision-row-${r.reference}`}
            empty={t('decisions.list.empty')}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'reference',
                header: t('decisions.fields.reference'),
                cell: (r) => (
                  <Link to={`/t/${tenant.id}/decisions/${r.id}`} data-testid={`decision-link-${r.reference}`}>
                    {r.reference}
                  </Link>
                ),
                nowrap: true,
              },
              { key: 'client', header: t('decisions.fields.client'), cell: (r) => r.clientName, sortValue: (r) => r.clientName },
              { key: 'kind', header: t('decisions.fields.kind'), cell: (r) => t(`decisions.kind.${r.kind}`) },
              { key: 'certificate', header: t('decisions.fields.certificate'), cell: (r) => r.certificateNumber ?? t('common.none'), nowrap: true },
              { key: 'decidedOn', header: t('decisions.fields.decidedOn'), cell: (r) => format.date(noon(r.decidedOn)), sortValue: (r) => r.decidedOn, nowrap: true },
              { key: 'decidedBy', header: t('decisions.fields.decidedBy'), cell: (r) => r.decidedBy.name },
            ]}
          />
        )}
      </Card>
    </Stack>
  );
}
