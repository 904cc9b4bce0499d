import { Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { ENGAGEMENT_RESOURCES, type TEngagementRead, type TEngagementResource } from '../../../shared/contracts/engagement-reads';
import { useEngagementReads } from '../audit-plan/api';

/** Who of the certification body read which of the organization's records, and when — newest first, by keyset pages. */
export function EngagementReadsSection({ tenantId, engagementId }: { tenantId: string; engagementId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [resource, setResource] = useState<TEngagementResource | null>(null);
  const [reader, setReader] = useState('');
  const [readerEmail] = useDebouncedValue(reader.trim().toLowerCase(), 300);
  const validEmail = /^[^\s@]+@[^\s@]+$/.test(readerEmail) ? readerEmail : undefined;
  const reads = useEngagementReads(tenantId, { ...(engagementId ? { engagementId } : {}), ...(resource ? { resource } : {}), ...(validEmail ? { readerEmail: validEmail } : {}) });
  const rows = reads.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack data-testid="engagement-reads">
      <Title order={3}>{t('auditPlan.org.readsTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('auditPlan.org.readsIntro')}
      </Text>
      <Group>
        <Select
          label={t('auditPlan.org.resource')}
          placeholder={t('auditPlan.org.resourceAll')}
          clearable
          data={ENGAGEMENT_RESOURCES.map((r) => ({ value: r, label: t(`auditPlan.org.resources.${r}`) }))}
          value={resource}
          onChange={(v) => setResource(v as TEngagementResource | null)}
          data-testid="reads-resource"
        />
        <TextInput label={t('auditPlan.org.readerEmail')} placeholder={t('auditPlan.org.readerAll')} value={reader} onChange={(e) => setReader(e.currentTarget.value)} data-testid="reads-reader" />
      </Group>
      {reads.error ? (
        <ErrorAlert error={reads.error} />
      ) : (
        <DataTable<TEngagementRead>
          rows={rows}
          rowKey={(r) => r.id}
          label={t('auditPlan.org.readsTitle')}
          testId="reads-table"
          empty={reads.isPending ? '…' : t('auditPlan.org.readsNone')}
          columns={[
            { key: 'when', header: t('auditPlan.org.when'), cell: (r) => format.dateTime(r.occurredAt), nowrap: true },
            { key: 'reader', header: t('auditPlan.org.reader'), cell: (r) => `${r.readerName ?? ''} <${r.readerEmail ?? ''}>`, truncate: (r) => `${r.readerName ?? ''} <${r.readerEmail ?? ''}>` },
            { key: 'body', header: t('auditPlan.org.body'), cell: (r) => r.bodyName, truncate: (r) => r.bodyName },
            { key: 'resource', header: t('auditPlan.org.resource'), cell: (r) => t(`auditPlan.org.resources.${r.resource}`) },
            { key: 'record', header: t('auditPlan.org.record'), cell: (r) => r.recordId ?? t('common.none'), truncate: (r) => r.recordId ?? '' },
          ]}
          loadMore={{ hasMore: Boolean(reads.hasNextPage), loading: reads.isFetchingNextPage, onLoadMore: () => void reads.fetchNextPage() }}
        />
      )}
    </Stack>
  );
}
