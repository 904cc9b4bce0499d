import { Alert, Anchor, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import type { TEnquiry } from '../../../shared/contracts/intake';
import { useTenantContext } from '../tenants/TenantRoute';
import { useConvertEnquiry, useDeclineEnquiry, useEnquiry } from './api';
import { ClientForm, clientInitial } from './ClientForm';
import { EnquiryStatusBadge } from './EnquiriesPage';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

function DeclineButton({ tenantId, enquiry }: { tenantId: string; enquiry: TEnquiry }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const decline = useDeclineEnquiry(tenantId, enquiry.id);
  return (
    <>
      <Button variant="default" color="red" onClick={open} data-testid="enquiry-decline">
        {t('intake.enquiries.decline')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('intake.enquiries.declineTitle', { organization: enquiry.organizationName })} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <ErrorAlert error={decline.error} />
          <Textarea label={t('intake.enquiries.declineReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={2000} autosize minRows={3} required data-testid="enquiry-decline-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={decline.isPending} disabled={!reason.trim()} onClick={() => decline.mutate(reason.trim(), { onSuccess: () => close() })} data-testid="enquiry-decline-confirm">
              {t('intake.enquiries.decline')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** One enquiry as the prospect sent it; the scheme manager converts it into a client or declines it. */
export function EnquiryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { enquiryId = '' } = useParams();
  const { tenant, can } = useTenantContext();
  const enquiry = useEnquiry(tenant.id, enquiryId);
  const convert = useConvertEnquiry(tenant.id, enquiryId);
  const [converting, setConverting] = useState(false);
  if (!can('enquiry.read')) return <NoAccess />;
  if (enquiry.isPending) return <Loading />;
  if (enquiry.error) return <ErrorAlert error={enquiry.error} />;
  const e = enquiry.data;
  const list = (xs: string[], ns: string) => (xs.length ? xs.map((x) => t(`intake.${ns}.${x}` as never)).join(', ') : t('common.none'));
  return (
    <Stack gap="xl">
      <PageHeader
        title={e.organizationName}
        description={t('intake.enquiries.receivedOn', { date: format.dateTime(e.receivedAt) })}
        actions={
          <Group gap="xs">
            <EnquiryStatusBadge status={e.status} />
            {e.abilities['enquiry.decline'] && <DeclineButton tenantId={tenant.id} enquiry={e} />}
            {e.abilities['enquiry.convert'] && !converting && (
              <Button onClick={() => setConverting(true)} data-testid="enquiry-convert">
                {t('intake.enquiries.convert')}
              </Button>
            )}
          </Group>
        }
      />
      {e.status === 'declined' && (
        <Alert color="gray" variant="light" title={t('intake.enquiries.declinedBy', { name: e.decidedBy?.name ?? t('common.none'), date: format.dateTime(e.decidedAt) })} data-testid="enquiry-declined">
          {e.declineReason}
        </Alert>
      )}
      {e.client && (
        <Alert color="teal" variant="light" data-testid="enquiry-converted">
          {t('intake.enquiries.convertedInto')}{' '}
          <Anchor component={Link} to={`/t/${tenant.id}/clients/${e.client.id}`}>
            {e.client.reference} — {e.client.legalName}
          </Anchor>
        </Alert>
      )}
      {converting ? (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="xs">
            {t('intake.enquiries.convertTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('intake.enquiries.convertIntro')}
          </Text>
          <ClientForm
            initial={clientInitial(e)}
            pending={convert.isPending}
            error={convert.error}
            submitLabel={t('intake.enquiries.convert')}
            onSubmit={(v) =>
              convert.mutate(v, {
                onSuccess: (c) => {
                  notifySuccess(t('intake.client.created', { reference: c.reference }));
                  void navigate(`/t/${tenant.id}/clients/${c.id}`);
                },
              })
            }
          />
        </Card>
      ) : (
        <Card withBorder padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            <Fact label={t('intake.quote.fields.registeredAddress')}>{e.registeredAddress}</Fact>
            <Fact label={t('intake.quote.fields.sector')}>{e.sector || t('common.none')}</Fact>
            <Fact label={t('intake.quote.fields.contactName')} testId="enquiry-contact">
              {e.contactName} — {e.contactEmail}
              {e.contactPhone ? ` — ${e.contactPhone}` : ''}
            </Fact>
            <Fact label={t('intake.quote.fields.employeesFullTime')}>{format.number(e.employeesFullTime)}</Fact>
            <Fact label={t('intake.quote.fields.employeesPartTime')}>{format.number(e.employeesPartTime)}</Fact>
            <Fact label={t('intake.quote.sections.sites')}>{e.sites.length ? e.sites.map((s) => `${s.name} — ${s.address} (${format.number(s.personnel)})`).join('\n') : t('common.none')}</Fact>
            <Fact label={t('intake.quote.fields.aiSystemsCount')}>{format.number(e.aiSystemsCount)}</Fact>
            <Fact label={t('intake.quote.fields.highRiskAiSystems')}>{format.number(e.highRiskAiSystems)}</Fact>
            <Fact label={t('intake.quote.fields.aiRoles')}>{list(e.aiRoles, 'aiRoles')}</Fact>
            <Fact label={t('intake.quote.fields.existingCertifications')}>{list(e.existingCertifications, 'certifications')}</Fact>
            <Fact label={t('intake.quote.fields.standards')} testId="enquiry-standards">
              {list(e.standards, 'standards')}
            </Fact>
            <Fact label={t('intake.quote.fields.preferredLocale')}>{t(`language.name.${e.preferredLocale}`)}</Fact>
            <Fact label={t('intake.quote.fields.preAudit')}>{e.preAudit ? t('audit.yes') : t('audit.no')}</Fact>
          </SimpleGrid>
          {e.aiSystemsDescription && (
            <Fact label={t('intake.quote.fields.aiSystemsDescription')}>{e.aiSystemsDescription}</Fact>
          )}
          {e.message && <Fact label={t('intake.quote.fields.message')}>{e.message}</Fact>}
        </Card>
      )}
    </Stack>
  );
}
