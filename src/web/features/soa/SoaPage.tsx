import { Alert, Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { isApiError } from '../../lib/api';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { SOA_EXPORT_FORMATS, type TSoaEntry, type TSoaOverview, type TSoaVersion, type TSoaVersionStatus } from '../../../shared/contracts/soa';
import { useTenantContext } from '../tenants/TenantRoute';
import { soaExportUrl, useCreateDraft, useMoveSoa, useSoaOverview, useSoaVersion } from './api';
import { EntryEditor } from './EntryEditor';

export const SOA_STATUS_COLOR: Record<TSoaVersionStatus, string> = { draft: 'gray', in_review: 'orange', approved: 'teal', superseded: 'dark' };

/** The SoA: the version being drafted (or the one asked for, or the one in force), its entries, its moves and downloads. */
export function SoaPage() {
  const { tenant, can } = useTenantContext();
  const { t } = useTranslation();
  const { number } = useParams();
  const overview = useSoaOverview(tenant.id);
  const which = number ? Number(number) : overview.data ? (overview.data.open ? 'open' : (overview.data.inForce?.number ?? null)) : null;
  const version = useSoaVersion(tenant.id, which);
  if (!can('soa.read')) return <NoAccess />;
  if (overview.isPending) return <Loading />;
  if (overview.error) return <ErrorAlert error={overview.error} />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('soa.title')} description={t('soa.intro')} />
      <OverviewCard tenantId={tenant.id} o={overview.data} />
      {which === null && <Text c="dimmed">{t('soa.empty')}</Text>}
      {which !== null && version.isPending && <Loading />}
      {version.error && <ErrorAlert error={version.error} />}
      {version.data && <VersionView key={`${version.data.id}-${version.data.status}`} tenantId={tenant.id} v={version.data} />}
      <VersionsCard tenantId={tenant.id} o={overview.data} />
    </Stack>
  );
}

