import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { useUrlFilters } from '../../lib/url-filters';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES, INCIDENT_TYPES, ZCreateIncidentBody, ZUpdateIncidentBody, type TIncident, type TIncidentEvent, type TIncidentSummary } from '../../../shared/contracts/ai-incidents';
import { ZRaiseNonconformityBody } from '../../../shared/contracts/nonconformities';
import { useAiSystems } from '../ai-systems/api';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useCreateIncident, useIncident, useIncidents, useIncidentSettings, useIncidentTransition, useRaiseNonconformity, useUpdateIncident, useUpdateIncidentSettings } from './api';
import { errorUnder, Field, IncidentStatusBadge, NcStatusBadge, RequirementsInput, SeverityBadge, useDay } from './bits';
import { improvementPath } from './NonconformitiesTab';

const FILTER_KEYS = ['aiSystemId', 'severity', 'status', 'id'] as const;

// The form takes the browser's local date and time; the contract's instants are sent on submit.
const ZIncidentForm = ZCreateIncidentBody.safeExtend({ occurredAt: z.string().min(1), detectedAt: z.string().min(1) });
const instant = (local: string) => new Date(local).toISOString();
const localNow = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

export function IncidentsTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const [filters, setFilter] = useUrlFilters(FILTER_KEYS);
  const [creating, setCreating] = useState(false);
  const systems = useAiSystems(tenant.id, {});
  const { id: selected, ...listFilters } = filters;
  const list = useIncidents(tenant.id, { ...listFilters, sort: 'detected' });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const systemOptions = (systems.data?.pages.flatMap((p) => p.items) ?? []).map((s) => ({ value: s.id, label: s.name }));
  const all = { value: '', label: t('records.common.all') };
  const open = (id: string | undefined) => setFilter('id', id);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('records.incidents.intro')}
        </Text>
        {can('aiIncident.create') && !creating && (
          <Button onClick={() => setCreating(true)} data-testid="incident-new">
            {t('records.incidents.new')}
          </Button>
        )}
      </Group>
      <ReportingDays />
      {creating && <IncidentCreateForm systems={systemOptions} onDone={(id) => { setCreating(false); if (id) open(id); }} />}
      {selected && <IncidentDetail key={selected} id={selected} onClose={() => open(undefined)} />}
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end">
          <NativeSelect label={t('records.incidents.fields.aiSystemId')} value={filters.aiSystemId ?? ''} onChange={(e) => setFilter('aiSystemId', e.currentTarget.value || undefined)} data={[all, ...systemOptions]} data-testid="incident-filter-system" />
          <NativeSelect label={t('records.incidents.fields.severity')} value={filters.severity ?? ''} onChange={(e) => setFilter('severity', e.currentTarget.value || undefined)} data={[all, ...INCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(`records.incidents.severity.${s}`) }))]} data-testid="incident-filter-severity" />
          <NativeSelect label={t('records.incidents.fields.status')} value={filters.status ?? ''} onChange={(e) => setFilter('status', e.currentTarget.value || undefined)} data={[all, ...INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`records.incidents.status.${s}`) }))]} data-testid="incident-filter-status" />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TIncidentSummary>
            testId="incident-table"
            label={t('records.incidents.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `incident-row-${r.id}`}
            empty={t('records.incidents.empty')}
            minWidth={1000}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'title',
                header: t('records.incidents.fields.title'),
                cell: (r) => (
                  <Anchor component="button" type="button" size="sm" onClick={() => open(r.id)} data-testid={`incident-open-${r.id}`}>
                    {r.title}
                  </Anchor>
                ),
                truncate: (r) => r.title,
                sortValue: (r) => r.title,
              },
              { key: 'system', header: t('records.incidents.fields.aiSystemId'), cell: (r) => r.aiSystem.name, truncate: (r) => r.aiSystem.name },
              { key: 'type', header: t('records.incidents.fields.type'), cell: (r) => t(`records.incidents.type.${r.type}`), nowrap: true },
              { key: 'severity', header: t('records.incidents.fields.severity'), cell: (r) => <SeverityBadge severity={r.severity} />, sortValue: (r) => INCIDENT_SEVERITIES.indexOf(r.severity), nowrap: true },
              { key: 'status', header: t('records.incidents.fields.status'), cell: (r) => <IncidentStatusBadge status={r.status} />, nowrap: true },
              { key: 'detected', header: t('records.incidents.fields.detectedAt'), cell: (r) => format.date(r.detectedAt), sortValue: (r) => r.detectedAt, nowrap: true },
              { key: 'nc', header: t('records.incidents.nonconformity'), cell: (r) => (r.nonconformity ? <NcStatusBadge status={r.nonconformity.status} /> : t('common.none')), nowrap: true },
            ]}
          />
        )}
      </Card>
    </Stack>
  );
}

