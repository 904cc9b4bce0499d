import { Anchor, Button, Card, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { EVIDENCE_KINDS, EVIDENCE_STATUSES, type TEvidenceFilters, type TEvidenceKind, type TEvidenceStatus, type TEvidenceSummary } from '../../../shared/contracts/evidence';
import { useTenantContext } from '../tenants/TenantRoute';
import { exportUrl, useControlChoices, useEvidenceList } from './api';
import { EvidenceFlags } from './EvidenceFlags';

export const day = (d: string | null) => (d ? `${d}T12:00:00Z` : null);

/** Current evidence with its flags; filters by status, kind, control, lateness and coming expiry. */
export function EvidencePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const readable = can('evidence.read');
  const [status, setStatus] = useState<TEvidenceStatus | ''>('');
  const [kind, setKind] = useState<TEvidenceKind | ''>('');
  const [controlId, setControlId] = useState('');
  const [late, setLate] = useState(false);
  const [expiring, setExpiring] = useState(false);
  const controls = useControlChoices(tenant.id);
  const filters: TEvidenceFilters = {
    status: status || undefined,
    kind: kind || undefined,
    controlId: controlId || undefined,
    ...(late ? { notContemporaneous: 'true' as const } : {}),
    ...(expiring ? { expiringWithinDays: 30 } : {}),
  };
  const list = useEvidenceList(tenant.id, filters, readable);
  if (!readable) return <NoAccess />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const base = `/t/${tenant.id}/evidence`;
  const all = { value: '', label: t('evidence.filters.all') };

  return (
    <Stack gap="xl">
      <PageHeader
        title={t('evidence.title')}
        description={t('evidence.intro')}
        actions={
          can('evidence.create') && (
            <Button component={Link} to={`${base}/new`} data-testid="evidence-new">
              {t('evidence.new')}
            </Button>
          )
        }
      />
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end" wrap="wrap">
          <NativeSelect label={t('evidence.fields.status')} value={status} onChange={(e) => setStatus(e.currentTarget.value as TEvidenceStatus | '')} data={[all, ...EVIDENCE_STATUSES.map((v) => ({ value: v, label: t(`evidence.status.${v}`) }))]} data-testid="evidence-filter-status" />
          <NativeSelect label={t('evidence.fields.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as TEvidenceKind | '')} data={[all, ...EVIDENCE_KINDS.map((v) => ({ value: v, label: t(`evidence.kind.${v}`) }))]} data-testid="evidence-filter-kind" />
          <NativeSelect label={t('evidence.filters.control')} value={controlId} onChange={(e) => setControlId(e.currentTarget.value)} data={[all, ...(controls.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.reference} — ${c.title}` }))]} data-testid="evidence-filter-control" />
          <Checkbox label={t('evidence.filters.notContemporaneous')} checked={late} onChange={(e) => setLate(e.currentTarget.checked)} data-testid="evidence-filter-late" mb={8} />
          <Checkbox label={t('evidence.filters.expiringSoon')} checked={expiring} onChange={(e) => setExpiring(e.currentTarget.checked)} data-testid="evidence-filter-expiring" mb={8} />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TEvidenceSummary>
            testId="evidence-table"
            label={t('evidence.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `evidence-row-${r.id}`}
            empty={t('evidence.empty')}
            minWidth={1000}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'title',
                header: t('evidence.fields.title'),
                cell: (r) => (
                  <Anchor component={Link} to={`${base}/${r.id}`} data-testid={`evidence-open-${r.id}`}>
                    {r.title}
                  </Anchor>
                ),
                truncate: (r) => r.title,
                sortValue: (r) => r.title,
              },
              { key: 'kind', header: t('evidence.fields.kind'), cell: (r) => t(`evidence.kind.${r.kind}`), nowrap: true },
              { key: 'controls', header: t('evidence.fields.controls'), cell: (r) => r.controls.map((c) => c.reference).join(', ') || t('common.none'), truncate: (r) => r.controls.map((c) => `${c.reference} ${c.title}`).join(', ') },
              { key: 'effective', header: t('evidence.fields.effectiveDate'), cell: (r) => format.date(day(r.effectiveDate)), sortValue: (r) => r.effectiveDate, nowrap: true },
              { key: 'received', header: t('evidence.fields.receivedAt'), cell: (r) => format.date(r.receivedAt), sortValue: (r) => r.receivedAt, nowrap: true },
              { key: 'validUntil', header: t('evidence.fields.validUntil'), cell: (r) => format.date(day(r.validUntil)), sortValue: (r) => r.validUntil, nowrap: true },
              { key: 'flags', header: t('evidence.fields.status'), cell: (r) => <EvidenceFlags e={r} testId={`evidence-row-${r.id}`} />, sortValue: (r) => r.status, nowrap: true },
            ]}
          />
        )}
        <Group mt="md" gap="xs">
          <Text size="sm">{t('evidence.export.title')}</Text>
          <Button component="a" size="xs" variant="default" href={exportUrl(tenant.id, 'en')} download data-testid="evidence-export-en">
            {t('evidence.export.en')}
          </Button>
          <Button component="a" size="xs" variant="default" href={exportUrl(tenant.id, 'fr')} download data-testid="evidence-export-fr">
            {t('evidence.export.fr')}
          </Button>
        </Group>
      </Card>
    </Stack>
  );
}
