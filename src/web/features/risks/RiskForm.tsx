import { ActionIcon, Button, Checkbox, Group, MultiSelect, NativeSelect, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm, useServerErrors } from '../../lib/forms';
import {
  ACTION_STATUSES,
  RISK_SOURCES,
  RISK_TREATMENTS,
  ZCreateRiskBody,
  type TCreateRiskBody,
  type TRiskDetail,
  type TRiskMatrixConfig,
  type TUpdateRiskBody,
} from '../../../shared/contracts/risks';

/** Requirements are typed as "<framework id> <ref>", e.g. "iso-iec-42001-2023 6.1.2". */
const SUGGESTED_REQUIREMENTS = [
  'iso-iec-42001-2023 6.1.1',
  'iso-iec-42001-2023 6.1.2',
  'iso-iec-42001-2023 6.1.3',
  'iso-iec-42001-2023 6.1.4',
  'iso-iec-42001-2023 8.2',
  'iso-iec-42001-2023 8.3',
  'iso-iec-42001-2023 A.5.2',
  'eu-ai-act-2024 Art. 9',
];
const toTag = (r: { frameworkId: string; ref: string }) => `${r.frameworkId} ${r.ref}`;
const fromTag = (s: string) => {
  const at = s.trim().indexOf(' ');
  return at < 0 ? { frameworkId: s.trim(), ref: '' } : { frameworkId: s.trim().slice(0, at), ref: s.trim().slice(at + 1).trim() };
};

type TValues = {
  title: string;
  description: string;
  source: TCreateRiskBody['source'];
  aiSystemIds: string[];
  ownerId: string | null;
  inherentLikelihood: number;
  inherentImpact: number;
  treatment: TCreateRiskBody['treatment'];
  treatmentPlan: { id?: string; title: string; ownerId: string | null; dueDate: string | null; status: (typeof ACTION_STATUSES)[number] }[];
  residualLikelihood: number | null;
  residualImpact: number | null;
  reviewDate: string | null;
  requirements: { frameworkId: string; ref: string }[];
};

interface Props {
  matrix: TRiskMatrixConfig;
  members: readonly { userId: string; name: string }[];
  systems: readonly { id: string; name: string }[];
  risk?: TRiskDetail;
  pending: boolean;
  error: unknown;
  onSubmit: (body: TCreateRiskBody | TUpdateRiskBody) => void;
  onCancel: () => void;
}

/**
 * Create or edit a risk. An edit sends only what changed; scores are sent (and the risk moves to
 * the matrix in force) only when they change, or when the person asks to re-score an outdated risk.
 */
