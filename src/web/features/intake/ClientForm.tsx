import { Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { AIMS_MATURITIES, CLIENT_AI_ROLES, EXISTING_CERTIFICATIONS, SECTOR_RISKS } from '../../../shared/contracts/certification';
import { ZCreateClientBody, type TCreateClientBody, type TEnquiry } from '../../../shared/contracts/intake';

type TSite = { name: string; address: string; isCentral: boolean; personnel: number; activities: string };
export type TClientFormValues = Omit<Required<TCreateClientBody>, 'sites' | 'aiSystems'> & { sites: TSite[]; aiSystems: NonNullable<TCreateClientBody['aiSystems']> };

/** A new client's values, from an enquiry when there is one: what the enquirer wrote, the rest to complete. */
export function clientInitial(e?: TEnquiry): TClientFormValues {
  return {
    legalName: e?.organizationName ?? '',
    registeredAddress: e?.registeredAddress ?? '',
    sector: e?.sector ?? '',
    sectorRisk: 'medium',
    employeesFullTime: e?.employeesFullTime ?? 0,
    employeesPartTime: e?.employeesPartTime ?? 0,
    partTimeFte: 0,
    aiSystemsCount: e?.aiSystemsCount ?? 0,
    highRiskAiSystems: e?.highRiskAiSystems ?? 0,
    aiRoles: e?.aiRoles ?? [],
    aimsMaturity: 'initial',
    existingCertifications: e?.existingCertifications ?? [],
    contactName: e?.contactName ?? '',
    contactEmail: e?.contactEmail ?? null,
    preferredLocale: e?.preferredLocale ?? 'fr',
    sites: [
      { name: '', address: e?.registeredAddress ?? '', isCentral: true, personnel: 0, activities: '' },
      ...(e?.sites ?? []).map((s) => ({ name: s.name, address: s.address, isCentral: false, personnel: s.personnel, activities: '' })),
    ],
    aiSystems: [],
  };
}

/**
 * A client's profile as audit time needs it, validated by the server's own schema. The first site
 * is the central function (head office), audited every time (IAF MD1).
 */
export function ClientForm({ initial, pending, error, submitLabel, onSubmit }: { initial: TClientFormValues; pending: boolean; error: unknown; submitLabel: string; onSubmit: (v: TClientFormValues) => void }) {
  const { t } = useTranslation();
  const form = useContractForm<TClientFormValues>(ZCreateClientBody, initial);
  const unplaced = useServerErrors(form, error);
  const f = (k: keyof TClientFormValues) => ({ label: t(`intake.client.fields.${k}` as never), ...form.getInputProps(k), 'data-testid': `client-form-${k}` });
  const num = (k: 'employeesFullTime' | 'employeesPartTime' | 'aiSystemsCount' | 'highRiskAiSystems') => ({ ...f(k), min: 0, allowDecimal: false, allowNegative: false });
  return (
    <form onSubmit={form.onSubmit((v) => onSubmit(v))} noValidate>
      <Stack gap="md">
        <ErrorAlert error={unplaced} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...f('legalName')} />
          <TextInput {...f('sector')} />
          <NativeSelect {...f('sectorRisk')} description={t('intake.client.sectorRiskHelp')} data={SECTOR_RISKS.map((v) => ({ value: v, label: t(`intake.sectorRisk.${v}`) }))} />
          <NativeSelect {...f('aimsMaturity')} data={AIMS_MATURITIES.map((v) => ({ value: v, label: t(`intake.maturity.${v}`) }))} />
        </SimpleGrid>
        <Textarea {...f('registeredAddress')} autosize minRows={2} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput {...num('employeesFullTime')} />
          <NumberInput {...num('employeesPartTime')} />
          <NumberInput {...f('partTimeFte')} min={0} decimalScale={2} description={t('intake.client.partTimeFteHelp')} />
          <NumberInput {...num('aiSystemsCount')} />
          <NumberInput {...num('highRiskAiSystems')} />
          <NativeSelect {...f('preferredLocale')} data={(['fr', 'en'] as const).map((l) => ({ value: l, label: t(`language.name.${l}`) }))} />
        </SimpleGrid>
        <Checkbox.Group {...f('aiRoles')}>
          <Group mt={4}>
            {CLIENT_AI_ROLES.map((r) => (
              <Checkbox key={r} value={r} label={t(`intake.aiRoles.${r}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group {...f('existingCertifications')}>
          <Group mt={4}>
            {EXISTING_CERTIFICATIONS.map((c) => (
              <Checkbox key={c} value={c} label={t(`intake.certifications.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...f('contactName')} />
          <TextInput {...f('contactEmail')} value={form.values.contactEmail ?? ''} onChange={(e) => form.setFieldValue('contactEmail', e.currentTarget.value.trim() || null)} />
        </SimpleGrid>
        <Title order={3} size="h5">
          {t('intake.client.sites')}
        </Title>
        {form.errors.sites && (
          <Text size="sm" c="red">
            {form.errors.sites}
          </Text>
        )}
        {form.values.sites.map((s, i) => (
          <SimpleGrid key={i} cols={{ base: 1, sm: 4 }} data-testid={`client-form-site-${i}`}>
            <TextInput label={s.isCentral ? t('intake.site.centralName') : t('intake.site.name')} {...form.getInputProps(`sites.${i}.name`)} maxLength={200} data-testid={`client-form-site-${i}-name`} />
            <TextInput label={t('intake.site.address')} {...form.getInputProps(`sites.${i}.address`)} maxLength={500} data-testid={`client-form-site-${i}-address`} />
            <NumberInput label={t('intake.site.personnel')} min={0} allowDecimal={false} {...form.getInputProps(`sites.${i}.personnel`)} />
            {!s.isCentral && (
              <Button variant="subtle" color="red" mt={24} onClick={() => form.removeListItem('sites', i)}>
                {t('intake.site.remove')}
              </Button>
            )}
          </SimpleGrid>
        ))}
        <Group justify="space-between">
          <Button variant="default" size="xs" onClick={() => form.insertListItem('sites', { name: '', address: '', isCentral: false, personnel: 0, activities: '' })}>
            {t('intake.site.add')}
          </Button>
          <Button type="submit" loading={pending} data-testid="client-form-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
