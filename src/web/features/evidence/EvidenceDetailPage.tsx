import { Anchor, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { auditSentence } from '../audit/sentence';
import { useTenantContext } from '../tenants/TenantRoute';
import { fileUrl, useEvidence, useEvidenceHistory, useReviewEvidence, useSubmitEvidence } from './api';
import { EvidenceFacts, EvidenceRevisions } from './EvidenceFacts';

/** One revision with its flags, content, links, review, the series' revisions and history. */
export function EvidenceDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant } = useTenantContext();
  const { evidenceId } = useParams() as { evidenceId: string };
  const e = useEvidence(tenant.id, evidenceId);
  const history = useEvidenceHistory(tenant.id, evidenceId);
  const submit = useSubmitEvidence(tenant.id, evidenceId);
  const review = useReviewEvidence(tenant.id, evidenceId);
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState('');
  if (e.isPending) return <Loading />;
  if (e.error) return <ErrorAlert error={e.error} />;
  const d = e.data;
  const base = `/t/${tenant.id}/evidence`;

  return (
    <Stack gap="xl">
      <Anchor component={Link} to={base} size="sm">
        ← {t('evidence.back')}
      </Anchor>
      <PageHeader
        title={d.title}
        description={`${t(`evidence.kind.${d.kind}`)} · ${t('evidence.fields.revision')} ${format.number(d.revision)}`}
        actions={
          <Group gap="xs">
            {d.abilities['evidence.submit'] && (
              <Button onClick={() => submit.mutate(undefined)} loading={submit.isPending} data-testid="evidence-do-submit">
                {t('evidence.detail.submit')}
              </Button>
            )}
            {d.abilities['evidence.review'] && (
              <>
                <Button color="teal" onClick={() => review.mutate({ decision: 'accept', comment: '' })} loading={review.isPending} data-testid="evidence-accept">
                  {t('evidence.detail.accept')}
                </Button>
                <Button color="red" variant="light" onClick={() => setRejecting(true)} data-testid="evidence-reject">
                  {t('evidence.detail.reject')}
                </Button>
              </>
            )}
          </Group>
        }
      />
      <ErrorAlert error={submit.error ?? review.error} />
      <EvidenceFacts d={d} downloadHref={fileUrl(tenant.id, d.id)} />
      <EvidenceRevisions d={d} hrefOf={(id) => `${base}/${id}`} />
      <Card withBorder padding="lg" data-testid="evidence-history">
        <Title order={2} size="h4" mb="md">
          {t('evidence.detail.history')}
        </Title>
        <Stack gap={4}>
          {(history.data?.items ?? []).map((h) => (
            <Text size="sm" key={h.id}>
              {format.dateTime(h.occurredAt)} — {auditSentence(t, { number: format.number, date: format.date }, h as never)}
            </Text>
          ))}
        </Stack>
      </Card>
      {rejecting && (
        <Modal opened onClose={() => setRejecting(false)} title={t('evidence.detail.reject')}>
          <Stack gap="md">
            <Textarea label={t('evidence.detail.rejectReason')} autosize minRows={2} maxLength={2000} value={comment} onChange={(ev) => setComment(ev.currentTarget.value)} data-testid="evidence-reject-comment" />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRejecting(false)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" disabled={!comment.trim()} onClick={() => review.mutate({ decision: 'reject', comment }, { onSuccess: () => setRejecting(false) })} data-testid="evidence-reject-confirm">
                {t('evidence.detail.reject')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
