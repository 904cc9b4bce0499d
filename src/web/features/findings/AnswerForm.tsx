import { Button, Card, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ZSubmitResponseBody } from '../../../shared/contracts/findings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../lib/errors';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useSubmitResponse } from './api';

type TValues = { correction: string; rootCause: string; correctiveAction: string; plannedCompletionOn: string | null };

/** The organization's answer to a nonconformity; each one sent is a new version the auditors judge. */
export function AnswerForm({ tenantId, findingId, again }: { tenantId: string; findingId: string; again: boolean }) {
  const { t } = useTranslation();
  const submit = useSubmitResponse(tenantId, findingId);
  const form = useContractForm<TValues>(ZSubmitResponseBody, { correction: '', rootCause: '', correctiveAction: '', plannedCompletionOn: null });
  const formError = useServerErrors(form, submit.error);
  const planned = form.getInputProps('plannedCompletionOn');
  const text = (k: 'correction' | 'rootCause' | 'correctiveAction') => (
    <Textarea label={t(`findings.response.${k}`)} description={t(`findings.org.answer.${k}Hint`)} autosize minRows={3} maxRows={12} {...form.getInputProps(k)} data-testid={`answer-${k}`} />
  );
  return (
    <Card withBorder padding="lg" component="form" onSubmit={form.onSubmit((v) => submit.mutate(v, { onSuccess: () => notifySuccess(t('findings.org.answer.done')) }))} data-testid="answer-form">
      <Title order={3} size="h4" mb="sm">
        {t(again ? 'findings.org.answer.again' : 'findings.org.answer.title')}
      </Title>
      {formError ? <ErrorAlert error={formError} /> : null}
      <Stack gap="sm">
        {text('correction')}
        {text('rootCause')}
        {text('correctiveAction')}
        <TextInput
          {...planned}
          type="date"
          label={t('findings.response.plannedCompletionOn')}
          value={(planned.value as string | null) ?? ''}
          onChange={(e) => form.setFieldValue('plannedCompletionOn', e.currentTarget.value || null)}
          maw={240}
          data-testid="answer-planned"
        />
        <Group>
          <Button type="submit" loading={submit.isPending} data-testid="answer-submit">
            {t('findings.org.answer.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
