import { Anchor, Button, Card, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useUrlFilters } from '../../lib/url-filters';
import { SECTOR_RISKS, type TSectorRisk } from '../../../shared/contracts/certification';
import type { TClient } from '../../../shared/contracts/intake';
import { useTenantContext } from '../tenants/TenantRoute';
import { useClients, useCreateClient } from './api';
import { ClientForm, clientInitial } from './ClientForm';

/** The body's clients by name: filters in the address, keyset pages. */
export function ClientsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const [filters, setFilter] = useUrlFilters(['sectorRisk'] as const);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useClients(tenant.id, { q: q || undefined, sectorRisk: filters.sectorRisk as TSectorRisk | undefined }, can('client.read'));
  if (!can('client.read')) return <NoAccess />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const base = `/t/${tenant.id}/clients`;
  return (
    <>
      <PageHeader
        title={t('intake.clients.title')}
        description={t('intake.clients.intro')}
        actions={
          can('client.create') && (
            <Button component={Link} to={`${base}/new`} data-testid="clients-new">
              {t('intake.clients.new')}
            </Button>
          )
        }
      />
      <Card withBorder padding="lg" mt="xl">
        <Group mb="md" align="flex-end">
          <TextInput label={t('intake.clients.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} maxLength={100} data-testid="clients-filter-q" />
          <NativeSelect
            label={t('intake.client.fields.sectorRisk')}
            value={filters.sectorRisk ?? ''}
            onChange={(e) => setFilter('sectorRisk', e.currentTarget.value || undefined)}
            data={[{ value: '', label: t('intake.clients.allRisks') }, ...SECTOR_RISKS.map((s) => ({ value: s, label: t(`intake.sectorRisk.${s}`) }))]}
            data-testid="clients-filter-sectorRisk"
          />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TClient>
            testId="clients-table"
            label={t('intake.clients.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `client-row-${r.reference}`}
            empty={t('intake.clients.empty')}
            minWidth={800}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              { key: 'reference', header: t('intake.client.fields.reference'), cell: (r) => r.reference, nowrap: true },
              {
                key: 'name',
                header: t('intake.client.fields.legalName'),
                cell: (r) => (
                  <Anchor component={Link} to={`${base}/${r.id}`} data-testid={`client-open-${r.reference}`}>
                    {r.legalName}
                  </Anchor>
                ),
                truncate: (r) => r.legalName,
              },
              { key: 'personnel', header: t('intake.client.effectivePersonnel'), cell: (r) => format.number(r.effectivePersonnel), nowrap: true },
              { key: 'sites', header: t('intake.client.fields.sites'), cell: (r) => format.number(r.siteCount), nowrap: true },
              { key: 'ai', header: t('intake.client.fields.aiSystemsCount'), cell: (r) => `${format.number(r.aiSystemsCount)} (${t('intake.client.highRiskShort', { count: r.highRiskAiSystems, n: format.number(r.highRiskAiSystems) })})`, nowrap: true },
              { key: 'risk', header: t('intake.client.fields.sectorRisk'), cell: (r) => t(`intake.sectorRisk.${r.sectorRisk}`), nowrap: true },
              { key: 'linked', header: t('intake.clients.linked'), cell: (r) => (r.organizationTenantId ? t('audit.yes') : t('audit.no')), nowrap: true },
            ]}
          />
        )}
      </Card>
    </>
  );
}

/** A client created directly, without an enquiry. */
export function ClientNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tenant, can } = useTenantContext();
  const create = useCreateClient(tenant.id);
  if (!can('client.create')) return <NoAccess />;
  return (
    <>
      <PageHeader title={t('intake.clients.new')} description={t('intake.clients.newIntro')} />
      <Card withBorder padding="lg" mt="xl" maw={960}>
        <ClientForm
          initial={clientInitial()}
          pending={create.isPending}
          error={create.error}
          submitLabel={t('intake.clients.create')}
          onSubmit={(v) =>
            create.mutate(v, {
              onSuccess: (c) => {
                notifySuccess(t('intake.client.created', { reference: c.reference }));
                void navigate(`/t/${tenant.id}/clients/${c.id}`);
              },
            })
          }
        />
      </Card>
    </>
  );
}
