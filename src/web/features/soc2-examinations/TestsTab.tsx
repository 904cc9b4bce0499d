import { Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmAction, DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { SOC2_CONTROL_FREQUENCIES, SOC2_CONTROL_RISKS, SOC2_TEST_METHODS, type TSoc2ControlFrequency, type TSoc2ControlRisk, type TSoc2TestMethod } from '../../../shared/contracts/soc2';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import { ZSoc2TestBody, type TSoc2Test } from '../../../shared/contracts/soc2-program';
import { useTenantContext } from '../tenants/TenantRoute';
import { useCreateSoc2Test, useDeleteSoc2Test, useSoc2Matrix, useSoc2Tests, useUpdateSoc2Test } from './api';

/** Test procedures can be added or refined until fieldwork ends (the server's TEST_STATES). */
const CHANGEABLE = ['scoping', 'planning', 'fieldwork'];

/** The test procedures per control: methods, the procedure, the evidence requested, frequency and risk (they set the sample size). */
export function TestsTab({ examination: x }: { examination: TSoc2Examination }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const tests = useSoc2Tests(tenant.id, x.id);
  const remove = useDeleteSoc2Test(tenant.id, x.id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<TSoc2Test | null>(null);
  if (tests.isPending) return <Loading />;
  if (tests.error) return <ErrorAlert error={tests.error} />;
  const canWrite = tests.data.abilities['soc2Program.write'] && CHANGEABLE.includes(x.state);
  const methods = (s: TSoc2Test) => s.methods.map((m) => t(`soc2Testing.method.${m}`)).join(', ');
  return (
    <Stack gap="lg">
      {editing && <TestForm key={editing.id} examination={x} test={editing} onDone={() => setEditing(null)} />}
      {canWrite && !editing && (adding ? <TestForm examination={x} onDone={() => setAdding(false)} /> : (
        <Group justify="flex-end">
          <Button onClick={() => setAdding(true)} data-testid="soc2-test-add">
            {t('soc2Testing.tests.add')}
          </Button>
        </Group>
      ))}
      <ErrorAlert error={remove.error} />
      <Card withBorder padding="lg">
        <DataTable<TSoc2Test>
          testId="soc2-tests-table"
          label={t('soc2Engagements.firm.tabs.tests')}
          rows={tests.data.items}
          rowKey={(s) => s.id}
          rowTestId={(s) => `soc2-test-row-${s.reference}`}
          empty={t('soc2Testing.tests.empty')}
          minWidth={960}
          columns={[
            { key: 'reference', header: t('soc2Testing.tests.reference'), cell: (s) => s.reference, sortValue: (s) => s.reference, nowrap: true },
            { key: 'control', header: t('soc2Testing.tests.control'), cell: (s) => `${s.controlRef} · ${s.controlTitle}`, sortValue: (s) => s.controlRef, truncate: (s) => `${s.controlRef} · ${s.controlTitle}` },
            { key: 'methods', header: t('soc2Testing.tests.methods'), cell: methods },
            { key: 'procedure', header: t('soc2Testing.tests.procedure'), cell: (s) => s.procedure, truncate: (s) => s.procedure },
            { key: 'evidence', header: t('soc2Testing.tests.evidenceRequested'), cell: (s) => s.evidenceRequested || t('common.none'), truncate: (s) => s.evidenceRequested },
            { key: 'frequency', header: t('soc2Testing.tests.frequency'), cell: (s) => t(`soc2Testing.frequency.${s.frequency}`), sortValue: (s) => SOC2_CONTROL_FREQUENCIES.indexOf(s.frequency), nowrap: true },
            {
              key: 'risk',
              header: t('soc2Testing.tests.risk'),
              cell: (s) => `${t(`soc2Testing.risk.${s.risk}`)}${s.priorFailure ? ` · ${t('soc2Testing.tests.priorFailureShort')}` : ''}`,
              sortValue: (s) => SOC2_CONTROL_RISKS.indexOf(s.risk),
              nowrap: true,
            },
            { key: 'conclusion', header: t('soc2Testing.tests.conclusion'), cell: (s) => t(`soc2Testing.conclusion.${s.conclusion}`), nowrap: true },
          ]}
          actions={[
            {
              key: 'edit',
              allowed: () => canWrite,
              render: (s) => (
                <Button size="xs" variant="subtle" onClick={() => { setAdding(false); setEditing(s); }} data-testid={`soc2-test-edit-${s.reference}`}>
                  {t('soc2Testing.tests.edit')}
                </Button>
              ),
            },
            confirmAction<TSoc2Test>({
              key: 'delete',
              allowed: () => canWrite,
              label: t('soc2Testing.tests.delete'),
              title: t('soc2Testing.tests.deleteTitle'),
              ariaLabel: (s) => t('soc2Testing.tests.deleteAria', { reference: s.reference }),
              message: (s) => t('soc2Testing.tests.deleteMessage', { reference: s.reference }),
              testId: (s) => `soc2-test-delete-${s.reference}`,
              onConfirm: (s) => remove.mutate(s.id),
            }),
          ]}
        />
      </Card>
    </Stack>
  );
}

type TTestValues = {
  controlId: string;
  methods: TSoc2TestMethod[];
  procedure: string;
  evidenceRequested: string;
  frequency: TSoc2ControlFrequency;
  risk: TSoc2ControlRisk;
  priorFailure: boolean;
};

function TestForm({ examination: x, test, onDone }: { examination: TSoc2Examination; test?: TSoc2Test; onDone: () => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const matrix = useSoc2Matrix(tenant.id, x.id);
  const create = useCreateSoc2Test(tenant.id, x.id);
  const update = useUpdateSoc2Test(tenant.id, x.id);
  const save = test ? update : create;
  const form = useContractForm<TTestValues>(
    ZSoc2TestBody,
    test
      ? { controlId: test.controlId, methods: test.methods, procedure: test.procedure, evidenceRequested: test.evidenceRequested, frequency: test.frequency, risk: test.risk, priorFailure: test.priorFailure }
      : { controlId: '', methods: ['inquiry', 'inspection'], procedure: '', evidenceRequested: '', frequency: 'quarterly', risk: 'moderate', priorFailure: false },
  );
  const unplaced = useServerErrors(form, save.error);
  // A test is for a control the matrix links (accepted), once per control in the list.
  const controls = new Map<string, string>();
  for (const r of matrix.data?.rows ?? []) for (const c of r.controls) if (!c.suggested) controls.set(c.controlId, `${c.controlRef} · ${c.controlTitle}`);
  if (test) controls.set(test.controlId, `${test.controlRef} · ${test.controlTitle}`);
  // The control of a test does not change: only what the procedure says, how often the control runs and its risk.
  const submit = (v: TTestValues) => {
    if (!test) return create.mutate(v, { onSuccess: onDone });
    return update.mutate(
      { testId: test.id, methods: v.methods, procedure: v.procedure, evidenceRequested: v.evidenceRequested, frequency: v.frequency, risk: v.risk, priorFailure: v.priorFailure },
      { onSuccess: onDone },
    );
  };
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="md">
        {test ? t('soc2Testing.tests.editTitle', { reference: test.reference }) : t('soc2Testing.tests.addTitle')}
      </Title>
      <form onSubmit={form.onSubmit(submit)}>
        <Stack gap="md">
          <ErrorAlert error={unplaced} />
          <NativeSelect
            label={t('soc2Testing.tests.control')}
            {...form.getInputProps('controlId')}
            disabled={!!test}
            data={[{ value: '', label: controls.size ? t('soc2Testing.tests.pickControl') : t('soc2Testing.tests.noLinkedControl') }, ...[...controls].map(([value, label]) => ({ value, label }))]}
            data-testid="soc2-test-control"
          />
          <Checkbox.Group label={t('soc2Testing.tests.methods')} value={form.values.methods} onChange={(v) => form.setFieldValue('methods', v as TSoc2TestMethod[])} error={form.errors.methods}>
            <Group mt={4}>
              {SOC2_TEST_METHODS.map((m) => (
                <Checkbox key={m} value={m} label={t(`soc2Testing.method.${m}`)} data-testid={`soc2-test-method-${m}`} />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea label={t('soc2Testing.tests.procedure')} autosize minRows={3} {...form.getInputProps('procedure')} data-testid="soc2-test-procedure" />
          <Textarea label={t('soc2Testing.tests.evidenceRequested')} description={t('soc2Testing.tests.evidenceHelp')} autosize minRows={2} {...form.getInputProps('evidenceRequested')} data-testid="soc2-test-evidence" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('soc2Testing.tests.frequency')} {...form.getInputProps('frequency')} data={SOC2_CONTROL_FREQUENCIES.map((f) => ({ value: f, label: t(`soc2Testing.frequency.${f}`) }))} data-testid="soc2-test-frequency" />
            <NativeSelect label={t('soc2Testing.tests.risk')} {...form.getInputProps('risk')} data={SOC2_CONTROL_RISKS.map((r) => ({ value: r, label: t(`soc2Testing.risk.${r}`) }))} data-testid="soc2-test-risk" />
          </SimpleGrid>
          <Checkbox label={t('soc2Testing.tests.priorFailure')} {...form.getInputProps('priorFailure', { type: 'checkbox' })} data-testid="soc2-test-prior-failure" />
          <Text size="xs" c="dimmed">
            {t('soc2Testing.tests.sampleHint')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="soc2-test-submit">
              {test ? t('soc2Testing.tests.save') : t('soc2Testing.tests.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
