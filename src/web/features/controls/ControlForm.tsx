import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { CONTROL_AUTOMATIONS, CONTROL_FREQUENCIES, ZControlForm, type TControl, type TControlForm } from '../../../shared/contracts/controls';
import type { TMember } from '../../../shared/contracts/tenants';

const initial = (c?: TControl): TControlForm => ({
  reference: c?.reference ?? '',
  title: c?.title ?? '',
  description: c?.description ?? '',
  ownerId: c?.owner?.id ?? null,
  frequency: c?.frequency ?? 'quarterly',
  automation: c?.automation ?? 'manual',
  status: c && c.status !== 'retired' ? c.status : 'planned',
});

/**
 * Create or edit a control, validated by the server's own schema. The status is chosen at creation
 * only: afterwards it moves through the lifecycle's buttons on the control's page.
 */
export function ControlForm({ control, members, pending, error, onSubmit, onCancel }: { control?: TControl; members: TMember[]; pending: boolean; error: unknown; onSubmit: (body: TControlForm) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useContractForm(ZControlForm, initial(control));
  const unplaced = useServerErrors(form, error);
  const f = (k: keyof TControlForm) => ({ label: t(`controls.form.${k}`), ...form.getInputProps(k), 'data-testid': `control-form-${k}` });
  const people = [{ value: '', label: t('common.none') }, ...members.map((m) => ({ value: m.userId, label: m.name }))];
  return (
    <form onSubmit={form.onSubmit((v) => onSubmit(v))}>
      <Stack gap="md">
        <ErrorAlert error={unplaced} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...f('reference')} description={t('controls.form.referenceHelp')} />
          <TextInput {...f('title')} />
          <NativeSelect
            label={t('controls.form.ownerId')}
            data={people}
            value={form.values.ownerId ?? ''}
            onChange={(e) => form.setFieldValue('ownerId', e.currentTarget.value || null)}
            error={form.errors.ownerId}
            data-testid="control-form-ownerId"
          />
          <NativeSelect {...f('frequency')} data={CONTROL_FREQUENCIES.map((v) => ({ value: v, label: t(`controls.frequency.${v}`) }))} />
          <NativeSelect {...f('automation')} data={CONTROL_AUTOMATIONS.map((v) => ({ value: v, label: t(`controls.automation.${v}`) }))} />
          {!control && <NativeSelect {...f('status')} data={(['planned', 'implemented', 'operating'] as const).map((v) => ({ value: v, label: t(`controls.status.${v}`) }))} />}
        </SimpleGrid>
        <Textarea {...f('description')} autosize minRows={3} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('controls.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="control-form-submit">
            {t('controls.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
