import { Anchor, Badge, Button, Card, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useUrlFilters } from '../../lib/url-filters';
import {
  OBJECTIVE_STATUSES,
  TARGET_DIRECTIONS,
  ZCreateObjectiveBody,
  ZRecordResultBody,
  type TObjective,
  type TObjectiveDetail,
  type TObjectiveStatus,
  type TTargetDirection,
} from '../../../shared/contracts/aims-records-context';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useCreateObjective, useObjective, useObjectives, useRecordResult, useUpdateObjective, type TObjectiveFilters } from './api';
import { noon, RecordHistory, RequirementBadges, RequirementsInput } from './RecordBits';

/** The open objective is in the address too: a link to it, or "back" from elsewhere, opens it again. */
const FILTER_KEYS = ['status', 'met', 'objective'] as const;
const SUGGESTED = ['iso-iec-42001-2023 6.2', 'iso-iec-42001-2023 9.1', 'iso-iec-42001-2023 A.6.2.6'];
const STATUS_COLOR: Record<TObjectiveStatus, string> = { active: 'blue', achieved: 'teal', not_achieved: 'red', cancelled: 'gray' };

export function MetBadge({ met }: { met: boolean | null }) {
  const { t } = useTranslation();
  if (met === null) return <Text size="sm">{t('records.objectives.noResult')}</Text>;
  return (
    <Badge color={met ? 'teal' : 'red'} variant="light" data-testid="objective-met">
      {t(met ? 'records.objectives.met' : 'records.objectives.notMet')}
    </Badge>
  );
}

/** "≤ 3 points by 30 June 2027" in the reader's language. */
function useTargetText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (o: Pick<TObjective, 'target'>) =>
    t(`records.objectives.targetLine.${o.target.direction}`, { value: format.number(o.target.value), unit: o.target.unit, date: format.date(noon(o.target.dueOn)) });
}

/** AI objectives (6.2): targets, owners, results over time, met or not met. */
export function ObjectivesTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const targetText = useTargetText();
  const { tenant, can } = useTenantContext();
  const [url, setFilter] = useUrlFilters(FILTER_KEYS);
  const selected = url.objective ?? null;
  const setSelected = (id: string | null) => setFilter('objective', id ?? undefined);
  const [creating, setCreating] = useState(false);
  const filters: TObjectiveFilters = { status: url.status as TObjectiveStatus | undefined, met: url.met as 'true' | 'false' | undefined };
  const list = useObjectives(tenant.id, filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const all = { value: '', label: t('records.common.all') };

  return (
    <Stack gap="lg">
      {creating ? (
        <ObjectiveForm onDone={(id) => (setCreating(false), id && setSelected(id))} />
      ) : (
        can('aimsObjective.create') && (
          <Group>
            <Button onClick={() => setCreating(true)} data-testid="objective-new">
              {t('records.objectives.new')}
            </Button>
          </Group>
        )
      )}
      {selected && <ObjectiveDetail key={selected} id={selected} onClose={() => setSelected(null)} />}
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end">
          <NativeSelect
            label={t('records.common.status')}
            value={url.status ?? ''}
            onChange={(e) => setFilter('status', e.currentTarget.value || undefined)}
            data={[all, ...OBJECTIVE_STATUSES.map((s) => ({ value: s, label: t(`records.objectives.status.${s}`) }))]}
            data-testid="objective-filter-status"
          />
          <NativeSelect
            label={t('records.objectives.fields.met')}
            value={url.met ?? ''}
            onChange={(e) => setFilter('met', e.currentTarget.value || undefined)}
            data={[all, { value: 'true', label: t('records.objectives.met') }, { value: 'false', label: t('records.objectives.notMet') }]}
            data-testid="objective-filter-met"
          />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TObjective>
            testId="objectives-table"
            label={t('records.common.tabs.objectives')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `objective-row-${r.id}`}
            empty={t('records.objectives.empty')}
            minWidth={1000}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'title',
                header: t('records.objectives.fields.title'),
                cell: (r) => (
                  <Anchor component="button" type="button" onClick={() => setSelected(r.id)} data-testid={`objective-open-${r.id}`}>
                    {r.title}
                  </Anchor>
                ),
                truncate: (r) => r.title,
                sortValue: (r) => r.title,
              },
              { key: 'target', header: t('records.objectives.fields.target'), cell: (r) => targetText(r) },
              { key: 'owner', header: t('records.objectives.fields.owner'), cell: (r) => r.owner?.name ?? t('common.none') },
              {
                key: 'latest',
                header: t('records.objectives.fields.latestResult'),
                cell: (r) => (r.latestResult ? `${format.number(r.latestResult.value)} ${r.target.unit} — ${format.date(noon(r.latestResult.measuredOn))}` : t('common.none')),
              },
              { key: 'met', header: t('records.objectives.fields.met'), cell: (r) => <MetBadge met={r.met} />, nowrap: true },
              {
                key: 'status',
                header: t('records.common.status'),
                cell: (r) => (
                  <Group gap={4} wrap="nowrap">
                    <Badge color={STATUS_COLOR[r.status]} variant="light" style={{ flexShrink: 0 }}>
                      {t(`records.objectives.status.${r.status}`)}
                    </Badge>
                    {r.overdue && (
                      <Badge color="red" variant="outline" style={{ flexShrink: 0 }}>
                        {t('records.objectives.overdue')}
                      </Badge>
                    )}
                  </Group>
                ),
                nowrap: true,
              },
              { key: 'requirements', header: t('records.common.requirements'), cell: (r) => <RequirementBadges items={r.requirements} /> },
            ]}
          />
        )}
      </Card>
    </Stack>
  );
}

