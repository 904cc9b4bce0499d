import { Button, Card, Group, MultiSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_RESPONSE_EVIDENCE, ZSubmitResponseBody, type TFindingResponse } from '../../../shared/contracts/findings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useAnswerEvidenceChoices, useSubmitResponse } from './api';
import { noon } from './FindingBits';

export type TEvidenceRef = { id: string; title: string };
type TValues = { correction: string; rootCause: string; correctiveAction: string; plannedCompletionOn: string | null; evidenceIds: string[] };

/**
 * The organization's answer to a nonconformity; each one sent is a new version the auditors judge.
 * Answering again starts from the last answer (typically only the root cause changes after a rejection).
 */
export function AnswerForm({ tenantId, findingId, again, previous }: { tenantId: string; findingId: string; again: boolean; previous: TFindingResponse | null }) {
  const { t } = useTranslation();
  const submit = useSubmitResponse(tenantId, findingId);
  const [evidence, setEvidence] = useState<TEvidenceRef[]>(previous?.evidence.map((e) => ({ id: e.evidenceId, title: e.title })) ?? []);
  const form = useContractForm<TValues>(ZSubmitResponseBody, {
    correction: previous?.correction ?? '',
    rootCause: previous?.rootCause ?? '',
    correctiveAction: previous?.correctiveAction ?? '',
    plannedCompletionOn: previous?.plannedCompletionOn ?? null,
    evidenceIds: evidence.map((e) => e.id),
  });
  const formError = useServerErrors(form, submit.error);
  const planned = form.getInputProps('plannedCompletionOn');
  const text = (k: 'correction' | 'rootCause' | 'correctiveAction') => (
    <Textarea label={t(`findings.response.${k}`)} description={t(`findings.org.answer.${k}Hint`)} autosize minRows={3} maxRows={12} {...form.getInputProps(k)} data-testid={`answer-${k}`} />
  );
  const pick = (v: TEvidenceRef[]) => {
    setEvidence(v);
    form.setFieldValue('evidenceIds', v.map((e) => e.id));
  };
  const evidenceError = Object.entries(form.errors).find(([k]) => k.startsWith('evidenceIds'))?.[1];
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
        <EvidencePicker tenantId={tenantId} value={evidence} onChange={pick} error={evidenceError} />
        <Group>
          <Button type="submit" loading={submit.isPending} data-testid="answer-submit">
            {t('findings.org.answer.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * The organization's own evidence records (drafts left out: they are not evidence yet), searched by
 * title. Other answers citing evidence (SOC 2 information requests) reuse it with their own hint.
 */
export function EvidencePicker({
  tenantId,
  value,
  onChange,
  error,
  description,
  max = MAX_RESPONSE_EVIDENCE,
  testId = 'answer-evidence',
}: {
  tenantId: string;
  value: TEvidenceRef[];
  onChange: (v: TEvidenceRef[]) => void;
  error?: unknown;
  description?: string;
  max?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [q] = useDebouncedValue(search, 300);
  const found = useAnswerEvidenceChoices(tenantId, q, opened);
  const byId = new Map<string, TEvidenceRef & { detail?: string }>(value.map((e) => [e.id, e]));
  for (const e of found.data ?? []) if (!byId.has(e.id)) byId.set(e.id, { id: e.id, title: e.title, detail: `${format.date(noon(e.effectiveDate))} · ${t(`evidence.status.${e.status}`)}` });
  const data = [...byId.values()].map((e) => ({ value: e.id, label: e.title, detail: e.detail }));
  return (
    <MultiSelect
      label={t('findings.org.answer.evidence')}
      description={description ?? t('findings.org.answer.evidenceHint')}
      placeholder={t('findings.org.answer.evidenceSearch')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      filter={({ options }) => options}
      data={data}
      value={value.map((e) => e.id)}
      onChange={(ids) => onChange(ids.map((id) => byId.get(id)!).map((e) => ({ id: e.id, title: e.title })))}
      maxValues={max}
      error={typeof error === 'string' ? error : undefined}
      nothingFoundMessage={found.isFetching ? t('findings.org.answer.evidenceLoading') : t('findings.org.answer.evidenceNone')}
      renderOption={({ option }) => {
        const o = option as { label: string; detail?: string };
        return (
          <div>
            <Text size="sm">{o.label}</Text>
            {o.detail && (
              <Text size="xs" c="dimmed">
                {o.detail}
              </Text>
            )}
          </div>
        );
      }}
      data-testid={testId}
    />
  );
}
