import { Alert, Card, Group, SegmentedControl, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAuditState, TAuditType } from '../../../shared/contracts/certification';
import type { TVerificationMethod } from '../../../shared/contracts/certification-decisions';
import { FINDING_TEXT_MAX, type TFindingDetail } from '../../../shared/contracts/findings';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../lib/errors';
import { useCertAudits } from '../audits/api';
import { useCloseFinding, useVerifyFinding } from './api';

/** The audits the server takes as a major's follow-up verification (findings-repo `verifyingAudit`). */
const VERIFYING_TYPES: readonly TAuditType[] = ['follow_up', 'surveillance', 'recertification', 'special', 'stage2'];
const VERIFYING_STATES: readonly TAuditState[] = ['in_progress', 'reported', 'closed'];

/**
 * The team's last steps on an answered nonconformity: a major's follow-up verification (on site,
 * by a later audit of the programme, or remotely on the evidence sent), then closure. What cannot
 * be done yet says why, in the words of the lifecycle's refusals.
 */
export function FindingActions({ finding: f, tenantId }: { finding: TFindingDetail; tenantId: string }) {
  const { t } = useTranslation();
  if (!f.abilities['finding.judge']) return null;
  if (f.class === 'observation' || f.class === 'opportunity' || f.state === 'closed' || f.state === 'submitted') return null;
  const blocked = f.state === 'open' ? t('findings.actions.waitingAnswer') : f.class === 'major' && f.state === 'accepted' ? t('findings.actions.closeAfterVerification') : null;
  return (
    <Card withBorder padding="lg" data-testid="finding-actions">
      <Title order={3} size="h4" mb="sm">
        {t('findings.actions.title')}
      </Title>
      <Stack gap="md">
        {blocked && (
          <Alert color="gray" data-testid="finding-actions-blocked">
            <Text size="sm">{blocked}</Text>
          </Alert>
        )}
        {f.class === 'major' && f.state === 'accepted' && <VerifyForm finding={f} tenantId={tenantId} />}
        {(f.state === 'verified' || (f.class === 'minor' && f.state === 'accepted')) && <CloseForm finding={f} tenantId={tenantId} />}
      </Stack>
    </Card>
  );
}

function VerifyForm({ finding: f, tenantId }: { finding: TFindingDetail; tenantId: string }) {
  const { t } = useTranslation();
  const verify = useVerifyFinding(tenantId, f.id);
  const [method, setMethod] = useState<TVerificationMethod>('on_site');
  const [auditId, setAuditId] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const audits = useCertAudits(tenantId, { engagementId: f.engagementId });
  const choices = (audits.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (a) => a.id !== f.auditId && a.programmeId === f.programmeId && VERIFYING_TYPES.includes(a.type) && VERIFYING_STATES.includes(a.state),
  );
  const missingAudit = method === 'on_site' && !auditId;
  const methodLabel = t(`findings.method.${method}`);
  return (
    <Stack gap="sm" data-testid="finding-verify-form">
      <Text fw={600} size="sm">
        {t('findings.verify.title')}
      </Text>
      {verify.error ? <ErrorAlert error={verify.error} /> : null}
      <SegmentedControl
        value={method}
        onChange={(v) => setMethod(v as TVerificationMethod)}
        data={[
          { value: 'on_site', label: t('findings.verify.onSite') },
          { value: 'remote', label: t('findings.verify.remote') },
        ]}
        data-testid="finding-verify-method"
      />
      <Select
        label={t('findings.verify.audit')}
        description={t(method === 'on_site' ? 'findings.verify.auditHintOnSite' : 'findings.verify.auditHintRemote')}
        data={choices.map((a) => ({ value: a.id, label: `${a.reference} · ${t(`audits.type.${a.type}`)} · ${t(`audits.state.${a.state}`)}` }))}
        value={auditId}
        onChange={setAuditId}
        clearable
        required={method === 'on_site'}
        nothingFoundMessage={t('findings.verify.noAudit')}
        data-testid="finding-verify-audit"
      />
      {method === 'on_site' && choices.length === 0 && !audits.isPending && (
        <Text size="sm" c="dimmed" data-testid="finding-verify-no-audit">
          {t('findings.verify.noAudit')}
        </Text>
      )}
      <Textarea label={t('findings.verify.notes')} description={t('findings.verify.notesHint')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} maxLength={FINDING_TEXT_MAX} autosize minRows={2} data-testid="finding-verify-notes" />
      <Group>
        <ConfirmButton
          color="green"
          disabled={missingAudit}
          loading={verify.isPending}
          title={t('findings.verify.confirmTitle', { reference: f.reference })}
          message={t('findings.verify.confirm', { reference: f.reference, method: methodLabel })}
          confirmLabel={t('findings.verify.submit')}
          onConfirm={() => verify.mutate({ method, auditId, notes }, { onSuccess: () => notifySuccess(t('findings.verify.done', { reference: f.reference })) })}
          data-testid="finding-verify-submit"
        >
          {t('findings.verify.submit')}
        </ConfirmButton>
      </Group>
    </Stack>
  );
}

function CloseForm({ finding: f, tenantId }: { finding: TFindingDetail; tenantId: string }) {
  const { t } = useTranslation();
  const close = useCloseFinding(tenantId, f.id);
  const [notes, setNotes] = useState('');
  return (
    <Stack gap="sm" data-testid="finding-close-form">
      <Text fw={600} size="sm">
        {t('findings.close.title')}
      </Text>
      {close.error ? <ErrorAlert error={close.error} /> : null}
      <Textarea
        label={t('findings.close.notes')}
        description={t(f.class === 'minor' ? 'findings.close.notesHintMinor' : 'findings.close.notesHintMajor')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        maxLength={FINDING_TEXT_MAX}
        autosize
        minRows={2}
        data-testid="finding-close-notes"
      />
      <Group>
        <ConfirmButton
          loading={close.isPending}
          title={t('findings.close.confirmTitle', { reference: f.reference })}
          message={t('findings.close.confirm', { reference: f.reference })}
          confirmLabel={t('findings.close.submit')}
          onConfirm={() => close.mutate({ notes }, { onSuccess: () => notifySuccess(t('findings.close.done', { reference: f.reference })) })}
          data-testid="finding-close-submit"
        >
          {t('findings.close.submit')}
        </ConfirmButton>
      </Group>
    </Stack>
  );
}
