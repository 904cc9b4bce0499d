import { Anchor, Badge, Button, Card, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useContractFilters } from '../../lib/url-filters';
import { ZDocumentListQuery, DOCUMENT_KINDS, DOCUMENT_TYPES, MANDATORY_ITEMS, VERSION_STATUSES, type TDocumentSummary, type TDocumentVersionStatus } from '../../../shared/contracts/documents';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useDocuments } from './api';

export const STATUS_COLOR: Record<TDocumentVersionStatus, string> = { draft: 'gray', in_review: 'blue', approved: 'teal', published: 'green', superseded: 'dark' };
const FILTER_KEYS = ['type', 'kind', 'status', 'ownerId', 'mandatoryItem', 'reviewOverdue'] as const;

export function StatusBadge({ status }: { status: TDocumentVersionStatus | null }) {
  const { t } = useTranslation();
  if (!status) return <Text size="sm">{t('documents.noVersion')}</Text>;
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`documents.status.${status}`)}
    </Badge>
  );
}

/** The register of policies, procedures and records; its filters live in the address. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const readable = can('document.read');
  const [filters, setFilter] = useContractFilters(ZDocumentListQuery, FILTER_KEYS);
  const members = useMembers(tenant.id, readable);
  const list = useDocuments(tenant.id, filters, readable);
  if (!readable) return <NoAccess />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const base = `/t/${tenant.id}/documents`;
  const all = { value: '', label: t('documents.filters.all') };
  const lang = format.locale === 'fr' ? 'fr' : 'en';
  const set = (k: (typeof FILTER_KEYS)[number]) => (e: { currentTarget: { value: string } }) => setFilter(k, e.currentTarget.value || undefined);

  return (
    <Stack gap="xl">
      <PageHeader
        title={t('documents.title')}
        description={t('documents.intro')}
        actions={
          <Group gap="xs">
            <Button component={Link} to={`${base}/mandatory`} variant="default" data-testid="documents-checklist">
              {t('documents.checklist.link')}
            </Button>
            {can('document.create') && (
              <Button component={Link} to={`${base}/new`} data-testid="documents-new">
                {t('documents.new')}
              </Button>
            )}
          </Group>
        }
      />
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end" wrap="wrap">
          <NativeSelect label={t('documents.fields.type')} value={filters.type ?? ''} onChange={set('type')} data={[all, ...DOCUMENT_TYPES.map((v) => ({ value: v, label: t(`documents.type.${v}`) }))]} data-testid="documents-filter-type" />
          <NativeSelect label={t('documents.fields.kind')} value={filters.kind ?? ''} onChange={set('kind')} data={[all, ...DOCUMENT_KINDS.map((v) => ({ value: v, label: t(`documents.kind.${v}`) }))]} data-testid="documents-filter-kind" />
          <NativeSelect label={t('documents.fields.status')} value={filters.status ?? ''} onChange={set('status')} data={[all, ...VERSION_STATUSES.map((v) => ({ value: v, label: t(`documents.status.${v}`) }))]} data-testid="documents-filter-status" />
          <NativeSelect label={t('documents.fields.ownerId')} value={filters.ownerId ?? ''} onChange={set('ownerId')} data={[all, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))]} data-testid="documents-filter-owner" />
          <NativeSelect
            label={t('documents.fields.mandatoryItem')}
            value={filters.mandatoryItem ?? ''}
            onChange={set('mandatoryItem')}
            data={[all, ...MANDATORY_ITEMS.map((i) => ({ value: i.key, label: `${i.clause} — ${i.label[lang]}` }))]}
            data-testid="documents-filter-mandatory"
          />
          <Checkbox
            label={t('documents.filters.reviewOverdue')}
            checked={filters.reviewOverdue === 'true'}
            onChange={(e) => setFilter('reviewOverdue', e.currentTarget.checked ? 'true' : undefined)}
            data-testid="documents-filter-overdue"
            mb={8}
          />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TDocumentSummary>
            testId="documents-table"
            label={t('documents.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `document-row-${r.id}`}
            empty={t('documents.empty')}
            minWidth={1000}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'title',
                header: t('documents.fields.title'),
                cell: (r) => (
                  <Anchor component={Link} to={`${base}/${r.id}`} data-testid={`document-open-${r.id}`}>
                    {r.title}
                  </Anchor>
                ),
                truncate: (r) => r.title,
                sortValue: (r) => r.title,
              },
              { key: 'type', header: t('documents.fields.type'), cell: (r) => t(`documents.type.${r.type}`), nowrap: true },
              { key: 'kind', header: t('documents.fields.kind'), cell: (r) => t(`documents.kind.${r.kind}`), nowrap: true },
              {
                key: 'mandatory',
                header: t('documents.fields.mandatoryItem'),
                cell: (r) => {
                  const item = MANDATORY_ITEMS.find((i) => i.key === r.mandatoryItem);
                  return item ? `${item.clause} ${item.label[lang]}` : t('common.none');
                },
              },
              { key: 'owner', header: t('documents.fields.ownerId'), cell: (r) => r.owner?.name ?? t('common.none'), truncate: (r) => r.owner?.name ?? '' },
              { key: 'version', header: t('documents.fields.version'), cell: (r) => (r.latestVersion ? format.number(r.latestVersion) : t('common.none')), nowrap: true },
              { key: 'status', header: t('documents.fields.status'), cell: (r) => <StatusBadge status={r.status} />, sortValue: (r) => r.status, nowrap: true },
              {
                key: 'review',
                header: t('documents.fields.nextReviewOn'),
                cell: (r) => (
                  <Text size="sm" c={r.reviewOverdue ? 'red' : undefined} fw={r.reviewOverdue ? 700 : undefined}>
                    {format.date(r.nextReviewOn ? `${r.nextReviewOn}T12:00:00Z` : null)}
                  </Text>
                ),
                sortValue: (r) => r.nextReviewOn,
                nowrap: true,
              },
            ]}
          />
        )}
      </Card>
    </Stack>
  );
}
