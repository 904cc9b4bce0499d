import { Alert, Box, Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PublicShell } from '../../layout/PublicShell';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { CLIENT_AI_ROLES, EXISTING_CERTIFICATIONS } from '../../../shared/contracts/certification';
import { QUOTE_STANDARDS, ZQuoteRequestBody, type TQuoteRequestBody } from '../../../shared/contracts/intake';
import { usePublicBody, useSendQuoteRequest } from './api';

type TSite = { name: string; address: string; personnel: number };
type TForm = Omit<Required<TQuoteRequestBody>, 'sites'> & { sites: TSite[] };

/**
 * The public quote request of one certification body (`/quote/{slug}`): no account, outside the
 * app's shell, in the visitor's language. The `website` field is hidden from people: a bot that
 * fills it is answered as usual and its request goes nowhere.
 */
export function QuotePage() {
  const { t, i18n } = useTranslation();
  const { bodySlug = '' } = useParams();
  const body = usePublicBody(bodySlug);
  const send = useSendQuoteRequest(bodySlug);
  const form = useContractForm<TForm>(ZQuoteRequestBody, {
    organizationName: '',
    registeredAddress: '',
    sector: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    sites: [],
    employeesFullTime: 0,
    employeesPartTime: 0,
    aiSystemsCount: 0,
    highRiskAiSystems: 0,
    aiSystemsDescription: '',
    aiRoles: [],
    existingCertifications: [],
    standards: ['iso42001'],
    preferredLocale: i18n.resolvedLanguage === 'fr' ? 'fr' : 'en',
    preAudit: false,
    message: '',
    website: '',
  });
  const unplaced = useServerErrors(form, send.error);
  const f = (k: keyof TForm) => ({ label: t(`intake.quote.fields.${k}` as never), ...form.getInputProps(k), 'data-testid': `quote-${k}` });
  const num = (k: 'employeesFullTime' | 'employeesPartTime' | 'aiSystemsCount' | 'highRiskAiSystems') => ({ ...f(k), min: 0, allowDecimal: false, allowNegative: false });

  return (
    <PublicShell width={760}>
      {body.isPending ? (
        <Loading />
      ) : body.error ? (
        <Alert color="orange" variant="light" title={t('intake.quote.unknownTitle')} data-testid="quote-unknown">
          {t('intake.quote.unknown')}
        </Alert>
      ) : !body.data.quotesOpen ? (
        <Alert color="orange" variant="light" title={body.data.legalName} data-testid="quote-closed">
          {t('intake.quote.closed')}
        </Alert>
      ) : send.isSuccess ? (
        <Alert color="teal" variant="light" title={t('intake.quote.sentTitle')} data-testid="quote-sent">
          {t('intake.quote.sent', { body: body.data.legalName })}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((v) => send.mutate(v))} noValidate>
          <Stack gap="md">
            <Stack gap={4}>
              <Title order={1} size="h3">
                {t('intake.quote.title', { body: body.data.legalName })}
              </Title>
              <Text size="sm" c="dimmed">
                {t('intake.quote.intro')}
              </Text>
            </Stack>
            <ErrorAlert error={unplaced} />
            <Title order={2} size="h5">
              {t('intake.quote.sections.organization')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput {...f('organizationName')} />
              <TextInput {...f('sector')} />
            </SimpleGrid>
            <Textarea {...f('registeredAddress')} autosize minRows={2} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput {...f('contactName')} />
              <TextInput {...f('contactEmail')} />
              <TextInput {...f('contactPhone')} />
            </SimpleGrid>
            <Title order={2} size="h5">
              {t('intake.quote.sections.sites')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('intake.quote.sitesHelp')}
            </Text>
            {form.values.sites.map((_, i) => (
              <SimpleGrid key={i} cols={{ base: 1, sm: 4 }} data-testid={`quote-site-${i}`}>
                <TextInput label={t('intake.site.name')} {...form.getInputProps(`sites.${i}.name`)} maxLength={200} />
                <TextInput label={t('intake.site.address')} {...form.getInputProps(`sites.${i}.address`)} maxLength={500} />
                <NumberInput label={t('intake.site.personnel')} min={0} allowDecimal={false} {...form.getInputProps(`sites.${i}.personnel`)} />
                <Button variant="subtle" color="red" mt={24} onClick={() => form.removeListItem('sites', i)}>
                  {t('intake.site.remove')}
                </Button>
              </SimpleGrid>
            ))}
            <Group>
              <Button variant="default" size="xs" onClick={() => form.insertListItem('sites', { name: '', address: '', personnel: 0 })} disabled={form.values.sites.length >= 50} data-testid="quote-add-site">
                {t('intake.site.add')}
              </Button>
            </Group>
            <Title order={2} size="h5">
              {t('intake.quote.sections.people')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput {...num('employeesFullTime')} />
              <NumberInput {...num('employeesPartTime')} />
              <NumberInput {...num('aiSystemsCount')} />
              <NumberInput {...num('highRiskAiSystems')} />
            </SimpleGrid>
            <Textarea {...f('aiSystemsDescription')} description={t('intake.quote.aiSystemsHelp')} autosize minRows={2} />
            <Checkbox.Group {...f('aiRoles')}>
              <Group mt={4}>
                {CLIENT_AI_ROLES.map((r) => (
                  <Checkbox key={r} value={r} label={t(`intake.aiRoles.${r}`)} data-testid={`quote-aiRole-${r}`} />
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
            <Title order={2} size="h5">
              {t('intake.quote.sections.request')}
            </Title>
            <Checkbox.Group {...f('standards')}>
              <Group mt={4}>
                {QUOTE_STANDARDS.map((s) => (
                  <Checkbox key={s} value={s} label={t(`intake.standards.${s}`)} data-testid={`quote-standard-${s}`} />
                ))}
              </Group>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect {...f('preferredLocale')} data={(['fr', 'en'] as const).map((l) => ({ value: l, label: t(`language.name.${l}`) }))} />
              <Checkbox mt={28} label={t('intake.quote.fields.preAudit')} {...form.getInputProps('preAudit', { type: 'checkbox' })} data-testid="quote-preAudit" />
            </SimpleGrid>
            <Textarea {...f('message')} autosize minRows={3} />
            {/* People never see this field; bots fill every field they find. */}
            <Box style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }} aria-hidden>
              <TextInput label="Website" tabIndex={-1} autoComplete="off" {...form.getInputProps('website')} />
            </Box>
            <Group justify="flex-end">
              <Button type="submit" loading={send.isPending} data-testid="quote-submit">
                {t('intake.quote.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </PublicShell>
  );
}
