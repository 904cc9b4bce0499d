import { Alert, Anchor, Checkbox, NumberInput, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormPage } from '../../components/FormPage';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { notifySuccess } from '../../lib/errors';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { ZBodySettingsBody, type TBodySettings, type TBodySettingsBody } from '../../../shared/contracts/intake';
import { useTenantContext } from '../tenants/TenantRoute';
import { useBodySettings, useSaveBodySettings } from './api';
import { Soc2FirmSettings } from './Soc2FirmSettings';

type TForm = Required<TBodySettingsBody>;

function SettingsForm({ tenantId, settings, tenantName }: { tenantId: string; settings: TBodySettings; tenantName: string }) {
  const { t } = useTranslation();
  const save = useSaveBodySettings(tenantId);
  const editable = settings.abilities['bodySettings.update'];
  const form = useContractForm<TForm>(ZBodySettingsBody, {
    publicSlug: settings.publicSlug ?? '',
    legalName: settings.legalName || tenantName,
    address: settings.address,
    quotesOpen: settings.configured ? settings.quotesOpen : true,
    coolingOffMonths: settings.coolingOffMonths,
    rotationMaxCycles: settings.rotationMaxCycles,
    currency: settings.currency,
    // The form speaks in currency units; the API in cents.
    defaultDayRateCents: settings.defaultDayRateCents / 100,
    proposalValidityDays: settings.proposalValidityDays,
    majorResponseDays: settings.majorResponseDays,
    minorResponseDays: settings.minorResponseDays,
    minorClosureDays: settings.minorClosureDays,
    majorVerificationMonths: settings.majorVerificationMonths,
    suspensionMaxMonths: settings.suspensionMaxMonths,
    correctiveActionReviewDays: settings.correctiveActionReviewDays,
    decisionDays: settings.decisionDays,
    certificateNumberPattern: settings.certificateNumberPattern,
    accredited: settings.accredited,
    accreditationBody: settings.accreditationBody,
    accreditationNumber: settings.accreditationNumber,
    cpaFirm: settings.cpaFirm,
    cpaLicenceAuthority: settings.cpaLicenceAuthority,
    cpaLicenceNumber: settings.cpaLicenceNumber,
    cpaLicenceJurisdiction: settings.cpaLicenceJurisdiction,
    // Euros in the form, cents in the API, as for the day rate above.
    soc2FeeParameters: { ...settings.soc2FeeParameters, dayRateCents: settings.soc2FeeParameters.dayRateCents / 100 },
    soc2Sampling: settings.soc2Sampling,
    soc2ContemporaneityDays: settings.soc2ContemporaneityDays,
    soc2RequestReminderDays: settings.soc2RequestReminderDays,
    soc2ReaderAccessDays: settings.soc2ReaderAccessDays,
  });
  const [feeCustom, setFeeCustom] = useState(settings.soc2FeeParametersCustom);
  const [samplingCustom, setSamplingCustom] = useState(settings.soc2SamplingCustom);
  const unplaced = useServerErrors(form, save.error);
  const f = (k: keyof TForm) => ({ label: t(`intake.settings.labels.${k}` as never), ...form.getInputProps(k), disabled: !editable, 'data-testid': `settings-${k}` });
  const publicUrl = settings.publicSlug ? `${window.location.origin}/quote/${settings.publicSlug}` : null;
  return (
    <FormPage
      title={t('intake.settings.title')}
      description={t('intake.settings.intro')}
      onSubmit={form.onSubmit((v) =>
        save.mutate(
          {
            ...v,
            defaultDayRateCents: Math.round(v.defaultDayRateCents * 100),
            soc2FeeParameters: feeCustom && v.soc2FeeParameters ? { ...v.soc2FeeParameters, dayRateCents: Math.round(v.soc2FeeParameters.dayRateCents * 100) } : null,
            soc2Sampling: samplingCustom ? v.soc2Sampling : null,
          },
          { onSuccess: () => notifySuccess(t('intake.settings.saved')) },
        ),
      )}
      error={unplaced}
      submit={{ label: t('intake.settings.save'), loading: save.isPending, disabled: !editable, testId: 'settings-save' }}
    >
      {!settings.configured && (
        <Alert color="blue" variant="light" data-testid="settings-not-configured">
          {t('intake.settings.notConfigured')}
        </Alert>
      )}
      {publicUrl && settings.quotesOpen && (
        <Alert color="teal" variant="light" data-testid="settings-public-url">
          {t('intake.settings.publicPage')}{' '}
          <Anchor component={Link} to={`/quote/${settings.publicSlug}`} target="_blank">
            {publicUrl}
          </Anchor>
        </Alert>
      )}
      <Stack gap="md">
        <TextInput {...f('legalName')} />
        <Textarea {...f('address')} autosize minRows={2} />
        <TextInput {...f('publicSlug')} description={t('intake.settings.slugHelp')} />
        <Checkbox label={t('intake.settings.labels.quotesOpen')} {...form.getInputProps('quotesOpen', { type: 'checkbox' })} disabled={!editable} data-testid="settings-quotesOpen" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput {...f('coolingOffMonths')} min={0} max={120} allowDecimal={false} description={t('intake.settings.coolingOffHelp')} />
          <NumberInput {...f('rotationMaxCycles')} min={1} max={10} allowDecimal={false} description={t('intake.settings.rotationHelp')} />
          <TextInput {...f('currency')} maxLength={3} />
          <NumberInput {...f('defaultDayRateCents')} min={0} allowDecimal={false} thousandSeparator=" " />
          <NumberInput {...f('proposalValidityDays')} min={1} max={365} allowDecimal={false} />
        </SimpleGrid>
        <Title order={4}>{t('intake.settings.findingsHeading')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput {...f('majorResponseDays')} min={1} max={365} allowDecimal={false} />
          <NumberInput {...f('minorResponseDays')} min={1} max={365} allowDecimal={false} />
          <NumberInput {...f('minorClosureDays')} min={1} max={365} allowDecimal={false} />
          <NumberInput {...f('majorVerificationMonths')} min={1} max={12} allowDecimal={false} description={t('intake.settings.majorVerificationHelp')} />
          <NumberInput {...f('suspensionMaxMonths')} min={1} max={12} allowDecimal={false} />
          <NumberInput {...f('correctiveActionReviewDays')} min={1} max={90} allowDecimal={false} description={t('intake.settings.businessDaysHelp')} />
          <NumberInput {...f('decisionDays')} min={1} max={90} allowDecimal={false} description={t('intake.settings.businessDaysHelp')} />
        </SimpleGrid>
        <Title order={4}>{t('intake.settings.certificatesHeading')}</Title>
        <TextInput {...f('certificateNumberPattern')} description={t('intake.settings.patternHelp')} ff="monospace" />
        <Checkbox
          label={t('intake.settings.labels.accredited')}
          description={t('intake.settings.accreditationHelp')}
          {...form.getInputProps('accredited', { type: 'checkbox' })}
          disabled={!editable}
          data-testid="settings-accredited"
        />
        {form.values.accredited && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput {...f('accreditationBody')} required />
            <TextInput {...f('accreditationNumber')} required />
          </SimpleGrid>
        )}
        <Soc2FirmSettings form={form} editable={editable} feeCustom={feeCustom} setFeeCustom={setFeeCustom} samplingCustom={samplingCustom} setSamplingCustom={setSamplingCustom} />
      </Stack>
    </FormPage>
  );
}

/** The certification body's settings: its public quote page, impartiality limits and commercial defaults. */
export function BodySettingsPage() {
  const { tenant, can } = useTenantContext();
  const settings = useBodySettings(tenant.id);
  if (!can('bodySettings.read')) return <NoAccess />;
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ErrorAlert error={settings.error} />;
  return <SettingsForm tenantId={tenant.id} settings={settings.data} tenantName={tenant.name} />;
}
