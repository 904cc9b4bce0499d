import { Anchor, Button, Card, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useContractFilters } from '../../lib/url-filters';
import { CONTROL_AUTOMATIONS, CONTROL_FREQUENCIES, CONTROL_LIST_SORTS, CONTROL_STATUSES, ZControlListQuery, type TControlSummary } from '../../../shared/contracts/controls';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useAdoptedFrameworks, useApplyLibrary, useControls } from './api';
import { FrameworksCard } from './FrameworksCard';
import { StatusBadge } from './StatusBadge';

const FILTER_KEYS = ['status', 'ownerId', 'frequency', 'automation', 'frameworkId', 'sort', 'direction'] as const;

/** The organization's controls: filters in the address, keyset pages, the starter library, adopted frameworks. */
export function ControlsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.locale === 'fr' ? 'fr' : 'en';
  const { tenant, can } = useTenantContext();
  const [filters, setFilter] = useContractFilters(ZControlListQuery, FILTER_KEYS);
  // The search box answers as one types, but asks the server once the typing pauses.
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useControls(tenant.id, { ...filters, q: q || undefined }, can('control.read'));
  const adopted = useAdoptedFrameworks(tenant.id);
  const library = useApplyLibrary(tenant.id);
  const members = useMembers(tenant.id);
  if (!can('control.read')) return <NoAccess />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const base = `/t/${tenant.id}/controls`;
  const all = { value: '', label: t('controls.filters.all') };
  const set = (k: (typeof FILTER_KEYS)[number]) => (e: { currentTarget: { value: string } }) => setFilter(k, e.currentTarget.value || undefined);
  const frameworks = adopted.data?.items ?? [];

  return (
    <Stack gap="xl">
      <PageHeader
        title={t('controls.title')}
        description={t('controls.intro')}
        actions={
          <Group gap="xs">
            {can('control.applyLibrary') && (
              <ConfirmButton
                variant="default"
                loading={library.isPending}
                title={t('controls.library.title')}
                message={t('controls.library.confirm')}
                confirmLabel={t('controls.library.start')}
                onConfirm={() => library.mutate(undefined, { onSuccess: (r) => notifySuccess(t('controls.library.done', r)), onError: notifyError })}
                data-testid="controls-library"
              >
                {t('controls.library.start')}
              </ConfirmButton>
            )}
            {can('control.create') && (
              <Button component={Link} to={`${base}/new`} data-testid="controls-new">
                {t('controls.new')}
              </Button>
            )}
          </Group>
        }
      />
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end" wrap="wrap">
          <TextInput label={t('controls.filters.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} maxLength={100} data-testid="controls-filter-q" />
          <NativeSelect label={t('controls.columns.status')} value={filters.status ?? ''} onChange={set('status')} data={[all, ...CONTROL_STATUSES.map((v) => ({ value: v, label: t(`controls.status.${v}`) }))]} data-testid="controls-filter-status" />
          <NativeSelect
            label={t('controls.columns.owner')}
            value={filters.ownerId ?? ''}
            onChange={set('ownerId')}
            data={[all, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))]}
            data-testid="controls-filter-owner"
          />
          <NativeSelect label={t('controls.columns.frequency')} value={filters.frequency ?? ''} onChange={set('frequency')} data={[all, ...CONTROL_FREQUENCIES.map((v) => ({ value: v, label: t(`controls.frequency.${v}`) }))]} data-testid="controls-filter-frequency" />
          <NativeSelect label={t('controls.columns.automation')} value={filters.automation ?? ''} onChange={set('automation')} data={[all, ...CONTROL_AUTOMATIONS.map((v) => ({ value: v, label: t(`controls.automation.${v}`) }))]} data-testid="controls-filter-automation" />
          <NativeSelect
            label={t('controls.columns.frameworks')}
            value={filters.frameworkId ?? ''}
            onChange={set('frameworkId')}
            data={[all, ...frameworks.map((f) => ({ value: f.frameworkId, label: f.shortTitle[lang] })), ...(filters.frameworkId && !frameworks.some((f) => f.frameworkId === filters.frameworkId) ? [{ value: filters.frameworkId, label: filters.frameworkId }] : [])]}
            data-testid="controls-filter-framework"
          />
          <NativeSelect label={t('controls.filters.sort')} value={filters.sort ?? 'reference'} onChange={set('sort')} data={CONTROL_LIST_SORTS.map((v) => ({ value: v, label: t(`controls.sorts.${v}`) }))} data-testid="controls-sort" />
          <NativeSelect
            label={t('controls.filters.direction')}
            value={filters.direction ?? 'asc'}
            onChange={set('direction')}
            data={[
              { value: 'asc', label: t('controls.filters.asc') },
              { value: 'desc', label: t('controls.filters.desc') },
            ]}
            data-testid="controls-direction"
          />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TControlSummary>
            testId="controls-table"
            label={t('controls.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `control-row-${r.reference}`}
            empty={t('controls.empty')}
            minWidth={900}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'reference',
                header: t('controls.columns.reference'),
                cell: (r) => (
                  <Anchor component={Link} to={`${base}/${r.id}`} data-testid={`control-open-${r.reference}`}>
                    {r.reference}
                  </Anchor>
                ),
                nowrap: true,
              },
              { key: 'title', header: t('controls.columns.title'), cell: (r) => r.title, truncate: (r) => r.title },
              { key: 'status', header: t('controls.columns.status'), cell: (r) => <StatusBadge status={r.status} />, nowrap: true },
              { key: 'owner', header: t('controls.columns.owner'), cell: (r) => r.owner?.name ?? t('common.none'), truncate: (r) => r.owner?.name ?? '' },
              { key: 'frequency', header: t('controls.columns.frequency'), cell: (r) => t(`controls.frequency.${r.frequency}`), nowrap: true },
              { key: 'automation', header: t('controls.columns.automation'), cell: (r) => t(`controls.automation.${r.automation}`), nowrap: true },
              {
                key: 'links',
                header: t('controls.columns.requirements'),
                cell: (r) => (
                  <Text size="sm" title={r.frameworkIds.join(', ')}>
                    {format.number(r.requirementCount)}
                  </Text>
                ),
                nowrap: true,
              },
              { key: 'updated', header: t('controls.columns.updatedAt'), cell: (r) => format.date(r.updatedAt), nowrap: true },
            ]}
          />
        )}
      </Card>
      <FrameworksCard tenantId={tenant.id} />
    </Stack>
  );
}