type TValues = {
  title: string;
  measure: string;
  targetDirection: TTargetDirection;
  targetValue: number;
  targetUnit: string;
  dueOn: string;
  ownerId: string | null;
  status: TObjectiveStatus;
  requirements: { frameworkId: string; ref: string }[];
};

function ObjectiveForm({ objective, onDone }: { objective?: TObjectiveDetail; onDone: (id?: string) => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const members = useMembers(tenant.id);
  const create = useCreateObjective(tenant.id);
  const update = useUpdateObjective(tenant.id);
  const mutation = objective ? update : create;
  const form = useContractForm<TValues>(ZCreateObjectiveBody, {
    title: objective?.title ?? '',
    measure: objective?.measure ?? '',
    targetDirection: objective?.target.direction ?? 'at_least',
    targetValue: objective?.target.value ?? 0,
    targetUnit: objective?.target.unit ?? '',
    dueOn: objective?.target.dueOn ?? '',
    ownerId: objective?.owner?.id ?? null,
    status: objective?.status ?? 'active',
    requirements: objective?.requirements.map((r) => ({ frameworkId: r.frameworkId, ref: r.ref })) ?? [],
  });
  const unplaced = useServerErrors(form, mutation.error);
  const submit = form.onSubmit((body) => {
    if (objective) update.mutate({ id: objective.id, body }, { onSuccess: () => onDone(objective.id) });
    else create.mutate(body, { onSuccess: (o) => onDone(o.id) });
  });
  const memberOptions = [{ value: '', label: t('common.none') }, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))];
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t(objective ? 'records.objectives.editTitle' : 'records.objectives.newTitle')}
      </Title>
      <form onSubmit={submit} aria-label={t(objective ? 'records.objectives.editTitle' : 'records.objectives.newTitle')}>
        <Stack gap="md">
          <ErrorAlert error={unplaced} />
          <TextInput label={t('records.objectives.fields.title')} {...form.getInputProps('title')} data-testid="objective-title" />
          <Textarea label={t('records.objectives.fields.measure')} description={t('records.objectives.hints.measure')} autosize {...form.getInputProps('measure')} data-testid="objective-measure" />
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <NativeSelect label={t('records.objectives.fields.direction')} data={TARGET_DIRECTIONS.map((d) => ({ value: d, label: t(`records.objectives.direction.${d}`) }))} {...form.getInputProps('targetDirection')} data-testid="objective-direction" />
            <NumberInput label={t('records.objectives.fields.targetValue')} decimalScale={4} {...form.getInputProps('targetValue')} data-testid="objective-target-value" />
            <TextInput label={t('records.objectives.fields.unit')} {...form.getInputProps('targetUnit')} data-testid="objective-unit" />
            <TextInput type="date" label={t('records.objectives.fields.dueOn')} {...form.getInputProps('dueOn')} data-testid="objective-due" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('records.objectives.fields.owner')} data={memberOptions} value={form.values.ownerId ?? ''} onChange={(e) => form.setFieldValue('ownerId', e.currentTarget.value || null)} error={form.errors.ownerId} data-testid="objective-owner" />
            <NativeSelect label={t('records.common.status')} data={OBJECTIVE_STATUSES.map((s) => ({ value: s, label: t(`records.objectives.status.${s}`) }))} {...form.getInputProps('status')} data-testid="objective-status" />
          </SimpleGrid>
          <RequirementsInput value={form.values.requirements} onChange={(v) => form.setFieldValue('requirements', v)} suggestions={SUGGESTED} error={form.errors.requirements} testId="objective-requirements" />
          <Group>
            <Button type="submit" loading={mutation.isPending} data-testid="objective-submit">
              {t('records.common.save')}
            </Button>
            <Button variant="default" onClick={() => onDone()}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ObjectiveDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const targetText = useTargetText();
  const { tenant } = useTenantContext();
  const detail = useObjective(tenant.id, id);
  const [editing, setEditing] = useState(false);
  if (detail.isPending) return <Loading />;
  if (detail.error) return <ErrorAlert error={detail.error} />;
  const o = detail.data;
  if (editing) return <ObjectiveForm objective={o} onDone={() => setEditing(false)} />;
  return (
    <Card withBorder padding="lg" data-testid="objective-detail">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h4">
          {o.title}
        </Title>
        <Group gap="xs">
          {o.abilities['aimsObjective.update'] && (
            <Button size="xs" variant="default" onClick={() => setEditing(true)} data-testid="objective-edit">
              {t('records.common.edit')}
            </Button>
          )}
          <Button size="xs" variant="subtle" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" mb={4}>
        {o.measure}
      </Text>
      <Group gap="md" mb="md">
        <Text size="sm" fw={600} data-testid="objective-target">
          {targetText(o)}
        </Text>
        <MetBadge met={o.met} />
      </Group>
      {o.abilities['aimsObjective.recordResult'] && <ResultForm objective={o} />}
      <DataTable
        testId="objective-results"
        label={t('records.objectives.results')}
        rows={o.results}
        rowKey={(r) => r.id}
        empty={t('records.objectives.noResults')}
        columns={[
          { key: 'date', header: t('records.objectives.fields.measuredOn'), cell: (r) => format.date(noon(r.measuredOn)), nowrap: true },
          { key: 'value', header: t('records.objectives.fields.value'), cell: (r) => `${format.number(r.value)} ${o.target.unit}`, nowrap: true },
          { key: 'met', header: t('records.objectives.fields.met'), cell: (r) => <MetBadge met={r.met} />, nowrap: true },
          { key: 'comment', header: t('records.objectives.fields.comment'), cell: (r) => r.comment || t('common.none') },
          { key: 'by', header: t('records.objectives.fields.recordedBy'), cell: (r) => r.recordedBy?.name ?? t('common.none') },
        ]}
      />
      <Stack mt="lg">
        <RecordHistory kind="objectives" path={`objectives/${o.id}`} subjectType="aims_objective" subjectId={o.id} title={t('records.common.history')} testId="objective-history" />
      </Stack>
    </Card>
  );
}

