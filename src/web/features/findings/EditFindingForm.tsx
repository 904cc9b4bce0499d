import { Button, Card, Group, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFindingClass } from '../../../shared/contracts/certification-decisions';
import { ZUpdateFindingBody, type TFindingDetail } from '../../../shared/contracts/findings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../lib/errors';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useUpdateFinding } from './api';
import { FindingScopeFields } from './FindingScopeFields';

type TValues = { class: TFindingClass; ref: string | null; statement: string; evidence: string; siteIds: string[]; aiSystemIds: string[] };

/** A nonconformity stays one (major ↔ minor), an observation or opportunity stays one of those: its reference series follows the class. */
const FAMILY: Record<TFindingClass, TFindingClass[]> = { major: ['major', 'minor'], minor: ['major', 'minor'], observation: ['observation', 'opportunity'], opportunity: ['observation', 'opportunity'] };

/** Editing a finding while nobody has answered it (the server refuses it afterwards: 409 finding_answered). */
export function EditFindingForm({ finding: f, clientId, tenantId, onDone }: { finding: TFindingDetail; clientId: string | null; tenantId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateFinding(tenantId, f.id);
  const form = useContractForm<TValues>(ZUpdateFindingBody, {
    class: f.class,
    ref: f.requirement?.ref ?? null,
    statement: f.statement,
    evidence: f.evidence,
    siteIds: f.sites.map((s) => s.id),
    aiSystemIds: f.aiSystems.map((s) => s.id),
  });
  const formError = useServerErrors(form, update.error);
  const ref = form.getInputProps('ref');
  const nonconformity = form.getValues().class === 'major' || form.getValues().class === 'minor';
  const submit = (v: TValues) =>
    update.mutate(v, {
      onSuccess: (saved) => {
        notifySuccess(t('findings.edit.done', { reference: saved.reference }));
        onDone();
      },
    });
  return (
    <Card withBorder padding="lg" component="form" onSubmit={form.onSubmit(submit)} data-testid="finding-edit-form">
      <Title order={3} size="h4" mb="sm">
        {t('findings.edit.title', { reference: f.reference })}
      </Title>
      {formError ? <ErrorAlert error={formError} /> : null}
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label={t('findings.fields.class')}
            description={t('findings.edit.classHint')}
            data={FAMILY[f.class].map((c) => ({ value: c, label: t(`findings.class.${c}`) }))}
            allowDeselect={false}
            {...form.getInputProps('class')}
            data-testid="finding-edit-class"
          />
          <TextInput
            {...ref}
            label={t('findings.fields.requirementRef')}
            description={t('findings.raise.refHint')}
            value={(ref.value as string | null) ?? ''}
            onChange={(e) => form.setFieldValue('ref', e.currentTarget.value.trim() ? e.currentTarget.value : null)}
            required={nonconformity}
            data-testid="finding-edit-ref"
          />
        </SimpleGrid>
        <Textarea label={t('findings.fields.statement')} autosize minRows={3} maxRows={12} {...form.getInputProps('statement')} data-testid="finding-edit-statement" />
        <Textarea label={t('findings.fields.evidence')} description={t('findings.raise.evidenceHint')} autosize minRows={3} maxRows={12} {...form.getInputProps('evidence')} data-testid="finding-edit-evidence" />
        {clientId && <FindingScopeFields tenantId={tenantId} clientId={clientId} form={form} testIdPrefix="finding-edit" />}
        <Group>
          <Button type="submit" loading={update.isPending} data-testid="finding-edit-submit">
            {t('findings.edit.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
