import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TFindingDetail } from '../../../shared/contracts/findings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useCertAudit } from '../audits/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useFinding } from './api';
import { EditFindingForm } from './EditFindingForm';
import { FindingActions } from './FindingActions';
import { FindingClassBadge, FindingStateBadge } from './FindingBits';
import { AnswerHistory, FindingFacts } from './FindingFacts';
import { PendingAnswer } from './PendingAnswer';

/**
 * One finding on the body's side (`/t/{body}/findings/{id}`, where the overdue mails point): what
 * was found, its deadlines, the organization's answers, and what the team can do next — edit it
 * while unanswered, judge the pending answer, verify a major, close.
 */
export function FindingPage() {
  const { tenant, can } = useTenantContext();
  const { findingId = '' } = useParams();
  const finding = useFinding(tenant.id, findingId, can('finding.read'));
  if (!can('finding.read')) return <NoAccess />;
  return (
    <Stack gap="lg">
      {finding.isPending ? <Loading /> : finding.error ? <ErrorAlert error={finding.error} /> : <FindingView finding={finding.data} tenantId={tenant.id} />}
    </Stack>
  );
}

function FindingView({ finding: f, tenantId }: { finding: TFindingDetail; tenantId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  // The finding names its client, not the client's id: its audit does (the sites and AI systems to choose from).
  const audit = useCertAudit(tenantId, f.auditId);
  // The lifecycle's 'edit': open or noted, and nobody has answered yet (409 finding_answered afterwards).
  const editable = f.abilities['finding.write'] && f.responseCount === 0 && (f.state === 'open' || f.state === 'noted');
  // The evidence an answer cites is the client's: its auditors open it through the engagement.
  const clientEvidence = (id: string) => `/t/${tenantId}/engagements/${f.engagementId}/evidence/${id}`;
  return (
    <>
      <Anchor component={Link} to={`/t/${tenantId}/audits/${f.auditId}/findings`} size="sm">
        ← {t('findings.page.back', { audit: f.auditReference })}
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm">
            <span data-testid="finding-title">{f.reference}</span>
            <FindingClassBadge value={f.class} />
            <FindingStateBadge value={f.state} />
          </Group>
        }
        description={t('findings.page.raisedIn', { audit: f.auditReference, client: f.clientName, name: f.raisedBy?.name ?? t('findings.someone'), at: format.date(f.raisedAt) })}
        actions={
          editable && !editing ? (
            <Button variant="light" onClick={() => setEditing(true)} data-testid="finding-edit">
              {t('findings.edit.open')}
            </Button>
          ) : undefined
        }
      />
      {editing && editable ? <EditFindingForm finding={f} clientId={audit.data?.clientId ?? null} tenantId={tenantId} onDone={() => setEditing(false)} /> : <FindingFacts finding={f} />}
      {f.abilities['finding.write'] && f.responseCount > 0 && f.state !== 'closed' && (
        <Text size="sm" c="dimmed" data-testid="finding-edit-locked">
          {t('errors.codes.finding_answered')}
        </Text>
      )}
      {f.pendingSince !== null && f.abilities['finding.judge'] && <PendingAnswer finding={f} tenantId={tenantId} evidenceHref={clientEvidence} />}
      {f.pendingSince !== null && !f.abilities['finding.judge'] && <Alert color="yellow">{t('findings.page.pending')}</Alert>}
      <FindingActions finding={f} tenantId={tenantId} />
      <AnswerHistory finding={f} evidenceHref={clientEvidence} />
    </>
  );
}
