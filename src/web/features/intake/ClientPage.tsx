import { Anchor, Button, Card, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { confirmAction, DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { notifyError } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { CLIENT_AI_ROLES, CLIENT_AI_TIERS, type TClientAiRole, type TClientAiTier } from '../../../shared/contracts/certification';
import type { TClientAiSystem, TClientSite } from '../../../shared/contracts/intake';
import { ClientProposals } from '../proposals/ClientProposals';
import { useTenantContext } from '../tenants/TenantRoute';
import { ClientProgrammeSection } from '../audits/ClientProgrammeSection';
import { ProgrammeFindingsSection } from '../findings/ProgrammeFindingsSection';
import { useAddAiSystem, useAddSite, useClient, useMakeCentral, useRemoveAiSystem, useRemoveSite } from './api';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/** A client's profile, its sites (the central function first) and the AI systems in scope. */
export function ClientPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { clientId = '' } = useParams();
  const { tenant, can } = useTenantContext();
  const client = useClient(tenant.id, clientId);
  const addSite = useAddSite(tenant.id, clientId);
  const makeCentral = useMakeCentral(tenant.id, clientId);
  const removeSite = useRemoveSite(tenant.id, clientId);
  const addSystem = useAddAiSystem(tenant.id, clientId);
  const removeSystem = useRemoveAiSystem(tenant.id, clientId);
  const [site, setSite] = useState({ name: '', address: '', personnel: 0 });
  const [system, setSystem] = useState<{ name: string; tier: TClientAiTier; role: TClientAiRole }>({ name: '', tier: 'unknown', role: 'user' });
  if (!can('client.read')) return <NoAccess />;
  if (client.isPending) return <Loading />;
  if (client.error) return <ErrorAlert error={client.error} />;
  const c = client.data;
  const editable = c.abilities['client.update'];
  const list = (xs: string[], ns: string) => (xs.length ? xs.map((x) => t(`intake.${ns}.${x}` as never)).join(', ') : t('common.none'));
  return (
    <Stack gap="xl">
      <PageHeader title={`${c.reference} — ${c.legalName}`} description={c.registeredAddress} />
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="lg">
          <Fact label={t('intake.client.fields.sector')}>{c.sector || t('common.none')}</Fact>
          <Fact label={t('intake.client.fields.sectorRisk')}>{t(`intake.sectorRisk.${c.sectorRisk}`)}</Fact>
          <Fact label={t('intake.client.effectivePersonnel')} testId="client-effective-personnel">
            {t('intake.client.effectiveDetail', { total: format.number(c.effectivePersonnel), full: format.number(c.employeesFullTime), fte: format.number(c.partTimeFte), part: format.number(c.employeesPartTime) })}
          </Fact>
          <Fact label={t('intake.client.fields.aimsMaturity')}>{t(`intake.maturity.${c.aimsMaturity}`)}</Fact>
          <Fact label={t('intake.client.fields.aiSystemsCount')} testId="client-ai-count">
            {format.number(c.aiSystemsCount)} ({t('intake.client.highRiskShort', { count: c.highRiskAiSystems, n: format.number(c.highRiskAiSystems) })})
          </Fact>
          <Fact label={t('intake.client.fields.aiRoles')}>{list(c.aiRoles, 'aiRoles')}</Fact>
          <Fact label={t('intake.client.fields.existingCertifications')}>{list(c.existingCertifications, 'certifications')}</Fact>
          <Fact label={t('intake.client.fields.contactName')}>{[c.contactName, c.contactEmail].filter(Boolean).join(' — ') || t('common.none')}</Fact>
          <Fact label={t('intake.client.fields.preferredLocale')}>{t(`language.name.${c.preferredLocale}`)}</Fact>
          {c.enquiryId && (
            <Fact label={t('intake.client.fields.enquiryId')}>
              <Anchor component={Link} to={`/t/${tenant.id}/enquiries/${c.enquiryId}`}>
                {t('intake.client.openEnquiry')}
              </Anchor>
            </Fact>
          )}
        </SimpleGrid>
      </Card>

      <ClientProposals clientId={c.id} />

      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">
          {t('intake.client.sites')}
        </Title>
        <ErrorAlert error={addSite.error ?? makeCentral.error ?? removeSite.error} />
        <DataTable<TClientSite>
          testId="client-sites"
          label={t('intake.client.sites')}
          rows={c.sites}
          rowKey={(r) => r.id}
          rowTestId={(r) => `client-site-${r.name}`}
          empty={t('common.none')}
          columns={[
            { key: 'name', header: t('intake.site.name'), cell: (r) => (r.isCentral ? `${r.name} (${t('intake.site.central')})` : r.name) },
            { key: 'address', header: t('intake.site.address'), cell: (r) => r.address, truncate: (r) => r.address },
            { key: 'personnel', header: t('intake.site.personnel'), cell: (r) => format.number(r.personnel), nowrap: true },
          ]}
          actions={[
            {
              key: 'central',
              allowed: (r) => editable && !r.isCentral,
              render: (r) => (
                <Button size="xs" variant="subtle" onClick={() => makeCentral.mutate(r.id, { onError: notifyError })} data-testid={`client-site-central-${r.name}`}>
                  {t('intake.site.makeCentral')}
                </Button>
              ),
            },
            confirmAction<TClientSite>({
              key: 'remove',
              allowed: (r) => editable && !r.isCentral,
              label: t('intake.site.remove'),
              title: t('intake.site.removeTitle'),
              ariaLabel: (r) => `${t('intake.site.remove')} ${r.name}`,
              message: (r) => t('intake.site.removeConfirm', { name: r.name }),
              testId: (r) => `client-site-remove-${r.name}`,
              onConfirm: (r) => removeSite.mutate(r.id, { onError: notifyError }),
            }),
          ]}
        />
        {editable && (
          <Group mt="md" align="flex-end">
            <TextInput label={t('intake.site.name')} value={site.name} onChange={(e) => setSite({ ...site, name: e.currentTarget.value })} maxLength={200} data-testid="client-site-new-name" />
            <TextInput label={t('intake.site.address')} value={site.address} onChange={(e) => setSite({ ...site, address: e.currentTarget.value })} maxLength={500} data-testid="client-site-new-address" />
            <NumberInput label={t('intake.site.personnel')} min={0} allowDecimal={false} value={site.personnel} onChange={(v) => setSite({ ...site, personnel: Number(v) || 0 })} w={120} />
            <Button
              variant="default"
              loading={addSite.isPending}
              disabled={!site.name.trim() || !site.address.trim()}
              onClick={() => addSite.mutate({ ...site, name: site.name.trim(), address: site.address.trim() }, { onSuccess: () => setSite({ name: '', address: '', personnel: 0 }) })}
              data-testid="client-site-add"
            >
              {t('intake.site.add')}
            </Button>
          </Group>
        )}
      </Card>

      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">
          {t('intake.client.aiSystems')}
        </Title>
        <ErrorAlert error={addSystem.error ?? removeSystem.error} />
        <DataTable<TClientAiSystem>
          testId="client-ai-systems"
          label={t('intake.client.aiSystems')}
          rows={c.aiSystems}
          rowKey={(r) => r.id}
          rowTestId={(r) => `client-ai-system-${r.name}`}
          empty={t('intake.client.noAiSystems')}
          columns={[
            { key: 'name', header: t('intake.aiSystem.name'), cell: (r) => r.name },
            { key: 'tier', header: t('intake.aiSystem.tier'), cell: (r) => t(`intake.tier.${r.tier}`), nowrap: true },
            { key: 'role', header: t('intake.aiSystem.role'), cell: (r) => t(`intake.aiRoles.${r.role}`), nowrap: true },
          ]}
          actions={[
            confirmAction<TClientAiSystem>({
              key: 'remove',
              allowed: () => editable,
              label: t('intake.site.remove'),
              title: t('intake.aiSystem.removeTitle'),
              ariaLabel: (r) => `${t('intake.site.remove')} ${r.name}`,
              message: (r) => t('intake.aiSystem.removeConfirm', { name: r.name }),
              testId: (r) => `client-ai-system-remove-${r.name}`,
              onConfirm: (r) => removeSystem.mutate(r.id, { onError: notifyError }),
            }),
          ]}
        />
        {editable && (
          <Group mt="md" align="flex-end">
            <TextInput label={t('intake.aiSystem.name')} value={system.name} onChange={(e) => setSystem({ ...system, name: e.currentTarget.value })} maxLength={200} data-testid="client-ai-new-name" />
            <NativeSelect label={t('intake.aiSystem.tier')} value={system.tier} onChange={(e) => setSystem({ ...system, tier: e.currentTarget.value as TClientAiTier })} data={CLIENT_AI_TIERS.map((v) => ({ value: v, label: t(`intake.tier.${v}`) }))} />
            <NativeSelect label={t('intake.aiSystem.role')} value={system.role} onChange={(e) => setSystem({ ...system, role: e.currentTarget.value as TClientAiRole })} data={CLIENT_AI_ROLES.map((v) => ({ value: v, label: t(`intake.aiRoles.${v}`) }))} />
            <Button
              variant="default"
              loading={addSystem.isPending}
              disabled={!system.name.trim()}
              onClick={() => addSystem.mutate({ ...system, name: system.name.trim() }, { onSuccess: () => setSystem({ name: '', tier: 'unknown', role: 'user' }) })}
              data-testid="client-ai-add"
            >
              {t('intake.aiSystem.add')}
            </Button>
          </Group>
        )}
      </Card>
      {can('certAudit.read') && <ClientProgrammeSection tenantId={tenant.id} clientId={clientId} />}
      {can('finding.read') && <ProgrammeFindingsSection tenantId={tenant.id} clientId={clientId} />}
    </Stack>
  );
}
