import { Alert, Anchor, Button, Card, Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import type { TLocale } from '../../../shared/contracts/common';
import { PROPOSAL_SLOTS, type TProposalSlot } from '../../../shared/contracts/proposals';
import type { TAuditTimeCalculation } from '../../../shared/contracts/audit-time';
import { useBodySettings, useClient, useClients } from '../intake/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useCreateProposal, useCreateSoc2Proposal, useLatestCalculation } from './api';
import { LinesEditor, toLineInput, type TEditLine } from './ProposalParts';
import { emptySoc2Scope, Soc2ScopeEditor, toScopeInput, type TSoc2ScopeForm } from './Soc2ProposalParts';

const daysFrom = (c: TAuditTimeCalculation | null, slot: TProposalSlot) => {
  if (!c) return 0;
  const r = c.result;
  return { stage1: r.stage1Days, stage2: r.stage2Days, surveillance1: r.surveillanceDays, surveillance2: r.surveillanceDays, recertification: r.recertificationDays }[slot];
};

/**
 * A new proposal for a client, starting from the client's latest stored audit-time calculation:
 * its days fill the lines and the proposal keeps the calculation (its trace goes on the PDF).
 */
export function ProposalNewPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { tenant, can } = useTenantContext();
  const clientId = params.get('clientId');
  const clients = useClients(tenant.id, {}, can('client.read') && can('proposal.create') && !clientId);
  if (!can('proposal.create')) return <NoAccess />;
  if (clientId) return <NewProposalForm key={clientId} clientId={clientId} />;
  const options = clients.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('proposals.new.title')} description={t('proposals.new.pickClient')} />
      <Card withBorder padding="lg" mt="xl" maw={640}>
        {clients.isPending ? (
          <Loading />
        ) : (
          <NativeSelect
            label={t('proposals.fields.client')}
            value=""
            onChange={(e) => e.currentTarget.value && setParams({ clientId: e.currentTarget.value })}
            data={[{ value: '', label: t('proposals.new.chooseClient') }, ...options.map((c) => ({ value: c.id, label: `${c.reference} — ${c.legalName}` }))]}
            data-testid="proposal-new-client"
          />
        )}
      </Card>
    </>
  );
}

function NewProposalForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { tenant } = useTenantContext();
  const client = useClient(tenant.id, clientId);
  const calc = useLatestCalculation(tenant.id, clientId);
  const settings = useBodySettings(tenant.id);
  const create = useCreateProposal(tenant.id);
  const createSoc2 = useCreateSoc2Proposal(tenant.id);
  const [scheme, setScheme] = useState<'iso42001' | 'soc2-type1' | 'soc2-type2'>('iso42001');
  const [scope, setScope] = useState<TSoc2ScopeForm>(emptySoc2Scope('type2'));
  const [lines, setLines] = useState<TEditLine[] | null>(null);
  const [validUntil, setValidUntil] = useState('');
  const [locale, setLocale] = useState<TLocale | ''>('');

  const ready = !calc.isPending && !settings.isPending;
  useEffect(() => {
    if (!ready || lines) return;
    const rate = (settings.data?.defaultDayRateCents ?? 150_000) / 100;
    setLines(PROPOSAL_SLOTS.map((slot) => ({ slot, days: daysFrom(calc.data ?? null, slot), dayRate: rate, travel: 0, expenses: 0 })));
  }, [ready, lines, calc.data, settings.data]);

  if (client.error) return <ErrorAlert error={client.error} />;
  if (client.isPending || !ready || !lines) return <Loading />;
  const c = client.data;
  const currency = settings.data?.currency ?? 'EUR';
  const calculation = calc.data ?? null;
  const cpaFirm = settings.data?.cpaFirm ?? false;
  const soc2 = scheme !== 'iso42001';
  const chooseScheme = (v: string) => {
    setScheme(v as typeof scheme);
    if (v !== 'iso42001') setScope({ ...scope, reportType: v === 'soc2-type1' ? 'type1' : 'type2' });
  };
  const onCreated = (p: { id: string; reference: string }) => {
    notifySuccess(t('proposals.new.created', { reference: p.reference }));
    void navigate(`/t/${tenant.id}/proposals/${p.id}`);
  };
  const submitSoc2 = () =>
    createSoc2.mutate({ clientId: c.id, scope: toScopeInput(scope), ...(validUntil ? { validUntil } : {}), ...(locale ? { locale } : {}) }, { onSuccess: onCreated });
  const submit = () =>
    create.mutate(
      {
        clientId: c.id,
        lines: lines.map(toLineInput),
        ...(calculation ? { calculationId: calculation.id } : {}),
        ...(validUntil ? { validUntil } : {}),
        ...(locale ? { locale } : {}),
      },
      { onSuccess: onCreated },
    );
  return (
    <Stack gap="xl">
      <PageHeader title={t('proposals.new.title')} description={t('proposals.new.for', { client: `${c.reference} — ${c.legalName}` })} />
      {cpaFirm && (
        <SegmentedControl
          value={scheme}
          onChange={chooseScheme}
          data={[
            { value: 'iso42001', label: t('proposals.soc2.schemes.iso42001') },
            { value: 'soc2-type1', label: t('proposals.soc2.schemes.soc2-type1') },
            { value: 'soc2-type2', label: t('proposals.soc2.schemes.soc2-type2') },
          ]}
          data-testid="proposal-scheme"
        />
      )}
      {soc2 ? (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="xs">
            {t('proposals.soc2.scopeHeading')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('proposals.soc2.newIntro')}
          </Text>
          <Soc2ScopeEditor value={scope} onChange={setScope} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="lg" maw={640}>
            <TextInput type="date" label={t('proposals.fields.validUntil')} description={t('proposals.new.validityHelp', { days: settings.data?.proposalValidityDays ?? 90 })} value={validUntil} onChange={(e) => setValidUntil(e.currentTarget.value)} data-testid="proposal-valid-until" />
            <NativeSelect
              label={t('proposals.fields.locale')}
              value={locale || c.preferredLocale}
              onChange={(e) => setLocale(e.currentTarget.value as TLocale)}
              data={(['en', 'fr'] as const).map((l) => ({ value: l, label: t(`language.name.${l}`) }))}
              data-testid="proposal-locale"
            />
          </SimpleGrid>
          <ErrorAlert error={createSoc2.error} />
          <Group mt="lg">
            <Button onClick={submitSoc2} loading={createSoc2.isPending} data-testid="proposal-create-soc2">
              {t('proposals.soc2.create')}
            </Button>
          </Group>
        </Card>
      ) : (
      <>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('proposals.new.auditTime')}
        </Title>
        {calculation ? (
          <Text size="sm" data-testid="proposal-new-calculation">
            {t('proposals.new.fromCalculation', {
              date: format.dateTime(calculation.createdAt),
              initial: format.number(calculation.result.initialDays),
              surveillance: format.number(calculation.result.surveillanceDays),
              recertification: format.number(calculation.result.recertificationDays),
            })}
          </Text>
        ) : (
          <Alert color="orange" variant="light" data-testid="proposal-new-no-calculation">
            {t('proposals.new.noCalculation')}{' '}
            <Anchor component={Link} to={`/t/${tenant.id}/audit-time?clientId=${c.id}`}>
              {t('proposals.new.openCalculator')}
            </Anchor>
          </Alert>
        )}
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">
          {t('proposals.page.lines')}
        </Title>
        <LinesEditor value={lines} onChange={setLines} currency={currency} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="lg" maw={640}>
          <TextInput type="date" label={t('proposals.fields.validUntil')} description={t('proposals.new.validityHelp', { days: settings.data?.proposalValidityDays ?? 90 })} value={validUntil} onChange={(e) => setValidUntil(e.currentTarget.value)} data-testid="proposal-valid-until" />
          <NativeSelect
            label={t('proposals.fields.locale')}
            value={locale || c.preferredLocale}
            onChange={(e) => setLocale(e.currentTarget.value as TLocale)}
            data={(['en', 'fr'] as const).map((l) => ({ value: l, label: t(`language.name.${l}`) }))}
            data-testid="proposal-locale"
          />
        </SimpleGrid>
        <ErrorAlert error={create.error} />
        <Group mt="lg">
          <Button onClick={submit} loading={create.isPending} data-testid="proposal-create">
            {t('proposals.new.create')}
          </Button>
        </Group>
      </Card>
      </>
      )}
    </Stack>
  );
}