function IncidentCreateForm({ systems, onDone }: { systems: { value: string; label: string }[]; onDone: (id: string | null) => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const create = useCreateIncident(tenant.id);
  const form = useContractForm(ZIncidentForm, {
    aiSystemId: '',
    title: '',
    type: 'bias' as (typeof INCIDENT_TYPES)[number],
    severity: 'medium' as (typeof INCIDENT_SEVERITIES)[number],
    occurredAt: localNow(),
    detectedAt: localNow(),
    description: '',
    immediateAction: '',
    serious: false,
    reportedOn: null as string | null,
  });
  const unplaced = useServerErrors(form, create.error);
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="md">
        {t('records.incidents.new')}
      </Title>
      <form onSubmit={form.onSubmit((v) => create.mutate({ ...v, occurredAt: instant(v.occurredAt), detectedAt: instant(v.detectedAt) }, { onSuccess: (i) => onDone(i.id) }))}>
        <Stack gap="md">
          <ErrorAlert error={unplaced} />
          <NativeSelect label={t('records.incidents.fields.aiSystemId')} data={[{ value: '', label: t('records.incidents.pickSystem') }, ...systems]} {...form.getInputProps('aiSystemId')} data-testid="incident-system" />
          <TextInput label={t('records.incidents.fields.title')} {...form.getInputProps('title')} data-testid="incident-title" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('records.incidents.fields.type')} data={INCIDENT_TYPES.map((v) => ({ value: v, label: t(`records.incidents.type.${v}`) }))} {...form.getInputProps('type')} data-testid="incident-type" />
            <NativeSelect label={t('records.incidents.fields.severity')} data={INCIDENT_SEVERITIES.map((v) => ({ value: v, label: t(`records.incidents.severity.${v}`) }))} {...form.getInputProps('severity')} data-testid="incident-severity" />
            <TextInput type="datetime-local" label={t('records.incidents.fields.occurredAt')} {...form.getInputProps('occurredAt')} data-testid="incident-occurred" />
            <TextInput type="datetime-local" label={t('records.incidents.fields.detectedAt')} {...form.getInputProps('detectedAt')} data-testid="incident-detected" />
          </SimpleGrid>
          <Textarea label={t('records.incidents.fields.description')} autosize minRows={2} {...form.getInputProps('description')} data-testid="incident-description" />
          <Textarea label={t('records.incidents.fields.immediateAction')} autosize minRows={2} {...form.getInputProps('immediateAction')} data-testid="incident-immediate" />
          <Checkbox label={t('records.incidents.fields.serious')} {...form.getInputProps('serious', { type: 'checkbox' })} data-testid="incident-serious" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onDone(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="incident-create">
              {t('records.incidents.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

const NEXT: Record<TIncident['status'], TIncidentEvent[]> = { open: ['investigate', 'resolve'], investigating: ['resolve'], resolved: ['reopen'] };

function IncidentDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const day = useDay();
  const { tenant } = useTenantContext();
  const incident = useIncident(tenant.id, id);
  const move = useIncidentTransition(tenant.id, id);
  const [editing, setEditing] = useState(false);
  if (incident.isPending) return <Loading />;
  if (incident.error) return <ErrorAlert error={incident.error} />;
  const i = incident.data;
  return (
    <Card withBorder padding="lg" data-testid="incident-detail">
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={4}>
          <Title order={3} size="h4" data-testid="incident-detail-title">
            {i.title}
          </Title>
          <Group gap="xs">
            <IncidentStatusBadge status={i.status} testId="incident-detail-status" />
            <SeverityBadge severity={i.severity} />
            {i.serious && (
              <Badge color="red" data-testid="incident-detail-serious">
                {t('records.incidents.seriousBadge')}
              </Badge>
            )}
          </Group>
        </Stack>
        <Group gap="xs">
          {i.abilities['aiIncident.transition'] &&
            NEXT[i.status].map((e) => (
              <Button key={e} size="xs" variant="default" loading={move.isPending} onClick={() => move.mutate(e)} data-testid={`incident-${e}`}>
                {t(`records.incidents.actions.${e}`)}
              </Button>
            ))}
          {i.abilities['aiIncident.update'] && !editing && (
            <Button size="xs" variant="default" onClick={() => setEditing(true)} data-testid="incident-edit">
              {t('records.common.edit')}
            </Button>
          )}
          <Button variant="subtle" size="xs" onClick={onClose}>
            {t('records.common.closeDetail')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={move.error} />
      {editing && <IncidentEditForm incident={i} onDone={() => setEditing(false)} />}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Field label={t('records.incidents.fields.aiSystemId')} value={i.aiSystem.name} testId="incident-detail-system" />
        <Field label={t('records.incidents.fields.type')} value={t(`records.incidents.type.${i.type}`)} testId="incident-detail-type" />
        <Field label={t('records.incidents.fields.occurredAt')} value={format.dateTime(i.occurredAt)} />
        <Field label={t('records.incidents.fields.detectedAt')} value={format.dateTime(i.detectedAt)} testId="incident-detail-detected" />
        {i.serious && <Field label={t('records.incidents.fields.reportDueOn')} value={i.reportDueOn ? day(i.reportDueOn) : t('records.incidents.noReportDue')} testId="incident-detail-report-due" />}
        {i.serious && <Field label={t('records.incidents.fields.reportedOn')} value={day(i.reportedOn)} testId="incident-detail-reported" />}
        <Field label={t('records.incidents.fields.description')} value={i.description || t('common.none')} />
        <Field label={t('records.incidents.fields.immediateAction')} value={i.immediateAction || t('common.none')} />
        <Field label={t('records.common.recordedBy')} value={i.createdBy ? t('records.common.byOn', { name: i.createdBy.name, date: format.date(i.createdAt) }) : format.date(i.createdAt)} />
      </SimpleGrid>
      {i.reportOverdue && (
        <Alert color="red" mt="md">
          {t('records.incidents.reportOverdue')}
        </Alert>
      )}
      <Title order={4} size="h5" mt="lg" mb="xs">
        {t('records.incidents.nonconformity')}
      </Title>
      {i.nonconformity ? (
        <Group gap="xs">
          <Anchor component={Link} to={improvementPath(tenant.id, 'nonconformities', i.nonconformity.id)} size="sm" data-testid="incident-nc-link">
            {i.nonconformity.title}
          </Anchor>
          <NcStatusBadge status={i.nonconformity.status} />
        </Group>
      ) : i.abilities['aiIncident.raiseNc'] ? (
        <RaiseForm incident={i} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('records.incidents.noNonconformity')}
        </Text>
      )}
    </Card>
  );
}

function RaiseForm({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const members = useMembers(tenant.id);
  const raise = useRaiseNonconformity(tenant.id, incident.id);
  const form = useContractForm(ZRaiseNonconformityBody, { title: incident.title, ownerId: null as string | null, dueOn: null as string | null, requirements: [] as { frameworkId: string; ref: string }[] });
  const unplaced = useServerErrors(form, raise.error);
  const none = { value: '', label: t('common.none') };
  const nullable = (field: 'ownerId' | 'dueOn') => ({
    value: form.getValues()[field] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => form.setFieldValue(field, e.currentTarget.value || null),
    error: form.errors[field],
  });
  return (
    <form onSubmit={form.onSubmit((v) => raise.mutate(v))}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('records.incidents.raiseIntro')}
        </Text>
        <ErrorAlert error={unplaced} />
        <TextInput label={t('records.nonconformities.fields.title')} {...form.getInputProps('title')} data-testid="raise-title" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('records.nonconformities.fields.owner')} data={[none, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))]} {...nullable('ownerId')} data-testid="raise-owner" />
          <TextInput type="date" label={t('records.nonconformities.fields.dueOn')} {...nullable('dueOn')} data-testid="raise-due" />
        </SimpleGrid>
        <RequirementsInput label={t('records.nonconformities.fields.requirements')} value={form.getValues().requirements} onChange={(r) => form.setFieldValue('requirements', r)} error={errorUnder(form.errors, 'requirements')} testId="raise-requirements" />
        <Group>
          <Button type="submit" loading={raise.isPending} data-testid="raise-submit">
            {t('records.incidents.raise')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Facts learnt later (severity, the art. 73 flag, the day it was reported) are corrected in place, in any state. */
function IncidentEditForm({ incident: i, onDone }: { incident: TIncident; onDone: () => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const update = useUpdateIncident(tenant.id, i.id);
  const form = useContractForm(ZUpdateIncidentBody, {
    title: i.title,
    type: i.type,
    severity: i.severity,
    description: i.description,
    immediateAction: i.immediateAction,
    serious: i.serious,
    reportedOn: i.reportedOn,
  });
  const unplaced = useServerErrors(form, update.error);
  const v = form.getValues();
  return (
    <Card withBorder padding="md" mb="md">
      <form onSubmit={form.onSubmit((values) => update.mutate(values, { onSuccess: onDone }))}>
        <Stack gap="sm">
          <ErrorAlert error={unplaced} />
          <TextInput label={t('records.incidents.fields.title')} {...form.getInputProps('title')} data-testid="incident-edit-title" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('records.incidents.fields.type')} data={INCIDENT_TYPES.map((x) => ({ value: x, label: t(`records.incidents.type.${x}`) }))} {...form.getInputProps('type')} data-testid="incident-edit-type" />
            <NativeSelect label={t('records.incidents.fields.severity')} data={INCIDENT_SEVERITIES.map((x) => ({ value: x, label: t(`records.incidents.severity.${x}`) }))} {...form.getInputProps('severity')} data-testid="incident-edit-severity" />
          </SimpleGrid>
          <Textarea label={t('records.incidents.fields.description')} autosize minRows={2} {...form.getInputProps('description')} data-testid="incident-edit-description" />
          <Textarea label={t('records.incidents.fields.immediateAction')} autosize minRows={2} {...form.getInputProps('immediateAction')} data-testid="incident-edit-immediate" />
          <Checkbox label={t('records.incidents.fields.serious')} {...form.getInputProps('serious', { type: 'checkbox' })} data-testid="incident-edit-serious" />
          {v.serious && (
            <TextInput
              type="date"
              label={t('records.incidents.fields.reportedOn')}
              value={v.reportedOn ?? ''}
              onChange={(e) => form.setFieldValue('reportedOn', e.currentTarget.value || null)}
              error={form.errors.reportedOn}
              data-testid="incident-edit-reported"
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="incident-edit-save">
              {t('records.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/**
 * The days the organization gives itself to report a serious incident: its own setting, because
 * the legal deadlines are not among the facts this product asserts.
 */
function ReportingDays() {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const settings = useIncidentSettings(tenant.id);
  const save = useUpdateIncidentSettings(tenant.id);
  const [days, setDays] = useState<number | string | null>(null);
  if (!settings.data) return null;
  const current = settings.data.seriousReportDays;
  const value = days ?? current ?? '';
  if (!settings.data.abilities['aiIncident.configure']) {
    return (
      <Text size="sm" data-testid="incident-report-days">
        {current === null ? t('records.incidents.noReportDays') : t('records.incidents.reportDays', { count: current })}
      </Text>
    );
  }
  const parsed = value === '' ? null : Number(value);
  return (
    <Group align="flex-end">
      <NumberInput
        label={t('records.incidents.reportDaysLabel')}
        description={t('records.incidents.reportDaysHelp')}
        min={1}
        max={365}
        allowDecimal={false}
        value={value}
        onChange={setDays}
        w={320}
        data-testid="incident-report-days-input"
      />
      <Button variant="default" disabled={parsed === current} loading={save.isPending} onClick={() => save.mutate({ seriousReportDays: parsed }, { onSuccess: () => setDays(null) })} data-testid="incident-report-days-save">
        {t('records.common.save')}
      </Button>
      <ErrorAlert error={save.error} />
    </Group>
  );
}
