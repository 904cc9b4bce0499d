import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { AI_LIFECYCLE_STAGES, AI_ORG_ROLES, ZCreateAiSystemBody, type TAiOrgRole, type TAiSystem, type TCreateAiSystemBody } from '../../../shared/contracts/ai-systems';
import type { TMember } from '../../../shared/contracts/tenants';

type TValues = Required<Omit<TCreateAiSystemBody, 'bomRef'>>;

const initial = (s?: TAiSystem): TValues => ({
  name: s?.name ?? '',
  purpose: s?.purpose ?? '',
  businessOwnerId: s?.businessOwner?.id ?? null,
  technicalOwnerId: s?.technicalOwner?.id ?? null,
  lifecycleStage: s?.lifecycleStage ?? 'design',
  roles: s?.roles ?? [],
  modelType: s?.modelType ?? '',
  modelVersion: s?.modelVersion ?? '',
  supplier: s?.supplier ?? '',
  dataCategories: s?.dataCategories ?? [],
  personalData: s?.personalData ?? false,
  specialCategoryData: s?.specialCategoryData ?? false,
  affectedPeople: s?.affectedPeople ?? '',
  humanOversight: s?.humanOversight ?? '',
  intendedUse: s?.intendedUse ?? '',
  knownLimitations: s?.knownLimitations ?? '',
  automatedDecisions: s?.automatedDecisions ?? false,
  inAimsScope: s?.inAimsScope ?? true,
});

/** Record or edit a system: every field of the contract, validated by the same schema as the server. */
export function AiSystemForm({ system, members, pending, error, onSubmit, onCancel }: { system?: TAiSystem; members: TMember[]; pending: boolean; error: unknown; onSubmit: (body: TValues) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useContractForm(ZCreateAiSystemBody, initial(system));
  const unplaced = useServerErrors(form, error);
  const f = (k: keyof TValues) => ({ label: t(`aiSystems.fields.${k}`), ...form.getInputProps(k), 'data-testid': `ai-form-${k}` });
  const check = (k: keyof TValues) => ({ label: t(`aiSystems.fields.${k}`), ...form.getInputProps(k, { type: 'checkbox' }), 'data-testid': `ai-form-${k}` });
  const people = [{ value: '', label: t('common.none') }, ...members.map((m) => ({ value: m.userId, label: m.name }))];
  const owner = (k: 'businessOwnerId' | 'technicalOwnerId') => (
    <NativeSelect label={t(`aiSystems.fields.${k}`)} data={people} value={form.values[k] ?? ''} onChange={(e) => form.setFieldValue(k, e.currentTarget.value || null)} error={form.errors[k]} data-testid={`ai-form-${k}`} />
  );
  return (
    <form onSubmit={form.onSubmit((v) => onSubmit(v))}>
      <Stack gap="md">
        <ErrorAlert error={unplaced} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...f('name')} />
          <NativeSelect {...f('lifecycleStage')} data={AI_LIFECYCLE_STAGES.map((v) => ({ value: v, label: t(`aiSystems.stage.${v}`) }))} />
          {owner('businessOwnerId')}
          {owner('technicalOwnerId')}
          <TextInput {...f('modelType')} />
          <TextInput {...f('modelVersion')} />
          <TextInput {...f('supplier')} />
          <TagsInput {...f('dataCategories')} description={t('aiSystems.fields.dataCategoriesHelp')} maxTags={30} />
        </SimpleGrid>
        <Checkbox.Group label={t('aiSystems.fields.roles')} value={form.values.roles} onChange={(v) => form.setFieldValue('roles', v as TAiOrgRole[])} error={form.errors.roles} data-testid="ai-form-roles">
          <Group mt={4}>
            {AI_ORG_ROLES.map((r) => (
              <Checkbox key={r} value={r} label={t(`aiSystems.role.${r}`)} data-testid={`ai-form-role-${r}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea {...f('purpose')} autosize minRows={2} />
        <Textarea {...f('intendedUse')} autosize minRows={2} />
        <Textarea {...f('affectedPeople')} autosize minRows={2} />
        <Textarea {...f('humanOversight')} autosize minRows={2} />
        <Textarea {...f('knownLimitations')} autosize minRows={2} />
        <Group>
          <Checkbox {...check('personalData')} />
          <Checkbox {...check('specialCategoryData')} />
          <Checkbox {...check('inAimsScope')} />
        </Group>
        <Checkbox {...check('automatedDecisions')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('aiSystems.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="ai-form-submit">
            {t('aiSystems.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
