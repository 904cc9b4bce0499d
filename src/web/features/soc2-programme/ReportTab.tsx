import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLocale } from '../../../shared/contracts/common';
import type { TOrgSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import { SOC2_BRIDGE_MAX_MONTHS, SOC2_DOCUMENT_FORMATS, type TOrgSoc2ReportStatus, type TSoc2IssuedDocument } from '../../../shared/contracts/soc2-report';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, type TDataColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useServerErrors } from '../../lib/forms';
import { useMe } from '../auth/api';
import { documentUrl, useIssueBridgeLetter, useOrgReport } from './api';
import { Fact, useDay } from './Soc2Bits';

const LOCALES: TLocale[] = ['en', 'fr'];

/*
 * What the firm issued for the examination, as the organization receives it: the report (reference,
 * date, opinion) and its four files, the general-use summary when the firm issued one, and
 * management's bridge letters — which the organization itself issues, after a Type II report, for the
 * days after the period end (the server holds the bounds; the form only says them).
 */
export function ReportTab({ tenantId, exam }: { tenantId: string; exam: TOrgSoc2Examination }) {
  const { t } = useTranslation();
  const status = useOrgReport(tenantId, exam.id);
  if (status.isPending) return <Loading />;
  if (status.error) return <ErrorAlert error={status.error} />;
  const s = status.data;
  if (!s.report) {
    return (
      <Alert color="gray" variant="light" data-testid="soc2-report-none">
        {t('soc2Programme.report.notIssued', { firm: exam.firmName })}
      </Alert>
    );
  }
  return (
    <Stack gap="lg">
      <ReportCard tenantId={tenantId} status={s} report={s.report} />
      {s.generalUse && <GeneralUseCard tenantId={tenantId} examinationId={s.examinationId} doc={s.generalUse} />}
      {s.reportType === 'type2' && <BridgeLetters tenantId={tenantId} status={s} />}
    </Stack>
  );
}

