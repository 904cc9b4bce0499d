import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MAX_EXCEPTION_EVIDENCE, ZSoc2ExceptionResponseBody, type TOrgSoc2Exception, type TSoc2ExceptionState } from '../../../shared/contracts/soc2-exceptions';
import type { TOrgSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { EvidencePicker, type TEvidenceRef } from '../findings/AnswerForm';
import { useOrgExceptions, useRespondToException } from './api';
import { useDay } from './Soc2Bits';

const STATE_COLOR: Record<TSoc2ExceptionState, string> = { open: 'orange', responded: 'yellow', concluded: 'teal' };

/** The exceptions the firm found, per control: the auditor's description, management's response, the auditor's conclusion. */
export function ExceptionsTab({ tenantId, exam }: { tenantId: string; exam: TOrgSoc2Examination }) {
  const { t } = useTranslation();
  const list = useOrgExceptions(tenantId, exam.id);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  return (
    <Stack gap="lg" data-testid="soc2-exceptions">
      <Text size="sm" c="dimmed">
        {t('soc2Programme.exceptions.intro')}
      </Text>
      {list.data.total === 0 ? (
        <Text c="dimmed" data-testid="soc2-exceptions-empty">
          {t('soc2Programme.exceptions.empty')}
        </Text>
      ) : (
        list.data.groups.map((g) => (
          <Stack key={g.controlId} gap="sm" data-testid={`soc2-exceptions-control-${g.controlRef}`}>
            <Group gap="xs">
              <Title order={3} size="h4">
                {g.controlRef} — {g.controlTitle}
              </Title>
              {g.criteria.map((c) => (
                <Badge key={c} variant="outline" color="gray">
                  {c}
                </Badge>
              ))}
            </Group>
            {g.exceptions.map((x) => (
              <ExceptionCard key={x.id} tenantId={tenantId} exception={x} />
            ))}
          </Stack>
        ))
      )}
    </Stack>
  );
}

function ExceptionCard({ tenantId, exception: x }: { tenantId: string; exception: TOrgSoc2Exception }) {
  const { t } = useTranslation();
  const format = useFormat();
  const day = useDay();
  const canRespond = x.abilities['orgSoc2Exception.respond'];
  const responded = x.response.respondedAt !== null;
  const [editing, setEditing] = useState(false);
  return (
    <Card withBorder padding="lg" data-testid={`soc2-exception-${x.reference}`} data-state={x.state}>
      <Group gap="sm" mb="xs">
        <Text fw={600}>{x.reference}</Text>
        <Badge color={STATE_COLOR[x.state]} variant="light" data-testid="soc2-exception-state">
          {t(`soc2Testing.exception.state.${x.state}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {x.sampleItem
            ? t('soc2Programme.exceptions.onItem', { test: x.testReference, key: x.sampleItem.key, date: day(x.sampleItem.date) })
            : t('soc2Programme.exceptions.onTest', { test: x.testReference })}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('soc2Programme.exceptions.raised', { at: format.dateTime(x.raisedAt), name: x.raisedBy?.name ?? t('common.none') })}
      </Text>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} data-testid="soc2-exception-description">
        {x.description}
      </Text>

      {canRespond && (!responded || editing) ? (
        <ResponseForm tenantId={tenantId} exception={x} onDone={() => setEditing(false)} />
      ) : (
        <Stack gap={4} mt="md" data-testid="soc2-exception-response">
          <Text fw={600} size="sm">
            {t('soc2Programme.exceptions.response')}
          </Text>
          {responded ? (
            <>
              <Text size="xs" c="dimmed">
                {t('soc2Programme.exceptions.respondedAt', { at: format.dateTime(x.response.respondedAt), name: x.response.respondedBy?.name ?? t('common.none') })}
              </Text>
              <Labelled label={t('soc2Programme.exceptions.context')} value={x.response.context} testId="soc2-exception-context" />
              <Labelled label={t('soc2Programme.exceptions.remediation')} value={x.response.remediation} testId="soc2-exception-remediation" />
              {x.response.evidence.length > 0 && (
                <List size="sm" data-testid="soc2-exception-evidence">
                  {x.response.evidence.map((e) => (
                    <List.Item key={e.id}>
                      <Anchor component={Link} to={`/t/${tenantId}/evidence/${e.id}`}>
                        {e.title}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              )}
              {canRespond && (
                <Group>
                  <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid="soc2-exception-edit">
                    {t('soc2Programme.exceptions.edit')}
                  </Button>
                </Group>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('soc2Programme.exceptions.noResponse')}
            </Text>
          )}
        </Stack>
      )}

      {x.conclusion && (
        <Alert color={x.conclusion.conclusion === 'systematic' || x.conclusion.criterionImpact !== 'none' ? 'orange' : 'teal'} variant="light" mt="md" title={t('soc2Programme.exceptions.conclusionTitle')} data-testid="soc2-exception-conclusion">
          <Text size="sm">
            {t('soc2Programme.exceptions.conclusion', {
              conclusion: t(`soc2Testing.exception.conclusion.${x.conclusion.conclusion}`),
              impact: t(`soc2Testing.exception.impact.${x.conclusion.criterionImpact}`),
            })}
          </Text>
          {x.conclusion.notes.trim() && (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {x.conclusion.notes}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {t('soc2Programme.exceptions.concludedAt', { at: format.dateTime(x.conclusion.concludedAt), name: x.conclusion.concludedBy?.name ?? t('common.none') })}
          </Text>
        </Alert>
      )}
    </Card>
  );
}

function Labelled({ label, value, testId }: { label: string; value: string; testId: string }) {
  if (!value.trim()) return null;
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    </div>
  );
}

/** Management's response, saved again as often as needed until the auditor concludes. */
function ResponseForm({ tenantId, exception: x, onDone }: { tenantId: string; exception: TOrgSoc2Exception; onDone: () => void }) {
  const { t } = useTranslation();
  const respond = useRespondToException(tenantId, x.examinationId, x.id);
  const [evidence, setEvidence] = useState<TEvidenceRef[]>(x.response.evidence);
  const form = useContractForm<{ context: string; remediation: string; evidenceIds: string[] }>(ZSoc2ExceptionResponseBody, {
    context: x.response.context,
    remediation: x.response.remediation,
    evidenceIds: x.response.evidence.map((e) => e.id),
  });
  const formError = useServerErrors(form, respond.error);
  const pick = (v: TEvidenceRef[]) => {
    setEvidence(v);
    form.setFieldValue('evidenceIds', v.map((e) => e.id));
  };
  const evidenceError = Object.entries(form.errors).find(([k]) => k.startsWith('evidenceIds'))?.[1];
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        respond.mutate(v, {
          onSuccess: () => {
            notifySuccess(t('soc2Programme.exceptions.saved'));
            onDone();
          },
        }),
      )}
      data-testid="soc2-exception-form"
    >
      <Stack gap="sm" mt="md">
        <Text fw={600} size="sm">
          {t('soc2Programme.exceptions.respond')}
        </Text>
        {formError ? <ErrorAlert error={formError} /> : null}
        <Textarea label={t('soc2Programme.exceptions.context')} description={t('soc2Programme.exceptions.contextHint')} autosize minRows={3} maxRows={12} {...form.getInputProps('context')} data-testid="soc2-exception-context-input" />
        <Textarea label={t('soc2Programme.exceptions.remediation')} description={t('soc2Programme.exceptions.remediationHint')} autosize minRows={3} maxRows={12} {...form.getInputProps('remediation')} data-testid="soc2-exception-remediation-input" />
        <EvidencePicker tenantId={tenantId} value={evidence} onChange={pick} error={evidenceError} description={t('soc2Programme.exceptions.evidenceHint')} max={MAX_EXCEPTION_EVIDENCE} testId="soc2-exception-evidence-picker" />
        <Group>
          <Button type="submit" loading={respond.isPending} data-testid="soc2-exception-save">
            {t('soc2Programme.exceptions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
