import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MAX_REQUEST_EVIDENCE, ZSoc2AnswerBody, type TSoc2Request } from '../../../shared/contracts/soc2-program';
import type { TOrgSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { EvidencePicker, type TEvidenceRef } from '../findings/AnswerForm';
import { useTenantContext } from '../tenants/TenantRoute';
import { useAnswerRequest, useOrgExamination, useOrgRequest, useSubmitRequest } from './api';
import { OverdueBadge, RequestStateBadge, useDay } from './Soc2Bits';

/** The organization holds a request while it is open or returned, during planning and fieldwork (the server's rule). */
const WITH_ORGANIZATION = ['open', 'returned'];
const ANSWERING_STATES = ['planning', 'fieldwork'];

/** One information request: what the firm asks, by when, the answer with its evidence, and the firm's return reason. */
export function RequestPage() {
  const { tenant, can } = useTenantContext();
  const { requestId = '' } = useParams();
  const request = useOrgRequest(tenant.id, requestId);
  if (!can('orgSoc2Request.read')) return <NoAccess />;
  return (
    <Stack gap="lg">
      {request.isPending ? <Loading /> : request.error ? <ErrorAlert error={request.error} /> : <RequestView tenantId={tenant.id} request={request.data} canRespond={can('orgSoc2Request.respond')} />}
    </Stack>
  );
}

function RequestView({ tenantId, request: r, canRespond }: { tenantId: string; request: TSoc2Request; canRespond: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const day = useDay();
  const exam = useOrgExamination(tenantId, r.examinationId);
  const open = WITH_ORGANIZATION.includes(r.state);
  const answering = exam.data ? ANSWERING_STATES.includes(exam.data.state) : false;
  return (
    <>
      <Anchor component={Link} to={`/t/${tenantId}/soc2-programme/${r.examinationId}/requests`} size="sm">
        ← {t('soc2Programme.requests.back', { reference: r.examinationReference })}
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm">
            <span data-testid="soc2-request-title">{r.reference}</span>
            <RequestStateBadge value={r.state} />
            {r.overdue && <OverdueBadge />}
          </Group>
        }
        description={
          <span data-testid="soc2-request-due">
            {t('soc2Programme.requests.dueOn', { date: day(r.dueOn) })}
            {r.testReference ? ` · ${t('soc2Programme.requests.test')} ${r.testReference}` : ''}
          </span>
        }
      />
      <Card withBorder padding="lg">
        <Text fw={600}>{r.title}</Text>
        {r.detail.trim() && (
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="soc2-request-detail">
            {r.detail}
          </Text>
        )}
      </Card>
      {r.state === 'returned' && r.returnReason && (
        <Alert color="red" variant="light" title={t('soc2Programme.requests.returned')} data-testid="soc2-request-returned">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.returnReason}
          </Text>
        </Alert>
      )}
      {r.state === 'submitted' && r.submittedAt && (
        <Alert color="yellow" variant="light" data-testid="soc2-request-waiting">
          {t('soc2Programme.requests.submittedAt', { at: format.dateTime(r.submittedAt) })}
        </Alert>
      )}
      {r.state === 'accepted' && (
        <Alert color="teal" variant="light" data-testid="soc2-request-accepted">
          {t('soc2Programme.requests.acceptedAt', { at: format.dateTime(r.reviewedAt) })}
        </Alert>
      )}
      {open && exam.data && !answering && (
        <Alert color="gray" variant="light" data-testid="soc2-request-closed">
          {t('soc2Programme.requests.closed')}
        </Alert>
      )}
      {open && canRespond && exam.data && answering ? (
        <AnswerForm key={`${r.id}:${r.answer}:${r.evidence.map((e) => e.id).join(',')}`} tenantId={tenantId} request={r} exam={exam.data} />
      ) : (
        <AnswerRead tenantId={tenantId} request={r} />
      )}
    </>
  );
}

