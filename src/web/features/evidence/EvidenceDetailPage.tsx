import { Alert, Anchor, Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
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
import { EvidenceFlags } from './EvidenceFlags';
import { day } from './EvidencePage';

function Field({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

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
  const none = t('common.none');

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
      <Card withBorder padding="lg">
        <Stack gap="md">
          <EvidenceFlags e={d} testId="evidence-detail" />
          {d.notContemporaneous && (
            <Alert color="red" variant="light" data-testid="evidence-late-explained">
              {t('evidence.flags.notContemporaneousHelp', { days: d.daysAfterEffective, window: d.contemporaneityDays })}
            </Alert>
          )}
          {d.status !== 'draft' && (
            <Text size="sm" c="dimmed">
              {t('evidence.detail.immutable')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label={t('evidence.fields.effectiveDate')} testId="evidence-effective">
              {format.date(day(d.effectiveDate))}
            </Field>
            <Field label={t('evidence.fields.receivedAt')} testId="evidence-received">
              {format.dateTime(d.receivedAt)} · {t('evidence.detail.days', { count: d.daysAfterEffective })} ({t('evidence.detail.window', { count: d.contemporaneityDays })})
            </Field>
            <Field label={t('evidence.fields.validUntil')}>{format.date(day(d.validUntil))}</Field>
            <Field label={`${t('evidence.fields.periodFrom')} – ${t('evidence.fields.periodTo')}`}>
              {d.periodFrom || d.periodTo ? `${format.date(day(d.periodFrom))} – ${format.date(day(d.periodTo))}` : none}
            </Field>
            <Field label={t('evidence.fields.owner')}>{d.owner?.name ?? none}</Field>
            <Field label={t('evidence.fields.createdBy')}>{d.createdBy?.name ?? (d.pushedByToken ? t('evidence.fields.pushedBy', { name: d.pushedByToken.name }) : none)}</Field>
            <Field label={t('evidence.fields.controls')} testId="evidence-controls-value">
              {d.controls.map((c) => `${c.reference} — ${c.title}`).join(', ') || none}
            </Field>
            <Field label={t('evidence.fields.requirements')}>{d.requirements.map((r) => `${r.frameworkId} ${r.ref}`).join(', ') || none}</Field>
            <Field label={t('evidence.fields.sha256')} testId="evidence-sha256">
              <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {d.sha256}
              </Text>
            </Field>
            {d.reviewedBy && (
              <Field label={t('evidence.fields.reviewedBy')}>
                {d.reviewedBy.name} · {format.dateTime(d.reviewedAt)}
                {d.reviewComment ? ` — ${d.reviewComment}` : ''}
              </Field>
            )}
          </SimpleGrid>
          {d.description && <Text size="sm">{d.description}</Text>}
          {d.file && (
            <Group gap="xs">
              <Button component="a" href={fileUrl(tenant.id, d.id)} variant="default" size="xs" data-testid="evidence-download">
                {t('evidence.detail.download')}
              </Button>
              <Text size="sm">
                {d.file.filename} · {format.number(d.file.size)} B
              </Text>
            </Group>
          )}
          {d.url && (
            <Field label={t('evidence.fields.url')}>
              <Anchor href={d.url} target="_blank" rel="noopener noreferrer nofollow">
                {d.url}
              </Anchor>
            </Field>
          )}
          {d.record && (
            <Table withTableBorder data-testid="evidence-record">
              <Table.Tbody>
                {d.record.fields.map((f) => (
                  <Table.Tr key={f.key}>
                    <Table.Th>{f.key}</Table.Th>
                    <Table.Td>{typeof f.value === 'number' ? format.number(f.value) : typeof f.value === 'boolean' ? t(f.value ? 'audit.yes' : 'audit.no') : f.value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Card>
      <Card withBorder padding="lg" data-testid="evidence-revisions">
        <Title order={2} size="h4" mb="md">
          {t('evidence.detail.revisions')}
        </Title>
        <Stack gap={4}>
          {d.revisions.map((r) => (
            <Group key={r.id} gap="xs">
              <Anchor component={Link} to={`${base}/${r.id}`} fw={r.id === d.id ? 700 : undefined}>
                {t('evidence.fields.revision')} {format.number(r.revision)}
              </Anchor>
              <Text size="sm">
                · {r.title} · {t(`evidence.status.${r.status}`)} · {format.dateTime(r.createdAt)}
                {r.notContemporaneous ? ` · ${t('evidence.flags.notContemporaneous')}` : ''}
              </Text>
            </Group>
          ))}
        </Stack>
      </Card>
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
