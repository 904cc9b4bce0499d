import { Anchor, Button, Card, Group, MultiSelect, NativeSelect, Radio, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { useUrlFilters } from '../../lib/url-filters';
import { AUDIT_STATUSES, FINDING_TYPES, isNonconformityFinding, ZCreateAuditBody, ZCreateFindingBody, ZCreateProgrammeBody, type TAudit, type TAuditSummary, type TFindingType } from '../../../shared/contracts/internal-audits';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useAddFinding, useAudit, useAudits, useAuditTransition, useCreateAudit, useCreateProgramme, useProgrammes, useUpdateAudit } from './api';
import { AIMS_FRAMEWORK, AuditStatusBadge, errorUnder, Field, FindingTypeBadge, NcStatusBadge, RequirementsInput, useDay } from './bits';
import { improvementPath } from './NonconformitiesTab';

const FILTER_KEYS = ['programmeId', 'status', 'id'] as const;

export function AuditsTab() {
  const { t } = useTranslation();
  const day = useDay();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const [filters, setFilter] = useUrlFilters(FILTER_KEYS);
  const [creating, setCreating] = useState<'programme' | 'audit' | null>(null);
  const programmes = useProgrammes(tenant.id);
  const { id: selected, ...listFilters } = filters;
  const list = useAudits(tenant.id, { ...listFilters, sort: 'planned' });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const programmeRows = programmes.data?.pages.flatMap((p) => p.items) ?? [];
  const all = { value: '', label: t('records.common.all') };
  const open = (id: string | undefined) => setFilter('id', id);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('records.audits.intro')}
        </Text>
        <Group gap="xs">
          {can('auditProgramme.create') && (
            <Button variant="default" onClick={() => setCreating('programme')} data-testid="programme-new">
              {t('records.audits.newProgramme')}
            </Button>
          )}
          {can('internalAudit.create') && programmeRows.length > 0 && (
            <Button onClick={() => setCreating('audit')} data-testid="audit-new">
              {t('records.audits.new')}
            </Button>
          )}
        </Group>
      </Group>
      {creating === 'programme' && <ProgrammeForm onDone={() => setCreating(null)} />}
      {creating === 'audit' && <AuditCreateForm programmes={programmeRows} onDone={(id) => { setCreating(null); if (id) open(id); }} />}
      {selected && <AuditDetail key={selected} id={selected} onClose={() => open(undefined)} />}
      <Card withBorder padding="lg">
        <Title order={3} size="h5" mb="sm">
          {t('records.audits.programmes')}
        </Title>
        {programmes.isPending ? (
          <Loading />
        ) : programmes.error ? (
          <ErrorAlert error={programmes.error} />
        ) : (
          <DataTable
            testId="programme-table"
            label={t('records.audits.programmes')}
            rows={programmeRows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `programme-row-${r.id}`}
            empty={t('records.audits.noProgramme')}
            columns={[
              { key: 'title', header: t('records.audits.fields.title'), cell: (r) => r.title, truncate: (r) => r.title },
              { key: 'period', header: t('records.audits.fields.period'), cell: (r) => t('records.common.range', { from: day(r.periodStart), to: day(r.periodEnd) }), nowrap: true },
              {
                key: 'audits',
                header: t('records.audits.title'),
                cell: (r) => t('records.audits.counts', { planned: format.number(r.audits.planned), inProgress: format.number(r.audits.inProgress), completed: format.number(r.audits.completed) }),
              },
            ]}
          />
        )}
      </Card>
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end">
          <NativeSelect label={t('records.audits.fields.programmeId')} value={filters.programmeId ?? ''} onChange={(e) => setFilter('programmeId', e.currentTarget.value || undefined)} data={[all, ...programmeRows.map((p) => ({ value: p.id, label: p.title }))]} data-testid="audit-filter-programme" />
          <NativeSelect label={t('records.audits.fields.status')} value={filters.status ?? ''} onChange={(e) => setFilter('status', e.currentTarget.value || undefined)} data={[all, ...AUDIT_STATUSES.map((s) => ({ value: s, label: t(`records.audits.status.${s}`) }))]} data-testid="audit-filter-status" />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TAuditSummary>
            testId="audit-table"
            label={t('records.audits.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `audit-row-${r.id}`}
            empty={t('records.audits.empty')}
            minWidth={900}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'title',
                header: t('records.audits.fields.title'),
                cell: (r) => (
                  <Anchor component="button" type="button" size="sm" onClick={() => open(r.id)} data-testid={`audit-open-${r.id}`}>
                    {r.title}
                  </Anchor>
                ),
                truncate: (r) => r.title,
                sortValue: (r) => r.title,
              },
              { key: 'programme', header: t('records.audits.fields.programmeId'), cell: (r) => r.programme.title, truncate: (r) => r.programme.title },
              { key: 'planned', header: t('records.audits.fields.plannedOn'), cell: (r) => day(r.plannedOn), sortValue: (r) => r.plannedOn, nowrap: true },
              { key: 'auditor', header: t('records.audits.auditor'), cell: (r) => r.auditor.member?.name ?? r.auditor.externalName ?? t('common.none') },
              { key: 'status', header: t('records.audits.fields.status'), cell: (r) => <AuditStatusBadge status={r.status} />, nowrap: true },
              {
                key: 'findings',
                header: t('records.audits.findings'),
                cell: (r) => t('records.audits.findingCounts', { nc: format.number(r.findings.nonconformities), obs: format.number(r.findings.observations + r.findings.opportunities) }),
                nowrap: true,
              },
            ]}
          />
        )}
      </Card>
    </Stack>
  );
}

function ProgrammeForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const create = useCreateProgramme(tenant.id);
  const year = new Date().getFullYear();
  const form = useContractForm(ZCreateProgrammeBody, { title: '', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, processes: '', criteria: '', requirements: [] as { frameworkId: string; ref: string }[] });
  const unplaced = useServerErrors(form, create.error);
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="md">
        {t('records.audits.newProgramme')}
      </Title>
      <form onSubmit={form.onSubmit((v) => create.mutate(v, { onSuccess: onDone }))}>
        <Stack gap="md">
          <ErrorAlert error={unplaced} />
          <TextInput label={t('records.audits.fields.title')} {...form.getInputProps('title')} data-testid="programme-title" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('records.audits.fields.periodStart')} {...form.getInputProps('periodStart')} data-testid="programme-start" />
            <TextInput type="date" label={t('records.audits.fields.periodEnd')} {...form.getInputProps('periodEnd')} data-testid="programme-end" />
          </SimpleGrid>
          <Textarea label={t('records.audits.fields.processes')} autosize minRows={2} {...form.getInputProps('processes')} data-testid="programme-processes" />
          <Textarea label={t('records.audits.fields.criteria')} autosize minRows={2} {...form.getInputProps('criteria')} data-testid="programme-criteria" />
          <RequirementsInput label={t('records.audits.fields.requirements')} value={form.getValues().requirements} onChange={(r) => form.setFieldValue('requirements', r)} error={errorUnder(form.errors, 'requirements')} testId="programme-requirements" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="programme-create">
              {t('records.audits.createProgramme')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function AuditCreateForm({ programmes, onDone }: { programmes: { id: string; title: string }[]; onDone: (id: string | null) => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const members = useMembers(tenant.id);
  const create = useCreateAudit(tenant.id);
  const [external, setExternal] = useState(false);
  const form = useContractForm(ZCreateAuditBody, {
    programmeId: programmes[0]?.id ?? '',
    title: '',
    scope: '',
    plannedOn: '',
    auditorId: null as string | null,
    auditorName: null as string | null,
    auditeeIds: [] as string[],
    requirements: [] as { frameworkId: string; ref: string }[],
  });
  // The server names the area owner the auditor would audit: that sentence lands on the auditor field.
  const unplaced = useServerErrors(form, create.error);
  const memberOptions = (members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }));
  const v = form.getValues();
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="md">
        {t('records.audits.new')}
      </Title>
      <form onSubmit={form.onSubmit((values) => create.mutate(values, { onSuccess: (a) => onDone(a.id) }))}>
        <Stack gap="md">
          <ErrorAlert error={unplaced} />
          <NativeSelect label={t('records.audits.fields.programmeId')} data={programmes.map((p) => ({ value: p.id, label: p.title }))} {...form.getInputProps('programmeId')} data-testid="audit-programme" />
          <TextInput label={t('records.audits.fields.title')} {...form.getInputProps('title')} data-testid="audit-title" />
          <Textarea label={t('records.audits.fields.scope')} autosize minRows={2} {...form.getInputProps('scope')} data-testid="audit-scope" />
          <TextInput type="date" label={t('records.audits.fields.plannedOn')} {...form.getInputProps('plannedOn')} data-testid="audit-planned" />
          <Radio.Group
            label={t('records.audits.auditor')}
            description={t('records.audits.independenceHelp')}
            value={external ? 'external' : 'member'}
            onChange={(x) => {
              setExternal(x === 'external');
              form.setValues({ auditorId: null, auditorName: null });
              form.clearFieldError('auditorId');
              form.clearFieldError('auditorName');
            }}
          >
            <Group mt="xs">
              <Radio value="member" label={t('records.audits.auditorMember')} data-testid="audit-auditor-kind-member" />
              <Radio value="external" label={t('records.audits.auditorExternal')} data-testid="audit-auditor-kind-external" />
            </Group>
          </Radio.Group>
          {external ? (
            <TextInput
              label={t('records.audits.fields.auditorName')}
              value={v.auditorName ?? ''}
              onChange={(e) => form.setFieldValue('auditorName', e.currentTarget.value || null)}
              error={form.errors.auditorName ?? form.errors.auditorId}
              data-testid="audit-auditor-name"
            />
          ) : (
            <NativeSelect
              label={t('records.audits.fields.auditorId')}
              data={[{ value: '', label: t('common.none') }, ...memberOptions]}
              value={v.auditorId ?? ''}
              onChange={(e) => form.setFieldValue('auditorId', e.currentTarget.value || null)}
              error={form.errors.auditorId}
              data-testid="audit-auditor"
            />
          )}
          <MultiSelect label={t('records.audits.fields.auditeeIds')} data={memberOptions} {...form.getInputProps('auditeeIds')} data-testid="audit-auditees" />
          <RequirementsInput label={t('records.audits.fields.requirements')} value={v.requirements} onChange={(r) => form.setFieldValue('requirements', r)} error={errorUnder(form.errors, 'requirements')} testId="audit-requirements" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onDone(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="audit-create">
              {t('records.audits.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function AuditDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { tenant } = useTenantContext();
  const audit = useAudit(tenant.id, id);
  // Above the record, which a save refreshes: the refusal of the step after the save must survive it.
  const move = useAuditTransition(tenant.id, id);
  const update = useUpdateAudit(tenant.id, id);
  if (audit.isPending) return <Loading />;
  if (audit.error) return <ErrorAlert error={audit.error} />;
  return <AuditRecord key={audit.data.updatedAt} audit={audit.data} move={move} update={update} onClose={onClose} />;
}

function AuditRecord({
  audit: a,
  move,
  update,
  onClose,
}: {
  audit: TAudit;
  move: ReturnType<typeof useAuditTransition>;
  update: ReturnType<typeof useUpdateAudit>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const day = useDay();
  const { tenant } = useTenantContext();
  const [conclusion, setConclusion] = useState(a.conclusion);
  const lang = format.locale === 'fr' ? 'fr' : 'en';
  const can = a.abilities;
  const complete = async () => {
    update.reset();
    move.reset();
    try {
      if (conclusion !== a.conclusion) await update.mutateAsync({ conclusion });
      await move.mutateAsync('complete');
    } catch {
      // Shown below from the mutation's error.
    }
  };
  return (
    <Card withBorder padding="lg" data-testid="audit-detail">
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={4}>
          <Title order={3} size="h4" data-testid="audit-detail-title">
            {a.title}
          </Title>
          <Group gap="xs">
            <AuditStatusBadge status={a.status} testId="audit-detail-status" />
            <Text size="sm" c="dimmed">
              {a.programme.title}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          {can['internalAudit.transition'] && a.status === 'planned' && (
            <Button size="xs" loading={move.isPending} onClick={() => move.mutate('start')} data-testid="audit-start">
              {t('records.audits.actions.start')}
            </Button>
          )}
          <Button variant="subtle" size="xs" onClick={onClose}>
            {t('records.common.closeDetail')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={move.error ?? update.error} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Field label={t('records.audits.fields.plannedOn')} value={day(a.plannedOn)} testId="audit-detail-planned" />
        <Field label={t('records.audits.auditor')} value={a.auditor.member?.name ?? (a.auditor.externalName ? t('records.audits.externalNamed', { name: a.auditor.externalName }) : t('common.none'))} testId="audit-detail-auditor" />
        <Field label={t('records.audits.fields.auditeeIds')} value={a.auditees.map((p) => p.name).join(', ') || t('common.none')} />
        <Field label={t('records.audits.fields.scope')} value={a.scope || t('common.none')} />
        <Field label={t('records.audits.fields.requirements')} value={a.requirements.map((r) => `${r.ref} ${r.title[lang]}`).join(' · ') || t('common.none')} />
        {a.startedAt && <Field label={t('records.audits.startedAt')} value={format.date(a.startedAt)} />}
        {a.completedAt && <Field label={t('records.audits.completedAt')} value={t('records.common.byOn', { name: a.completedBy?.name ?? t('common.none'), date: format.date(a.completedAt) })} />}
      </SimpleGrid>
      <Title order={4} size="h5" mt="lg" mb="xs">
        {t('records.audits.findings')}
      </Title>
      {a.findingList.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="finding-empty">
          {t('records.audits.noFinding')}
        </Text>
      ) : (
        <Table data-testid="finding-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('records.audits.fields.findingType')}</Table.Th>
              <Table.Th>{t('records.audits.fields.requirement')}</Table.Th>
              <Table.Th>{t('records.audits.fields.description')}</Table.Th>
              <Table.Th>{t('records.incidents.nonconformity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.findingList.map((f) => (
              <Table.Tr key={f.id} data-testid={`finding-${f.id}`}>
                <Table.Td>
                  <FindingTypeBadge type={f.type} />
                </Table.Td>
                <Table.Td>{f.requirement ? `${f.requirement.ref} ${f.requirement.title[lang]}` : t('common.none')}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                  {f.description}
                  {f.evidence ? (
                    <Text size="xs" c="dimmed">
                      {f.evidence}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {f.nonconformity ? (
                    <Group gap={4} wrap="nowrap">
                      <Anchor component={Link} to={improvementPath(tenant.id, 'nonconformities', f.nonconformity.id)} size="sm">
                        {t('records.audits.openNc')}
                      </Anchor>
                      <NcStatusBadge status={f.nonconformity.status} />
                    </Group>
                  ) : (
                    t('common.none')
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {can['internalAudit.addFinding'] && <FindingForm audit={a} />}
      {a.status === 'completed' ? (
        <Field label={t('records.audits.fields.conclusion')} value={a.conclusion} testId="audit-detail-conclusion" />
      ) : (
        can['internalAudit.update'] &&
        a.status === 'in_progress' && (
          <Stack gap="xs" mt="lg">
            <Textarea label={t('records.audits.fields.conclusion')} description={t('records.audits.conclusionHelp')} autosize minRows={2} value={conclusion} onChange={(e) => setConclusion(e.currentTarget.value)} data-testid="audit-conclusion" />
            {can['internalAudit.transition'] && (
              <Group>
                <Button loading={move.isPending || update.isPending} onClick={() => void complete()} data-testid="audit-complete">
                  {t('records.audits.actions.complete')}
                </Button>
              </Group>
            )}
          </Stack>
        )
      )}
    </Card>
  );
}

function FindingForm({ audit }: { audit: TAudit }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const members = useMembers(tenant.id);
  const add = useAddFinding(tenant.id, audit.id);
  const initial = { type: 'observation' as TFindingType, requirement: null as { frameworkId: string; ref: string } | null, description: '', evidence: '', ownerId: null as string | null, dueOn: null as string | null };
  const form = useContractForm(ZCreateFindingBody, initial);
  const unplaced = useServerErrors(form, add.error);
  const v = form.getValues();
  const nc = isNonconformityFinding(v.type);
  const none = { value: '', label: t('common.none') };
  return (
    <Card withBorder padding="md" mt="md">
      <Title order={5} mb="sm">
        {t('records.audits.newFinding')}
      </Title>
      <form onSubmit={form.onSubmit((values) => add.mutate(values, { onSuccess: () => form.setValues(initial) }))}>
        <Stack gap="sm">
          <ErrorAlert error={unplaced} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('records.audits.fields.findingType')} data={FINDING_TYPES.map((f) => ({ value: f, label: t(`records.audits.findingType.${f}`) }))} {...form.getInputProps('type')} data-testid="finding-type" />
            <TextInput
              label={t('records.audits.fields.requirement')}
              description={t('records.audits.requirementHelp')}
              value={v.requirement?.ref ?? ''}
              onChange={(e) => form.setFieldValue('requirement', e.currentTarget.value.trim() ? { frameworkId: AIMS_FRAMEWORK, ref: e.currentTarget.value.trim() } : null)}
              error={errorUnder(form.errors, 'requirement') as string | undefined}
              data-testid="finding-requirement"
            />
          </SimpleGrid>
          <Textarea label={t('records.audits.fields.description')} autosize minRows={2} {...form.getInputProps('description')} data-testid="finding-description" />
          <Textarea label={t('records.audits.fields.evidence')} autosize minRows={1} {...form.getInputProps('evidence')} data-testid="finding-evidence" />
          {nc && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('records.nonconformities.fields.owner')}
                data={[none, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))]}
                value={v.ownerId ?? ''}
                onChange={(e) => form.setFieldValue('ownerId', e.currentTarget.value || null)}
                data-testid="finding-owner"
              />
              <TextInput type="date" label={t('records.nonconformities.fields.dueOn')} value={v.dueOn ?? ''} onChange={(e) => form.setFieldValue('dueOn', e.currentTarget.value || null)} error={form.errors.dueOn} data-testid="finding-due" />
            </SimpleGrid>
          )}
          {nc && (
            <Text size="xs" c="dimmed">
              {t('records.audits.raisesNc')}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={add.isPending} data-testid="finding-add">
              {t('records.audits.addFinding')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
