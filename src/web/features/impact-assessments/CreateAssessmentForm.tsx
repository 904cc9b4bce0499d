import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { VARIANTS, ZCreateAssessmentBody, type TVariant } from '../../../shared/contracts/impact-assessments';
import { useApplicability, useCreateAssessment } from './api';

interface Props {
  tenantId: string;
  systems: readonly { id: string; name: string }[];
  onCancel: () => void;
}

/** Choose the AI system; the server says at once whether art. 27 requires a FRIA for it. */
export function CreateAssessmentForm({ tenantId, systems, onCancel }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const create = useCreateAssessment(tenantId);
  const form = useContractForm(ZCreateAssessmentBody, { aiSystemId: '', variant: 'standard' as TVariant, title: '' });
  const unplaced = useServerErrors(form, create.error);
  const applicability = useApplicability(tenantId, form.values.aiSystemId || null);
  const fria = applicability.data;

  const submit = form.onSubmit((values) =>
    create.mutate(values, { onSuccess: (a) => navigate(`/t/${tenantId}/impact-assessments/${a.id}`) }),
  );

  return (
    <form onSubmit={submit} aria-label={t('impactAssessments.create.title')}>
      <Stack gap="md">
        <ErrorAlert error={unplaced} />
        <NativeSelect
          label={t('impactAssessments.create.aiSystem')}
          data={[{ value: '', label: t('impactAssessments.create.aiSystemPlaceholder') }, ...systems.map((s) => ({ value: s.id, label: s.name }))]}
          {...form.getInputProps('aiSystemId')}
          onChange={(e) => {
            form.setFieldValue('aiSystemId', e.currentTarget.value);
            form.setFieldValue('variant', 'standard');
          }}
          data-testid="ia-create-system"
        />
        {fria && (
          <Alert color={fria.applies ? 'orange' : 'gray'} title={t(fria.applies ? 'impactAssessments.create.friaRequired' : 'impactAssessments.create.friaNotRequired')} data-testid="ia-create-applicability">
            {t(`impactAssessments.applicability.reason.${fria.reason}`)}
            {fria.applies && fria.appliesFrom ? ` ${t('impactAssessments.applicability.appliesFrom', { date: format.date(fria.appliesFrom) })}` : ''}
          </Alert>
        )}
        <NativeSelect
          label={t('impactAssessments.create.variant')}
          data={VARIANTS.map((v) => ({ value: v, label: t(`impactAssessments.variant.${v}`) }))}
          {...form.getInputProps('variant')}
          data-testid="ia-create-variant"
        />
        <TextInput label={t('impactAssessments.create.name')} {...form.getInputProps('title')} data-testid="ia-create-title" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('impactAssessments.create.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="ia-create-submit">
            {t('impactAssessments.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
