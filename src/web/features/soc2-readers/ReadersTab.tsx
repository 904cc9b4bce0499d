import type { TFunction } from 'i18next';
import { Alert, Badge, Button, Card, Group, Popover, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TOrgSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import { ZInviteSoc2ReaderBody, type TSoc2Reader, type TSoc2ReaderState } from '../../../shared/contracts/soc2-readers';
import { DataTable, confirmAction, type TDataColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { useInviteReader, useReaders, useRevokeReader } from './api';

export const READER_STATE_COLOR: Record<TSoc2ReaderState, string> = { invited: 'blue', accepted: 'green', expired: 'gray', revoked: 'red' };

/**
 * Who a reader is and their state, as both the organization's and the firm's readers tables open;
 * the state badge keeps its whole word. `testIdPrefix` keeps each page's own test ids.
 */
export function readerColumns(t: TFunction, testIdPrefix: string): TDataColumn<TSoc2Reader>[] {
  return [
    {
      key: 'name',
      header: t('soc2Readers.list.reader'),
      cell: (r) => (
        <Stack gap={0}>
          <Text size="sm">{r.name}</Text>
          <Text size="xs" c="dimmed">
            {r.email}
          </Text>
        </Stack>
      ),
      sortValue: (r) => r.name,
    },
    { key: 'company', header: t('soc2Readers.list.company'), cell: (r) => r.company, sortValue: (r) => r.company },
    {
      key: 'state',
      header: t('soc2Readers.list.state'),
      cell: (r) => (
        <Badge color={READER_STATE_COLOR[r.state]} variant="light" style={{ minWidth: 'max-content' }} data-testid={`${testIdPrefix}${r.id}`}>
          {t(`soc2Readers.state.${r.state}`)}
        </Badge>
      ),
    },
  ];
}

/** « Lecteurs du rapport »: who the organization shared its issued report with, their state, expiry and every access. */
export function ReadersTab({ tenantId, exam }: { tenantId: string; exam: TOrgSoc2Examination }) {
  const { t } = useTranslation();
  const format = useFormat();
  const readers = useReaders(tenantId, exam.id);
  const revoke = useRevokeReader(tenantId, exam.id);
  if (readers.isPending) return <Loading />;
  if (readers.error) return <ErrorAlert error={readers.error} />;
  const first = readers.data.pages[0]!;
  const rows = readers.data.pages.flatMap((p) => p.items);
  const columns: TDataColumn<TSoc2Reader>[] = [
    ...readerColumns(t, 'reader-state-'),
    { key: 'expires', header: t('soc2Readers.list.expires'), cell: (r) => format.date(r.expiresAt), sortValue: (r) => r.expiresAt, nowrap: true },
    { key: 'nda', header: t('soc2Readers.list.nda'), cell: (r) => (r.nda ? t('soc2Readers.list.ndaAccepted', { version: r.nda.version, date: format.dateTime(r.nda.at) }) : t('common.none')) },
    { key: 'downloads', header: t('soc2Readers.list.downloads'), cell: (r) => format.number(r.downloads), sortValue: (r) => r.downloads },
    { key: 'log', header: t('soc2Readers.list.log'), cell: (r) => <AccessLog reader={r} /> },
  ];
  return (
    <Stack gap="lg" data-testid="soc2-readers">
      <div>
        <Title order={2} size="h4">
          {t('soc2Readers.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('soc2Readers.intro', { days: format.number(first.accessDays) })}
        </Text>
      </div>
      {first.report ? (
        <Text size="sm" data-testid="soc2-readers-report">
          {t('soc2Readers.report', { reference: first.report.reference, date: format.date(first.report.issuedAt) })}
        </Text>
      ) : (
        <Alert color="gray" data-testid="soc2-readers-no-report">
          {t('soc2Readers.noReport')}
        </Alert>
      )}
      {first.abilities['orgSoc2Reader.manage'] && <InviteForm tenantId={tenantId} examinationId={exam.id} />}
      <ErrorAlert error={revoke.error} />
      <DataTable
        rows={rows}
        rowKey={(r) => r.id}
        columns={columns}
        label={t('soc2Readers.title')}
        testId="soc2-readers-table"
        rowTestId={(r) => `reader-row-${r.id}`}
        empty={t('soc2Readers.list.empty')}
        actions={[
          confirmAction<TSoc2Reader>({
            key: 'revoke',
            allowed: (r) => r.abilities['orgSoc2Reader.manage'],
            label: t('soc2Readers.revoke.label'),
            title: t('soc2Readers.revoke.title'),
            ariaLabel: (r) => t('soc2Readers.revoke.aria', { name: r.name }),
            message: (r) => t('soc2Readers.revoke.message', { name: r.name, company: r.company }),
            testId: (r) => `reader-revoke-${r.id}`,
            onConfirm: (r) => revoke.mutate(r.id),
          }),
        ]}
        loadMore={{ hasMore: Boolean(readers.hasNextPage), loading: readers.isFetchingNextPage, onLoadMore: () => void readers.fetchNextPage() }}
      />
    </Stack>
  );
}

function InviteForm({ tenantId, examinationId }: { tenantId: string; examinationId: string }) {
  const { t, i18n } = useTranslation();
  const invite = useInviteReader(tenantId, examinationId);
  const initial = { email: '', name: '', company: '', locale: (i18n.resolvedLanguage === 'fr' ? 'fr' : 'en') as 'en' | 'fr' };
  const form = useContractForm(ZInviteSoc2ReaderBody, initial);
  const unplaced = useServerErrors(form, invite.error);
  return (
    <Card withBorder padding="md">
      <form onSubmit={form.onSubmit((v) => invite.mutate(v, { onSuccess: () => form.setValues({ ...initial, locale: v.locale }) }))} data-testid="reader-invite-form">
        <Stack gap="sm">
          <Text fw={600} size="sm">
            {t('soc2Readers.invite.title')}
          </Text>
          <ErrorAlert error={unplaced} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('soc2Readers.invite.email')} type="email" required data-testid="reader-invite-email" {...form.getInputProps('email')} />
            <TextInput label={t('soc2Readers.invite.name')} required data-testid="reader-invite-name" {...form.getInputProps('name')} />
            <TextInput label={t('soc2Readers.invite.company')} required data-testid="reader-invite-company" {...form.getInputProps('company')} />
            <Select
              label={t('soc2Readers.invite.locale')}
              data={(['en', 'fr'] as const).map((l) => ({ value: l, label: t(`language.name.${l}`) }))}
              allowDeselect={false}
              data-testid="reader-invite-locale"
              {...form.getInputProps('locale')}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={invite.isPending} data-testid="reader-invite-submit">
              {t('soc2Readers.invite.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function AccessLog({ reader }: { reader: TSoc2Reader }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Popover width={560} position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button size="xs" variant="subtle" data-testid={`reader-log-${reader.id}`}>
          {t('soc2Readers.list.logButton', { n: reader.accesses.length })}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Table withRowBorders={false} verticalSpacing={4} fz="xs" data-testid={`reader-log-table-${reader.id}`}>
          <Table.Tbody>
            {reader.accesses.map((a, i) => (
              <Table.Tr key={i}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(a.at)}</Table.Td>
                <Table.Td>
                  {t(`soc2Readers.access.${a.kind}`)}
                  {a.watermark && (
                    <Text size="xs" c="dimmed">
                      {a.watermark}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {[a.ip, a.userAgent].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
}
