import { Alert, Anchor, Button, Card, Group, NumberInput, SimpleGrid, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { ZScheduleCertAuditBody, type TCertAudit, type TCertAuditEvent } from '../../../shared/contracts/cert-audits';
import { OscalDownloads } from '../cycle/OscalDownloads';
import { useTenantContext } from '../tenants/TenantRoute';
import { useAuditTransition, useCertAudit, useScheduleAudit } from './api';
import { AuditStateBadge, noon, useAuditTypeLabel } from './StateBadge';
import { TeamTab } from './TeamTab';
import { WORKSPACE_TAB_KEYS, WORKSPACE_TABS } from './workspace-tabs';

const TABS = ['overview', 'team', ...WORKSPACE_TAB_KEYS] as const;
type TTab = (typeof TABS)[number];

/** One certification audit: overview and lifecycle, team, and the workspace tabs (plan, checklist, report). The tab is in the address. */
export function AuditPage() {
  const { t } = useTranslation();
  const typeLabel = useAuditTypeLabel();
  const { tenant, can } = useTenantContext();
  const navigate = useNavigate();
  const { auditId = '', tab: raw } = useParams();
  const tab: TTab = (TABS as readonly string[]).includes(raw ?? '') ? (raw as TTab) : 'overview';
  const audit = useCertAudit(tenant.id, auditId);
  if (!can('certAudit.read')) return <NoAccess />;
  if (audit.isPending) return <Loading />;
  if (audit.error) return <ErrorAlert error={audit.error} />;
  const a = audit.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/t/${tenant.id}/audits`} size="sm">
        ← {t('audits.list.title')}
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm">
            <span data-testid="audit-title">{`${a.reference} · ${typeLabel(a)}`}</span>
            <AuditStateBadge state={a.state} />
          </Group>
        }
        description={`${a.clientName} (${a.clientReference}) · ${t(`audits.scheme.${a.scheme}`)} · ${t('audits.fields.cycleN', { n: a.cycle })}`}
      />
      <Tabs value={tab} onChange={(v) => v && navigate(`/t/${tenant.id}/audits/${a.id}/${v}`)} keepMounted={false}>
        <Tabs.List mb="lg">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`audit-tab-${k}`}>
              {t(`audits.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OverviewTab audit={a} />
        </Tabs.Panel>
        <Tabs.Panel value="team">
          <TeamTab audit={a} />
        </Tabs.Panel>
        {WORKSPACE_TAB_KEYS.map((k) => {
          const Tab = WORKSPACE_TABS[k];
          return (
            <Tabs.Panel key={k} value={k}>
              {Tab ? (
                <Tab audit={a} tenantId={tenant.id} />
              ) : (
                <Alert color="gray" data-testid={`audit-tab-${k}-unavailable`}>
                  {t('audits.tabs.unavailable')}
                </Alert>
              )}
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </Stack>
  );
}

function Fact({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

function OverviewTab({ audit: a }: { audit: TCertAudit }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant } = useTenantContext();
  const d = (v: string | null) => format.date(noon(v));
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Fact label={t('audits.fields.dueBy')} value={a.overdue ? `${d(a.dueBy)} · ${t('audits.list.overdue')}` : d(a.dueBy)} testId="audit-due" />
          <Fact label={t('audits.fields.plannedDates')} value={a.plannedStart ? `${d(a.plannedStart)} – ${d(a.plannedEnd)}` : t('audits.list.notScheduled')} testId="audit-planned" />
          <Fact label={t('audits.fields.actualDates')} value={a.actualStart ? `${d(a.actualStart)} – ${a.actualEnd ? d(a.actualEnd) : '…'}` : t('common.none')} testId="audit-actual" />
          <Fact label={t('audits.fields.days')} value={t('audits.fields.daysValue', { planned: format.number(a.plannedDays), onSite: format.number(a.onSiteDays) })} />
        </SimpleGrid>
        <Group mt="md">
          <Anchor component={Link} to={`/t/${tenant.id}/audits?clientId=${a.clientId}`} size="sm" data-testid="audit-client-programme">
            {t('audits.overview.clientProgramme', { name: a.clientName })}
          </Anchor>
        </Group>
        <OscalDownloads audit={a} tenantId={tenant.id} />
      </Card>
      {a.nextEvents.length > 0 && <Transitions audit={a} />}
      {a.abilities['certAudit.schedule'] && <ScheduleForm key={`${a.id}-${a.plannedStart}-${a.plannedEnd}-${a.dueBy}`} audit={a} />}
    </Stack>
  );
}

function Transitions({ audit: a }: { audit: TCertAudit }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const move = useAuditTransition(tenant.id, a.id);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const go = (event: TCertAuditEvent) => move.mutate({ event, ...(event === 'cancel' ? { reason } : {}) }, { onSuccess: () => setCancelling(false) });
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('audits.overview.nextSteps')}
      </Title>
      {move.error ? <ErrorAlert error={move.error} /> : null}
      <Group mt="sm">
        {a.nextEvents
          .filter((e) => e !== 'cancel')
          .map((e) => (
            <Button key={e} onClick={() => go(e)} loading={move.isPending && move.variables?.event === e} data-testid={`audit-event-${e}`}>
              {t(`audits.events.${e}`)}
            </Button>
          ))}
        {a.nextEvents.includes('cancel') && !cancelling && (
          <Button variant="default" color="red" onClick={() => setCancelling(true)} data-testid="audit-event-cancel">
            {t('audits.events.cancel')}
          </Button>
        )}
      </Group>
      {cancelling && (
        <Stack mt="md" gap="sm">
          <Textarea label={t('audits.fields.cancelReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={1000} required autosize minRows={2} data-testid="audit-cancel-reason" />
          <Group>
            <Button color="red" onClick={() => go('cancel')} disabled={!reason.trim()} loading={move.isPending} data-testid="audit-cancel-confirm">
              {t('audits.events.cancelConfirm')}
            </Button>
            <Button variant="subtle" onClick={() => setCancelling(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

type TScheduleValues = { dueBy: string | null; plannedStart: string | null; plannedEnd: string | null; plannedDays: number; onSiteDays: number };

function ScheduleForm({ audit: a }: { audit: TCertAudit }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const schedule = useScheduleAudit(tenant.id, a.id);
  const form = useContractForm<TScheduleValues>(ZScheduleCertAuditBody, {
    dueBy: a.dueBy,
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
    plannedDays: a.plannedDays,
    onSiteDays: a.onSiteDays,
  });
  const formError = useServerErrors(form, schedule.error);
  const day = (k: 'dueBy' | 'plannedStart' | 'plannedEnd') => {
    const p = form.getInputProps(k);
    return { ...p, value: (p.value as string | null) ?? '', onChange: (e: React.ChangeEvent<HTMLInputElement>) => form.setFieldValue(k, e.currentTarget.value || null) };
  };
  return (
    <Card withBorder padding="lg" component="form" onSubmit={form.onSubmit((v) => schedule.mutate(v))}>
      <Title order={3} size="h4" mb="sm">
        {t('audits.overview.schedule')}
      </Title>
      {formError ? <ErrorAlert error={formError} /> : null}
      <SimpleGrid cols={{ base: 1, md: 5 }}>
        <TextInput type="date" label={t('audits.fields.dueBy')} {...day('dueBy')} data-testid="audit-due-by" />
        <TextInput type="date" label={t('audits.fields.plannedStart')} {...day('plannedStart')} data-testid="audit-planned-start" />
        <TextInput type="date" label={t('audits.fields.plannedEnd')} {...day('plannedEnd')} data-testid="audit-planned-end" />
        <NumberInput label={t('audits.fields.plannedDays')} min={0} max={999} step={0.5} decimalScale={1} {...form.getInputProps('plannedDays')} data-testid="audit-planned-days" />
        <NumberInput label={t('audits.fields.onSiteDays')} min={0} max={999} step={0.5} decimalScale={1} {...form.getInputProps('onSiteDays')} data-testid="audit-on-site-days" />
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit" loading={schedule.isPending} data-testid="audit-schedule-save">
          {t('audits.overview.saveSchedule')}
        </Button>
      </Group>
    </Card>
  );
}

