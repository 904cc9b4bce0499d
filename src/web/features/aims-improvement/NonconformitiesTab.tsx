import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { useUrlFilters } from '../../lib/url-filters';
import {
  DIRECT_NC_SOURCES,
  EFFECTIVENESS_RESULTS,
  NC_STATUSES,
  ZCreateNonconformityBody,
  ZEffectivenessCheckBody,
  ZUpdateNonconformityBody,
  type TNcEvent,
  type TNonconformity,
  type TNonconformitySummary,
} from '../../../shared/contracts/nonconformities';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useCheckEffectiveness, useCreateNonconformity, useNcTransition, useNonconformities, useNonconformity, useReviews, useUpdateNonconformity } from './api';
import { errorUnder, Field, NcStatusBadge, RequirementsInput, useDay } from './bits';

const FILTER_KEYS = ['status', 'ownerId', 'overdue', 'id'] as const;

export const improvementPath = (tenantId: string, tab: string, id?: string) => `/t/${tenantId}/improvement/${tab}${id ? `?id=${id}` : ''}`;

/** The record that raised a nonconformity, as a link to it on its own tab. */
export function SourceLink({ tenantId, nc }: { tenantId: string; nc: Pick<TNonconformitySummary, 'source' | 'sourceRecord'> }) {
  const { t } = useTranslation();
  const r = nc.sourceRecord;
  if (!r) return <>{t(`records.nonconformities.source.${nc.source}`)}</>;
  // A certification body's finding: its reference, linked to the finding's page in the Certification area.
  if (r.type === 'external_audit_finding') {
    return (
      <Anchor component={Link} to={`/t/${tenantId}/certification/findings/${r.id}`} size="sm" data-testid="nc-source-link">
        {t(`records.nonconformities.source.${nc.source}`)} — {r.title}
      </Anchor>
    );
  }
  const tab = r.type === 'ai_incident' ? 'incidents' : r.type === 'management_review' ? 'reviews' : 'audits';
  return (
    <Anchor component={Link} to={improvementPath(tenantId, tab, r.parentId)} size="sm" data-testid="nc-source-link">
      {t(`records.nonconformities.source.${nc.source}`)} — {r.title}
    </Anchor>
  );
}

export function NonconformitiesTab() {
  const { t } = useTranslation();
  const day = useDay();
  const { tenant, can } = useTenantContext();
  const [filters, setFilter] = useUrlFilters(FILTER_KEYS);
  const [creating, setCreating] = useState(false);
  const members = useMembers(tenant.id);
  const { id: selected, ...listFilters } = filters;
  const list = useNonconformities(tenant.id, { ...listFilters, sort: 'created' });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const all = { value: '', label: t('records.common.all') };
  const open = (id: string | undefined) => setFilter('id', id);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('records.nonconformities.intro')}
        </Text>
        {can('nonconformity.create') && !creating && (
          <Button onClick={() => setCreating(true)} data-testid="nc-new">
            {t('records.nonconformities.new')}
          </Button>
        )}
      </Group>
      {creating && <NcCreateForm onDone={(id) => { setCreating(false); if (id) open(id); }} />}
      {selected && <NcDetail key={selected} id={selected} onClose={() => open(undefined)} />}
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end">
          <NativeSelect label={t('records.nonconformities.fields.status')} value={filters.status ?? ''} onChange={(e) => setFilter('status', e.currentTarget.value || undefined)} data={[all, ...NC_STATUSES.map((s) => ({ value: s, label: t(`records.nonconformities.status.${s}`) }))]} data-testid="nc-filter-status" />
          <NativeSelect label={t('records.nonconformities.fields.owner')} value={filters.ownerId ?? ''} onChange={(e) => setFilter('ownerId', e.currentTarget.value || undefined)} data={[all, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))]} data-testid="nc-filter-owner" />
          <Checkbox label={t('records.nonconformities.overdueOnly')} checked={filters.overdue === 'true'} onChange={(e) => setFilter('overdue', e.currentTarget.checked ? 'true' : undefined)} mb={8} data-testid="nc-filter-overdue" />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TNonconformitySummary>
            testId="nc-table"
            label={t('records.nonconformities.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `nc-row-${r.id}`}
            empty={t('records.nonconformities.empty')}
            minWidth={900}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'title',
                header: t('records.nonconformities.fields.title'),
                cell: (r) => (
                  <Anchor component="button" type="button" size="sm" onClick={() => open(r.id)} data-testid={`nc-open-${r.id}`}>
                    {r.title}
                  </Anchor>
                ),
                truncate: (r) => r.title,
                sortValue: (r) => r.title,
              },
              { key: 'source', header: t('records.nonconformities.fields.source'), cell: (r) => t(`records.nonconformities.source.${r.source}`), nowrap: true },
              { key: 'status', header: t('records.nonconformities.fields.status'), cell: (r) => <NcStatusBadge status={r.status} />, sortValue: (r) => NC_STATUSES.indexOf(r.status), nowrap: true },
              { key: 'owner', header: t('records.nonconformities.fields.owner'), cell: (r) => r.owner?.name ?? t('common.none'), truncate: (r) => r.owner?.name ?? '' },
              {
                key: 'due',
                header: t('records.nonconformities.fields.dueOn'),
                cell: (r) => (
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" c={r.overdue ? 'red' : undefined} fw={r.overdue ? 700 : undefined}>
                      {day(r.dueOn)}
                    </Text>
                    {r.overdue && (
                      <Badge color="red" size="xs" data-testid={`nc-overdue-${r.id}`}>
                        {t('records.common.overdue')}
                      </Badge>
                    )}
                  </Group>
                ),
                sortValue: (r) => r.dueOn,
                nowrap: true,
              },
            ]}
          />
        )}
      </Card>
    </Stack>
  );
}