function ResultForm({ objective }: { objective: TObjectiveDetail }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const record = useRecordResult(tenant.id, objective.id);
  // The number field is '' until something is typed; the contract refuses that before it is sent.
  const form = useContractForm<{ measuredOn: string; value: number | string; comment: string }>(ZRecordResultBody, { measuredOn: '', value: '', comment: '' });
  const unplaced = useServerErrors(form, record.error);
  return (
    <form onSubmit={form.onSubmit(({ value, ...rest }) => record.mutate({ ...rest, value: Number(value) }, { onSuccess: () => form.reset() }))} aria-label={t('records.objectives.recordResult')}>
      <ErrorAlert error={unplaced} />
      <Group align="flex-end" mb="md" wrap="wrap">
        <TextInput type="date" label={t('records.objectives.fields.measuredOn')} {...form.getInputProps('measuredOn')} data-testid="result-date" />
        <NumberInput label={t('records.objectives.fields.value')} decimalScale={4} {...form.getInputProps('value')} data-testid="result-value" />
        <TextInput style={{ flex: 1, minWidth: 200 }} label={t('records.objectives.fields.comment')} {...form.getInputProps('comment')} data-testid="result-comment" />
        <Button type="submit" loading={record.isPending} data-testid="result-submit">
          {t('records.objectives.recordResult')}
        </Button>
      </Group>
    </form>
  );
}

