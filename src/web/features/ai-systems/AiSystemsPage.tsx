import { Anchor, Badge, Button, Card, FileButton, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useContractFilters } from '../../lib/url-filters';
import { AI_LIFECYCLE_STAGES, AI_ORG_ROLES, AI_TIERS, ZAiListQuery, type TAiSystemSummary } from '../../../shared/contracts/ai-systems';
import { useTenantContext } from '../tenants/TenantRoute';
import { bomUrl, useAiSystems, useImportBom } from './api';
import { TierBadge } from './TierBadge';

const FILTER_KEYS = ['stage', 'tier', 'role'] as const;

/** The inventory: filters, the table (keyset pages), CycloneDX export and import. */
export function AiSystemsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const [filters, setFilter] = useContractFilters(ZAiListQuery, FILTER_KEYS);
  // The search box answers as one types, but asks the server once the typing pauses.
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useAiSystems(tenant.id, { ...filters, q: q || undefined }, can('aiSystem.read'));
  const importBom = useImportBom(tenant.id);
  if (!can('aiSystem.read')) return <NoAccess />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const base = `/t/${tenant.id}/ai-systems`;
  const all = { value: '', label: t('aiSystems.filters.all') };
  const set = (k: (typeof FILTER_KEYS)[number]) => (e: { currentTarget: { value: string } }) => setFilter(k, e.currentTarget.value || undefined);

  async function onFile(file: File | null) {
    if (!file) return;
    let bom: unknown;
    try {
      bom = JSON.parse(await file.text());
    } catch {
      notifyError(new Error(t('aiSystems.bom.notJson')));
      return;
    }
    importBom.mutate(bom, { onSuccess: (r) => notifySuccess(t('aiSystems.bom.imported', r)), onError: notifyError });
  }

  return (
    <Stack gap="xl">
      <PageHeader
        title={t('aiSystems.title')}
        description={t('aiSystems.intro')}
        actions={
          <Group gap="xs">
            <Button component="a" variant="default" href={bomUrl(tenant.id)} download data-testid="ai-export-all">
              {t('aiSystems.bom.exportAll')}
            </Button>
            {can('aiSystem.create') && (
              <FileButton onChange={(f) => void onFile(f)} accept="application/json,.json">
                {(props) => (
                  <Button {...props} variant="default" loading={importBom.isPending} data-testid="ai-import">
                    {t('aiSystems.bom.import')}
                  </Button>
                )}
              </FileButton>
            )}
            {can('aiSystem.create') && (
              <Button component={Link} to={`${base}/new`} data-testid="ai-new">
                {t('aiSystems.new')}
              </Button>
            )}
          </Group>
        }
      />
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end" wrap="wrap">
          <TextInput label={t('aiSystems.filters.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} maxLength={100} data-testid="ai-filter-q" />
          <NativeSelect label={t('aiSystems.fields.lifecycleStage')} value={filters.stage ?? ''} onChange={set('stage')} data={[all, ...AI_LIFECYCLE_STAGES.map((v) => ({ value: v, label: t(`aiSystems.stage.${v}`) }))]} data-testid="ai-filter-stage" />
          <NativeSelect
            label={t('aiSystems.fields.tier')}
            value={filters.tier ?? ''}
            onChange={set('tier')}
            data={[all, ...AI_TIERS.map((v) => ({ value: v, label: t(`aiSystems.tier.${v}`) })), { value: 'unclassified', label: t('aiSystems.filters.unclassified') }]}
            data-testid="ai-filter-tier"
          />
          <NativeSelect label={t('aiSystems.fields.roles')} value={filters.role ?? ''} onChange={set('role')} data={[all, ...AI_ORG_ROLES.map((v) => ({ value: v, label: t(`aiSystems.role.${v}`) }))]} data-testid="ai-filter-role" />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TAiSystemSummary>
            testId="ai-table"
            label={t('aiSystems.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `ai-row-${r.id}`}
            empty={t('aiSystems.empty')}
            minWidth={900}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'name',
                header: t('aiSystems.fields.name'),
                cell: (r) => (
                  <Anchor component={Link} to={`${base}/${r.id}`} data-testid={`ai-open-${r.id}`}>
                    {r.name}
                  </Anchor>
                ),
                truncate: (r) => r.name,
                sortValue: (r) => r.name.toLowerCase(),
              },
              { key: 'stage', header: t('aiSystems.fields.lifecycleStage'), cell: (r) => t(`aiSystems.stage.${r.lifecycleStage}`), nowrap: true },
              { key: 'roles', header: t('aiSystems.fields.roles'), cell: (r) => r.roles.map((x) => t(`aiSystems.role.${x}`)).join(', ') || t('common.none') },
              { key: 'tier', header: t('aiSystems.fields.tier'), cell: (r) => <TierBadge tier={r.classification?.tier ?? null} />, sortValue: (r) => r.classification?.tier ?? '', nowrap: true },
              { key: 'owner', header: t('aiSystems.fields.businessOwnerId'), cell: (r) => r.businessOwner?.name ?? t('common.none'), truncate: (r) => r.businessOwner?.name ?? '' },
              {
                key: 'scope',
                header: t('aiSystems.fields.inAimsScope'),
                cell: (r) => <Badge variant="light" color={r.inAimsScope ? 'teal' : 'gray'}>{r.inAimsScope ? t('aiSystems.filters.yes') : t('aiSystems.filters.no')}</Badge>,
                nowrap: true,
              },
              { key: 'updated', header: t('aiSystems.fields.updatedAt'), cell: (r) => format.date(r.updatedAt), sortValue: (r) => r.updatedAt, nowrap: true },
            ]}
          />
        )}
      </Card>
    </Stack>
  );
}
