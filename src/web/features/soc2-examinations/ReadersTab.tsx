import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type TDataColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2Reader, TSoc2ReaderAccess } from '../../../shared/contracts/soc2-readers';
import { readerColumns } from '../soc2-readers/ReadersTab';
import { useTenantContext } from '../tenants/TenantRoute';
import { useFirmSoc2Readers } from './api';

type TLogRow = TSoc2ReaderAccess & { key: string; reader: Pick<TSoc2Reader, 'name' | 'company' | 'email'> };

/**
 * The readers the organization shared the issued report with, as the firm sees them: who, their
 * state, the terms they accepted (version and when), their expiry, and one access log across every
 * reader (who, when, what). Read-only: inviting and revoking are the organization's.
 */
export function ReadersTab({ examination: x }: { examination: TSoc2Examination }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant } = useTenantContext();
  const readers = useFirmSoc2Readers(tenant.id, x.id);
  if (readers.isPending) return <Loading />;
  if (readers.error) return <ErrorAlert error={readers.error} />;
  const first = readers.data.pages[0]!;
  const rows = readers.data.pages.flatMap((p) => p.items);
  const log: TLogRow[] = rows
    .flatMap((r) => r.accesses.map((a, i) => ({ ...a, key: `${r.id}-${i}`, reader: { name: r.name, company: r.company, email: r.email } })))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const what = (a: TSoc2ReaderAccess) => (a.kind === 'download' && a.locale ? t(`soc2Report.readers.download.${a.locale}`) : t(`soc2Readers.access.${a.kind}`));
  const columns: TDataColumn<TSoc2Reader>[] = [
    ...readerColumns(t, 'firm-reader-state-'),
    {
      key: 'nda',
      header: t('soc2Report.readers.ndaCol'),
      cell: (r) => (r.nda ? t('soc2Report.readers.ndaValue', { version: r.nda.version, date: format.dateTime(r.nda.at) }) : t('soc2Report.readers.ndaNone')),
      sortValue: (r) => r.nda?.at ?? '',
    },
    { key: 'expires', header: t('soc2Readers.list.expires'), cell: (r) => format.dateTime(r.expiresAt), sortValue: (r) => r.expiresAt },
    { key: 'downloads', header: t('soc2Readers.list.downloads'), cell: (r) => format.number(r.downloads), sortValue: (r) => r.downloads },
  ];
  const logColumns: TDataColumn<TLogRow>[] = [
    { key: 'when', header: t('soc2Report.readers.when'), cell: (a) => format.dateTime(a.at), nowrap: true },
    {
      key: 'who',
      header: t('soc2Report.readers.who'),
      cell: (a) => (
        <Stack gap={0}>
          <Text size="sm">{a.reader.name}</Text>
          <Text size="xs" c="dimmed">
            {a.reader.company}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'what',
      header: t('soc2Report.readers.what'),
      cell: (a) => (
        <Stack gap={0}>
          <Text size="sm">{what(a)}</Text>
          {a.watermark && (
            <Text size="xs" c="dimmed">
              {a.watermark}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'from', header: t('soc2Report.readers.from'), cell: (a) => [a.ip, a.userAgent].filter(Boolean).join(' · ') || t('common.none'), truncate: (a) => [a.ip, a.userAgent].filter(Boolean).join(' · ') },
  ];
  return (
    <Stack gap="lg" data-testid="soc2-firm-readers">
      <div>
        <Title order={2} size="h4">
          {t('soc2Report.readers.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('soc2Report.readers.intro', { days: format.number(first.accessDays) })}{' '}
          <Anchor component={Link} to={`/t/${tenant.id}/soc2-nda`} size="sm" data-testid="soc2-firm-readers-nda">
            {t('soc2Report.readers.ndaLink')}
          </Anchor>
        </Text>
      </div>
      {first.report ? (
        <Text size="sm" data-testid="soc2-firm-readers-report">
          {t('soc2Report.readers.report', { reference: first.report.reference, date: format.date(first.report.issuedAt) })}
        </Text>
      ) : (
        <Alert color="gray" data-testid="soc2-firm-readers-no-report">
          {t('soc2Report.readers.noReport')}
        </Alert>
      )}
      <DataTable
        rows={rows}
        rowKey={(r) => r.id}
        columns={columns}
        label={t('soc2Report.readers.title')}
        testId="soc2-firm-readers-table"
        rowTestId={(r) => `firm-reader-row-${r.id}`}
        empty={t('soc2Report.readers.empty')}
        loadMore={{ hasMore: Boolean(readers.hasNextPage), loading: readers.isFetchingNextPage, onLoadMore: () => void readers.fetchNextPage() }}
      />
      <Card withBorder padding="lg">
        <Title order={3} size="h5" mb={4}>
          {t('soc2Report.readers.logTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('soc2Report.readers.logIntro')}
        </Text>
        <DataTable rows={log} rowKey={(a) => a.key} columns={logColumns} label={t('soc2Report.readers.logTitle')} testId="soc2-firm-readers-log" empty={t('soc2Report.readers.logEmpty')} />
      </Card>
    </Stack>
  );
}
