import { Checkbox, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { TBodySettingsBody } from '../../../shared/contracts/intake';
import { DEFAULT_SAMPLE_SIZE_TABLE, type TSoc2SamplingPolicy } from '../../../shared/contracts/soc2-sampling';
import { SOC2_CONTROL_FREQUENCIES, SOC2_CONTROL_RISKS } from '../../../shared/contracts/soc2';

/*
 * « Cabinet d’expertise comptable / SOC 2 »: the firm's licence, its policy delays, its fee
 * parameters and its sampling method. Fee parameters and sampling are the firm's own only when
 * it says so; otherwise Attest's defaults are shown (read-only) and saved as "defaults" (null).
 */

export type TSoc2Form = Required<TBodySettingsBody>;

type TProps = {
  form: UseFormReturnType<TSoc2Form>;
  editable: boolean;
  feeCustom: boolean;
  setFeeCustom: (v: boolean) => void;
  samplingCustom: boolean;
  setSamplingCustom: (v: boolean) => void;
};

const FEE_NUMBERS = [
  ['baseDays.type1', 0.5, 1000],
  ['baseDays.type2', 0.5, 1000],
  ['daysPerObservationMonth', 0, 20],
  ['categoryPct.availability', 0, 200],
  ['categoryPct.confidentiality', 0, 200],
  ['categoryPct.processing_integrity', 0, 200],
  ['categoryPct.privacy', 0, 200],
  ['complexityPct.low', -50, 300],
  ['complexityPct.moderate', -50, 300],
  ['complexityPct.high', -50, 300],
  ['maturityPct.initial', -50, 300],
  ['maturityPct.established', -50, 300],
  ['maturityPct.mature', -50, 300],
  ['priorType1ReductionPct', 0, 50],
  ['subserviceDays.carveOut', 0, 20],
  ['subserviceDays.inclusive', 0, 100],
  ['reportingDays', 0, 50],
  ['minimumDays', 0.5, 100],
] as const;

export function Soc2FirmSettings({ form, editable, feeCustom, setFeeCustom, samplingCustom, setSamplingCustom }: TProps) {
  const { t } = useTranslation();
  const k = (key: string) => t(`intake.settings.soc2.${key}` as never);
  const input = (path: string, testId: string, disabled = !editable) => ({ ...form.getInputProps(path), disabled, 'data-testid': testId });
  const sampling = form.values.soc2Sampling as TSoc2SamplingPolicy;
  const setMethod = (method: string) =>
    form.setFieldValue(
      'soc2Sampling',
      method === 'percentage' ? { method: 'percentage', version: 'firm-percentage-v1', percent: 10, min: 25, max: 60 } : { method: 'frequency-table', table: DEFAULT_SAMPLE_SIZE_TABLE },
    );
  return (
    <Stack gap="md" data-testid="settings-soc2">
      <Title order={4}>{k('heading')}</Title>
      <Text size="sm" c="dimmed">
        {k('intro')}
      </Text>
      <Checkbox label={k('cpaFirm')} description={k('cpaFirmHelp')} {...form.getInputProps('cpaFirm', { type: 'checkbox' })} disabled={!editable} data-testid="settings-cpaFirm" />
      {form.values.cpaFirm && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={k('cpaLicenceAuthority')} required {...input('cpaLicenceAuthority', 'settings-cpaLicenceAuthority')} />
          <TextInput label={k('cpaLicenceNumber')} required {...input('cpaLicenceNumber', 'settings-cpaLicenceNumber')} />
          <TextInput label={k('cpaLicenceJurisdiction')} required {...input('cpaLicenceJurisdiction', 'settings-cpaLicenceJurisdiction')} />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput label={k('contemporaneityDays')} description={k('contemporaneityHelp')} min={1} max={365} allowDecimal={false} {...input('soc2ContemporaneityDays', 'settings-soc2ContemporaneityDays')} />
        <NumberInput label={k('requestReminderDays')} description={k('requestReminderHelp')} min={0} max={60} allowDecimal={false} {...input('soc2RequestReminderDays', 'settings-soc2RequestReminderDays')} />
        <NumberInput label={k('readerAccessDays')} description={k('readerAccessHelp')} min={1} max={1095} allowDecimal={false} {...input('soc2ReaderAccessDays', 'settings-soc2ReaderAccessDays')} />
      </SimpleGrid>

      <Title order={5}>{k('feeHeading')}</Title>
      <Checkbox label={k('feeCustom')} description={feeCustom ? k('feeCustomHelp') : k('feeDefaultsHelp')} checked={feeCustom} onChange={(e) => setFeeCustom(e.currentTarget.checked)} disabled={!editable} data-testid="settings-soc2FeeCustom" />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput label={k('fee.version')} min={1} allowDecimal={false} {...input('soc2FeeParameters.version', 'settings-fee-version', !editable || !feeCustom)} />
        <NumberInput label={k('fee.dayRate')} min={1} allowDecimal={false} thousandSeparator=" " suffix=" €" {...input('soc2FeeParameters.dayRateCents', 'settings-fee-dayRate', !editable || !feeCustom)} />
        {FEE_NUMBERS.map(([path, min, max]) => (
          <NumberInput key={path} label={k(`fee.${path}`)} min={min} max={max} step={path.endsWith('Pct') || path.includes('Pct.') ? 1 : 0.5} decimalScale={1} {...input(`soc2FeeParameters.${path}`, `settings-fee-${path}`, !editable || !feeCustom)} />
        ))}
      </SimpleGrid>

      <Title order={5}>{k('samplingHeading')}</Title>
      <Checkbox label={k('samplingCustom')} description={samplingCustom ? k('samplingCustomHelp') : k('samplingDefaultsHelp')} checked={samplingCustom} onChange={(e) => setSamplingCustom(e.currentTarget.checked)} disabled={!editable} data-testid="settings-soc2SamplingCustom" />
      <Group>
        <SegmentedControl
          value={sampling.method}
          onChange={setMethod}
          disabled={!editable || !samplingCustom}
          data={[
            { value: 'frequency-table', label: k('sampling.table') },
            { value: 'percentage', label: k('sampling.percentage') },
          ]}
          data-testid="settings-sampling-method"
        />
      </Group>
      {sampling.method === 'frequency-table' ? (
        <Stack gap="xs">
          <TextInput label={k('sampling.version')} {...input('soc2Sampling.table.version', 'settings-sampling-version', !editable || !samplingCustom)} />
          <Table withTableBorder data-testid="settings-sampling-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{k('sampling.frequency')}</Table.Th>
                {SOC2_CONTROL_RISKS.map((r) => (
                  <Table.Th key={r}>{k(`sampling.risk.${r}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {SOC2_CONTROL_FREQUENCIES.map((f) => (
                <Table.Tr key={f}>
                  <Table.Td>{k(`sampling.frequencies.${f}`)}</Table.Td>
                  {SOC2_CONTROL_RISKS.map((r) => (
                    <Table.Td key={r}>
                      <NumberInput
                        aria-label={`${k(`sampling.frequencies.${f}`)} — ${k(`sampling.risk.${r}`)}`}
                        min={1}
                        max={10000}
                        allowDecimal={false}
                        {...input(`soc2Sampling.table.rows.${f}.${r}`, `settings-sampling-${f}-${r}`, !editable || !samplingCustom)}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput label={k('sampling.version')} {...input('soc2Sampling.version', 'settings-sampling-version', !editable || !samplingCustom)} />
          <NumberInput label={k('sampling.percent')} min={0.01} max={100} decimalScale={2} {...input('soc2Sampling.percent', 'settings-sampling-percent', !editable || !samplingCustom)} />
          <NumberInput label={k('sampling.min')} min={1} allowDecimal={false} {...input('soc2Sampling.min', 'settings-sampling-min', !editable || !samplingCustom)} />
          <NumberInput label={k('sampling.max')} min={1} allowDecimal={false} {...input('soc2Sampling.max', 'settings-sampling-max', !editable || !samplingCustom)} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
