import { Alert, Anchor, Badge, Card, Group, List, NativeSelect, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { currentLocale } from '../../i18n';
import { useFormat } from '../../lib/format';
import { REQUIREMENT_STATUSES, type TBlocker, type TReadinessRequirement, type TRequirementStatus } from '../../../shared/contracts/readiness';
import { catalogPaths, useFrameworks } from '../catalog/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useReadiness } from './api';

export const DEFAULT_READINESS_FRAMEWORK = 'iso-iec-42001-2023';
const STATUS_COLORS: Record<TRequirementStatus, string> = { covered: 'teal', partial: 'yellow', planned: 'blue', missing: 'red', not_applicable: 'gray' };
const EVIDENCE_COLORS = { fresh: 'teal', stale: 'yellow', expired: 'red', missing: 'gray' } as const;

export function StatusBadge({ status }: { status: TRequirementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-status={status}>
      {t(`readiness.status.${status}`)}
    </Badge>
  );
}

function BlockerLine({ b, base }: { b: TBlocker; base: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = currentLocale();
  switch (b.kind) {
    case 'soa_not_approved':
      return (
        <Anchor component={Link} to={`${base}/soa`}>
          {b.openVersionStatus ? t('readiness.blockers.soaOpen', { status: t(`readiness.soaStatus.${b.openVersionStatus as 'draft'}`) }) : t('readiness.blockers.soaNone')}
        </Anchor>
      );
    case 'high_risk_untreated':
      return (
        <Anchor component={Link} to={`${base}/risks/${b.riskId}`}>
          {t('readiness.blockers.highRisk', { title: b.title, score: format.number(b.score) })}
        </Anchor>
      );
    case 'mandatory_information_missing':
    case 'mandatory_information_overdue':
      return (
        <Anchor component={Link} to={`${base}/documents/mandatory`}>
          {t(`readiness.blockers.${b.kind === 'mandatory_information_missing' ? 'mandatoryMissing' : 'mandatoryOverdue'}`, { clause: b.clause, label: b.label[lang] })}
        </Anchor>
      );
  }
}

function Details({ r, frameworkId }: { r: TReadinessRequirement; frameworkId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const n = format.number;
  return (
    <Stack gap={4} py="xs" data-testid={`readiness-details-${r.ref}`}>
      <Text size="sm">{t('readiness.details.controls', { planned: n(r.controls.planned), implemented: n(r.controls.implemented), operating: n(r.controls.operating) })}</Text>
      <Text size="sm">
        {t('readiness.details.evidence', { fresh: n(r.evidence.fresh), stale: n(r.evidence.stale), expired: n(r.evidence.expired) })}
        {r.evidence.notContemporaneous > 0 && ` · ${t('readiness.details.late', { count: r.evidence.notContemporaneous, n: n(r.evidence.notContemporaneous) })}`}
      </Text>
      <Text size="sm">{t('readiness.details.documents', { current: n(r.documents.current), overdue: n(r.documents.overdue), unpublished: n(r.documents.unpublished) })}</Text>
      {r.soa && (
        <Text size="sm">
          {t(r.soa.applicable === false ? 'readiness.details.soaExcluded' : r.soa.applicable ? 'readiness.details.soaApplicable' : 'readiness.details.soaUndecided', { version: r.soa.version })}
          {r.soa.justification && ` — ${r.soa.justification}`}
        </Text>
      )}
      {r.openNonconformities > 0 && <Text size="sm" c="red">{t('readiness.details.ncs', { count: r.openNonconformities, n: n(r.openNonconformities) })}</Text>}
      <Anchor component={Link} to={catalogPaths.requirement(frameworkId, r.ref)} size="sm">
        {t('readiness.details.catalog')}
      </Anchor>
    </Stack>
  );
}

/** One framework, requirement by requirement: what covers it, what is missing, and what blocks stage 1. */
export function ReadinessPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const lang = currentLocale();
  const { tenant, can } = useTenantContext();
  const { frameworkId = DEFAULT_READINESS_FRAMEWORK } = useParams();
  const frameworks = useFrameworks();
  const readiness = useReadiness(tenant.id, frameworkId);
  const [open, setOpen] = useState<string | null>(null);
  if (!can('control.read')) return <NoAccess />;
  const base = `/t/${tenant.id}`;
  const data = readiness.data;
  const depth = new Map<string, number>();
  for (const r of data?.requirements ?? []) depth.set(r.ref, r.parentRef ? (depth.get(r.parentRef) ?? 0) + 1 : 0);

  return (
    <Stack gap="xl">
      <PageHeader
        title={t('readiness.title')}
        description={t('readiness.intro')}
        actions={
          <NativeSelect
            aria-label={t('readiness.framework')}
            value={frameworkId}
            onChange={(e) => navigate(`${base}/readiness/${encodeURIComponent(e.currentTarget.value)}`)}
            data={(frameworks.data ?? [{ id: frameworkId, shortTitle: { en: frameworkId, fr: frameworkId } }]).map((f) => ({ value: f.id, label: f.shortTitle[lang] }))}
            data-testid="readiness-framework"
          />
        }
      />
      {readiness.isPending ? (
        <Loading />
      ) : readiness.error ? (
        <ErrorAlert error={readiness.error} />
      ) : data ? (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder padding="lg" data-testid="readiness-totals">
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {data.framework.title[lang]}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('readiness.asOf', { date: format.date(`${data.asOf}T12:00:00Z`) })}
                  {!data.framework.adopted && ` · ${t('readiness.notAdopted')}`}
                </Text>
                <Group gap="xs" align="baseline">
                  <Text size="xl" fw={700} data-testid="readiness-percent">
                    {t('readiness.percent', { n: format.number(data.totals.coveredPercent) })}
                  </Text>
                  <Text size="sm">{t('readiness.coveredOf', { covered: format.number(data.totals.byStatus.covered), total: format.number(data.totals.total) })}</Text>
                </Group>
                <Group gap="xs">
                  {REQUIREMENT_STATUSES.map((s) => (
                    <Badge key={s} color={STATUS_COLORS[s]} variant="light" data-testid={`readiness-count-${s}`}>
                      {t(`readiness.status.${s}`)} · {format.number(data.totals.byStatus[s])}
                    </Badge>
                  ))}
                </Group>
              </Stack>
            </Card>
            <Card withBorder padding="lg" data-testid="readiness-blockers">
              <Title order={2} size="h4" mb="xs">
                {t('readiness.blockers.title')}
              </Title>
              {data.blockers.length === 0 ? (
                <Alert color="teal" data-testid="readiness-no-blockers">
                  {t('readiness.blockers.none')}
                </Alert>
              ) : (
                <List size="sm" spacing={4}>
                  {data.blockers.map((b, i) => (
                    <List.Item key={i} data-testid={`readiness-blocker-${b.kind}`}>
                      <BlockerLine b={b} base={base} />
                    </List.Item>
                  ))}
                </List>
              )}
            </Card>
          </SimpleGrid>
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">
              {t('readiness.groups')}
            </Title>
            <Stack gap="xs" data-testid="readiness-groups">
              {data.groups.map((g) => (
                <Group key={g.ref} wrap="nowrap" gap="sm">
                  <Text size="sm" w={260} truncate>
                    {g.ref} {g.title[lang]}
                  </Text>
                  <Progress value={g.coveredPercent} style={{ flex: 1 }} color={g.coveredPercent === 100 ? 'teal' : 'blue'} aria-label={`${g.ref} ${t('readiness.percent', { n: format.number(g.coveredPercent) })}`} />
                  <Text size="sm" w={140} ta="right">
                    {t('readiness.groupCount', { covered: format.number(g.byStatus.covered), total: format.number(g.total - g.byStatus.not_applicable) })}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Card>
          <Card withBorder padding={0}>
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="xs" data-testid="readiness-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('readiness.columns.requirement')}</Table.Th>
                    <Table.Th>{t('readiness.columns.status')}</Table.Th>
                    <Table.Th>{t('readiness.columns.controls')}</Table.Th>
                    <Table.Th>{t('readiness.columns.evidence')}</Table.Th>
                    <Table.Th>{t('readiness.columns.soa')}</Table.Th>
                    <Table.Th>{t('readiness.columns.ncs')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.requirements.map((r) => (
                    <Fragment key={r.ref}>
                      <Table.Tr data-testid={`readiness-row-${r.ref}`} style={{ cursor: 'pointer' }} onClick={() => setOpen(open === r.ref ? null : r.ref)} aria-expanded={open === r.ref}>
                        <Table.Td style={{ paddingLeft: 12 + 18 * (depth.get(r.ref) ?? 0) }}>
                          <Text size="sm" fw={r.leaf ? 400 : 600}>
                            {r.ref} {r.title[lang]}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge status={r.status} />
                        </Table.Td>
                        <Table.Td>{r.leaf ? format.number(r.controls.implemented + r.controls.operating) + ' / ' + format.number(r.controls.planned + r.controls.implemented + r.controls.operating) : ''}</Table.Td>
                        <Table.Td>
                          {r.leaf && (
                            <Group gap={4} wrap="nowrap">
                              <Badge color={EVIDENCE_COLORS[r.evidence.state]} variant="dot">
                                {t(`readiness.evidence.${r.evidence.state}`)}
                              </Badge>
                              {r.evidence.notContemporaneous > 0 && (
                                <Badge color="orange" variant="light" data-testid={`readiness-late-${r.ref}`}>
                                  {t('readiness.evidence.late')}
                                </Badge>
                              )}
                            </Group>
                          )}
                        </Table.Td>
                        <Table.Td>{r.soa ? (r.soa.applicable === null ? '—' : r.soa.applicable ? t('readiness.soa.applicable') : t('readiness.soa.excluded')) : ''}</Table.Td>
                        <Table.Td>{r.openNonconformities > 0 ? <Badge color="red">{format.number(r.openNonconformities)}</Badge> : ''}</Table.Td>
                      </Table.Tr>
                      {open === r.ref && (
                        <Table.Tr>
                          <Table.Td colSpan={6} style={{ paddingLeft: 30 + 18 * (depth.get(r.ref) ?? 0) }}>
                            {r.leaf ? (
                              <Details r={r} frameworkId={data.framework.id} />
                            ) : (
                              <Group gap="xs" py="xs">
                                {REQUIREMENT_STATUSES.map((s) => (r.rollup?.[s] ? <Badge key={s} color={STATUS_COLORS[s]} variant="light">{t(`readiness.status.${s}`)} · {format.number(r.rollup[s])}</Badge> : null))}
                              </Group>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </>
      ) : null}
    </Stack>
  );
}
