import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { ZUpdateSoc2ScopeBody, type TSoc2Examination, type TUpdateSoc2ScopeBody } from '../../../shared/contracts/soc2-examinations';
import { useTenantContext } from '../tenants/TenantRoute';
import { useConfirmSoc2Scope, useUpdateSoc2Scope } from './api';
import { Fact, usePeriodLabel } from './ExaminationBits';
import { ScopeFields, type TScopeValues } from './ScopeFields';

const valuesOf = (x: TSoc2Examination): TScopeValues => ({
  asOfDate: x.asOfDate,
  periodStart: x.periodStart,
  periodEnd: x.periodEnd,
  categories: x.categories,
  services: x.services,
  systems: x.systems,
  locations: x.locations,
  people: x.people,
  partnerUserId: x.partner?.id ?? null,
});

/** The scope: editable by those the server allows while scoping, confirmed into planning; read-only after. */
export function ScopeTab({ examination: x }: { examination: TSoc2Examination }) {
  const editable = x.state === 'scoping' && x.abilities['soc2Examination.scope'];
  return editable ? <ScopeForm key={x.updatedAt} examination={x} /> : <ScopeView examination={x} />;
}

function ScopeView({ examination: x }: { examination: TSoc2Examination }) {
  const { t } = useTranslation();
  const period = usePeriodLabel();
  return (
    <Card withBorder padding="lg" data-testid="soc2-scope-view">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Fact label={t('soc2Engagements.firm.fields.period')} value={period(x)} testId="soc2-scope-period" />
        <Fact label={t('soc2Engagements.firm.fields.categories')} value={x.categories.map((c) => t(`soc2Engagements.category.${c}`)).join(', ')} testId="soc2-scope-categories-view" />
        <Fact label={t('soc2Engagements.firm.fields.services')} value={x.services || t('common.none')} testId="soc2-scope-services-view" />
        <Fact label={t('soc2Engagements.firm.fields.systems')} value={x.systems || t('common.none')} />
        <Fact label={t('soc2Engagements.firm.fields.locations')} value={x.locations || t('common.none')} />
        <Fact label={t('soc2Engagements.firm.fields.people')} value={x.people || t('common.none')} />
        <Fact label={t('soc2Engagements.firm.fields.partner')} value={x.partner?.name ?? t('common.none')} />
        <Fact label={t('soc2Engagements.firm.fields.organization')} value={`${x.organizationName} (${x.clientName})`} />
      </SimpleGrid>
    </Card>
  );
}

function ScopeForm({ examination: x }: { examination: TSoc2Examination }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const update = useUpdateSoc2Scope(tenant.id, x.id);
  const confirm = useConfirmSoc2Scope(tenant.id, x.id);
  const initial = valuesOf(x);
  const form = useContractForm<TScopeValues>(ZUpdateSoc2ScopeBody, initial);
  const unplaced = useServerErrors(form, update.error);
  // Only what changed is sent: the server logs each changed field, before and after.
  const changes = (v: TScopeValues): TUpdateSoc2ScopeBody => {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v) as (keyof TScopeValues)[]) if (JSON.stringify(v[k]) !== JSON.stringify(initial[k])) out[k] = v[k];
    return out as TUpdateSoc2ScopeBody;
  };
  const dirty = Object.keys(changes(form.values)).length > 0;
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="xs">
          {t('soc2Engagements.firm.scope.editTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('soc2Engagements.firm.scope.editIntro')}
        </Text>
        <form
          onSubmit={form.onSubmit((v) =>
            update.mutate(changes(v), { onSuccess: () => notifications.show({ color: 'teal', message: t('soc2Engagements.firm.scope.saved') }) }),
          )}
        >
          <Stack gap="md">
            <ErrorAlert error={unplaced} />
            <ScopeFields form={form} reportType={x.reportType} tenantId={tenant.id} />
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={!dirty} data-testid="soc2-scope-save">
                {t('soc2Engagements.firm.scope.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="xs">
          {t('soc2Engagements.firm.scope.confirmTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('soc2Engagements.firm.scope.confirmIntro')}
        </Text>
        <ErrorAlert error={confirm.error} />
        <Group justify="flex-end" mt="sm">
          <ConfirmButton
            color="blue"
            disabled={dirty}
            loading={confirm.isPending}
            title={t('soc2Engagements.firm.scope.confirmTitle')}
            message={t('soc2Engagements.firm.scope.confirmMessage', { reference: x.reference })}
            confirmLabel={t('soc2Engagements.firm.scope.confirm')}
            onConfirm={() => confirm.mutate(undefined, { onSuccess: () => notifications.show({ color: 'teal', message: t('soc2Engagements.firm.scope.confirmed') }) })}
            data-testid="soc2-scope-confirm"
          >
            {t('soc2Engagements.firm.scope.confirm')}
          </ConfirmButton>
        </Group>
        {dirty && (
          <Text size="xs" c="dimmed" ta="right" mt={4}>
            {t('soc2Engagements.firm.scope.saveFirst')}
          </Text>
        )}
      </Card>
    </Stack>
  );
}
