import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { VERSION_STATUSES, type TAssessmentSummary, type TVersionStatus } from '../../../shared/contracts/impact-assessments';
import { useTenantContext } from '../tenants/TenantRoute';
import { useAiSystemOptions, useAssessments } from './api';
import { CreateAssessmentForm } from './CreateAssessmentForm';
import { ImpactSettingsCard } from './ImpactSettingsCard';

export const STATUS_COLOR: Record<TVersionStatus, string> = { draft: 'gray', in_review: 'orange', approved: 'teal', superseded: 'dark' };

export function ImpactAssessmentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const [aiSystemId, setAiSystemId] = useState('');
  const [status, setStatus] = useState<TVersionStatus | ''>('');
  const [creating, setCreating] = useState(false);
  const readable = can('impactAssessment.read');
  const systems = useAiSystemOptions(tenant.id);
  const list = useAssessments(tenant.id, { aiSystemId: aiSystemId || undefined, status: status || undefined }, readable);

  if (!readable) return <NoAccess />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const base = `/t/${tenant.id}/impact-assessments`;

  return (
    <Stack gap="xl">
      <PageHeader
        title={t('impactAssessments.title')}
        description={t('impactAssessments.intro')}
        actions={
          can('impactAssessment.create') && !creating ? (
            <Button onClick={() => setCreating(true)} data-testid="ia-new">
              {t('impactAssessments.list.new')}
            </Button>
          ) : null
        }
      />
      {creating && (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="md">
            {t('impactAssessments.create.title')}
          </Title>
          <CreateAssessmentForm tenantId={tenant.id} systems={systems.data?.items ?? []} onCancel={() => setCreating(false)} />
        </Card>
      )}
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end">
          <NativeSelect
            label={t('impactAssessments.list.filterAiSystem')}
            value={aiSystemId}
            onChange={(e) => setAiSystemId(e.currentTarget.value)}
            data={[{ value: '', label: t('impactAssessments.list.all') }, ...(systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))]}
            data-testid="ia-filter-system"
          />
          <NativeSelect
            label={t('impactAssessments.list.filterStatus')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as TVersionStatus | '')}
            data={[{ value: '', label: t('impactAssessments.list.all') }, ...VERSION_STATUSES.map((s) => ({ value: s, label: t(`impactAssessments.status.${s}`) }))]}
            data-testid="ia-filter-status"
          />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TAssessmentSummary>
            testId="ia-table"
            label={t('impactAssessments.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `ia-row-${r.id}`}
            empty={t('impactAssessments.list.empty')}
            minWidth={960}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'title',
                header: t('impactAssessments.list.columns.title'),
                cell: (r) => (
                  <Anchor component={Link} to={`${base}/${r.id}`} data-testid={`ia-open-${r.id}`}>
                    {r.title}
                  </Anchor>
                ),
                truncate: (r) => r.title,
                sortValue: (r) => r.title,
              },
              { key: 'aiSystem', header: t('impactAssessments.list.columns.aiSystem'), cell: (r) => r.aiSystemName, truncate: (r) => r.aiSystemName, sortValue: (r) => r.aiSystemName },
              { key: 'variant', header: t('impactAssessments.list.columns.variant'), cell: (r) => t(`impactAssessments.variantShort.${r.variant}`), nowrap: true },
              {
                key: 'version',
                header: t('impactAssessments.list.columns.version'),
                cell: (r) => (
                  <Stack gap={0}>
                    <Text size="sm">{t('impactAssessments.list.versionValue', { version: r.version })}</Text>
                    {r.approvedVersion !== null && r.approvedVersion !== r.version && (
                      <Text size="xs" c="dimmed">
                        {t('impactAssessments.list.inForce', { version: r.approvedVersion })}
                      </Text>
                    )}
                  </Stack>
                ),
                nowrap: true,
              },
              {
                key: 'status',
                header: t('impactAssessments.list.columns.status'),
                cell: (r) => (
                  <Badge color={STATUS_COLOR[r.status]} variant="light">
                    {t(`impactAssessments.status.${r.status}`)}
                  </Badge>
                ),
                sortValue: (r) => r.status,
                nowrap: true,
              },
              { key: 'significant', header: t('impactAssessments.list.columns.significant'), cell: (r) => format.number(r.significantImpacts), sortValue: (r) => r.significantImpacts },
              { key: 'nextReview', header: t('impactAssessments.list.columns.nextReview'), cell: (r) => format.date(r.nextReviewOn), sortValue: (r) => r.nextReviewOn, nowrap: true },
              { key: 'updated', header: t('impactAssessments.list.columns.updated'), cell: (r) => format.date(r.updatedAt), sortValue: (r) => r.updatedAt, nowrap: true },
            ]}
          />
        )}
      </Card>
      <ImpactSettingsCard tenantId={tenant.id} />
    </Stack>
  );
}
