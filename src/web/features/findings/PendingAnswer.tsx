import { Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FINDING_TEXT_MAX, type TFinding } from '../../../shared/contracts/findings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { notifySuccess } from '../../lib/errors';
import { useFinding, useFindingVerdict } from './api';
import { FindingClassBadge, ResponseText } from './FindingBits';

/** The organization's latest answer to one finding, with Accept and Reject (a rejection needs its reason). */
export function PendingAnswer({ finding: f, tenantId, evidenceHref }: { finding: TFinding; tenantId: string; evidenceHref?: (id: string) => string }) {
  const { t } = useTranslation();
  const detail = useFinding(tenantId, f.id);
  const verdict = useFindingVerdict(tenantId, f.id);
  const [reason, setReason] = useState('');
  const answer = detail.data?.responses.find((r) => r.verdict === null);
  const judge = (v: 'accepted' | 'rejected') =>
    verdict.mutate({ verdict: v, reason }, { onSuccess: () => notifySuccess(t(`findings.review.done.${v}`, { reference: f.reference })) });
  return (
    <Card withBorder padding="lg" data-testid={`finding-pending-${f.reference}`}>
      <Group gap="sm" mb="sm">
        <Text fw={600}>{f.reference}</Text>
        <FindingClassBadge value={f.class} />
      </Group>
      <Text size="sm" mb="md" style={{ whiteSpace: 'pre-wrap' }}>
        {f.statement}
      </Text>
      {detail.isPending ? (
        <Loading />
      ) : detail.error ? (
        <ErrorAlert error={detail.error} />
      ) : !answer ? null : (
        <Stack gap="md">
          <ResponseText response={answer} evidenceHref={evidenceHref} />
          {verdict.error ? <ErrorAlert error={verdict.error} /> : null}
          <Textarea
            label={t('findings.review.reason')}
            description={t('findings.review.reasonHint')}
            placeholder={t('findings.review.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={FINDING_TEXT_MAX}
            autosize
            minRows={2}
            data-testid="finding-verdict-reason"
          />
          <Group>
            <Button color="green" onClick={() => judge('accepted')} loading={verdict.isPending && verdict.variables?.verdict === 'accepted'} data-testid="finding-accept">
              {t('findings.review.accept')}
            </Button>
            <Button color="red" variant="light" onClick={() => judge('rejected')} disabled={!reason.trim()} loading={verdict.isPending && verdict.variables?.verdict === 'rejected'} data-testid="finding-reject">
              {t('findings.review.reject')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
