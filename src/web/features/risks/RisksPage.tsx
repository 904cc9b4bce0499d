import { Anchor, Badge, Button, Card, Checkbox, CloseButton, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { RISK_STATUSES, RISK_TREATMENTS, type TRiskStatus, type TRiskSummary, type TRiskTreatment } from '../../../shared/contracts/risks';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { exportUrl, useAiSystemChoices, useHeatMap, useOverdue, useRisks, type TRiskFilters } from './api';
import { HeatMap, LevelBadge, type TCell } from './RiskBits';

export const STATUS_COLOR: Record<TRiskStatus, string> = { open: 'blue', accepted: 'teal', closed: 'gray' };

/** The register: heat map (a cell filters the table), filters, the table and what is overdue. */
export function RisksPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const readable = can('risk.read');
  const [level, setLevel] = useState('');
  const [levelOf, setLevelOf] = useState<'inherent' | 'residual'>('residual');
  const [ownerId, setOwnerId] = useState('');
  const [aiSystemId, setAiSystemId] = useState('');
  const [treatment, setTreatment] = useState<TRiskTreatment | ''>('');
  const [status, setStatus] = useState<TRiskStatus | ''>('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [cell, setCell] = useState<TCell | null>(null);
  const map = useHeatMap(tenant.id, readable);
  const overdue = useOverdue(tenant.id, readable);
  const members = useMembers(tenant.id, readable);
  const systems = useAiSystemChoices(tenant.id);
  const matrix = map.data?.matrix.config;
  const filters: TRiskFilters = {
    ...(cell ? { levelOf: cell.axis, likelihood: cell.likelihood, impact: cell.impact, matrixVersion: map.data?.matrix.version || 1 } : { levelOf, level: level || undefined }),
    ownerId: ownerId || undefined,
    aiSystemId: aiSystemId || undefined,
    treatment: treatment || undefined,
    status: status || undefined,
    ...(overdueOnly ? { reviewOverdue: 'true' as const } : {}),
  };
  const list = useRisks(tenant.id, filters, readable);

  if (!readable) return <NoAccess />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const base = `/t/${tenant.id}/risks`;
  const all = { value: '', label: t('risks.filters.all') };

  return (
    <Stack gap="xl">
      <PageHeader
        title={t('risks.title')}
        description={t('risks.intro')}
        actions={
          <Group gap="xs">
            <Button component={Link} to={`${base}/matrix`} variant="default" data-testid="risks-matrix">
              {t('risks.matrix.link')}
            </Button>
            {can('risk.create') && (
              <Button component={Link} to={`${base}/new`} data-testid="risks-new">
                {t('risks.new')}
              </Button>
            )}
          </Group>
        }
      />
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">
          {t('risks.heatMap.title')}
        </Title>
        {map.isPending ? <Loading /> : map.error ? <ErrorAlert error={map.error} /> : <HeatMap map={map.data} selected={cell} onSelect={(c) => setCell(c)} />}
      </Card>
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end" wrap="wrap">
          {cell && matrix ? (
            <Badge size="lg" variant="light" rightSection={<CloseButton size="xs" onClick={() => setCell(null)} aria-label={t('risks.filters.clearCell')} data-testid="risks-clear-cell" />} data-testid="risks-cell-filter">
              {t('risks.filters.cell', {
                axis: t(`risks.heatMap.${cell.axis}`),
                likelihood: matrix.likelihood[cell.likelihood - 1]?.[format.locale === 'fr' ? 'fr' : 'en'] ?? cell.likelihood,
                impact: matrix.impact[cell.impact - 1]?.[format.locale === 'fr' ? 'fr' : 'en'] ?? cell.impact,
              })}
            </Badge>
          ) : (
            <>
              <NativeSelect
                label={t('risks.filters.level')}
                value={level}
                onChange={(e) => setLevel(e.currentTarget.value)}
                data={[all, ...(matrix?.bands ?? []).map((b) => ({ value: b.key, label: b.label[format.locale === 'fr' ? 'fr' : 'en'] }))]}
                data-testid="risks-filter-level"
              />
              <NativeSelect
                label={t('risks.filters.levelOf')}
                value={levelOf}
                onChange={(e) => setLevelOf(e.currentTarget.value as 'inherent' | 'residual')}
                data={[
                  { value: 'residual', label: t('risks.heatMap.residual') },
                  { value: 'inherent', label: t('risks.heatMap.inherent') },
                ]}
                data-testid="risks-filter-level-of"
              />
            </>
          )}
          <NativeSelect
            label={t('risks.fields.ownerId')}
            value={ownerId}
            onChange={(e) => setOwnerId(e.currentTarget.value)}
            data={[all, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))]}
            data-testid="risks-filter-owner"
          />
          <NativeSelect
            label={t('risks.filters.aiSystem')}
            value={aiSystemId}
            onChange={(e) => setAiSystemId(e.currentTarget.value)}
            data={[all, ...(systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))]}
            data-testid="risks-filter-system"
          />
          <NativeSelect
            label={t('risks.fields.treatment')}
            value={treatment}
            onChange={(e) => setTreatment(e.currentTarget.value as TRiskTreatment | '')}
            data={[all, ...RISK_TREATMENTS.map((v) => ({ value: v, label: t(`risks.treatment.${v}`) }))]}
            data-testid="risks-filter-treatment"
          />
          <NativeSelect
            label={t('risks.fields.status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as TRiskStatus | '')}
            data={[all, ...RISK_STATUSES.map((v) => ({ value: v, label: t(`risks.status.${v}`) }))]}
            data-testid="risks-filter-status"
          />
          <Checkbox label={t('risks.filters.reviewOverdue')} checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} data-testid="risks-filter-overdue" mb={8} />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TRiskSummary>
            testId="risks-table"
            label={t('risks.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `risk-row-${r.id}`}
            empty={t('risks.empty')}
            minWidth={1100}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'title',
                header: t('risks.fields.title'),
                cell: (r) => (
                  <Anchor component={Link} to={`${base}/${r.id}`} data-testid={`risk-open-${r.id}`}>
                    {r.title}
                  </Anchor>
                ),
                truncate: (r) => r.title,
                sortValue: (r) => r.title,
              },
              { key: 'source', header: t('risks.fields.source'), cell: (r) => t(`risks.source.${r.source}`), nowrap: true },
              { key: 'owner', header: t('risks.fields.ownerId'), cell: (r) => r.owner?.name ?? t('common.none'), truncate: (r) => r.owner?.name ?? '' },
              { key: 'systems', header: t('risks.fields.aiSystemIds'), cell: (r) => r.aiSystems.map((s) => s.name).join(', ') || t('common.none'), truncate: (r) => r.aiSystems.map((s) => s.name).join(', ') },
              { key: 'inherent', header: t('risks.heatMap.inherent'), cell: (r) => <LevelBadge matrix={matrix} score={r.inherent} />, sortValue: (r) => r.inherent.score, nowrap: true },
              { key: 'treatment', header: t('risks.fields.treatment'), cell: (r) => (r.treatment ? t(`risks.treatment.${r.treatment}`) : t('common.none')), nowrap: true },
              { key: 'residual', header: t('risks.heatMap.residual'), cell: (r) => <LevelBadge matrix={matrix} score={r.residual} />, sortValue: (r) => r.residual?.score ?? null, nowrap: true },
              {
                key: 'status',
                header: t('risks.fields.status'),
                cell: (r) => (
                  <Badge color={STATUS_COLOR[r.status]} variant="light">
                    {t(`risks.status.${r.status}`)}
                  </Badge>
                ),
                sortValue: (r) => r.status,
                nowrap: true,
              },
              {
                key: 'review',
                header: t('risks.fields.reviewDate'),
                cell: (r) => (
                  <Text size="sm" c={r.reviewOverdue ? 'red' : undefined} fw={r.reviewOverdue ? 700 : undefined}>
                    {format.date(r.reviewDate ? `${r.reviewDate}T12:00:00Z` : null)}
                  </Text>
                ),
                sortValue: (r) => r.reviewDate,
                nowrap: true,
              },
              { key: 'matrix', header: t('risks.fields.matrixVersion'), cell: (r) => format.number(r.matrixVersion), sortValue: (r) => r.matrixVersion, nowrap: true },
            ]}
          />
        )}
        <Group mt="md" gap="xs">
          <Text size="sm">{t('risks.export.label')}</Text>
          <Button component="a" size="xs" variant="default" href={exportUrl(tenant.id, 'en')} download data-testid="risks-export-en">
            {t('risks.export.en')}
          </Button>
          <Button component="a" size="xs" variant="default" href={exportUrl(tenant.id, 'fr')} download data-testid="risks-export-fr">
            {t('risks.export.fr')}
          </Button>
        </Group>
      </Card>
      <Card withBorder padding="lg" data-testid="risks-overdue">
        <Title order={2} size="h4" mb="md">
          {t('risks.overdue.title')}
        </Title>
        {overdue.data && overdue.data.reviews.length + overdue.data.actions.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('risks.overdue.none')}
          </Text>
        )}
        <Stack gap={4}>
          {overdue.data?.reviews.map((r) => (
            <Text size="sm" key={`r-${r.id}`}>
              <Anchor component={Link} to={`${base}/${r.id}`}>
                {r.title}
              </Anchor>{' '}
              — {t('risks.overdue.review', { date: format.date(`${r.reviewDate}T12:00:00Z`) })}
            </Text>
          ))}
          {overdue.data?.actions.map((a) => (
            <Text size="sm" key={`a-${a.id}`}>
              <Anchor component={Link} to={`${base}/${a.riskId}`}>
                {a.riskTitle}
              </Anchor>{' '}
              — {t('risks.overdue.action', { title: a.title, date: format.date(`${a.dueDate}T12:00:00Z`), owner: a.owner?.name ?? t('common.none') })}
            </Text>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
