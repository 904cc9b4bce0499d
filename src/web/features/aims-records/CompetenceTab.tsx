import { Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { ZCreateCompetenceBody, type TCompetenceRecord } from '../../../shared/contracts/aims-records-context';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useCompetence, useCreateCompetence, useUpdateCompetence, type TCompetenceFilters } from './api';
import { dayOrNull, noon } from './RecordBits';

/** Competence and awareness (7.2, 7.3): who holds which AIMS role, the evidence, renewal and AI-policy acknowledgement. */
export function CompetenceTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const [renewalDue, setRenewalDue] = useState(false);
  const [unacknowledged, setUnacknowledged] = useState(false);
  const [editing, setEditing] = useState<TCompetenceRecord | 'new' | null>(null);
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
      <Card withBorder padding="lg">
        <Group mb="md">
          <Checkbox label={t('records.competence.filters.renewalDue')} checked={renewalDue} onChange={(e) => setRenewalDue(e.currentTarget.checked)} data-testid="competence-filter-renewal" />
          <Checkbox label={t('records.competence.filters.unacknowledged')} checked={unacknowledged} onChange={(e) => setUnacknowledged(e.currentTarget.checked)} data-testid="competence-filter-ack" />
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
                cell: (r) => [r.evidence, r.evidenceFile ? `📎 ${r.evidenceFile.filename}` : ''].filter(Boolean).join(' — ') || t('common.none'),
                truncate: (r) => r.evidence,
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
  const mutation = record ? update : create;
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
  const unplaced = useServerErrors(form, mutation.error);
  const submit = form.onSubmit(({ userId, ...rest }) => {
    if (record) update.mutate({ id: record.id, body: rest }, { onSuccess: onDone });
    else create.mutate({ userId, ...rest }, { onSuccess: onDone });
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
          {record?.evidenceFile && (
            <Text size="sm">
              {t('records.competence.file', { name: record.evidenceFile.filename })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {day('achievedOn', 'competence-achieved')}
            {day('renewalOn', 'competence-renewal')}
            {day('policyAcknowledgedOn', 'competence-ack')}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={mutation.isPending} data-testid="competence-submit">
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