function ReportCard({ tenantId, status: s, report }: { tenantId: string; status: TOrgSoc2ReportStatus; report: TSoc2IssuedDocument }) {
  const { t } = useTranslation();
  const day = useDay();
  return (
    <Card withBorder padding="lg" data-testid="soc2-report-card">
      <Title order={3} size="h4" mb="sm">
        {t('soc2Programme.report.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="md">
        <Fact label={t('soc2Programme.report.reference')} value={report.reference} testId="soc2-report-reference" />
        <Fact label={t('soc2Programme.report.date')} value={day(s.reportDate)} testId="soc2-report-date" />
        <Fact label={t('soc2Programme.report.opinion')} value={s.opinion ? t(`soc2Documents.opinionName.${s.opinion}`) : '—'} testId="soc2-report-opinion" />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mb="xs">
        {t('soc2Programme.report.restricted')}
      </Text>
      <Downloads tenantId={tenantId} examinationId={s.examinationId} path="report" doc={report} testId="soc2-report-download" />
    </Card>
  );
}

function GeneralUseCard({ tenantId, examinationId, doc }: { tenantId: string; examinationId: string; doc: TSoc2IssuedDocument }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="lg" data-testid="soc2-general-use-card">
      <Title order={3} size="h4" mb={4}>
        {t('soc2Programme.report.generalUse.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('soc2Programme.report.generalUse.hint', { reference: doc.reference, at: format.dateTime(doc.issuedAt) })}
      </Text>
      <Downloads tenantId={tenantId} examinationId={examinationId} path="general-use" doc={doc} testId="soc2-general-use-download" />
    </Card>
  );
}

/** The four stored files: PDF and DOCX, in English and in French, each with its SHA-256 for whoever checks it. */
function Downloads({ tenantId, examinationId, path, doc, testId, compact = false }: { tenantId: string; examinationId: string; path: string; doc: TSoc2IssuedDocument; testId: string; compact?: boolean }) {
  const { t } = useTranslation();
  // In a table row the buttons name the language by its code (EN, FR), as the language switcher does, so the four fit on one line.
  const full = (format: string, locale: TLocale) => t('soc2Programme.report.file', { format: format.toUpperCase(), language: t(`soc2Programme.report.language.${locale}`) });
  const label = (format: string, locale: TLocale) => (compact ? `${format.toUpperCase()} ${locale.toUpperCase()}` : full(format, locale));
  return (
    <Group gap="xs" wrap={compact ? 'nowrap' : 'wrap'}>
      {LOCALES.flatMap((locale) =>
        SOC2_DOCUMENT_FORMATS.map((format) => {
          const file = doc.files.find((f) => f.locale === locale && f.format === format);
          return (
            <Button
              key={`${locale}-${format}`}
              component="a"
              href={documentUrl(tenantId, examinationId, path, locale, format)}
              download
              size="xs"
              variant="default"
              title={file ? `SHA-256 ${file.sha256}` : undefined}
              aria-label={full(format, locale)}
              data-testid={`${testId}-${locale}-${format}`}
            >
              {label(format, locale)}
            </Button>
          );
        }),
      )}
    </Group>
  );
}

function BridgeLetters({ tenantId, status: s }: { tenantId: string; status: TOrgSoc2ReportStatus }) {
  const { t } = useTranslation();
  const day = useDay();
  const format = useFormat();
  const columns: TDataColumn<TSoc2IssuedDocument>[] = [
    { key: 'reference', header: t('soc2Programme.report.bridge.reference'), cell: (d) => d.reference, sortValue: (d) => d.reference, nowrap: true },
    { key: 'covers', header: t('soc2Programme.report.bridge.covers'), cell: (d) => t('soc2Programme.report.bridge.coversRange', { start: day(nextDay(s.periodEnd!)), end: day(d.coversUntil) }), sortValue: (d) => d.coversUntil, nowrap: true },
    {
      key: 'issued',
      header: t('soc2Programme.report.bridge.issued'),
      cell: (d) => (
        <Text size="sm" miw={200}>
          {t('soc2Programme.report.bridge.issuedBy', { at: format.dateTime(d.issuedAt), name: d.issuedBy?.name ?? t('common.none') })}
        </Text>
      ),
      sortValue: (d) => d.issuedAt,
    },
    { key: 'files', header: t('soc2Programme.report.bridge.files'), cell: (d) => <Downloads tenantId={tenantId} examinationId={s.examinationId} path={`bridge-letters/${d.id}`} doc={d} testId={`soc2-bridge-download-${d.reference}`} compact /> },
  ];
  return (
    <Card withBorder padding="lg" data-testid="soc2-bridge-letters">
      <Title order={3} size="h4" mb={4}>
        {t('soc2Programme.report.bridge.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('soc2Programme.report.bridge.hint', { end: day(s.periodEnd), months: SOC2_BRIDGE_MAX_MONTHS, limit: day(s.bridgeLimit) })}
      </Text>
      <DataTable
        rows={s.bridgeLetters}
        rowKey={(d) => d.id}
        columns={columns}
        empty={t('soc2Programme.report.bridge.empty')}
        label={t('soc2Programme.report.bridge.title')}
        testId="soc2-bridge-table"
        rowTestId={(d) => `soc2-bridge-row-${d.reference}`}
        minWidth={1000}
      />
      {s.abilities['soc2BridgeLetter.issue'] ? <BridgeLetterForm tenantId={tenantId} status={s} /> : null}
    </Card>
  );
}

type TBridgeValues = { coversUntil: string; changes: string; incidents: string; nextReportPeriodEnd: string; name: string; title: string };

/** One item per line: the letter lists them as they are written. */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The picker stops where the server does: the limit, or today when earlier (a letter never speaks for days to come). */
const latestCovered = (limit: string | null) => {
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return limit && limit < today ? limit : today;
};

/** Management's bridge letter: the server checks the dates and answers in the user's language. */
function BridgeLetterForm({ tenantId, status: s }: { tenantId: string; status: TOrgSoc2ReportStatus }) {
  const { t } = useTranslation();
  const day = useDay();
  const me = useMe();
  const issue = useIssueBridgeLetter(tenantId, s.examinationId);
  // The text areas become the body's lists on submit; the server checks the body (dates, lengths) and its field errors land here.
  const form = useForm<TBridgeValues>({ initialValues: { coversUntil: '', changes: '', incidents: '', nextReportPeriodEnd: '', name: me.data?.user.name ?? '', title: '' } });
  const formError = useServerErrors(form, issue.error, { 'signatory.name': 'name', 'signatory.title': 'title' });
  const myName = me.data?.user.name ?? '';
  useEffect(() => {
    if (myName && !form.getValues().name) form.setFieldValue('name', myName);
  }, [myName]);
  const v = form.values;
  const ready = v.coversUntil !== '' && v.name.trim() !== '' && v.title.trim() !== '';
  const submit = () =>
    issue.mutate(
      {
        coversUntil: v.coversUntil,
        changes: linesOf(v.changes),
        incidents: linesOf(v.incidents),
        nextReportPeriodEnd: v.nextReportPeriodEnd || null,
        signatory: { name: v.name.trim(), title: v.title.trim() },
      },
      {
        onSuccess: (doc) => {
          notifySuccess(t('soc2Programme.report.bridge.done', { reference: doc.reference }));
          form.reset();
          form.setFieldValue('name', myName);
        },
      },
    );
  return (
    <Stack gap="sm" mt="lg" data-testid="soc2-bridge-form">
      <Text fw={600} size="sm">
        {t('soc2Programme.report.bridge.formTitle')}
      </Text>
      {formError ? <ErrorAlert error={formError} /> : null}
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label={t('soc2Programme.report.bridge.coversUntil')}
          description={t('soc2Programme.report.bridge.coversUntilHint', { start: day(nextDay(s.periodEnd!)), limit: day(s.bridgeLimit) })}
          min={nextDay(s.periodEnd!)}
          max={latestCovered(s.bridgeLimit)}
          required
          {...form.getInputProps('coversUntil')}
          data-testid="soc2-bridge-covers-until"
        />
        <TextInput
          type="date"
          label={t('soc2Programme.report.bridge.nextReport')}
          description={t('soc2Programme.report.bridge.nextReportHint')}
          min={nextDay(s.periodEnd!)}
          {...form.getInputProps('nextReportPeriodEnd')}
          data-testid="soc2-bridge-next-report"
        />
      </Group>
      <Textarea label={t('soc2Programme.report.bridge.changes')} description={t('soc2Programme.report.bridge.changesHint')} autosize minRows={2} maxRows={10} {...form.getInputProps('changes')} data-testid="soc2-bridge-changes" />
      <Textarea label={t('soc2Programme.report.bridge.incidents')} description={t('soc2Programme.report.bridge.incidentsHint')} autosize minRows={2} maxRows={10} {...form.getInputProps('incidents')} data-testid="soc2-bridge-incidents" />
      <Group grow align="flex-start">
        <TextInput label={t('soc2Programme.description.signOff.name')} maxLength={120} required {...form.getInputProps('name')} data-testid="soc2-bridge-name" />
        <TextInput label={t('soc2Programme.description.signOff.role')} placeholder={t('soc2Programme.description.signOff.roleHint')} maxLength={120} required {...form.getInputProps('title')} data-testid="soc2-bridge-title" />
      </Group>
      <Group>
        <ConfirmButton
          color="blue"
          disabled={!ready}
          loading={issue.isPending}
          title={t('soc2Programme.report.bridge.confirmTitle')}
          message={
            <span data-testid="soc2-bridge-confirm-message">
              {t('soc2Programme.report.bridge.confirmMessage', { reference: s.report!.reference, start: day(nextDay(s.periodEnd!)), end: day(v.coversUntil || null), name: v.name.trim(), title: v.title.trim() })}
            </span>
          }
          confirmLabel={t('soc2Programme.report.bridge.confirm')}
          onConfirm={submit}
          data-testid="soc2-bridge-issue"
        >
          {t('soc2Programme.report.bridge.issue')}
        </ConfirmButton>
      </Group>
    </Stack>
  );
}
