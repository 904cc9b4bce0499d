import { Button, Card, Group, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FINDING_CLASSES, type TFindingClass } from '../../../shared/contracts/certification-decisions';
import { ZRaiseFindingBody } from '../../../shared/contracts/findings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../lib/errors';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useRaiseFinding } from './api';
import { FindingScopeFields } from './FindingScopeFields';

type TValues = { class: TFindingClass; ref: string | null; statement: string; evidence: string; siteIds: string[]; aiSystemIds: string[] };
const EMPTY: TValues = { class: 'minor', ref: null, statement: '', evidence: '', siteIds: [], aiSystemIds: [] };

/** Raising a finding: shared with the organization as soon as it is saved. */
export function RaiseFindingForm({ auditId, clientId, tenantId }: { auditId: string; clientId: string; tenantId: string }) {
  const { t } = useTranslation();
  const raise = useRaiseFinding(tenantId, auditId);
  const form = useContractForm<TValues>(ZRaiseFindingBody, EMPTY);
  const formError = useServerErrors(form, raise.error);
  const ref = form.getInputProps('ref');
  const submit = (v: TValues) =>
    raise.mutate(v, {
      onSuccess: (f) => {
        form.setValues(EMPTY);
        notifySuccess(t('findings.raise.done', { reference: f.reference }));
      },
    });
  return (
    <Card withBorder padding="lg" component="form" onSubmit={form.onSubmit(submit)} data-testid="finding-raise-form">
      <Title order={3} size="h4" mb="sm">
        {t('findings.raise.title')}
      </Title>
      {formError ? <ErrorAlert error={formError} /> : null}
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label={t('findings.fields.class')}
            data={FINDING_CLASSES.map((c) => ({ value: c, label: t(`findings.class.${c}`) }))}
            allowDeselect={false}
            {...form.getInputProps('class')}
            data-testid="finding-raise-class"
          />
          <TextInput
            {...ref}
            label={t('findings.fields.requirementRef')}
            description={t('findings.raise.refHint')}
            placeholder="A.6.2.4"
            value={(ref.value as string | null) ?? ''}
            onChange={(e) => form.setFieldValue('ref', e.currentTarget.value.trim() ? e.currentTarget.value : null)}
            required={form.getValues().class === 'major' || form.getValues().class === 'minor'}
            data-testid="finding-raise-ref"
          />
        </SimpleGrid>
        <Textarea label={t('findings.fields.statement')} autosize minRows={3} maxRows={12} {...form.getInputProps('statement')} data-testid="finding-raise-statement" />
        <Textarea label={t('findings.fields.evidence')} description={t('findings.raise.evidenceHint')} autosize minRows={3} maxRows={12} {...form.getInputProps('evidence')} data-testid="finding-raise-evidence" />
        <FindingScopeFields tenantId={tenantId} clientId={clientId} form={form} testIdPrefix="finding-raise" />
        <Group>
          <Button type="submit" loading={raise.isPending} data-testid="finding-raise-submit">
            {t('findings.raise.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
