import { Button, Card, Checkbox, FileInput, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { serverFieldErrors } from '../../lib/errors';
import type { TEvidenceKind } from '../../../shared/contracts/evidence';
import { useTenantContext } from '../tenants/TenantRoute';
import { useControlChoices, useCreateEvidence, useUploadEvidence } from './api';

type TFact = { key: string; value: string };

/** A record's value as typed: a number stays a number, yes/no become booleans, the rest is text. */
const typed = (v: string): string | number | boolean => (/^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v.trim() === 'true' ? true : v.trim() === 'false' ? false : v);

/** One form for the three kinds: metadata common to all, then the file, the link or the facts. */
export function EvidenceNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tenant, can } = useTenantContext();
  const controls = useControlChoices(tenant.id);
  const create = useCreateEvidence(tenant.id);
  const upload = useUploadEvidence(tenant.id);
  const [kind, setKind] = useState<TEvidenceKind>('file');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [effectiveDate, setEffectiveDate] = useState('');
  const [periodFrom, setPeriodFrom] = useState('');
  const [periodTo, setPeriodTo] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [controlIds, setControlIds] = useState<string[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [facts, setFacts] = useState<TFact[]>([{ key: '', value: '' }]);
  if (!can('evidence.create')) return <NoAccess />;

  const error = create.error ?? upload.error;
  const fieldErrors = serverFieldErrors(error);
  const pending = create.isPending || upload.isPending;
  const done = (e: { id: string }) => navigate(`/t/${tenant.id}/evidence/${e.id}`);

  function save(status: 'draft' | 'submitted') {
    const common = { title, description, effectiveDate, periodFrom: periodFrom || null, periodTo: periodTo || null, validUntil: validUntil || null, controlIds, status };
    if (kind === 'file') {
      if (!file) return;
      upload.mutate(
        { file, meta: { ...common, periodFrom: periodFrom || undefined, periodTo: periodTo || undefined, validUntil: validUntil || undefined, controlIds: controlIds.join(',') || undefined } },
        { onSuccess: done },
      );
    } else if (kind === 'link') create.mutate({ kind: 'link', url, ...common }, { onSuccess: done });
    else create.mutate({ kind: 'record', record: { fields: facts.filter((f) => f.key.trim()).map((f) => ({ key: f.key, value: typed(f.value) })) }, ...common }, { onSuccess: done });
  }

  return (
    <Stack gap="xl">
      <PageHeader title={t('evidence.form.title')} description={t('evidence.intro')} />
      <Card withBorder padding="lg">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save('submitted');
          }}
        >
          <Stack gap="md">
            <ErrorAlert error={error} />
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v as TEvidenceKind)}
              data={(['file', 'link', 'record'] as const).map((k) => ({ value: k, label: t(`evidence.kind.${k}`) }))}
              data-testid="evidence-kind"
            />
            <TextInput label={t('evidence.fields.title')} required maxLength={200} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={fieldErrors.title} data-testid="evidence-title" />
            <Textarea label={t('evidence.fields.description')} maxLength={4000} autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} data-testid="evidence-description" />
            <Group grow align="flex-start">
              <TextInput type="date" required label={t('evidence.fields.effectiveDate')} description={t('evidence.fields.effectiveDateHelp')} value={effectiveDate} onChange={(e) => setEffectiveDate(e.currentTarget.value)} error={fieldErrors.effectiveDate} data-testid="evidence-effective-date" />
              <TextInput type="date" label={t('evidence.fields.validUntil')} value={validUntil} onChange={(e) => setValidUntil(e.currentTarget.value)} error={fieldErrors.validUntil} data-testid="evidence-valid-until" />
            </Group>
            <Group grow align="flex-start">
              <TextInput type="date" label={t('evidence.fields.periodFrom')} value={periodFrom} onChange={(e) => setPeriodFrom(e.currentTarget.value)} error={fieldErrors.periodFrom} data-testid="evidence-period-from" />
              <TextInput type="date" label={t('evidence.fields.periodTo')} value={periodTo} onChange={(e) => setPeriodTo(e.currentTarget.value)} error={fieldErrors.periodTo} data-testid="evidence-period-to" />
            </Group>
            <Checkbox.Group label={t('evidence.fields.controls')} value={controlIds} onChange={setControlIds} data-testid="evidence-controls">
              <Stack gap={4} mt={4}>
                {(controls.data?.items ?? []).map((c) => (
                  <Checkbox key={c.id} value={c.id} label={`${c.reference} — ${c.title}`} data-testid={`evidence-control-${c.reference}`} />
                ))}
                {controls.data?.items.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('evidence.form.noControls')}
                  </Text>
                )}
              </Stack>
            </Checkbox.Group>
            {kind === 'file' && <FileInput label={t('evidence.form.chooseFile')} required value={file} onChange={setFile} clearable data-testid="evidence-file" />}
            {kind === 'link' && <TextInput type="url" required label={t('evidence.fields.url')} maxLength={2000} value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={fieldErrors.url} data-testid="evidence-url" />}
            {kind === 'record' && (
              <Stack gap="xs">
                <Text size="sm" fw={500}>
                  {t('evidence.fields.record')}
                </Text>
                {facts.map((f, i) => (
                  <Group key={i} grow>
                    <TextInput aria-label={t('evidence.fields.key')} placeholder={t('evidence.fields.key')} maxLength={80} value={f.key} onChange={(e) => setFacts(facts.map((x, j) => (j === i ? { ...x, key: e.currentTarget.value } : x)))} data-testid={`evidence-fact-${i}-key`} />
                    <TextInput aria-label={t('evidence.fields.value')} placeholder={t('evidence.fields.value')} maxLength={2000} value={f.value} onChange={(e) => setFacts(facts.map((x, j) => (j === i ? { ...x, value: e.currentTarget.value } : x)))} data-testid={`evidence-fact-${i}-value`} />
                  </Group>
                ))}
                {facts.length < 50 && (
                  <Button variant="subtle" size="xs" onClick={() => setFacts([...facts, { key: '', value: '' }])} data-testid="evidence-add-fact">
                    {t('evidence.form.addFact')}
                  </Button>
                )}
              </Stack>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => save('draft')} loading={pending} data-testid="evidence-save-draft">
                {t('evidence.form.draft')}
              </Button>
              <Button type="submit" loading={pending} data-testid="evidence-submit">
                {t('evidence.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
