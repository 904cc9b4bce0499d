import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { currentLocale } from '../../i18n';
import { useFormat } from '../../lib/format';
import { AI_TIERS } from '../../../shared/contracts/ai-systems';
import { useOrganizationDashboard } from './api';

const TIER_COLORS: Record<string, string> = { prohibited: 'red', 'high-risk': 'orange', limited: 'yellow', minimal: 'teal', unclassified: 'gray' };

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function Count({ label, value, to, alert, testId }: { label: string; value: number; to: string; alert?: boolean; testId: string }) {
  const format = useFormat();
  return (
    <Group justify="space-between" wrap="nowrap">
      <Anchor component={Link} to={to} size="sm">
        {label}
      </Anchor>
      <Badge color={alert && value > 0 ? 'red' : 'gray'} variant={alert && value > 0 ? 'filled' : 'light'} data-testid={testId}>
        {format.number(value)}
      </Badge>
    </Group>
  );
}

/** The organization's AIMS at a glance; each section links to the page that lists it. */
export function OrganizationDashboard({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, isPending } = useOrganizationDashboard(tenantId);
  if (isPending) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const lang = currentLocale();
  const base = `/t/${tenantId}`;
  // Risk and impact-assessment reviews in one list, the most overdue first.
  const overdue = [
    ...(data.risks?.oldestOverdue ?? []).map((r) => ({ ...r, kind: 'risks' as const })),
    ...(data.impactAssessments?.oldestOverdue ?? []).map((r) => ({ ...r, kind: 'impact-assessments' as const })),
  ]
    .sort((a, b) => a.reviewDate.localeCompare(b.reviewDate))
    .slice(0, 5);
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <Section title={t('dashboard.aiSystems.title')} testId="dashboard-ai-systems">
        <Text size="sm" c="dimmed">
          {t('dashboard.aiSystems.summary', { total: format.number(data.aiSystems.total), inScope: format.number(data.aiSystems.inScope) })}
        </Text>
        {[...AI_TIERS, 'unclassified' as const].map((tier) => (
          <Group key={tier} justify="space-between">
            <Badge color={TIER_COLORS[tier]} variant="light">
              {t(`dashboard.tiers.${tier}`)}
            </Badge>
            <Text fw={600} data-testid={`dashboard-tier-${tier}`}>
              {format.number(data.aiSystems.byTier[tier])}
            </Text>
          </Group>
        ))}
      </Section>
      {data.risks && (
        <Section title={t('dashboard.risks.title')} testId="dashboard-risks">
          <Table withRowBorders={false} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.risks.level')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.risks.inherent')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.risks.residual')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.risks.byLevel.map((l) => (
                <Table.Tr key={l.key}>
                  <Table.Td>
                    <Badge color={l.color} variant="filled" autoContrast>
                      {l.label[lang]}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{format.number(l.inherent)}</Table.Td>
                  <Table.Td ta="right" data-testid={`dashboard-residual-${l.key}`}>
                    {format.number(l.residual)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed">
            {t('dashboard.risks.summary', { open: format.number(data.risks.open), accepted: format.number(data.risks.accepted) })}
          </Text>
        </Section>
      )}
      <Section title={t('dashboard.attention.title')} testId="dashboard-attention">
        {data.risks && (
          <>
            <Count label={t('dashboard.attention.overdueReviews')} value={data.risks.overdueReviews} to={`${base}/risks`} alert testId="dashboard-overdue-reviews" />
            {data.impactAssessments && (
              <Count label={t('dashboard.attention.assessmentReviewsDue')} value={data.impactAssessments.reviewsDue} to={`${base}/impact-assessments`} alert testId="dashboard-ia-due" />
            )}
            <Count label={t('dashboard.attention.overdueActions')} value={data.risks.overdueActions} to={`${base}/risks`} alert testId="dashboard-overdue-actions" />
            <Count label={t('dashboard.attention.expiringAcceptances')} value={data.risks.acceptancesExpiringSoon} to={`${base}/risks`} testId="dashboard-expiring" />
          </>
        )}
        {data.impactAssessments && (
          <>
            {/* Without the risk section, the assessments' overdue reviews still show. */}
            {!data.risks && (
              <Count label={t('dashboard.attention.assessmentReviewsDue')} value={data.impactAssessments.reviewsDue} to={`${base}/impact-assessments`} alert testId="dashboard-ia-due" />
            )}
            <Count label={t('dashboard.attention.assessmentsInReview')} value={data.impactAssessments.inReview} to={`${base}/impact-assessments`} testId="dashboard-ia-review" />
          </>
        )}
        {overdue.length > 0 && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('dashboard.attention.oldestOverdue')}
            </Text>
            {overdue.map((r) => (
              <Text key={r.id} size="sm" lineClamp={1} data-testid="dashboard-oldest-overdue">
                <Anchor component={Link} to={`${base}/${r.kind}/${r.id}`}>
                  {r.title}
                </Anchor>{' '}
                <Text span c="red" size="xs">
                  {t('dashboard.attention.dueSince', { date: format.date(r.reviewDate) })}
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </Section>
    </SimpleGrid>
  );
}
