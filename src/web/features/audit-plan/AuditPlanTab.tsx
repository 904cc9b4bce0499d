import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import type { TAuditPlan, TAuditPlanContent, TAuditPlanVersion, TPlanSessionInput } from '../../../shared/contracts/audit-plan';
import type { TLocale } from '../../../shared/contracts/common';
import type { TAuditTabProps } from '../audits/workspace-tabs';
import { noon } from '../audits/StateBadge';
import { planPdfUrl, useAuditPlan, useIssuePlan, useRevisePlan, useSavePlan } from './api';

type TDraftState = {
  startDate: string;
  endDate: string;
  objectives: string;
  scope: string;
  siteIds: string[];
  sessions: (Omit<TPlanSessionInput, 'interviewees' | 'requirements'> & { interviewees: string; requirements: string })[];
  sampled: Record<string, string>;
};

const fromContent = (c: TAuditPlanContent | null, plan: TAuditPlan): TDraftState => ({
  startDate: c?.startDate ?? plan.plannedStart ?? '',
  endDate: c?.endDate ?? plan.plannedEnd ?? '',
  objectives: c?.objectives ?? '',
  scope: c?.scope ?? '',
  siteIds: c?.sites.map((s) => s.id) ?? plan.options.sites.filter((s) => s.isCentral).map((s) => s.id),
  sessions: (c?.sessions ?? []).map((s) => ({ ...s, interviewees: s.interviewees.join('\n'), requirements: s.requirements.join(', ') })),
  sampled: Object.fromEntries((c?.sampledAiSystems ?? []).map((s) => [s.aiSystemId, s.reason])),
});

const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);
const refs = (s: string) => s.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);

export function StatusBadge({ v }: { v: Pick<TAuditPlanVersion, 'status' | 'superseded'> }) {
  const { t } = useTranslation();
  const key = v.superseded ? 'superseded' : v.status;
  const color = { draft: 'gray', issued: 'blue', acknowledged: 'green', superseded: 'orange' }[key];
  return (
    <Badge color={color} variant="light" data-testid="plan-status">
      {t(`auditPlan.status.${key}`)}
    </Badge>
  );
}