function NcCreateForm({ onDone }: { onDone: (id: string | null) => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const members = useMembers(tenant.id);
  const reviews = useReviews(tenant.id);
  const create = useCreateNonconformity(tenant.id);
  const form = useContractForm(ZCreateNonconformityBody, {
    title: '',
    description: '',
    source: 'other' as (typeof DIRECT_NC_SOURCES)[number],
    managementReviewId: null as string | null,
    ownerId: null as string | null,
    dueOn: null as string | null,
    requirements: [] as { frameworkId: string; ref: string }[],
  });
  const unplaced = useServerErrors(form, create.error);
  const v = form.getValues();
  const none = { value: '', label: t('common.none') };
  const nullable = (field: 'ownerId' | 'dueOn' | 'managementReviewId') => ({
    value: form.getValues()[field] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => form.setFieldValue(field, e.currentTarget.value || null),
    error: form.errors[field],
  });
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="md">
        {t('records.nonconformities.new')}
      </Title>
      <form onSubmit={form.onSubmit((values) => create.mutate(values, { onSuccess: (nc) => onDone(nc.id) }))}>
        <Stack gap="md">
          <ErrorAlert error={unplaced} />
          <TextInput label={t('records.nonconformities.fields.title')} {...form.getInputProps('title')} data-testid="nc-title" />
          <Textarea label={t('records.nonconformities.fields.description')} autosize minRows={2} {...form.getInputProps('description')} data-testid="nc-description" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect label={t('records.nonconformities.fields.source')} data={DIRECT_NC_SOURCES.map((s) => ({ value: s, label: t(`records.nonconformities.source.${s}`) }))} {...form.getInputProps('source')} data-testid="nc-source" />
            {v.source === 'management_review' && (
              <NativeSelect label={t('records.nonconformities.fields.managementReview')} data={[none, ...(reviews.data?.pages.flatMap((p) => p.items) ?? []).map((r) => ({ value: r.id, label: r.title }))]} {...nullable('managementReviewId')} data-testid="nc-review" />
            )}
            <NativeSelect label={t('records.nonconformities.fields.owner')} data={[none, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))]} {...nullable('ownerId')} data-testid="nc-owner" />
            <TextInput type="date" label={t('records.nonconformities.fields.dueOn')} {...nullable('dueOn')} data-testid="nc-due" />
          </SimpleGrid>
          <RequirementsInput label={t('records.nonconformities.fields.requirements')} value={v.requirements} onChange={(r) => form.setFieldValue('requirements', r)} error={errorUnder(form.errors, 'requirements')} testId="nc-requirements" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onDone(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="nc-create">
              {t('records.nonconformities.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function NcDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const nc = useNonconformity(tenant.id, id);
  // The writes live above the record: a save refreshes the record (a new form), and the refusal of
  // the step that follows must still reach the new form's fields.
  const update = useUpdateNonconformity(tenant.id, id);
  const move = useNcTransition(tenant.id, id);
  if (nc.isPending) return <Loading />;
  if (nc.error) return <ErrorAlert error={nc.error} />;
  return <NcRecord key={nc.data.updatedAt} nc={nc.data} update={update} move={move} onClose={onClose} closeLabel={t('records.common.closeDetail')} />;
}

/** One nonconformity and the 10.2 steps: correction, root cause and corrective action, verification, effectiveness. */
function NcRecord({
  nc,
  update,
  move,
  onClose,
  closeLabel,
}: {
  nc: TNonconformity;
  update: ReturnType<typeof useUpdateNonconformity>;
  move: ReturnType<typeof useNcTransition>;
  onClose: () => void;
  closeLabel: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const day = useDay();
  const { tenant } = useTenantContext();
  const members = useMembers(tenant.id);
  const lang = format.locale === 'fr' ? 'fr' : 'en';
  const a = nc.abilities;
  const editable = a['nonconformity.update'];
  const form = useContractForm(ZUpdateNonconformityBody, {
    correction: nc.correction,
    rootCause: nc.rootCause,
    correctiveAction: nc.correctiveAction,
    ownerId: nc.owner?.id ?? null,
    dueOn: nc.dueOn,
  });
  const unplaced = useServerErrors(form, update.error ?? move.error);
  const none = { value: '', label: t('common.none') };
  const nullable = (field: 'ownerId' | 'dueOn') => ({
    value: form.getValues()[field] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => form.setFieldValue(field, e.currentTarget.value || null),
    error: form.errors[field],
    disabled: !editable,
  });
  // A step saves what was typed, then asks for the transition: one click, as a person expects.
  const saveThen = (event: TNcEvent | null) =>
    form.onSubmit(async (values) => {
      update.reset();
      move.reset();
      try {
        // An unchanged record is not written again: the audit log shows what changed, not each click.
        if (form.isDirty() || !event) await update.mutateAsync(values);
        if (event) await move.mutateAsync(event);
      } catch {
        // The mutation keeps its error; the form shows it on the field it names.
      }
    });
  const step = (event: TNcEvent, label: string) =>
    a['nonconformity.transition'] ? (
      <Button size="sm" loading={move.isPending} onClick={() => saveThen(event)()} data-testid={`nc-step-${event}`}>
        {label}
      </Button>
    ) : null;
  const busy = update.isPending || move.isPending;
  return (
    <Card withBorder padding="lg" data-testid="nc-detail">
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={4}>
          <Title order={3} size="h4" data-testid="nc-detail-title">
            {nc.title}
          </Title>
          <Group gap="xs">
            <NcStatusBadge status={nc.status} testId="nc-detail-status" />
            {nc.overdue && <Badge color="red">{t('records.common.overdue')}</Badge>}
            <Text size="sm">
              <SourceLink tenantId={tenant.id} nc={nc} />
            </Text>
          </Group>
        </Stack>
        <Button variant="subtle" size="xs" onClick={onClose}>
          {closeLabel}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" mb="md">
        <Field label={t('records.nonconformities.fields.description')} value={nc.description || t('common.none')} />
        <Field label={t('records.nonconformities.fields.requirements')} value={nc.requirements.map((r) => `${r.ref} ${r.title[lang]}`).join(' · ') || t('common.none')} />
        <Field label={t('records.common.recordedBy')} value={nc.createdBy ? t('records.common.byOn', { name: nc.createdBy.name, date: format.date(nc.createdAt) }) : format.date(nc.createdAt)} />
      </SimpleGrid>
      <form onSubmit={saveThen(null)}>
        <Stack gap="md">
          <ErrorAlert error={unplaced} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('records.nonconformities.fields.owner')} data={[none, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))]} {...nullable('ownerId')} data-testid="nc-edit-owner" />
            <TextInput type="date" label={t('records.nonconformities.fields.dueOn')} {...nullable('dueOn')} data-testid="nc-edit-due" />
          </SimpleGrid>
          <Title order={4} size="h5">
            {t('records.nonconformities.steps.correction')}
          </Title>
          <Textarea label={t('records.nonconformities.fields.correction')} description={t('records.nonconformities.help.correction')} autosize minRows={2} disabled={!editable} {...form.getInputProps('correction')} data-testid="nc-correction" />
          {nc.status === 'open' && <Group>{step('record_correction', t('records.nonconformities.actions.record_correction'))}</Group>}
          <Title order={4} size="h5">
            {t('records.nonconformities.steps.action')}
          </Title>
          <Textarea label={t('records.nonconformities.fields.rootCause')} description={t('records.nonconformities.help.rootCause')} autosize minRows={2} disabled={!editable} {...form.getInputProps('rootCause')} data-testid="nc-root-cause" />
          <Textarea label={t('records.nonconformities.fields.correctiveAction')} description={t('records.nonconformities.help.correctiveAction')} autosize minRows={2} disabled={!editable} {...form.getInputProps('correctiveAction')} data-testid="nc-corrective-action" />
          <Group>
            {(nc.status === 'open' || nc.status === 'correction') && step('plan_action', t('records.nonconformities.actions.plan_action'))}
            {nc.status === 'action_planned' && step('start_verification', t('records.nonconformities.actions.start_verification'))}
            {editable && (
              <Button type="submit" variant="default" loading={busy} data-testid="nc-save">
                {t('records.common.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <Title order={4} size="h5" mt="lg" mb="xs">
        {t('records.nonconformities.steps.effectiveness')}
      </Title>
      {nc.effectivenessCheck ? (
        <Alert color={nc.effectivenessCheck.result === 'effective' ? 'green' : 'orange'} data-testid="nc-effectiveness">
          {t('records.nonconformities.checked', {
            result: t(`records.nonconformities.result.${nc.effectivenessCheck.result}`),
            date: day(nc.effectivenessCheck.checkedOn),
            name: nc.effectivenessCheck.checkedBy?.name ?? t('common.none'),
          })}
          {nc.effectivenessCheck.notes ? ` — ${nc.effectivenessCheck.notes}` : ''}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t('records.nonconformities.notChecked')}
        </Text>
      )}
      {nc.closedAt && (
        <Text size="sm" mt="xs" data-testid="nc-closed-at">
          {t('records.nonconformities.closedOn', { date: format.date(nc.closedAt) })}
        </Text>
      )}
      {a['nonconformity.verify'] && <EffectivenessForm nc={nc} />}
    </Card>
  );
}

function EffectivenessForm({ nc }: { nc: TNonconformity }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const check = useCheckEffectiveness(tenant.id, nc.id);
  const form = useContractForm(ZEffectivenessCheckBody, { checkedOn: new Date().toISOString().slice(0, 10), result: 'effective' as (typeof EFFECTIVENESS_RESULTS)[number], notes: '' });
  const unplaced = useServerErrors(form, check.error);
  return (
    <form onSubmit={form.onSubmit((v) => check.mutate(v))}>
      <Stack gap="md" mt="md">
        <ErrorAlert error={unplaced} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('records.nonconformities.fields.checkedOn')} {...form.getInputProps('checkedOn')} data-testid="nc-checked-on" />
          <NativeSelect label={t('records.nonconformities.fields.result')} data={EFFECTIVENESS_RESULTS.map((r) => ({ value: r, label: t(`records.nonconformities.result.${r}`) }))} {...form.getInputProps('result')} data-testid="nc-result" />
        </SimpleGrid>
        <Textarea label={t('records.nonconformities.fields.checkNotes')} autosize minRows={2} {...form.getInputProps('notes')} data-testid="nc-check-notes" />
        <Group>
          <Button type="submit" loading={check.isPending} data-testid="nc-check-submit">
            {t('records.nonconformities.actions.check')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
