import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TOrgSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2ComplementaryControl, TSoc2SubserviceOrg } from '../../../shared/contracts/soc2-scope';
import { DataTable, type TDataColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useOrgScopeParts } from './api';
import { Fact, useDay, useReportPeriod } from './Soc2Bits';

/*
 * The examination's scope as the firm recorded it, read-only for the organization: what is examined
 * (categories, period, the scope texts), the subservice organizations it relies on (carved out or
 * included, with the SOC report of their own the firm relied on), and the complementary controls the
 * report will list — CUECs (what user entities must do) and CSOCs (what a carved-out subservice
 * organization must do). The system description refers to all of them, so management reads them here.
 */
export function ScopeTab({ tenantId, exam: x }: { tenantId: string; exam: TOrgSoc2Examination }) {
  const { t } = useTranslation();
  const parts = useOrgScopeParts(tenantId, x.id);
  const period = useReportPeriod();
  const texts = (['services', 'systems', 'locations', 'people'] as const).filter((k) => x[k].trim());
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('soc2Programme.scope.intro', { firm: x.firmName })}
      </Text>
      <Card withBorder padding="lg" data-testid="soc2-scope-summary">
        <Title order={3} size="h4" mb="sm">
          {t('soc2Programme.exam.scope.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Fact label={t('soc2Programme.scope.reportType')} value={t(`soc2Engagements.reportType.${x.reportType}`)} testId="soc2-scope-type" />
          <Fact label={t(`soc2Programme.scope.${x.reportType === 'type1' ? 'asOf' : 'period'}`)} value={period(x)} testId="soc2-scope-period" />
          <Fact label={t('soc2Programme.exam.scope.categories')} value={x.categories.map((c) => t(`soc2Engagements.category.${c}`)).join(', ')} testId="soc2-scope-categories" />
          {texts.map((k) => (
            <Fact key={k} label={t(`soc2Programme.exam.scope.${k}`)} value={x[k]} testId={`soc2-scope-${k}`} />
          ))}
        </SimpleGrid>
      </Card>
      {parts.isPending ? (
        <Loading />
      ) : parts.error ? (
        <ErrorAlert error={parts.error} />
      ) : (
        <>
          <SubserviceOrgs rows={parts.data.subserviceOrgs} />
          <ComplementaryControls kind="cuec" rows={parts.data.complementaryControls.filter((c) => c.kind === 'cuec')} />
          <ComplementaryControls kind="csoc" rows={parts.data.complementaryControls.filter((c) => c.kind === 'csoc')} />
        </>
      )}
    </Stack>
  );
}

function SubserviceOrgs({ rows }: { rows: TSoc2SubserviceOrg[] }) {
  const { t } = useTranslation();
  const day = useDay();
  const columns: TDataColumn<TSoc2SubserviceOrg>[] = [
    {
      key: 'name',
      header: t('soc2Programme.scope.subservice.name'),
      cell: (s) => (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {s.name}
          </Text>
          {s.services.trim() && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {s.services}
            </Text>
          )}
        </Stack>
      ),
      sortValue: (s) => s.name,
    },
    {
      key: 'treatment',
      header: t('soc2Programme.scope.subservice.treatment'),
      cell: (s) => (
        <Badge variant="light" color={s.treatment === 'carve_out' ? 'orange' : 'blue'} style={{ minWidth: 'max-content' }} data-testid="soc2-subservice-treatment" data-treatment={s.treatment}>
          {t(`soc2Programme.scope.subservice.treatments.${s.treatment}`)}
        </Badge>
      ),
      sortValue: (s) => s.treatment,
      nowrap: true,
    },
    {
      key: 'report',
      header: t('soc2Programme.scope.subservice.report'),
      cell: (s) => (
        <Stack gap={2} data-testid="soc2-subservice-report">
          <Text size="sm">
            {s.reportKind
              ? s.reportPeriodEnd
                ? t('soc2Programme.scope.subservice.reportUntil', { kind: t(`soc2Programme.scope.subservice.kinds.${s.reportKind}`), date: day(s.reportPeriodEnd) })
                : t(`soc2Programme.scope.subservice.kinds.${s.reportKind}`)
              : t('soc2Programme.scope.subservice.noReport')}
          </Text>
          {s.reportOpinion && (
            <Text size="xs" c={s.reportOpinion === 'unmodified' ? 'dimmed' : 'orange'}>
              {t(`soc2Documents.opinionName.${s.reportOpinion}`)}
            </Text>
          )}
          {s.reportNotes.trim() && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {s.reportNotes}
            </Text>
          )}
        </Stack>
      ),
      sortValue: (s) => s.reportPeriodEnd,
    },
  ];
  return (
    <Section title={t('soc2Programme.scope.subservice.title')} hint={t('soc2Programme.scope.subservice.hint')}>
      <DataTable
        rows={rows}
        rowKey={(s) => s.id}
        columns={columns}
        empty={t('soc2Programme.scope.subservice.empty')}
        label={t('soc2Programme.scope.subservice.title')}
        testId="soc2-subservice-table"
        rowTestId={(s) => `soc2-subservice-row-${s.position}`}
        minWidth={760}
      />
    </Section>
  );
}

function ComplementaryControls({ kind, rows }: { kind: 'cuec' | 'csoc'; rows: TSoc2ComplementaryControl[] }) {
  const { t } = useTranslation();
  const columns: TDataColumn<TSoc2ComplementaryControl>[] = [
    { key: 'reference', header: t('soc2Programme.scope.controls.reference'), cell: (c) => c.reference, sortValue: (c) => c.reference, nowrap: true },
    {
      key: 'statement',
      header: t('soc2Programme.scope.controls.statement'),
      cell: (c) => (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="soc2-complementary-statement">
          {c.statement}
        </Text>
      ),
      sortValue: (c) => c.statement,
    },
    ...(kind === 'csoc'
      ? [{ key: 'subservice', header: t('soc2Programme.scope.controls.subservice'), cell: (c: TSoc2ComplementaryControl) => c.subserviceOrgName ?? '—', sortValue: (c: TSoc2ComplementaryControl) => c.subserviceOrgName, nowrap: true }]
      : []),
    {
      key: 'criteria',
      header: t('soc2Programme.scope.controls.criteria'),
      cell: (c) =>
        c.criteria.length ? (
          <Group gap={4} data-testid="soc2-complementary-criteria">
            {c.criteria.map((ref) => (
              <Badge key={ref} variant="outline" color="gray" size="sm">
                {ref}
              </Badge>
            ))}
          </Group>
        ) : (
          '—'
        ),
      sortValue: (c) => c.criteria.join(' '),
    },
  ];
  return (
    <Section title={t(`soc2Programme.scope.controls.${kind}.title`)} hint={t(`soc2Programme.scope.controls.${kind}.hint`)}>
      <DataTable
        rows={rows}
        rowKey={(c) => c.id}
        columns={columns}
        empty={t(`soc2Programme.scope.controls.${kind}.empty`)}
        label={t(`soc2Programme.scope.controls.${kind}.title`)}
        testId={`soc2-${kind}-table`}
        rowTestId={(c) => `soc2-complementary-row-${c.reference}`}
        minWidth={760}
      />
    </Section>
  );
}

function Section({ title, hint, children }: { title: string; hint: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      {children}
    </Stack>
  );
}