/** The plan's content as the organization reads it: schedule and sample. */
export function PlanContentView({ content }: { content: TAuditPlanContent }) {
  const { t } = useTranslation();
  const format = useFormat();
  const siteName = new Map(content.sites.map((s) => [s.id, s.name]));
  return (
    <Stack gap="xs">
      <Text size="sm">{t('auditPlan.labelled', { label: t('auditPlan.document.dates'), value: `${format.date(noon(content.startDate))} – ${format.date(noon(content.endDate))}` })}</Text>
      <Text size="sm">{t('auditPlan.labelled', { label: t('auditPlan.document.sites'), value: content.sites.map((s) => s.name).join(', ') || t('common.none') })}</Text>
      {content.team.length > 0 && (
        <Text size="sm">{t('auditPlan.labelled', { label: t('auditPlan.document.team'), value: content.team.map((m) => `${m.name} (${t(`auditPlan.teamRole.${m.role}`)})`).join(', ') })}</Text>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="plan-sessions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auditPlan.document.columns.day')}</Table.Th>
              <Table.Th>{t('auditPlan.document.columns.time')}</Table.Th>
              <Table.Th>{t('auditPlan.document.columns.site')}</Table.Th>
              <Table.Th>{t('auditPlan.document.columns.topic')}</Table.Th>
              <Table.Th>{t('auditPlan.document.columns.interviewees')}</Table.Th>
              <Table.Th>{t('auditPlan.document.columns.requirements')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {content.sessions.map((s, i) => (
              <Table.Tr key={i}>
                <Table.Td>{format.date(noon(s.day))}</Table.Td>
                <Table.Td>
                  {s.start}–{s.end}
                </Table.Td>
                <Table.Td>{s.siteId ? siteName.get(s.siteId) : t('auditPlan.document.remote')}</Table.Td>
                <Table.Td>{s.topic}</Table.Td>
                <Table.Td>{s.interviewees.join(', ')}</Table.Td>
                <Table.Td>{s.requirements.join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {content.sampledAiSystems.length > 0 && (
        <Text size="sm">{t('auditPlan.labelled', { label: t('auditPlan.document.sampled'), value: content.sampledAiSystems.map((s) => `${s.name} — ${s.reason}`).join(' · ') })}</Text>
      )}
    </Stack>
  );
}

function VersionLine({ v, tenantId, auditId }: { v: TAuditPlanVersion; tenantId: string; auditId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group justify="space-between" wrap="wrap" data-testid={`plan-version-${v.version}`}>
      <Group gap="xs">
        <Text fw={600}>{t('auditPlan.tab.versionLabel', { version: v.version })}</Text>
        <StatusBadge v={v} />
      </Group>
      <Stack gap={0} style={{ flex: 1 }}>
        {v.issuedAt && (
          <Text size="sm">
            {t('auditPlan.tab.issuedLine', { date: format.dateTime(v.issuedAt), name: v.issuedBy?.name ?? '', language: t(`language.name.${v.locale ?? 'en'}`), recipients: v.recipients.join(', ') })}
          </Text>
        )}
        {v.acknowledgedAt ? (
          <Text size="sm" c="green.8" data-testid="plan-ack">
            {t('auditPlan.tab.ackLine', { date: format.dateTime(v.acknowledgedAt), name: v.acknowledgedBy?.name ?? '' })}
          </Text>
        ) : v.status === 'issued' && !v.superseded ? (
          <Text size="sm" c="dimmed">
            {t('auditPlan.tab.awaitingAck')}
          </Text>
        ) : null}
      </Stack>
      {v.document && (
        <Anchor href={planPdfUrl(tenantId, auditId, v.version)} size="sm" data-testid={`plan-download-${v.version}`}>
          {t('auditPlan.tab.download')}
        </Anchor>
      )}
    </Group>
  );
}

function DraftEditor({ plan, draft, tenantId }: { plan: TAuditPlan; draft: TAuditPlanVersion | null; tenantId: string }) {
  const { t } = useTranslation();
  const [s, setS] = useState<TDraftState>(() => fromContent(draft?.content ?? null, plan));
  const [locale, setLocale] = useState<TLocale>(plan.client.preferredLocale);
  const save = useSavePlan(tenantId, plan.auditId);
  const issue = useIssuePlan(tenantId, plan.auditId);
  useEffect(() => setS(fromContent(draft?.content ?? null, plan)), [draft?.id]);
  const set = (patch: Partial<TDraftState>) => setS((x) => ({ ...x, ...patch }));
  const setSession = (i: number, patch: Partial<TDraftState['sessions'][number]>) => set({ sessions: s.sessions.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const body = () => ({
    startDate: s.startDate || null,
    endDate: s.endDate || null,
    objectives: s.objectives,
    scope: s.scope,
    siteIds: s.siteIds,
    sessions: s.sessions.map((x) => ({ ...x, interviewees: lines(x.interviewees), requirements: refs(x.requirements) })),
    sampledAiSystems: Object.entries(s.sampled).map(([aiSystemId, reason]) => ({ aiSystemId, reason })),
  });
  const missing = (issue.error as { details?: { missing?: string[] } } | null)?.details?.missing;
  const siteOptions = [{ value: '', label: t('auditPlan.tab.session.remote') }, ...plan.options.sites.filter((x) => s.siteIds.includes(x.id)).map((x) => ({ value: x.id, label: x.name }))];

  return (
    <Card withBorder data-testid="plan-editor">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('auditPlan.tab.fields.startDate')} value={s.startDate} onChange={(e) => set({ startDate: e.currentTarget.value })} data-testid="plan-start" />
          <TextInput type="date" label={t('auditPlan.tab.fields.endDate')} value={s.endDate} onChange={(e) => set({ endDate: e.currentTarget.value })} data-testid="plan-end" />
        </SimpleGrid>
        <Textarea label={t('auditPlan.tab.fields.objectives')} autosize minRows={2} maxLength={4000} value={s.objectives} onChange={(e) => set({ objectives: e.currentTarget.value })} data-testid="plan-objectives" />
        <Textarea label={t('auditPlan.tab.fields.scope')} autosize minRows={2} maxLength={4000} value={s.scope} onChange={(e) => set({ scope: e.currentTarget.value })} />
        <Checkbox.Group label={t('auditPlan.tab.fields.sites')} value={s.siteIds} onChange={(v) => set({ siteIds: v })}>
          <Group mt="xs">
            {plan.options.sites.map((x) => (
              <Checkbox key={x.id} value={x.id} label={x.name} data-testid={`plan-site-${x.name}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <Text size="sm" fw={500}>
          {t('auditPlan.tab.fields.team')}
        </Text>
        <Text size="sm" c={plan.options.team.length ? undefined : 'dimmed'}>
          {plan.options.team.map((m) => `${m.name} (${t(`auditPlan.teamRole.${m.role}`)})`).join(', ') || t('auditPlan.tab.noTeam')}
        </Text>

        <Title order={4}>{t('auditPlan.tab.fields.sessions')}</Title>
        {s.sessions.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('auditPlan.tab.session.none')}
          </Text>
        )}
        {s.sessions.map((x, i) => (
          <Card key={i} withBorder padding="sm" data-testid={`plan-session-${i}`}>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <TextInput type="date" label={t('auditPlan.tab.session.day')} value={x.day} onChange={(e) => setSession(i, { day: e.currentTarget.value })} data-testid="session-day" />
              <TextInput type="time" label={t('auditPlan.tab.session.start')} value={x.start} onChange={(e) => setSession(i, { start: e.currentTarget.value })} data-testid="session-start" />
              <TextInput type="time" label={t('auditPlan.tab.session.end')} value={x.end} onChange={(e) => setSession(i, { end: e.currentTarget.value })} data-testid="session-end" />
              <Select label={t('auditPlan.tab.session.site')} data={siteOptions} value={x.siteId ?? ''} onChange={(v) => setSession(i, { siteId: v || null })} allowDeselect={false} data-testid="session-site" />
            </SimpleGrid>
            <TextInput mt="xs" label={t('auditPlan.tab.session.topic')} maxLength={200} value={x.topic} onChange={(e) => setSession(i, { topic: e.currentTarget.value })} data-testid="session-topic" />
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              <Textarea label={t('auditPlan.tab.session.interviewees')} autosize minRows={2} value={x.interviewees} onChange={(e) => setSession(i, { interviewees: e.currentTarget.value })} data-testid="session-interviewees" />
              <Textarea label={t('auditPlan.tab.session.requirements')} autosize minRows={2} value={x.requirements} onChange={(e) => setSession(i, { requirements: e.currentTarget.value })} data-testid="session-requirements" />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <Button size="xs" variant="subtle" color="red" onClick={() => set({ sessions: s.sessions.filter((_, j) => j !== i) })}>
                {t('auditPlan.tab.session.remove')}
              </Button>
            </Group>
          </Card>
        ))}
        <Group>
          <Button
            variant="light"
            data-testid="plan-add-session"
            onClick={() => set({ sessions: [...s.sessions, { day: s.startDate, start: '09:00', end: '10:00', siteId: s.siteIds[0] ?? null, topic: '', interviewees: '', requirements: '' }] })}
          >
            {t('auditPlan.tab.session.add')}
          </Button>
        </Group>

        <Title order={4}>{t('auditPlan.tab.fields.sampled')}</Title>
        {plan.options.aiSystems.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('auditPlan.tab.sample.noSystems')}
          </Text>
        )}
        {plan.options.aiSystems.map((x) => {
          const on = x.id in s.sampled;
          return (
            <Group key={x.id} align="flex-start" wrap="nowrap">
              <Checkbox
                mt={8}
                checked={on}
                label={`${x.name} (${t(`auditPlan.tier.${x.tier}`)})`}
                data-testid={`plan-sample-${x.name}`}
                onChange={(e) => {
                  const next = { ...s.sampled };
                  if (e.currentTarget.checked) next[x.id] = '';
                  else delete next[x.id];
                  set({ sampled: next });
                }}
              />
              {on && (
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t('auditPlan.tab.sample.reason')}
                  placeholder={t('auditPlan.tab.sample.reason')}
                  maxLength={1000}
                  value={s.sampled[x.id]}
                  onChange={(e) => set({ sampled: { ...s.sampled, [x.id]: e.currentTarget.value } })}
                  data-testid={`plan-sample-reason-${x.name}`}
                />
              )}
            </Group>
          );
        })}

        {save.error ? <ErrorAlert error={save.error} /> : null}
        {issue.error ? missing ? <Alert color="orange">{t('auditPlan.tab.missing', { fields: missing.map((m) => t(`auditPlan.tab.missingField.${m}` as never)).join(', ') })}</Alert> : <ErrorAlert error={issue.error} /> : null}
        {save.isSuccess && !save.isPending && (
          <Text size="sm" c="green.8" data-testid="plan-saved">
            {t('auditPlan.tab.saved')}
          </Text>
        )}
        <Group justify="space-between">
          <Button onClick={() => save.mutate(body())} loading={save.isPending} data-testid="plan-save">
            {t('auditPlan.tab.save')}
          </Button>
          {plan.abilities['auditPlan.issue'] && draft && (
            <Group>
              <Select
                aria-label={t('auditPlan.tab.issueLanguage')}
                data={(['en', 'fr'] as const).map((l) => ({ value: l, label: t(`language.name.${l}`) }))}
                value={locale}
                onChange={(v) => v && setLocale(v as TLocale)}
                allowDeselect={false}
                w={140}
                data-testid="plan-language"
              />
              <ConfirmButton
                color="blue"
                title={t('auditPlan.tab.issue')}
                message={t('auditPlan.tab.issueConfirm')}
                confirmLabel={t('auditPlan.tab.issue')}
                loading={issue.isPending}
                data-testid="plan-issue"
                onConfirm={() => save.mutate(body(), { onSuccess: () => issue.mutate({ locale }) })}
              >
                {t('auditPlan.tab.issue')}
              </ConfirmButton>
            </Group>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The audit page's Plan tab: versions, the draft's editor for those who prepare it, the plan as issued for the others. */
export function AuditPlanTab({ audit, tenantId }: TAuditTabProps) {
  const { t } = useTranslation();
  const plan = useAuditPlan(tenantId, audit.id);
  const revise = useRevisePlan(tenantId, audit.id);
  if (plan.isPending) return <Loading />;
  if (plan.error) return <ErrorAlert error={plan.error} />;
  const p = plan.data;
  const draft = p.versions.find((v) => v.status === 'draft') ?? null;
  const latestIssued = p.versions.find((v) => v.status !== 'draft') ?? null;
  const canWrite = p.abilities['auditPlan.write'];

  return (
    <Stack data-testid="audit-plan-tab">
      <Text size="sm" c="dimmed">
        {t('auditPlan.tab.intro')}
      </Text>
      {!canWrite && (
        <Text size="sm" c="dimmed">
          {t('auditPlan.tab.readOnly')}
        </Text>
      )}
      {p.versions.length > 0 && (
        <Card withBorder>
          <Title order={4} mb="xs">
            {t('auditPlan.tab.versions')}
          </Title>
          <Stack gap="xs">
            {p.versions.map((v) => (
              <VersionLine key={v.id} v={v} tenantId={tenantId} auditId={audit.id} />
            ))}
          </Stack>
        </Card>
      )}
      {canWrite && (draft || !latestIssued) ? (
        <DraftEditor plan={p} draft={draft} tenantId={tenantId} />
      ) : latestIssued ? (
        <Card withBorder>
          <PlanContentView content={latestIssued.content} />
        </Card>
      ) : (
        <Text c="dimmed">{t('auditPlan.tab.empty')}</Text>
      )}
      {canWrite && !draft && latestIssued && (
        <Group>
          <Button variant="light" onClick={() => revise.mutate(undefined)} loading={revise.isPending} data-testid="plan-revise">
            {t('auditPlan.tab.revise')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('auditPlan.tab.reviseHelp')}
          </Text>
          {revise.error ? <ErrorAlert error={revise.error} /> : null}
        </Group>
      )}
    </Stack>
  );
}
