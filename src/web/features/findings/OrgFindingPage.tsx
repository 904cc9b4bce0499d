import { Alert, Anchor, Card, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TOrgFindingDetail } from '../../../shared/contracts/findings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useTenantContext } from '../tenants/TenantRoute';
import { AnswerForm } from './AnswerForm';
import { useOrgFinding } from './api';
import { FindingClassBadge, FindingDueDates, FindingStateBadge, ResponseText, VerdictLine } from './FindingBits';
import { useRequirementLabel } from './FindingsTab';

/** One finding as the organization sees it: what was found, its deadlines, the answers sent and their verdicts. */
export function OrgFindingPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const { findingId = '' } = useParams();
  const finding = useOrgFinding(tenant.id, findingId);
  if (!can('orgFinding.read')) return <NoAccess />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/t/${tenant.id}/certification/findings`} size="sm">
        ← {t('findings.org.back')}
      </Anchor>
      {finding.isPending ? <Loading /> : finding.error ? <ErrorAlert error={finding.error} /> : <FindingView finding={finding.data} tenantId={tenant.id} />}
    </Stack>
  );
}

function Block({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

function FindingView({ finding: f, tenantId }: { finding: TOrgFindingDetail; tenantId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const requirement = useRequirementLabel();
  const pending = f.pendingSince !== null;
  // The lifecycle takes an answer only on an open nonconformity (a first one, or after a rejection).
  const canAnswer = f.abilities['orgFinding.respond'] && !pending && f.state === 'open';
  const history = [...f.responses].sort((a, b) => b.version - a.version);
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm">
            <span data-testid="org-finding-title">{f.reference}</span>
            <FindingClassBadge value={f.class} />
            <FindingStateBadge value={f.state} />
          </Group>
        }
        description={t('findings.org.raisedIn', { audit: f.auditReference, body: f.bodyName, at: format.date(f.raisedAt) })}
      />
      <Card withBorder padding="lg">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Block label={t('findings.fields.requirement')} testId="org-finding-requirement">
              {requirement(f)}
            </Block>
            <Block label={t('findings.fields.due')}>
              <FindingDueDates finding={f} />
            </Block>
          </SimpleGrid>
          <Block label={t('findings.fields.statement')} testId="org-finding-statement">
            {f.statement}
          </Block>
          <Block label={t('findings.fields.evidence')} testId="org-finding-evidence">
            {f.evidence || t('common.none')}
          </Block>
          {f.sites.length > 0 && <Block label={t('findings.org.sites')}>{f.sites.map((s) => s.name).join(', ')}</Block>}
          {f.aiSystems.length > 0 && <Block label={t('findings.org.aiSystems')}>{f.aiSystems.map((s) => s.name).join(', ')}</Block>}
          {f.nonconformityId && (
            <Text size="sm" c="dimmed" data-testid="org-finding-nonconformity">
              {t('findings.org.nonconformity')}
            </Text>
          )}
        </Stack>
      </Card>
      {pending && (
        <Alert color="yellow" data-testid="org-finding-waiting">
          {t('findings.org.waiting')}
        </Alert>
      )}
      {canAnswer && (
        <AnswerForm tenantId={tenantId} findingId={f.id} again={f.responseCount > 0} />
      )}
      <Card withBorder padding="lg" data-testid="org-finding-history">
        <Title order={3} size="h4" mb="sm">
          {t('findings.org.history')}
        </Title>
        {history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('findings.org.noAnswer')}
          </Text>
        ) : (
          <Stack gap="md">
            {history.map((r, i) => (
              <Stack key={r.id} gap="sm" data-testid={`org-finding-response-${r.version}`}>
                {i > 0 && <Divider />}
                <VerdictLine response={r} />
                <ResponseText response={r} />
              </Stack>
            ))}
          </Stack>
        )}
      </Card>
    </>
  );
}
