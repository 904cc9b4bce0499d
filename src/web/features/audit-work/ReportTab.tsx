import { ActionIcon, Alert, Anchor, Badge, Button, Card, Grid, Group, Radio, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { isApiError } from '../../lib/api';
import { notifySuccess, serverFieldErrors } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import {
  CHECKLIST_VERDICTS,
  MAX_ATTENDEES,
  MAX_REPORT_TEXT,
  RECOMMENDATIONS_BY_AUDIT_TYPE,
  STAGE2_READINESS,
  type TAttendee,
  type TChecklist,
  type TReport,
  type TUpdateReportInput,
} from '../../../shared/contracts/audit-work';
import type { TAuditTabProps } from '../audits/workspace-tabs';
import { reportFileUrl, useChecklist, useIssueReport, useReport, useUpdateReport } from './api';
import { VerdictBadge } from './VerdictBadge';

type TFields = Pick<TReport, 'summary' | 'conformities' | 'observations' | 'areasToClarify' | 'readyForStage2' | 'conclusions' | 'closingMeetingDate' | 'attendees' | 'recommendation'>;
const FIELD_KEYS = ['summary', 'conformities', 'observations', 'areasToClarify', 'readyForStage2', 'conclusions', 'closingMeetingDate', 'attendees', 'recommendation'] as const;
const fieldsOf = (r: TReport): TFields => Object.fromEntries(FIELD_KEYS.map((k) => [k, r[k]])) as TFields;

/**
 * The audit report (17021-1 9.4.8): the stage 1 form (conformities, observations, areas to
 * clarify, readiness for stage 2) or the audit form (conclusions, closing meeting, recommendation),
 * with the checklist's counts beside it. The lead auditor issues it once, after a confirmation;
 * an issued report is read-only and its four files (EN/FR × PDF/DOCX) are served as stored.
 */
export function ReportTab({ audit, tenantId }: TAuditTabProps) {
  const report = useReport(tenantId, audit.id);
  const checklist = useChecklist(tenantId, audit.id);
  if (report.isPending) return <Loading />;
  if (report.error) return <ErrorAlert error={report.error} />;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        {report.data.status === 'issued' || !report.data.abilities['auditReport.write'] ? (
          <IssuedOrReadOnly report={report.data} tenantId={tenantId} auditState={audit.state} />
        ) : (
          <ReportForm key={report.data.updatedAt ?? 'new'} report={report.data} tenantId={tenantId} />
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <ChecklistCounts checklist={checklist.data ?? null} />
      </Grid.Col>
    </Grid>
  );
}

function ChecklistCounts({ checklist: c }: { checklist: TChecklist | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="md" data-testid="report-checklist-counts">
      <Title order={3} size="h5" mb="sm">
        {t('auditWork.reportTab.checklist')}
      </Title>
      {!c?.generated ? (
        <Text size="sm" c="dimmed">
          {t('auditWork.reportTab.noChecklist')}
        </Text>
      ) : (
        <Stack gap={6}>
          {[null, ...CHECKLIST_VERDICTS].map((v) => (
            <Group key={v ?? 'open'} justify="space-between">
              <VerdictBadge verdict={v} />
              <Text size="sm" fw={600} data-testid={`report-count-${v ?? 'open'}`}>
                {format.number(v ? c.totals[v] : c.totals.open)}
              </Text>
            </Group>
          ))}
          <Text size="xs" c="dimmed" mt="xs">
            {t('auditWork.reportTab.checklistTotal', { count: c.totals.items, n: format.number(c.totals.items) })}
          </Text>
          {c.totals.open > 0 && (
            <Text size="xs" c="orange">
              {t('auditWork.reportTab.openLeft', { count: c.totals.open, n: format.number(c.totals.open) })}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}

function ReportForm({ report: r, tenantId }: { report: TReport; tenantId: string }) {
  const { t } = useTranslation();
  const [v, setV] = useState<TFields>(() => fieldsOf(r));
  const update = useUpdateReport(tenantId, r.auditId);
  const issue = useIssueReport(tenantId, r.auditId);
  const fieldErrors = update.error ? serverFieldErrors(update.error) : {};
  const saved = fieldsOf(r);
  const changed = FIELD_KEYS.filter((k) => JSON.stringify(v[k]) !== JSON.stringify(saved[k]));
  const dirty = changed.length > 0;
  const set = <K extends keyof TFields>(k: K, value: TFields[K]) => setV((cur) => ({ ...cur, [k]: value }));

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = () => {
    const body = Object.fromEntries(changed.map((k) => [k, v[k]])) as TUpdateReportInput;
    update.mutate(body, { onSuccess: () => notifySuccess(t('auditWork.reportTab.saved')) });
  };
  const text = (k: 'summary' | 'conformities' | 'observations' | 'areasToClarify' | 'conclusions', minRows = 4) => (
    <Textarea
      label={t(`auditWork.report.${k}`)}
      value={v[k]}
      onChange={(e) => set(k, e.currentTarget.value)}
      maxLength={MAX_REPORT_TEXT}
      autosize
      minRows={minRows}
      maxRows={20}
      error={fieldErrors[k]}
      data-testid={`report-${k}`}
    />
  );
  const missing = isApiError(issue.error) && issue.error.code === 'report_incomplete' ? ((issue.error.details as { missing?: string[] } | undefined)?.missing ?? []) : [];

  return (
    <Card withBorder padding="lg" data-testid="report-form" data-kind={r.kind}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t(r.kind === 'stage1' ? 'auditWork.document.titleStage1' : 'auditWork.document.titleAudit', { type: t(`auditWork.auditType.${r.auditType}`) })}
          </Title>
          <Badge variant="light" color="gray" data-testid="report-status">
            {t('auditWork.reportTab.status.draft')}
          </Badge>
        </Group>
        {update.error && !Object.keys(fieldErrors).length ? <ErrorAlert error={update.error} /> : null}
        {text('summary')}
        {r.kind === 'stage1' ? (
          <>
            {text('conformities')}
            {text('observations')}
            {text('areasToClarify')}
            <Radio.Group label={t('auditWork.report.readyForStage2')} value={v.readyForStage2 ?? ''} onChange={(x) => set('readyForStage2', x as TFields['readyForStage2'])} error={fieldErrors.readyForStage2} data-testid="report-readyForStage2">
              <Stack gap="xs" mt="xs">
                {STAGE2_READINESS.map((x) => (
                  <Radio key={x} value={x} label={t(`auditWork.readyForStage2.${x}`)} data-testid={`report-ready-${x}`} />
                ))}
              </Stack>
            </Radio.Group>
          </>
        ) : (
          <>
            {text('conclusions', 6)}
            <Title order={4} size="h5">
              {t('auditWork.report.closingMeeting')}
            </Title>
            <TextInput
              type="date"
              label={t('auditWork.report.closingMeetingDate')}
              value={v.closingMeetingDate ?? ''}
              onChange={(e) => set('closingMeetingDate', e.currentTarget.value || null)}
              error={fieldErrors.closingMeetingDate}
              w={220}
              data-testid="report-closingMeetingDate"
            />
            <Attendees value={v.attendees} onChange={(a) => set('attendees', a)} errors={fieldErrors} />
            <Radio.Group label={t('auditWork.report.recommendation')} value={v.recommendation ?? ''} onChange={(x) => set('recommendation', x as TFields['recommendation'])} error={fieldErrors.recommendation} data-testid="report-recommendation">
              <Stack gap="xs" mt="xs">
                {RECOMMENDATIONS_BY_AUDIT_TYPE[r.auditType].map((x) => (
                  <Radio key={x} value={x} label={t(`auditWork.recommendation.${x}`)} data-testid={`report-recommendation-${x}`} />
                ))}
              </Stack>
            </Radio.Group>
          </>
        )}
        <Group justify="space-between" mt="sm">
          <Group gap="xs">
            <Button onClick={save} disabled={!dirty} loading={update.isPending} data-testid="report-save">
              {t('auditWork.reportTab.save')}
            </Button>
            {dirty && (
              <Text size="sm" c="orange" data-testid="report-unsaved">
                {t('auditWork.reportTab.unsaved')}
              </Text>
            )}
          </Group>
          {r.abilities['auditReport.issue'] ? (
            <ConfirmButton
              color="teal"
              disabled={dirty}
              title={t('auditWork.reportTab.issueTitle')}
              message={t('auditWork.reportTab.issueMessage')}
              confirmLabel={t('auditWork.reportTab.issueConfirm')}
              onConfirm={() => issue.mutate(undefined, { onSuccess: () => notifySuccess(t('auditWork.reportTab.issued')) })}
              loading={issue.isPending}
              data-testid="report-issue"
            >
              {t('auditWork.reportTab.issue')}
            </ConfirmButton>
          ) : (
            <Text size="xs" c="dimmed">
              {t('auditWork.reportTab.leadIssues')}
            </Text>
          )}
        </Group>
        {dirty && r.abilities['auditReport.issue'] && (
          <Text size="xs" c="dimmed">
            {t('auditWork.reportTab.saveBeforeIssue')}
          </Text>
        )}
        {issue.error ? (
          missing.length ? (
            <Alert color="red" title={t('auditWork.reportTab.incomplete')} data-testid="report-missing">
              <Stack gap={2}>
                {missing.map((m) => (
                  <Text key={m} size="sm">
                    {t(`auditWork.reportTab.missing.${m as 'summary'}`)}
                  </Text>
                ))}
              </Stack>
            </Alert>
          ) : (
            <ErrorAlert error={issue.error} />
          )
        ) : null}
      </Stack>
    </Card>
  );
}

function Attendees({ value, onChange, errors }: { value: TAttendee[]; onChange: (a: TAttendee[]) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const setAt = (i: number, patch: Partial<TAttendee>) => onChange(value.map((a, n) => (n === i ? { ...a, ...patch } : a)));
  return (
    <Stack gap="xs" data-testid="report-attendees">
      <Text size="sm" fw={500}>
        {t('auditWork.report.attendees')}
      </Text>
      {errors.attendees ? (
        <Text size="xs" c="red">
          {errors.attendees}
        </Text>
      ) : null}
      {value.map((a, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput aria-label={t('auditWork.report.attendeeName')} placeholder={t('auditWork.report.attendeeName')} value={a.name} onChange={(e) => setAt(i, { name: e.currentTarget.value })} maxLength={120} error={errors[`attendees.${i}.name`]} style={{ flex: 1 }} data-testid={`report-attendee-${i}-name`} />
          <TextInput aria-label={t('auditWork.report.attendeeOrganization')} placeholder={t('auditWork.report.attendeeOrganization')} value={a.organization} onChange={(e) => setAt(i, { organization: e.currentTarget.value })} maxLength={160} error={errors[`attendees.${i}.organization`]} style={{ flex: 1 }} data-testid={`report-attendee-${i}-organization`} />
          <TextInput aria-label={t('auditWork.report.attendeeRole')} placeholder={t('auditWork.report.attendeeRole')} value={a.role} onChange={(e) => setAt(i, { role: e.currentTarget.value })} maxLength={120} error={errors[`attendees.${i}.role`]} style={{ flex: 1 }} data-testid={`report-attendee-${i}-role`} />
          <ActionIcon variant="subtle" color="red" size="lg" onClick={() => onChange(value.filter((_, n) => n !== i))} aria-label={t('auditWork.reportTab.removeAttendee', { name: a.name || String(i + 1) })}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...value, { name: '', organization: '', role: '' }])} disabled={value.length >= MAX_ATTENDEES} data-testid="report-attendee-add">
          {t('auditWork.reportTab.addAttendee')}
        </Button>
      </Group>
    </Stack>
  );
}

function IssuedOrReadOnly({ report: r, tenantId, auditState }: { report: TReport; tenantId: string; auditState: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const issued = r.status === 'issued';
  const para = (k: 'summary' | 'conformities' | 'observations' | 'areasToClarify' | 'conclusions') => (
    <div key={k}>
      <Text size="sm" fw={600}>
        {t(`auditWork.report.${k}`)}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`report-view-${k}`}>
        {r[k] || t('common.none')}
      </Text>
    </div>
  );
  return (
    <Stack gap="md">
      {issued && (
        <Card withBorder padding="md" data-testid="report-files">
          <Group justify="space-between" mb="sm">
            <Text size="sm" fw={600}>
              {t('auditWork.reportTab.issuedOn', { name: r.issuedBy?.name ?? t('common.none'), date: format.dateTime(r.issuedAt) })}
            </Text>
            <Badge color="teal" variant="light" data-testid="report-status">
              {t('auditWork.reportTab.status.issued')}
            </Badge>
          </Group>
          <Table withRowBorders={false}>
            <Table.Tbody>
              {(['fr', 'en'] as const).map((locale) => (
                <Table.Tr key={locale}>
                  <Table.Td>{t(`auditWork.reportTab.language.${locale}`)}</Table.Td>
                  {(['pdf', 'docx'] as const).map((fmt) => {
                    const f = r.files.find((x) => x.locale === locale && x.format === fmt);
                    return (
                      <Table.Td key={fmt}>
                        {f ? (
                          <Anchor href={reportFileUrl(tenantId, r.auditId, locale, fmt)} download data-testid={`report-download-${locale}-${fmt}`} title={`SHA-256 ${f.sha256}`}>
                            {t('auditWork.reportTab.download', { format: fmt.toUpperCase(), size: format.number(Math.ceil(f.size / 1024)) })}
                          </Anchor>
                        ) : null}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Card withBorder padding="lg" data-testid="report-view">
        <Stack gap="sm">
          {!issued && (
            <Alert color="gray" data-testid="report-readonly">
              {t(auditState === 'in_progress' ? 'auditWork.reportTab.readOnly' : 'auditWork.reportTab.writeWhenInProgress')}
            </Alert>
          )}
          {para('summary')}
          {r.kind === 'stage1' ? (
            <>
              {para('conformities')}
              {para('observations')}
              {para('areasToClarify')}
              <div>
                <Text size="sm" fw={600}>
                  {t('auditWork.report.readyForStage2')}
                </Text>
                <Text size="sm">{r.readyForStage2 ? t(`auditWork.readyForStage2.${r.readyForStage2}`) : t('common.none')}</Text>
              </div>
            </>
          ) : (
            <>
              {para('conclusions')}
              <div>
                <Text size="sm" fw={600}>
                  {t('auditWork.report.closingMeeting')}
                </Text>
                <Text size="sm">{r.closingMeetingDate ? format.date(`${r.closingMeetingDate}T12:00:00Z`) : t('common.none')}</Text>
                {r.attendees.map((a, i) => (
                  <Text key={i} size="sm">
                    {[a.name, a.organization, a.role].filter(Boolean).join(' · ')}
                  </Text>
                ))}
              </div>
              <div>
                <Text size="sm" fw={600}>
                  {t('auditWork.report.recommendation')}
                </Text>
                <Text size="sm" data-testid="report-view-recommendation">
                  {r.recommendation ? t(`auditWork.recommendation.${r.recommendation}`) : t('common.none')}
                </Text>
              </div>
            </>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
