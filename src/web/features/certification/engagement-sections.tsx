import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { useFormat } from '../../lib/format';
import type { TOrgEngagement } from '../../../shared/contracts/proposals';
import { formatMoney } from '../../../shared/proposal-pricing';
import { AuditStateBadge, noon, useAuditTypeLabel } from '../audits/StateBadge';
import { AuditPlansSection } from './AuditPlansSection';
import { EngagementReadsSection } from './EngagementReadsSection';

/*
 * The organization's engagement page is a column of sections, each its own component taking the
 * engagement and the tenant: more sections (audit plans to acknowledge, who read what) plug in by
 * appending to ENGAGEMENT_SECTIONS, without touching the page.
 */

export type TEngagementSectionProps = { engagement: TOrgEngagement; tenantId: string };
export type TEngagementSection = { key: string; Component: ComponentType<TEngagementSectionProps> };

type TAudit = NonNullable<TOrgEngagement['programme']>['audits'][number];

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/** Who certifies, for which scheme, since when, and the accepted proposal. */
export function EngagementSummarySection({ engagement: e }: TEngagementSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="lg" data-testid="engagement-summary">
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="lg">
        <Fact label={t('proposals.org.body')} testId="engagement-body">
          {e.bodyName}
        </Fact>
        <Fact label={t('proposals.org.scheme')}>{t(`proposals.org.schemes.${e.scheme}`)}</Fact>
        <Fact label={t('proposals.org.status')} testId="engagement-status">
          {t(`proposals.org.statuses.${e.status}`)}
        </Fact>
        <Fact label={t('proposals.org.since')}>{format.date(e.startedAt)}</Fact>
        {e.proposal && (
          <Fact label={t('proposals.org.proposal')} testId="engagement-proposal">
            {t('proposals.org.proposalValue', { reference: e.proposal.reference, total: formatMoney(format.locale, e.proposal.cycleCents, e.proposal.currency), by: e.proposal.acceptedBy, at: format.date(e.proposal.acceptedAt) })}
          </Fact>
        )}
        {e.programme && (
          <>
            <Fact label={t('proposals.org.decisionDate')}>{e.programme.decisionDate ? format.date(noon(e.programme.decisionDate)) : t('proposals.org.notYet')}</Fact>
            <Fact label={t('proposals.org.expiryDate')}>{e.programme.expiryDate ? format.date(noon(e.programme.expiryDate)) : t('proposals.org.notYet')}</Fact>
          </>
        )}
      </SimpleGrid>
    </Card>
  );
}

/** The programme's audits with their deadlines, planned dates and states. */
export function ProgrammeAuditsSection({ engagement: e }: TEngagementSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useAuditTypeLabel();
  const dates = (a: TAudit) => (a.plannedStart ? [a.plannedStart, a.plannedEnd].filter(Boolean).map((d) => format.date(noon(d))).join(' – ') : t('proposals.org.notScheduled'));
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {e.programme ? t('proposals.org.programmeCycle', { cycle: e.programme.cycle }) : t('proposals.org.programme')}
      </Title>
      <DataTable<TAudit>
        testId="engagement-audits"
        label={t('proposals.org.programme')}
        rows={e.programme?.audits ?? []}
        rowKey={(a) => a.id}
        rowTestId={(a) => `engagement-audit-${a.reference}`}
        empty={t('proposals.org.noAudits')}
        minWidth={640}
        columns={[
          { key: 'reference', header: t('proposals.org.reference'), cell: (a) => a.reference, nowrap: true },
          { key: 'type', header: t('proposals.org.auditType'), cell: (a) => typeLabel(a), nowrap: true },
          { key: 'state', header: t('proposals.org.state'), cell: (a) => <AuditStateBadge state={a.state} />, nowrap: true },
          { key: 'dueBy', header: t('proposals.org.dueBy'), cell: (a) => (a.dueBy ? format.date(noon(a.dueBy)) : t('common.none')), nowrap: true },
          { key: 'dates', header: t('proposals.org.plannedDates'), cell: dates, nowrap: true },
          { key: 'days', header: t('proposals.org.plannedDays'), cell: (a) => format.number(a.plannedDays), nowrap: true },
        ]}
      />
    </Card>
  );
}

export const ENGAGEMENT_SECTIONS: TEngagementSection[] = [
  { key: 'summary', Component: EngagementSummarySection },
  { key: 'programme', Component: ProgrammeAuditsSection },
  { key: 'audit-plans', Component: ({ engagement, tenantId }) => <AuditPlansSection tenantId={tenantId} engagementId={engagement.id} /> },
  { key: 'reads', Component: ({ engagement, tenantId }) => <EngagementReadsSection tenantId={tenantId} engagementId={engagement.id} /> },
];

