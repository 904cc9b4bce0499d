import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { orgPlanPdfUrl, useAcknowledgePlan, useOrgAuditPlans } from '../audit-plan/api';
import { PlanContentView, StatusBadge } from '../audit-plan/AuditPlanTab';

/** The organization's audit plans for one engagement: read, download as sent, acknowledge receipt. */
export function AuditPlansSection({ tenantId, engagementId }: { tenantId: string; engagementId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const plans = useOrgAuditPlans(tenantId, engagementId);
  const ack = useAcknowledgePlan(tenantId, engagementId);
  return (
    <Stack data-testid="org-audit-plans">
      <Title order={3}>{t('auditPlan.org.plansTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('auditPlan.org.plansIntro')}
      </Text>
      {plans.isPending ? (
        <Loading />
      ) : plans.error ? (
        <ErrorAlert error={plans.error} />
      ) : plans.data.items.length === 0 ? (
        <Text c="dimmed">{t('auditPlan.org.none')}</Text>
      ) : (
        plans.data.items.map((p) => (
          <Card key={p.id} withBorder data-testid={`org-plan-${p.auditReference}-v${p.version}`}>
            <Group justify="space-between" mb="xs" wrap="wrap">
              <Group gap="xs">
                <Text fw={600}>
                  {p.auditReference} — {t(`auditPlan.auditType.${p.auditType}`)} — {t('auditPlan.tab.versionLabel', { version: p.version })}
                </Text>
                <StatusBadge v={p} />
              </Group>
              <Group gap="sm">
                <Anchor href={orgPlanPdfUrl(tenantId, engagementId, p.id)} size="sm">
                  {t('auditPlan.tab.download')}
                </Anchor>
                {p.abilities['orgAuditPlan.acknowledge'] && (
                  <ConfirmButton
                    color="blue"
                    size="xs"
                    title={t('auditPlan.org.acknowledge')}
                    message={t('auditPlan.org.acknowledgeConfirm', { version: p.version, reference: p.auditReference })}
                    confirmLabel={t('auditPlan.org.acknowledge')}
                    loading={ack.isPending && ack.variables === p.id}
                    data-testid="org-plan-acknowledge"
                    onConfirm={() => ack.mutate(p.id)}
                  >
                    {t('auditPlan.org.acknowledge')}
                  </ConfirmButton>
                )}
              </Group>
            </Group>
            <Text size="sm" c="dimmed">
              {t('auditPlan.org.sentLine', { date: format.dateTime(p.issuedAt), name: p.issuedBy?.name ?? '', body: p.bodyName, language: t(`language.name.${p.locale ?? 'en'}`) })}
            </Text>
            {p.acknowledgedAt && (
              <Text size="sm" c="green.8" data-testid="org-plan-ack">
                {t('auditPlan.tab.ackLine', { date: format.dateTime(p.acknowledgedAt), name: p.acknowledgedBy?.name ?? '' })}
              </Text>
            )}
            <PlanContentView content={p.content} />
          </Card>
        ))
      )}
      {ack.error ? <ErrorAlert error={ack.error} /> : null}
    </Stack>
  );
}
