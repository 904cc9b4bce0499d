import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2Coverage } from '../../../shared/contracts/soc2-fieldwork';
import { noon } from '../audits/StateBadge';
import { useTenantContext } from '../tenants/TenantRoute';
import { useSoc2Matrix } from './api';
import { useSoc2Coverage } from './fieldwork-api';

type TOf = NonNullable<TSoc2Coverage['tests'][number]['population']>;

/**
 * Coverage of a Type II period: per criterion, whether an accepted control has a test; per test,
 * whether its population and the organization's evidence reach every slot of the period the
 * control's frequency cuts (gaps listed with their dates).
 */
export function CoverageCard({ examination: x }: { examination: TSoc2Examination }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const format = useFormat();
  const coverage = useSoc2Coverage(tenant.id, x.id);
  const matrix = useSoc2Matrix(tenant.id, x.id);
  if (coverage.isPending || matrix.isPending) return <Loading />;
  if (coverage.error || matrix.error) return <ErrorAlert error={coverage.error ?? matrix.error} />;
  const c = coverage.data;
  const tested = new Set(c.tests.map((s) => s.controlId));
  const rows = matrix.data.rows.map((r) => ({ ref: r.criterionRef, controls: r.controls.filter((k) => !k.suggested) }));
  const withTest = rows.filter((r) => r.controls.some((k) => tested.has(k.controlId)));
  const without = rows.filter((r) => !r.controls.some((k) => tested.has(k.controlId)));
  const day = (d: string) => format.date(noon(d));
  const cell = (o: TOf | null, testId: string) =>
    !o ? (
      <Text size="sm" c="dimmed">{t('soc2Testing.work.coverage.noPopulation')}</Text>
    ) : o.covered ? (
      <Badge color="teal" variant="light" data-testid={testId} data-covered="true">{t('soc2Testing.work.coverage.covered')}</Badge>
    ) : (
      <Stack gap={2} data-testid={testId} data-covered="false">
        <Badge color="orange" variant="light">{t('soc2Testing.work.coverage.gaps', { count: o.gaps.length })}</Badge>
        <Text size="xs" c="dimmed">{o.gaps.slice(0, 4).map((g) => t('soc2Testing.work.coverage.gap', { start: day(g.start), end: day(g.end) })).join(' · ')}{o.gaps.length > 4 ? ' …' : ''}</Text>
      </Stack>
    );
  return (
    <Card withBorder padding="lg" data-testid="soc2-coverage">
      <Title order={3} size="h4" mb="xs">
        {t('soc2Testing.work.coverage.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('soc2Testing.work.coverage.intro', { start: day(c.period.start), end: day(c.period.end) })}
      </Text>
      <Group gap="xs" mb="md" data-testid="soc2-coverage-criteria">
        <Badge color="teal" variant="light">{t('soc2Testing.work.coverage.criteriaTested', { count: withTest.length })}</Badge>
        <Badge color={without.length ? 'red' : 'gray'} variant="light" data-testid="soc2-coverage-untested">
          {t('soc2Testing.work.coverage.criteriaUntested', { count: without.length })}
        </Badge>
      </Group>
      {without.length > 0 && (
        <Text size="sm" mb="md" data-testid="soc2-coverage-untested-list">
          {t('soc2Testing.work.coverage.untestedList', { list: without.map((r) => r.ref).join(', ') })}
        </Text>
      )}
      {c.applicable && c.tests.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table fz="sm" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('soc2Testing.work.coverage.test')}</Table.Th>
                <Table.Th>{t('soc2Testing.tests.frequency')}</Table.Th>
                <Table.Th>{t('soc2Testing.work.coverage.population')}</Table.Th>
                <Table.Th>{t('soc2Testing.work.coverage.evidence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.tests.map((s) => (
                <Table.Tr key={s.testId} data-testid={`soc2-coverage-${s.reference}`}>
                  <Table.Td>{`${s.reference} · ${s.controlRef}`}</Table.Td>
                  <Table.Td>{t(`soc2Testing.frequency.${s.frequency}`)}</Table.Td>
                  <Table.Td>{cell(s.population, `soc2-coverage-population-${s.reference}`)}</Table.Td>
                  <Table.Td>{cell(s.evidence, `soc2-coverage-evidence-${s.reference}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
