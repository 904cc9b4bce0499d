import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import type { TCertificateDetail } from '../../../shared/contracts/certificates';
import { noon } from '../audits/StateBadge';
import { useTenantContext } from '../tenants/TenantRoute';
import { certificatesBase, useCertificate, type TCertificateSide } from './api';
import { CertificateStatusBadge } from './CertificateStatusBadge';

/**
 * One certificate as issued (ISO/IEC 17021-1 8.2 fields), its PDFs in English and French, the signed
 * credential, its public register page and its history. The body's decision maker sees the status
 * changes a decision can make now; the organization sees, while it is suspended, that it must stop
 * claiming certification.
 */
export function CertificatePage({ side }: { side: TCertificateSide }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const { certificateId = '' } = useParams();
  const cert = useCertificate(tenant.id, side, certificateId);
  const readable = side === 'body' ? can('certificate.read') : can('orgCertificate.read');
  if (!readable) return <NoAccess />;
  if (cert.isPending) return <Loading />;
  if (cert.error) return <ErrorAlert error={cert.error} />;
  const c = cert.data;
  const lang = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const day = (d: string | null) => format.date(noon(d));
  const base = certificatesBase(tenant.id, side);
  const fields: [string, string][] = [
    [t('certificates.web.holder'), `${c.holderName} — ${c.holderAddress}`],
    [t('certificates.web.standard'), c.standard],
    [t('certificates.web.revision'), String(c.revision)],
    [t('certificates.web.original'), day(c.originalIssueDate)],
    [t('certificates.web.decision'), day(c.decisionDate)],
    [t('certificates.web.effective'), day(c.effectiveDate)],
    [t('certificates.web.expiry'), day(c.expiryDate)],
    [t('certificates.web.soa'), c.soaVersion ? t('certificates.web.soaVersion', { version: c.soaVersion }) : '—'],
    [t('certificates.web.body'), `${c.bodyName} — ${c.bodyAddress}`],
  ];

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('certificates.web.pageTitle', { number: c.number })}
        description={c.holderName}
        actions={
          <Group gap="xs">
            <CertificateStatusBadge status={c.status} />
            <Button component="a" variant="default" size="xs" href={`${base}/${c.id}/pdf/en`} data-testid="certificate-pdf-en">{t('certificates.web.pdfEn')}</Button>
            <Button component="a" variant="default" size="xs" href={`${base}/${c.id}/pdf/fr`} data-testid="certificate-pdf-fr">{t('certificates.web.pdfFr')}</Button>
            <Button component="a" variant="default" size="xs" href={`${base}/${c.id}/credential`} download={`${c.number}.json`} data-testid="certificate-credential">{t('certificates.web.credential')}</Button>
            <Button component={Link} variant="light" size="xs" to={`/register/${encodeURIComponent(c.number)}`} data-testid="certificate-register">{t('certificates.web.register')}</Button>
          </Group>
        }
      />
      <StatusNotice c={c} side={side} day={day} lang={lang} />
      {side === 'body' && c.abilities['certificate.changeStatus'] && c.nextChanges.length > 0 && (
        <Card withBorder padding="md" data-testid="certificate-actions">
          <Group gap="xs">
            <Text size="sm" fw={600}>{t('certificates.web.decide')}</Text>
            {c.nextChanges.map((kind) => (
              <Button key={kind} size="xs" variant="default" component={Link} to={`/t/${tenant.id}/decisions/new?certificateId=${c.id}&kind=${kind}`} data-testid={`certificate-change-${kind}`}>
                {t(`certificates.web.change.${kind}`)}
              </Button>
            ))}
          </Group>
        </Card>
      )}
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {fields.map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="dimmed">{label}</Text>
              <Text size="sm">{value}</Text>
            </div>
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="md">{t('certificates.web.scope')}</Text>
        <Text size="sm" data-testid="certificate-scope">{c.scope[lang]}</Text>
      </Card>
      <Card withBorder padding="lg">
        <Title order={4} mb="sm">{t('certificates.web.sites')}</Title>
        <Table data-testid="certificate-sites">
          <Table.Tbody>
            {c.sites.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.central ? t('certificates.web.central', { name: s.name }) : s.name}</Table.Td>
                <Table.Td>{s.address}</Table.Td>
                <Table.Td>{s.scope[lang]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt="md">{t('certificates.web.aiSystems')}</Text>
        <Text size="sm">{c.aiSystems.length ? c.aiSystems.map((a) => a.name).join(' · ') : '—'}</Text>
      </Card>
      <Card withBorder padding="lg">
        <Title order={4} mb="sm">{t('certificates.web.history')}</Title>
        <Table data-testid="certificate-history">
          <Table.Tbody>
            {c.events.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap', width: '1%' }}>{day(e.effectiveOn)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap', width: '1%' }}>{t(`certificates.web.event.${e.kind}`)}</Table.Td>
                <Table.Td>
                  {e.reason[lang]}
                  {side === 'body' && e.decisionId && (
                    <Anchor component={Link} to={`/t/${tenant.id}/decisions/${e.decisionId}`} ml="xs" size="sm">{t('certificates.web.viewDecision')}</Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

function StatusNotice({ c, side, day, lang }: { c: TCertificateDetail; side: TCertificateSide; day: (d: string | null) => string; lang: 'en' | 'fr' }) {
  const { t } = useTranslation();
  const last = c.events.at(-1);
  const reason = last?.reason[lang] || c.statusReason;
  if (c.status === 'suspended') {
    return (
      <Alert color="orange" title={t('certificates.web.suspendedTitle', { until: day(c.suspendedUntil) })} data-testid="certificate-suspended">
        {side === 'organization' ? t('certificates.web.stopClaiming') : t('certificates.web.suspendedBody')} {reason}
      </Alert>
    );
  }
  if (c.status === 'withdrawn' || c.status === 'expired') {
    return <Alert color="gray" title={t(`certificates.web.status.${c.status}`)}>{reason}</Alert>;
  }
  return null;
}