function AnswerRead({ tenantId, request: r }: { tenantId: string; request: TSoc2Request }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" data-testid="soc2-request-answer">
      <Title order={3} size="h4" mb="sm">
        {t('soc2Programme.requests.answerTitle')}
      </Title>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={r.answer.trim() ? undefined : 'dimmed'}>
        {r.answer.trim() ? r.answer : t('soc2Programme.requests.noAnswer')}
      </Text>
      <Text fw={600} size="sm" mt="md">
        {t('soc2Programme.requests.evidence')}
      </Text>
      {r.evidence.length ? (
        <List size="sm" data-testid="soc2-request-evidence">
          {r.evidence.map((e) => (
            <List.Item key={e.id}>
              <Anchor component={Link} to={`/t/${tenantId}/evidence/${e.id}`}>
                {e.title}
              </Anchor>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {t('soc2Programme.requests.noEvidence')}
        </Text>
      )}
    </Card>
  );
}

function AnswerForm({ tenantId, request: r, exam }: { tenantId: string; request: TSoc2Request; exam: TOrgSoc2Examination }) {
  const { t } = useTranslation();
  const save = useAnswerRequest(tenantId, r.id);
  const submit = useSubmitRequest(tenantId, r.id);
  const [evidence, setEvidence] = useState<TEvidenceRef[]>(r.evidence);
  const form = useContractForm<{ answer: string; evidenceIds: string[] }>(ZSoc2AnswerBody, { answer: r.answer, evidenceIds: r.evidence.map((e) => e.id) });
  const formError = useServerErrors(form, save.error ?? submit.error);
  const pick = (v: TEvidenceRef[]) => {
    setEvidence(v);
    form.setFieldValue('evidenceIds', v.map((e) => e.id));
  };
  const dirty = form.isDirty();
  const saved = r.answer.trim() !== '' || r.evidence.length > 0;
  const evidenceError = Object.entries(form.errors).find(([k]) => k.startsWith('evidenceIds'))?.[1];
  return (
    <Card withBorder padding="lg" component="form" onSubmit={form.onSubmit((v) => save.mutate(v, { onSuccess: () => notifySuccess(t('soc2Programme.requests.saved')) }))} data-testid="soc2-request-form">
      <Title order={3} size="h4" mb="sm">
        {t('soc2Programme.requests.answerTitle')}
      </Title>
      {formError ? <ErrorAlert error={formError} /> : null}
      <Stack gap="sm">
        <Textarea label={t('soc2Programme.requests.answer')} description={t('soc2Programme.requests.answerHint')} autosize minRows={4} maxRows={16} {...form.getInputProps('answer')} data-testid="soc2-request-answer-text" />
        <EvidencePicker tenantId={tenantId} value={evidence} onChange={pick} error={evidenceError} description={t('soc2Programme.requests.evidenceHint')} max={MAX_REQUEST_EVIDENCE} testId="soc2-request-evidence-picker" />
        {dirty && saved && (
          <Text size="xs" c="dimmed" data-testid="soc2-request-unsaved">
            {t('soc2Programme.requests.submitUnsaved')}
          </Text>
        )}
        <Group>
          <Button type="submit" variant={saved && !dirty ? 'default' : 'filled'} loading={save.isPending} disabled={!dirty} data-testid="soc2-request-save">
            {t('soc2Programme.requests.save')}
          </Button>
          <ConfirmButton
            color="teal"
            disabled={dirty || !saved}
            loading={submit.isPending}
            title={t('soc2Programme.requests.submitTitle')}
            message={t('soc2Programme.requests.submitMessage', { reference: r.reference, count: r.evidence.length, firm: exam.firmName })}
            confirmLabel={t('soc2Programme.requests.submit')}
            onConfirm={() => submit.mutate(undefined, { onSuccess: () => notifySuccess(t('soc2Programme.requests.submitted')) })}
            data-testid="soc2-request-submit"
          >
            {t('soc2Programme.requests.submit')}
          </ConfirmButton>
        </Group>
      </Stack>
    </Card>
  );
}
