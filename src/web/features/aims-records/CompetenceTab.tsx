import { Anchor, Button, Card, Checkbox, FileInput, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useUrlFilters } from '../../lib/url-filters';
import { ZCreateCompetenceBody, type TCompetenceRecord } from '../../../shared/contracts/aims-records-context';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { fileContentUrl, useCompetence, useCreateCompetence, useUpdateCompetence, useUploadFile, type TCompetenceFilters } from './api';
import { dayOrNull, noon, RecordHistory } from './RecordBits';

const FILTER_KEYS = ['renewalDue', 'acknowledged'] as const;

/** Competence and awareness (7.2, 7.3): who holds which AIMS role, the evidence, renewal and AI-policy acknowledgement. */
export function CompetenceTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const [url, setFilter] = useUrlFilters(FILTER_KEYS);
  const renewalDue = url.renewalDue === 'true';
  const unacknowledged = url.acknowledged === 'false';
  const [editing, setEditing] = useState<TCompetenceRecord | 'new' | null>(null);
  const [historyOf, setHistoryOf] = useState<TCompetenceRecord | null>(null);
  const filters: TCompetenceFilters = { ...(renewalDue ? { renewalDue: 'true' as const } : {}), ...(unacknowledged ? { acknowledged: 'false' as const } : {}) };
  const list = useCompetence(tenant.id, filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      {editing ? (
        <CompetenceForm key={editing === 'new' ? 'new' : editing.id} record={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
      ) : (
        can('competenceRecord.create') && (
          <Group>
            <Button onClick={() => setEditing('new')} data-testid="competence-new">
              {t('records.competence.new')}
            </Button>
          </Group>
        )
      )}
      {historyOf && (
        <RecordHistory
          key={historyOf.id}
          kind="competence"
          path={`competence-records/${historyOf.id}`}
          subjectType="competence_record"
          subjectId={historyOf.id}
          title={t('records.common.historyOf', { name: `${historyOf.person.name} — ${historyOf.role}` })}
          onClose={() => setHistoryOf(null)}
          testId="competence-history"
        />
      )}
      <Card withBorder padding="lg">
        <Group mb="md">
          <Checkbox label={t('records.competence.filters.renewalDue')} checked={renewalDue} onChange={(e) => setFilter('renewalDue', e.currentTarget.checked ? 'true' : undefined)} data-testid="competence-filter-renewal" />
          <Checkbox label={t('records.competence.filters.unacknowledged')} checked={unacknowledged} onChange={(e) => setFilter('acknowledged', e.currentTarget.checked ? 'false' : undefined)} data-testid="competence-filter-ack" />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TCompetenceRecord>
            testId="competence-table"
            label={t('records.common.tabs.competence')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `competence-row-${r.id}`}
            empty={t('records.competence.empty')}
            minWidth={1100}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              { key: 'person', header: t('records.competence.fields.person'), cell: (r) => r.person.name, sortValue: (r) => r.person.name },
              { key: 'role', header: t('records.competence.fields.role'), cell: (r) => r.role, truncate: (r) => r.role },
              { key: 'required', header: t('records.competence.fields.requiredCompetence'), cell: (r) => r.requiredCompetence, truncate: (r) => r.requiredCompetence },
              {
                key: 'evidence',
                header: t('records.competence.fields.evidence'),
                cell: (r) => (
                  <Stack gap={2} miw={220}>
                    {r.evidence && <Text size="sm">{r.evidence}</Text>}
                    {r.evidenceFile && <EvidenceFileLink tenantId={tenant.id} file={r.evidenceFile} />}
                    {!r.evidence && !r.evidenceFile && t('common.none')}
                  </Stack>
                ),
              },
              { key: 'achieved', header: t('records.competence.fields.achievedOn'), cell: (r) => format.date(noon(r.achievedOn)), nowrap: true },
              {
                key: 'renewal',
                header: t('records.competence.fields.renewalOn'),
                cell: (r) => (
                  <Text size="sm" c={r.renewalDue ? 'red' : undefined} fw={r.renewalDue ? 700 : undefined}>
                    {format.date(noon(r.renewalOn))}
                  </Text>
                ),
                sortValue: (r) => r.renewalOn,
                nowrap: true,
              },
              { key: 'ack', header: t('records.competence.fields.policyAcknowledgedOn'), cell: (r) => format.date(noon(r.policyAcknowledgedOn)), nowrap: true },
            ]}
            actions={[
              {
                key: 'history',
                allowed: (r) => r.abilities['competenceRecord.read'],
                render: (r) => (
                  <Button size="xs" variant="subtle" onClick={() => setHistoryOf(r)} data-testid={`competence-history-${r.id}`}>
                    {t('records.common.history')}
                  </Button>
                ),
              },
              {
                key: 'edit',
                allowed: (r) => r.abilities['competenceRecord.update'],
                render: (r) => (
                  <Button size="xs" variant="subtle" onClick={() => setEditing(r)} data-testid={`competence-edit-${r.id}`}>
                    {t('records.common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
    </Stack>
  );
}

type TValues = {
  userId: string;
  role: string;
  requiredCompetence: string;
  evidence: string;
  evidenceFileId: string | null;
  achievedOn: string | null;
  renewalOn: string | null;
  policyAcknowledgedOn: string | null;
};

function CompetenceForm({ record, onDone }: { record?: TCompetenceRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const members = useMembers(tenant.id);
  const create = useCreateCompetence(tenant.id);
  const update = useUpdateCompetence(tenant.id);
  const uploadFile = useUploadFile(tenant.id);
  const mutation = record ? update : create;
  const [file, setFile] = useState<File | null>(null);
  const form = useContractForm<TValues>(ZCreateCompetenceBody, {
    userId: record?.person.id ?? '',
    role: record?.role ?? '',
    requiredCompetence: record?.requiredCompetence ?? '',
    evidence: record?.evidence ?? '',
    evidenceFileId: record?.evidenceFile?.id ?? null,
    achievedOn: record?.achievedOn ?? null,
    renewalOn: record?.renewalOn ?? null,
    policyAcknowledgedOn: record?.policyAcknowledgedOn ?? null,
  });
  const unplaced = useServerErrors(form, mutation.error ?? uploadFile.error);
  // A chosen file is stored first; the record then points at it (the server checks it is this organization's).
  const submit = form.onSubmit(async ({ userId, ...rest }) => {
    let evidenceFileId = rest.evidenceFileId;
    if (file) {
      const stored = await uploadFile.mutateAsync(file).catch(() => null);
      if (!stored) return;
      evidenceFileId = stored.id;
    }
    const body = { ...rest, evidenceFileId };
    if (record) update.mutate({ id: record.id, body }, { onSuccess: onDone });
    else create.mutate({ userId, ...body }, { onSuccess: onDone });
  });
  const day = (k: 'achievedOn' | 'renewalOn' | 'policyAcknowledgedOn', testId: string) => (
    <TextInput type="date" label={t(`records.competence.fields.${k}`)} value={form.values[k] ?? ''} onChange={(e) => form.setFieldValue(k, dayOrNull(e.currentTarget.value))} error={form.errors[k]} data-testid={testId} />
  );
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t(record ? 'records.competence.editTitle' : 'records.competence.newTitle')}
      </Title>
      <form onSubmit={submit} aria-label={t(record ? 'records.competence.editTitle' : 'records.competence.newTitle')}>
        <Stack gap="md">
          <ErrorAlert error={unplaced} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('records.competence.fields.person')}
              disabled={Boolean(record)}
              data={[{ value: '', label: t('records.competence.choosePerson') }, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))]}
              {...form.getInputProps('userId')}
              data-testid="competence-person"
            />
            <TextInput label={t('records.competence.fields.role')} {...form.getInputProps('role')} data-testid="competence-role" />
          </SimpleGrid>
          <Textarea label={t('records.competence.fields.requiredCompetence')} autosize {...form.getInputProps('requiredCompetence')} data-testid="competence-required" />
          <Textarea label={t('records.competence.fields.evidence')} description={t('records.competence.hints.evidence')} autosize {...form.getInputProps('evidence')} data-testid="competence-evidence" />
          <Group align="flex-end" wrap="wrap">
            <FileInput
              style={{ flex: 1, minWidth: 240 }}
              label={t('records.competence.fields.evidenceFile')}
              description={record?.evidenceFile ? t('records.competence.replaceFile') : undefined}
              placeholder={t('records.competence.chooseFile')}
              value={file}
              onChange={setFile}
              clearable
              data-testid="competence-file"
            />
            {record?.evidenceFile && !file && form.values.evidenceFileId && (
              <Group gap="xs" mb={6}>
                <EvidenceFileLink tenantId={tenant.id} file={record.evidenceFile} />
                <Button size="xs" variant="subtle" color="red" onClick={() => form.setFieldValue('evidenceFileId', null)} data-testid="competence-file-detach">
                  {t('records.competence.detachFile')}
                </Button>
              </Group>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {day('achievedOn', 'competence-achieved')}
            {day('renewalOn', 'competence-renewal')}
            {day('policyAcknowledgedOn', 'competence-ack')}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={mutation.isPending || uploadFile.isPending} data-testid="competence-submit">
              {t('records.common.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The attached certificate, downloaded from the tenant's files (the server sends it as an attachment). */
function EvidenceFileLink({ tenantId, file }: { tenantId: string; file: NonNullable<TCompetenceRecord['evidenceFile']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Anchor href={fileContentUrl(tenantId, file.id)} size="sm" title={`SHA-256 ${file.sha256}`} data-testid="competence-file-link">
      {t('records.competence.file', { name: file.filename, size: format.number(Math.max(1, Math.round(file.size / 1024))) })}
    </Anchor>
  );
}