function OverviewCard({ tenantId, o }: { tenantId: string; o: TSoaOverview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const create = useCreateDraft(tenantId);
  const start = (from: 'in_force' | 'blank') => create.mutate({ from });
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Text data-testid="soa-in-force">
          {o.inForce?.approvedAt && o.inForce.approvedBy
            ? t('soa.version.inForce', { number: o.inForce.number, date: format.date(o.inForce.approvedAt), name: o.inForce.approvedBy.name })
            : t('soa.version.noneInForce')}
        </Text>
        <ErrorAlert error={create.error} />
        {o.abilities['soa.create'] && (
          <Group gap="sm">
            {o.inForce && (
              <Button onClick={() => start('in_force')} loading={create.isPending} data-testid="soa-start-draft">
                {t('soa.actions.startDraft')}
              </Button>
            )}
            <Button variant={o.inForce ? 'default' : 'filled'} onClick={() => start('blank')} loading={create.isPending} data-testid="soa-start-blank">
              {t('soa.actions.startBlank')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

type TFilter = 'all' | 'undecided' | 'applicable' | 'notApplicable';
const FILTERS: Record<TFilter, (e: TSoaEntry) => boolean> = {
  all: () => true,
  undecided: (e) => e.applicable === null,
  applicable: (e) => e.applicable === true,
  notApplicable: (e) => e.applicable === false,
};

function VersionView({ tenantId, v }: { tenantId: string; v: TSoaVersion }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const move = useMoveSoa(tenantId);
  const [editing, setEditing] = useState<TSoaEntry | null>(null);
  const [filter, setFilter] = useState<TFilter>('all');
  const [rejectComment, setRejectComment] = useState('');
  const [approveComment, setApproveComment] = useState('');
  const a = v.abilities;
  const rows = v.entries.filter(FILTERS[filter]);
  // The server names the refs that keep the version from review; they are shown beside its sentence.
  const incomplete = isApiError(move.error) && move.error.code === 'soa_incomplete' ? (move.error.details as { undecided?: string[]; unjustified?: string[]; noStatus?: string[] }) : null;
  const incompleteRefs = incomplete ? [...new Set([...(incomplete.undecided ?? []), ...(incomplete.unjustified ?? []), ...(incomplete.noStatus ?? [])])] : [];

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Group gap="xs">
            <Title order={2} size="h4" data-testid="soa-version-title">
              {v.number === null ? t('soa.version.open') : t('soa.version.number', { number: v.number })}
            </Title>
            <Badge variant="light" color={SOA_STATUS_COLOR[v.status]} data-testid="soa-status">
              {t(`soa.status.${v.status}`)}
            </Badge>
          </Group>
          <Text size="sm" data-testid="soa-progress">
            {t('soa.version.progress', { decided: v.counts.decided, total: v.counts.total, applicable: v.counts.applicable })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('soa.version.draftedBy', { name: v.createdBy.name, date: format.date(v.createdAt) })} ·{' '}
            {v.basedOnNumber === null ? t('soa.version.blank') : t('soa.version.basedOn', { number: v.basedOnNumber })}
          </Text>
          {v.submittedBy && v.submittedAt && (
            <Text size="sm" c="dimmed">
              {t('soa.version.submittedBy', { name: v.submittedBy.name, date: format.date(v.submittedAt) })}
            </Text>
          )}
          {v.status === 'draft' && v.rejectComment && v.rejectedBy && v.rejectedAt && (
            <Alert color="yellow">{t('soa.version.rejected', { name: v.rejectedBy.name, date: format.date(v.rejectedAt), comment: v.rejectComment })}</Alert>
          )}
          <ErrorAlert error={move.error} />
          {incompleteRefs.length > 0 && (
            <Text size="sm" c="red" data-testid="soa-incomplete-refs">
              {incompleteRefs.join(', ')}
            </Text>
          )}
          <Group gap="sm" align="flex-end">
            {a['soa.submit'] && (
              <ConfirmButton
                color="orange"
                title={t('soa.confirm.submitTitle')}
                message={t('soa.confirm.submitBody')}
                confirmLabel={t('soa.actions.submit')}
                onConfirm={() => move.mutate({ kind: 'submit' })}
                loading={move.isPending}
                data-testid="soa-submit"
              >
                {t('soa.actions.submit')}
              </ConfirmButton>
            )}
            {a['soa.approve'] && (
              <>
                <TextInput label={t('soa.confirm.comment')} value={approveComment} onChange={(e) => setApproveComment(e.currentTarget.value)} maxLength={2000} style={{ flex: 1 }} data-testid="soa-approve-comment" />
                <ConfirmButton
                  color="teal"
                  title={t('soa.confirm.approveTitle')}
                  message={t('soa.confirm.approveBody')}
                  confirmLabel={t('soa.actions.approve')}
                  onConfirm={() => move.mutate({ kind: 'approve', ...(approveComment.trim() ? { comment: approveComment } : {}) }, { onSuccess: () => notifySuccess(t('soa.status.approved')) })}
                  loading={move.isPending}
                  data-testid="soa-approve"
                >
                  {t('soa.actions.approve')}
                </ConfirmButton>
              </>
            )}
          </Group>
          {a['soa.reject'] && (
            <Group align="flex-end">
              <TextInput
                label={t('soa.confirm.rejectTitle')}
                placeholder={t('soa.confirm.commentRequired')}
                value={rejectComment}
                onChange={(e) => setRejectComment(e.currentTarget.value)}
                maxLength={2000}
                style={{ flex: 1 }}
                data-testid="soa-reject-comment"
              />
              <Button variant="default" disabled={!rejectComment.trim()} loading={move.isPending} onClick={() => move.mutate({ kind: 'reject', comment: rejectComment })} data-testid="soa-reject">
                {t('soa.actions.reject')}
              </Button>
            </Group>
          )}
          {v.number !== null && <Downloads tenantId={tenantId} number={v.number} />}
        </Stack>
      </Card>

      <Card withBorder padding="lg">
        <Stack gap="sm">
          <SegmentedControl
            value={filter}
            onChange={(f) => setFilter(f as TFilter)}
            data={(Object.keys(FILTERS) as TFilter[]).map((f) => ({ value: f, label: t(`soa.filters.${f}`) }))}
            data-testid="soa-filter"
          />
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs" aria-label={t('soa.tableLabel')} data-testid="soa-entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('soa.columns.ref')}</Table.Th>
                  <Table.Th>{t('soa.columns.control')}</Table.Th>
                  <Table.Th>{t('soa.columns.applicable')}</Table.Th>
                  <Table.Th>{t('soa.columns.justification')}</Table.Th>
                  <Table.Th>{t('soa.columns.implementation')}</Table.Th>
                  <Table.Th>{t('soa.columns.controls')}</Table.Th>
                  {a['soa.update'] && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((e) => (
                  <Table.Tr key={`${e.frameworkId}-${e.ref}`} data-testid={`soa-entry-${e.ref}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.ref}</Table.Td>
                    <Table.Td>{e.title[lang]}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={e.applicable === null ? 'gray' : e.applicable ? 'teal' : 'dark'}>
                        {t(`soa.applicable.${e.applicable === null ? 'undecided' : e.applicable ? 'yes' : 'no'}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ maxWidth: 360 }}>
                      <Text size="sm" lineClamp={3}>
                        {e.justification || t('common.none')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{e.implementationStatus ? t(`soa.implementation.${e.implementationStatus}`) : t('common.none')}</Table.Td>
                    <Table.Td>{e.controls.map((c) => c.reference).join(', ') || t('common.none')}</Table.Td>
                    {a['soa.update'] && (
                      <Table.Td>
                        <Button size="xs" variant="light" onClick={() => setEditing(e)} data-testid={`soa-edit-${e.ref}`}>
                          {t('soa.actions.edit')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Card>
      {editing && <EntryEditor tenantId={tenantId} entry={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function Downloads({ tenantId, number }: { tenantId: string; number: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('soa.downloads.title', { number })}
      </Text>
      <Group gap="xs">
        {(['en', 'fr'] as const).flatMap((locale) =>
          SOA_EXPORT_FORMATS.map((format) => (
            <Button key={`${format}-${locale}`} component="a" size="xs" variant="default" href={soaExportUrl(tenantId, number, format, locale)} download data-testid={`soa-download-${format}-${locale}`}>
              {t(`soa.downloads.format.${format}`)} · {t(`soa.downloads.language.${locale}`)}
            </Button>
          )),
        )}
      </Group>
    </Stack>
  );
}

function VersionsCard({ tenantId, o }: { tenantId: string; o: TSoaOverview }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('soa.versions.title')}
      </Title>
      {o.versions.length === 0 ? (
        <Text c="dimmed">{t('soa.versions.empty')}</Text>
      ) : (
        <Table data-testid="soa-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('soa.columns.ref')}</Table.Th>
              <Table.Th>{t('soa.document.status')}</Table.Th>
              <Table.Th>{t('soa.versions.approvedOn')}</Table.Th>
              <Table.Th>{t('soa.versions.approvedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.versions.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/t/${tenantId}/soa/versions/${v.number}`}>
                    {t('soa.version.number', { number: v.number })}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={SOA_STATUS_COLOR[v.status]}>
                    {t(`soa.status.${v.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{v.approvedAt ? format.date(v.approvedAt) : t('common.none')}</Table.Td>
                <Table.Td>{v.approvedBy?.name ?? t('common.none')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