export function RiskForm({ matrix, members, systems, risk, pending, error, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const l10n = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const [rescore, setRescore] = useState(false);
  const initial: TValues = {
    title: risk?.title ?? '',
    description: risk?.description ?? '',
    source: risk?.source ?? 'ai_system',
    aiSystemIds: risk?.aiSystems.map((s) => s.id) ?? [],
    ownerId: risk?.owner?.id ?? null,
    inherentLikelihood: risk?.inherent.likelihood ?? 1,
    inherentImpact: risk?.inherent.impact ?? 1,
    treatment: risk?.treatment ?? null,
    treatmentPlan: risk?.treatmentPlan.map((a) => ({ id: a.id, title: a.title, ownerId: a.owner?.id ?? null, dueDate: a.dueDate, status: a.status })) ?? [],
    residualLikelihood: risk?.residual?.likelihood ?? null,
    residualImpact: risk?.residual?.impact ?? null,
    reviewDate: risk?.reviewDate ?? null,
    requirements: risk?.requirements.map((q) => ({ frameworkId: q.frameworkId, ref: q.ref })) ?? [],
  };
  const form = useContractForm(ZCreateRiskBody, initial);
  const unplaced = useServerErrors(form, error);
  const v = form.values;
  const scoresLocked = Boolean(risk?.matrixOutdated) && !rescore;

  const scale = (kind: 'likelihood' | 'impact', optional: boolean) => [
    ...(optional ? [{ value: '', label: t('risks.form.notAssessed') }] : []),
    ...matrix[kind].map((label, i) => ({ value: String(i + 1), label: `${i + 1} — ${label[l10n]}` })),
  ];
  const memberOptions = [{ value: '', label: t('common.none') }, ...members.map((m) => ({ value: m.userId, label: m.name }))];
  const num = (s: string) => (s === '' ? null : Number(s));

  const submit = form.onSubmit((body) => {
    if (!risk) return onSubmit(body);
    const changed: Record<string, unknown> = {};
    for (const k of Object.keys(body) as (keyof TValues)[]) if (JSON.stringify(body[k]) !== JSON.stringify(initial[k])) changed[k] = body[k];
    const scores = ['inherentLikelihood', 'inherentImpact', 'residualLikelihood', 'residualImpact'] as const;
    if (rescore || scores.some((k) => k in changed)) for (const k of scores) changed[k] = body[k];
    onSubmit(changed as TUpdateRiskBody);
  });

  return (
    <form onSubmit={submit} aria-label={t(risk ? 'risks.form.editTitle' : 'risks.form.newTitle')}>
      <Stack gap="md">
        <ErrorAlert error={unplaced} />
        <TextInput label={t('risks.fields.title')} {...form.getInputProps('title')} data-testid="risk-title" />
        <Textarea label={t('risks.fields.description')} autosize minRows={2} {...form.getInputProps('description')} data-testid="risk-description" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('risks.fields.source')} data={RISK_SOURCES.map((s) => ({ value: s, label: t(`risks.source.${s}`) }))} {...form.getInputProps('source')} data-testid="risk-source" />
          <NativeSelect
            label={t('risks.fields.ownerId')}
            data={memberOptions}
            value={v.ownerId ?? ''}
            onChange={(e) => form.setFieldValue('ownerId', e.currentTarget.value || null)}
            error={form.errors.ownerId}
            data-testid="risk-owner"
          />
        </SimpleGrid>
        <MultiSelect
          label={t('risks.fields.aiSystemIds')}
          data={systems.map((s) => ({ value: s.id, label: s.name }))}
          value={v.aiSystemIds}
          onChange={(ids) => form.setFieldValue('aiSystemIds', ids)}
          error={form.errors.aiSystemIds}
          searchable
          data-testid="risk-ai-systems"
        />
        <Title order={3} size="h5">
          {t('risks.form.scoring')}
        </Title>
        {risk?.matrixOutdated && (
          <Checkbox label={t('risks.form.rescore', { version: risk.matrixVersion })} checked={rescore} onChange={(e) => setRescore(e.currentTarget.checked)} data-testid="risk-rescore" />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('risks.form.inherentLikelihood')}
            data={scale('likelihood', false)}
            value={String(v.inherentLikelihood)}
            onChange={(e) => form.setFieldValue('inherentLikelihood', Number(e.currentTarget.value))}
            disabled={scoresLocked}
            error={form.errors.inherentLikelihood}
            data-testid="risk-inherent-likelihood"
          />
          <NativeSelect
            label={t('risks.form.inherentImpact')}
            data={scale('impact', false)}
            value={String(v.inherentImpact)}
            onChange={(e) => form.setFieldValue('inherentImpact', Number(e.currentTarget.value))}
            disabled={scoresLocked}
            error={form.errors.inherentImpact}
            data-testid="risk-inherent-impact"
          />
        </SimpleGrid>
        <NativeSelect
          label={t('risks.fields.treatment')}
          data={[{ value: '', label: t('risks.form.noTreatment') }, ...RISK_TREATMENTS.map((s) => ({ value: s, label: t(`risks.treatment.${s}`) }))]}
          value={v.treatment ?? ''}
          onChange={(e) => form.setFieldValue('treatment', (e.currentTarget.value || null) as TValues['treatment'])}
          data-testid="risk-treatment"
        />
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('risks.fields.treatmentPlan')}
          </Text>
          {v.treatmentPlan.map((a, i) => (
            <Group key={a.id ?? `new-${i}`} align="flex-end" wrap="wrap">
              <TextInput label={t('risks.plan.title')} {...form.getInputProps(`treatmentPlan.${i}.title`)} maxLength={200} style={{ flex: 2, minWidth: 200 }} data-testid={`risk-action-${i}-title`} />
              <NativeSelect
                label={t('risks.plan.owner')}
                data={memberOptions}
                value={a.ownerId ?? ''}
                onChange={(e) => form.setFieldValue(`treatmentPlan.${i}.ownerId`, e.currentTarget.value || null)}
                data-testid={`risk-action-${i}-owner`}
              />
              <TextInput
                type="date"
                label={t('risks.plan.dueDate')}
                value={a.dueDate ?? ''}
                onChange={(e) => form.setFieldValue(`treatmentPlan.${i}.dueDate`, e.currentTarget.value || null)}
                data-testid={`risk-action-${i}-due`}
              />
              <NativeSelect
                label={t('risks.plan.status')}
                data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`risks.actionStatus.${s}`) }))}
                {...form.getInputProps(`treatmentPlan.${i}.status`)}
                data-testid={`risk-action-${i}-status`}
              />
              <ActionIcon variant="subtle" color="red" mb={4} aria-label={t('risks.plan.remove')} onClick={() => form.removeListItem('treatmentPlan', i)} data-testid={`risk-action-${i}-remove`}>
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button size="xs" variant="default" onClick={() => form.insertListItem('treatmentPlan', { title: '', ownerId: null, dueDate: null, status: 'planned' })} data-testid="risk-add-action">
              {t('risks.plan.add')}
            </Button>
          </Group>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('risks.form.residualLikelihood')}
            data={scale('likelihood', true)}
            value={v.residualLikelihood === null ? '' : String(v.residualLikelihood)}
            onChange={(e) => form.setFieldValue('residualLikelihood', num(e.currentTarget.value))}
            disabled={scoresLocked}
            error={form.errors.residualLikelihood}
            data-testid="risk-residual-likelihood"
          />
          <NativeSelect
            label={t('risks.form.residualImpact')}
            data={scale('impact', true)}
            value={v.residualImpact === null ? '' : String(v.residualImpact)}
            onChange={(e) => form.setFieldValue('residualImpact', num(e.currentTarget.value))}
            disabled={scoresLocked}
            error={form.errors.residualImpact}
            data-testid="risk-residual-impact"
          />
        </SimpleGrid>
        <TextInput
          type="date"
          label={t('risks.fields.reviewDate')}
          value={v.reviewDate ?? ''}
          onChange={(e) => form.setFieldValue('reviewDate', e.currentTarget.value || null)}
          error={form.errors.reviewDate}
          data-testid="risk-review-date"
        />
        <TagsInput
          label={t('risks.fields.requirements')}
          description={t('risks.form.requirementsHelp')}
          data={SUGGESTED_REQUIREMENTS}
          value={v.requirements.map(toTag)}
          onChange={(tags) => form.setFieldValue('requirements', tags.map(fromTag))}
          error={Object.entries(form.errors).find(([k]) => k.startsWith('requirements'))?.[1]}
          data-testid="risk-requirements"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="risk-save">
            {t(risk ? 'common.save' : 'risks.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
