import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { AuditStateBadge, noon, useAuditTypeLabel } from '../audits/StateBadge';
import { useOrgEngagements } from '../proposals/api';
import { NextAuditsCard } from '../cycle/NextAuditsCard';
import { OrgCertificatesCard } from '../certificates/OrgCertificatesCard';
import { useTenantContext } from '../tenants/TenantRoute';

/** The organization's certification: each engagement its accepted proposals opened, with the programme's audits. */
export function EngagementsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const typeLabel = useAuditTypeLabel();
  const { tenant, can } = useTenantContext();
  const allowed = can('orgCertification.read');
  const list = useOrgEngagements(tenant.id, allowed);
  if (!allowed) return <NoAccess />;
  return (
    <>
      <PageHeader title={t('proposals.org.title')} description={t('proposals.org.intro')} />
      <Stack gap="lg" mt="xl" data-testid="engagements">
        <NextAuditsCard tenantId={tenant.id} />
        {can('orgFinding.read') && (
          <Anchor component={Link} to={`/t/${tenant.id}/certification/findings`} fw={600} data-testid="certification-findings-link">
            {t('findings.org.fromCertification')} →
          </Anchor>
        )}
        <OrgCertificatesCard tenantId={tenant.id} enabled={can('orgCertificate.read')} />
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : list.data.items.length === 0 ? (
          <Card withBorder padding="lg">
            <Text size="sm" c="dimmed" data-testid="engagements-empty">
              {t('proposals.org.empty')}
            </Text>
          </Card>
        ) : (
          list.data.items.map((e) => (
            <Card key={e.id} withBorder padding="lg" data-testid={`engagement-${e.id}`}>
              <Group justify="space-between" mb="sm">
                <Anchor component={Link} to={`/t/${tenant.id}/certification/${e.id}`} fw={600} data-testid="engagement-open">
                  {t('proposals.org.cardTitle', { body: e.bodyName, scheme: t(`proposals.org.schemes.${e.scheme}`) })}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t(`proposals.org.statuses.${e.status}`)}
                  {e.proposal ? ` · ${e.proposal.reference}` : ''}
                </Text>
              </Group>
              <Stack gap={4}>
                {(e.programme?.audits ?? []).map((a) => (
                  <Group key={a.id} gap="sm" data-testid={`engagement-audit-${a.reference}`}>
                    <Text size="sm" w={180}>
                      {typeLabel(a)}
                    </Text>
                    <AuditStateBadge state={a.state} />
                    <Text size="sm" c="dimmed">
                      {a.plannedStart ? format.date(noon(a.plannedStart)) : a.dueBy ? t('proposals.org.dueByValue', { date: format.date(noon(a.dueBy)) }) : t('proposals.org.notScheduled')}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Card>
          ))
        )}
      </Stack>
    </>
  );
}
