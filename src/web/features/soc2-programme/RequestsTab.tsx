import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TOrgSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2Request } from '../../../shared/contracts/soc2-program';
import { DataTable, type TDataColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { requestsXlsxUrl, useOrgRequests } from './api';
import { OverdueBadge, RequestStateBadge, useDay } from './Soc2Bits';

/** The firm's information request list for one examination, as the organization answers it. */
export function RequestsTab({ tenantId, exam }: { tenantId: string; exam: TOrgSoc2Examination }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const requests = useOrgRequests(tenantId, exam.id);
  const day = useDay();
  const columns: TDataColumn<TSoc2Request>[] = [
    {
      key: 'reference',
      header: t('soc2Programme.requests.reference'),
      cell: (r) => (
        <Anchor component={Link} to={`/t/${tenantId}/soc2-programme/requests/${r.id}`} data-testid="soc2-request-open">
          {r.reference}
        </Anchor>
      ),
      sortValue: (r) => r.reference,
      nowrap: true,
    },
    {
      key: 'title',
      header: t('soc2Programme.requests.title'),
      cell: (r) => (
        <Stack gap={2}>
          <Text size="sm">{r.title}</Text>
          {r.state === 'returned' && r.returnReason && (
            <Text size="xs" c="red" data-testid="soc2-request-return-reason">
              {t('soc2Programme.requests.returned')} — {r.returnReason}
            </Text>
          )}
        </Stack>
      ),
      sortValue: (r) => r.title,
    },
    { key: 'test', header: t('soc2Programme.requests.test'), cell: (r) => r.testReference ?? '—', sortValue: (r) => r.testReference, nowrap: true },
    {
      key: 'due',
      header: t('soc2Programme.requests.due'),
      cell: (r) => (
        <Group gap="xs" wrap="nowrap">
          <span>{day(r.dueOn)}</span>
          {r.overdue && <OverdueBadge />}
        </Group>
      ),
      sortValue: (r) => r.dueOn,
      nowrap: true,
    },
    { key: 'evidence', header: t('soc2Programme.requests.evidence'), cell: (r) => r.evidence.length, sortValue: (r) => r.evidence.length, nowrap: true },
    { key: 'state', header: t('soc2Programme.requests.state'), cell: (r) => <RequestStateBadge value={r.state} />, sortValue: (r) => r.state, nowrap: true },
  ];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {t('soc2Programme.requests.intro')}
        </Text>
        {/* The same list as a workbook, headers and states in the reader's language, for whoever tracks it offline. */}
        <Button component="a" href={requestsXlsxUrl(tenantId, exam.id, locale)} download size="xs" variant="default" style={{ flexShrink: 0 }} data-testid="soc2-requests-xlsx">
          {t('soc2Programme.requests.xlsx')}
        </Button>
      </Group>
      {requests.isPending ? (
        <Loading />
      ) : requests.error ? (
        <ErrorAlert error={requests.error} />
      ) : (
        <DataTable
          rows={requests.data.items}
          rowKey={(r) => r.id}
          columns={columns}
          empty={t('soc2Programme.requests.empty')}
          label={t('soc2Programme.exam.tabs.requests')}
          testId="soc2-requests-table"
          rowTestId={(r) => `soc2-request-row-${r.reference}`}
          minWidth={900}
        />
      )}
    </Stack>
  );
}
