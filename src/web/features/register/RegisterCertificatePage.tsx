import { Alert, Anchor, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { PublicShell } from '../../layout/PublicShell';
import type { TRegisterCertificate, TRegisterVerification } from '../../../shared/contracts/register';
import { credentialUrl, useRegisterCertificate, useRegisterVerification } from './api';
import { formatDay } from './day';
import { RegisterStatusBadge } from './StatusBadge';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/**
 * One certificate of the public register (`/register/{number}`): what it states, its current
 * status, its history, and the check of its signature — computed by the server from the stored
 * credential with the installation's published key (the same check `attest verify` runs offline).
 */
export function RegisterCertificatePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const { number = '' } = useParams();
  const cert = useRegisterCertificate(number);

  return (
    <PublicShell width={960}>
      <Stack gap="md">
        <Anchor component={Link} to="/register" size="sm">
          {t('register.certificate.back')}
        </Anchor>
        {cert.isPending ? (
          <Loading />
        ) : cert.error ? (
          <Alert color="orange" variant="light" title={t('register.certificate.unknownTitle')} data-testid="register-unknown">
            {t('register.certificate.unknown', { number })}
          </Alert>
        ) : (
          <Certificate c={cert.data} locale={locale} />
        )}
      </Stack>
    </PublicShell>
  );
}

function Certificate({ c, locale }: { c: TRegisterCertificate; locale: 'en' | 'fr' }) {
  const { t } = useTranslation();
  const day = (d: string | null) => formatDay(locale, d);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('register.certificate.kicker', { standard: c.standard })}
          </Text>
          <Title order={1} size="h3" data-testid="register-number">
            {c.number}
          </Title>
          <Text fw={600} data-testid="register-holder">
            {c.holder.name}
          </Text>
        </Stack>
        <RegisterStatusBadge status={c.status} size="lg" />
      </Group>
      {c.status !== 'valid' ? (
        <Alert color={c.status === 'suspended' ? 'orange' : c.status === 'withdrawn' ? 'red' : 'gray'} variant="light" data-testid="register-status-note">
          {t(`register.certificate.statusNote.${c.status}`, { date: day(c.suspendedUntil) })}
        </Alert>
      ) : null}
      <Verification number={c.number} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Field label={t('register.fields.holderAddress')}>{c.holder.address}</Field>
        <Field label={t('register.fields.standard')}>{c.standard}</Field>
        <Field label={t('register.fields.revision')}>{c.revision}</Field>
        <Field label={t('register.fields.originalIssueDate')}>{day(c.originalIssueDate)}</Field>
        <Field label={t('register.fields.effectiveDate')} testId="register-effective">
          {day(c.effectiveDate)}
        </Field>
        <Field label={t('register.fields.expiryDate')} testId="register-expiry">
          {day(c.expiryDate)}
        </Field>
        <Field label={t('register.fields.body')}>
          {c.body.name}
          <br />
          {c.body.address}
        </Field>
        <Field label={t('register.fields.accreditation')} testId="register-accreditation">
          {c.body.accreditation ? t('register.accreditationValue', c.body.accreditation) : t('register.notAccredited')}
        </Field>
        {c.soaVersion ? <Field label={t('register.fields.soaVersion')}>{c.soaVersion}</Field> : null}
      </SimpleGrid>
      <Field label={t('register.fields.scope')} testId="register-scope">
        {c.scope[locale]}
      </Field>
      <Stack gap={4}>
        <Title order={2} size="h5">
          {t('register.certificate.sites')}
        </Title>
        <List size="sm" spacing={4} data-testid="register-sites">
          {c.sites.map((s, i) => (
            <List.Item key={i}>
              <Text size="sm" fw={500} span>
                {s.name}
              </Text>
              {s.address ? ` — ${s.address}` : ''}
              {s.scope ? (
                <Text size="xs" c="dimmed">
                  {s.scope[locale]}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      </Stack>
      {c.aiSystems.length > 0 ? (
        <Stack gap={4}>
          <Title order={2} size="h5">
            {t('register.certificate.aiSystems')}
          </Title>
          <List size="sm" spacing={2}>
            {c.aiSystems.map((a, i) => (
              <List.Item key={i}>{a.name}</List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      <Stack gap={4}>
        <Title order={2} size="h5">
          {t('register.certificate.history')}
        </Title>
        <Table verticalSpacing={4} data-testid="register-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('register.history.date')}</Table.Th>
              <Table.Th>{t('register.history.event')}</Table.Th>
              <Table.Th>{t('register.fields.revision')}</Table.Th>
              <Table.Th>{t('register.history.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.history.map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td>{day(e.effectiveOn)}</Table.Td>
                <Table.Td>{t(`register.events.${e.kind}`)}</Table.Td>
                <Table.Td>{e.revision}</Table.Td>
                <Table.Td>{e.reason[locale]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {c.revisions.length > 1 ? (
        <Stack gap={4}>
          <Title order={2} size="h5">
            {t('register.certificate.revisions')}
          </Title>
          <Table verticalSpacing={4} data-testid="register-revisions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('register.fields.revision')}</Table.Th>
                <Table.Th>{t('register.fields.status')}</Table.Th>
                <Table.Th>{t('register.fields.effectiveDate')}</Table.Th>
                <Table.Th>{t('register.fields.expiryDate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.revisions.map((r) => (
                <Table.Tr key={r.revision}>
                  <Table.Td>{r.revision}</Table.Td>
                  <Table.Td>{t(`register.status.${r.status}`)}</Table.Td>
                  <Table.Td>{day(r.effectiveDate)}</Table.Td>
                  <Table.Td>{day(r.expiryDate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Stack>
  );
}

function Verification({ number }: { number: string }) {
  const { t } = useTranslation();
  const v = useRegisterVerification(number);
  if (v.isPending) return <Loading />;
  if (v.error) return null;
  const r: TRegisterVerification = v.data;
  const verified = r.signature === 'valid' && r.matchesRegister;
  return (
    <Alert
      color={verified ? 'teal' : 'red'}
      variant="light"
      title={verified ? t('register.verify.verified') : t('register.verify.failed')}
      data-testid="register-verification"
      data-verified={verified}
    >
      <Stack gap={4}>
        <Text size="sm">
          {verified
            ? t('register.verify.verifiedText')
            : r.signature === 'valid'
              ? t('register.verify.mismatchText')
              : t('register.verify.invalidText', { reason: t(`register.verify.reasons.${r.reason ?? 'bad_signature'}`, { defaultValue: r.reason ?? '' }) })}
        </Text>
        {verified && r.status !== 'valid' ? <Text size="sm">{t('register.verify.statusNow', { status: t(`register.status.${r.status}`) })}</Text> : null}
        <Anchor href={credentialUrl(number)} download={`${number}.credential.json`} size="sm" data-testid="register-credential">
          {t('register.verify.download')}
        </Anchor>
      </Stack>
    </Alert>
  );
}
