import { Alert, Badge, Button, Card, Group, List, MultiSelect, NativeSelect, NumberInput, SimpleGrid, Stack, Switch, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { auditTimeTableLabel, auditTimeTraceLines, formatDays } from '../../../shared/audit-time-trace';
import { ZAuditTimeInputs, type TAuditTimeInputs, type TAuditTimeResult } from '../../../shared/contracts/audit-time';
import { AIMS_MATURITIES, CLIENT_AI_ROLES, EXISTING_CERTIFICATIONS, SECTOR_RISKS } from '../../../shared/contracts/certification';
import type { TLocale } from '../../../shared/contracts/common';
import { useTenantContext } from '../tenants/TenantRoute';
import { useAuditTimeOverview, useCalculate, useCalculations, useClientInputs } from './api';

const BLANK: TAuditTimeInputs = {
  employeesFullTime: 20,
  employeesPartTime: 0,
  partTimeFte: 0,
  sites: 1,
  aiSystems: 1,
  highRiskAiSystems: 0,
  aiRoles: ['user'],
  sectorRisk: 'medium',
  aimsMaturity: 'established',
  existingCertifications: [],
  integratedAudit: false,
};
const FIELDS = Object.keys(BLANK) as (keyof TAuditTimeInputs)[];
// The server names a field of the body's `inputs` as `inputs.<field>`; the form holds the inputs themselves.
const RENAME = Object.fromEntries(FIELDS.map((f) => [`inputs.${f}`, f]));

/**
 * The audit-time calculator (IAF MD5): the inputs, the result per audit of the cycle and the trace
 * in the reader's language. Opened with `?clientId=`, it starts from the client's profile and can
 * keep the calculation on the client (the proposal takes its days from there).
 */
export function AuditTimePage() {
  const { t, i18n } = useTranslation();
  const { tenant, can } = useTenantContext();
  const format = useFormat();
  const locale: TLocale = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const [params] = useSearchParams();
  const clientId = params.get('clientId');
  const overview = useAuditTimeOverview(tenant.id, can('auditTime.read'));
  const client = useClientInputs(tenant.id, can('auditTime.calculate') ? clientId : null);
  const calculations = useCalculations(tenant.id, clientId, can('auditTime.read'));
  const calculate = useCalculate(tenant.id);
  const [shown, setShown] = useState<{ result: TAuditTimeResult; keptAt: string | null } | null>(null);
  const [note, setNote] = useState('');
  const form = useContractForm(ZAuditTimeInputs, BLANK);
  const unplaced = useServerErrors(form, calculate.error, RENAME);

  useEffect(() => {
    if (client.data) form.setValues(client.data.inputs);
    // The form is filled once per client loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client.data]);

  const options = useMemo(
    () => ({
      roles: CLIENT_AI_ROLES.map((v) => ({ value: v, label: t(`auditTime.aiRole.${v}`) })),
      sector: SECTOR_RISKS.map((v) => ({ value: v, label: t(`auditTime.sectorRisk.${v}`) })),
      maturity: AIMS_MATURITIES.map((v) => ({ value: v, label: t(`auditTime.maturity.${v}`) })),
      certs: EXISTING_CERTIFICATIONS.map((v) => ({ value: v, label: t(`auditTime.certification.${v}`) })),
    }),
    [t],
  );

  if (!can('auditTime.read')) return <NoAccess />;

  const run = (keep: boolean) =>
    form.onSubmit((inputs) =>
      calculate.mutate(
        { inputs, ...(keep && clientId ? { clientId, note: note || undefined } : {}) },
        { onSuccess: (r) => setShown({ result: r.result, keptAt: r.calculation?.createdAt ?? null }) },
      ),
    );

  const current = overview.data?.current;
  return (
    <Stack gap="xl">
      <PageHeader title={t('auditTime.title')} description={t('auditTime.description')} />
      {overview.error && <ErrorAlert error={overview.error} />}
      {current && (
        <Alert color={current.source === 'default' ? 'yellow' : 'blue'} data-testid="audit-time-table">
          <Text fw={600}>{t('auditTime.tableInForce', { table: auditTimeTableLabel(current, locale) })}</Text>
          <Text size="sm">{t('auditTime.noVerifiedTable')}</Text>
        </Alert>
      )}

      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">
          {client.data ? t('auditTime.inputsForClient', { client: `${client.data.clientReference} — ${client.data.clientName}` }) : t('auditTime.inputs')}
        </Title>
        {client.error && <ErrorAlert error={client.error} />}
        <form onSubmit={run(false)} noValidate>
          <Stack>
            <ErrorAlert error={unplaced} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput label={t('auditTime.fields.employeesFullTime')} min={0} allowDecimal={false} {...form.getInputProps('employeesFullTime')} data-testid="at-full-time" />
              <NumberInput label={t('auditTime.fields.employeesPartTime')} min={0} allowDecimal={false} {...form.getInputProps('employeesPartTime')} data-testid="at-part-time" />
              <NumberInput label={t('auditTime.fields.partTimeFte')} min={0} decimalScale={2} description={t('auditTime.help.partTimeFte')} {...form.getInputProps('partTimeFte')} data-testid="at-part-time-fte" />
              <NumberInput label={t('auditTime.fields.sites')} min={1} allowDecimal={false} description={t('auditTime.help.sites')} {...form.getInputProps('sites')} data-testid="at-sites" />
              <NumberInput label={t('auditTime.fields.aiSystems')} min={0} allowDecimal={false} {...form.getInputProps('aiSystems')} data-testid="at-ai-systems" />
              <NumberInput label={t('auditTime.fields.highRiskAiSystems')} min={0} allowDecimal={false} {...form.getInputProps('highRiskAiSystems')} data-testid="at-high-risk" />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MultiSelect label={t('auditTime.fields.aiRoles')} data={options.roles} description={t('auditTime.help.aiRoles')} {...form.getInputProps('aiRoles')} data-testid="at-ai-roles" />
              <MultiSelect label={t('auditTime.fields.existingCertifications')} data={options.certs} {...form.getInputProps('existingCertifications')} data-testid="at-certifications" />
              <NativeSelect label={t('auditTime.fields.sectorRisk')} data={options.sector} {...form.getInputProps('sectorRisk')} data-testid="at-sector-risk" />
              <NativeSelect label={t('auditTime.fields.aimsMaturity')} data={options.maturity} {...form.getInputProps('aimsMaturity')} data-testid="at-maturity" />
            </SimpleGrid>
            <Switch label={t('auditTime.fields.integratedAudit')} description={t('auditTime.help.integratedAudit')} {...form.getInputProps('integratedAudit', { type: 'checkbox' })} data-testid="at-integrated" />
            {clientId && can('auditTime.record') && <Textarea label={t('auditTime.fields.note')} maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="at-note" />}
            <Group>
              <Button type="submit" loading={calculate.isPending} data-testid="at-calculate">
                {t('auditTime.calculate')}
              </Button>
              {clientId && can('auditTime.record') && client.data && (
                <Button variant="light" loading={calculate.isPending} onClick={() => run(true)()} data-testid="at-keep">
                  {t('auditTime.keepOnClient', { client: client.data.clientReference })}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Card>

      {shown && <ResultCard result={shown.result} keptAt={shown.keptAt} locale={locale} />}

      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">
          {t('auditTime.kept.title')}
        </Title>
        {calculations.isPending ? (
          <Loading />
        ) : calculations.error ? (
          <ErrorAlert error={calculations.error} />
        ) : calculations.data.items.length === 0 ? (
          <Text c="dimmed">{t('auditTime.kept.empty')}</Text>
        ) : (
          <Table data-testid="at-kept">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auditTime.kept.when')}</Table.Th>
                <Table.Th>{t('auditTime.kept.client')}</Table.Th>
                <Table.Th>{t('auditTime.result.initial')}</Table.Th>
                <Table.Th>{t('auditTime.result.cycle')}</Table.Th>
                <Table.Th>{t('auditTime.kept.table')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calculations.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{format.dateTime(c.createdAt)}</Table.Td>
                  <Table.Td>
                    {c.clientReference} — {c.clientName}
                  </Table.Td>
                  <Table.Td>{formatDays(locale, c.result.initialDays)}</Table.Td>
                  <Table.Td>{formatDays(locale, c.result.cycleDays)}</Table.Td>
                  <Table.Td>{auditTimeTableLabel(c.result.table, locale)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" onClick={() => setShown({ result: c.result, keptAt: c.createdAt })}>
                      {t('auditTime.kept.show')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}

function ResultCard({ result, keptAt, locale }: { result: TAuditTimeResult; keptAt: string | null; locale: TLocale }) {
  const { t } = useTranslation();
  const format = useFormat();
  const d = (n: number) => formatDays(locale, n);
  const rows: [string, number, number | null, number | null][] = [
    [t('auditTime.result.stage1'), result.stage1Days, null, null],
    [t('auditTime.result.stage2'), result.stage2Days, null, result.siteSample.initial],
    [t('auditTime.result.initial'), result.initialDays, result.onSiteMinDays.initial, result.siteSample.initial],
    [t('auditTime.result.surveillance'), result.surveillanceDays, result.onSiteMinDays.surveillance, result.siteSample.surveillance],
    [t('auditTime.result.recertification'), result.recertificationDays, result.onSiteMinDays.recertification, result.siteSample.recertification],
  ];
  return (
    <Card withBorder padding="lg" data-testid="at-result">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('auditTime.result.title')}
        </Title>
        <Group gap="xs">
          <Badge variant="light">{auditTimeTableLabel(result.table, locale)}</Badge>
          {keptAt && <Badge color="green">{t('auditTime.result.kept', { at: format.dateTime(keptAt) })}</Badge>}
        </Group>
      </Group>
      <Table mb="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('auditTime.result.audit')}</Table.Th>
            <Table.Th>{t('auditTime.result.days')}</Table.Th>
            <Table.Th>{t('auditTime.result.onSite')}</Table.Th>
            <Table.Th>{t('auditTime.result.sampledSites')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, days, onSite, sampled]) => (
            <Table.Tr key={label}>
              <Table.Td>{label}</Table.Td>
              <Table.Td>{d(days)}</Table.Td>
              <Table.Td>{onSite === null ? '' : d(onSite)}</Table.Td>
              <Table.Td>{sampled === null ? '' : t('auditTime.result.sitesPlusCentral', { count: sampled })}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td fw={700}>{t('auditTime.result.cycle')}</Table.Td>
            <Table.Td fw={700} data-testid="at-cycle-days">
              {d(result.cycleDays)}
            </Table.Td>
            <Table.Td />
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5" mb="xs">
        {t('auditTime.result.trace')}
      </Title>
      <List type="ordered" spacing={4} size="sm" data-testid="at-trace">
        {auditTimeTraceLines(result.trace, locale).map((line, i) => (
          <List.Item key={i}>{line}</List.Item>
        ))}
      </List>
    </Card>
  );
}
