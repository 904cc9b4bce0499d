import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
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
import { FindingClassBadge, FindingStateBadge } from './FindingBits';
import { AnswerHistory, FindingFacts } from './FindingFacts';

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

function FindingView({ finding: f, tenantId }: { finding: TOrgFindingDetail; tenantId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pending = f.pendingSince !== null;
  // The lifecycle takes an answer only on an open nonconformity (a first one, or after a rejection).
  const canAnswer = f.abilities['orgFinding.respond'] && !pending && f.state === 'open';
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
      <FindingFacts finding={f}>
        {f.nonconformityId && (
          <Text size="sm" c="dimmed" data-testid="org-finding-nonconformity">
            {t('findings.org.nonconformity')}
          </Text>
        )}
      </FindingFacts>
      {pending && (
        <Alert color="yellow" data-testid="org-finding-waiting">
          {t('findings.org.waiting')}
        </Alert>
      )}
      {canAnswer && <AnswerForm tenantId={tenantId} findingId={f.id} again={f.responseCount > 0} previous={f.responses.at(-1) ?? null} />}
      <AnswerHistory finding={f} evidenceHref={(id) => `/t/${tenantId}/evidence/${id}`} />
    </>
  );
}
