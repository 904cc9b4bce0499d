import { ActionIcon, Alert, Anchor, Button, Card, Checkbox, ColorInput, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { ZRiskMatrixConfig, type TRiskMatrixConfig } from '../../../shared/contracts/risks';
import { useTenantContext } from '../tenants/TenantRoute';
import { useMatrix, useUpdateMatrix } from './api';

const ROLES = ['owner', 'admin', 'contributor'] as const;

function Scale({ kind, form, readOnly }: { kind: 'likelihood' | 'impact'; form: ReturnType<typeof useContractForm<TRiskMatrixConfig>>; readOnly: boolean }) {
  const { t } = useTranslation();
  const items = form.values[kind];
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t(`risks.matrix.${kind}`)}
      </Title>
      {items.map((_, i) => (
        <Group key={i} align="flex-end">
          <Text w={24} pb={8}>
            {i + 1}
          </Text>
          <TextInput label={t('risks.matrix.labelEn')} {...form.getInputProps(`${kind}.${i}.en`)} maxLength={60} disabled={readOnly} data-testid={`matrix-${kind}-${i}-en`} />
          <TextInput label={t('risks.matrix.labelFr')} {...form.getInputProps(`${kind}.${i}.fr`)} maxLength={60} disabled={readOnly} data-testid={`matrix-${kind}-${i}-fr`} />
        </Group>
      ))}
      {!readOnly && (
        <Group gap="xs">
          <Button size="xs" variant="default" disabled={items.length >= 7} onClick={() => form.insertListItem(kind, { en: '', fr: '' })} data-testid={`matrix-${kind}-add`}>
            {t('risks.matrix.addLevel')}
          </Button>
          <Button size="xs" variant="subtle" color="red" disabled={items.length <= 2} onClick={() => form.removeListItem(kind, items.length - 1)} data-testid={`matrix-${kind}-remove`}>
            {t('risks.matrix.removeLevel')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The matrix in force; saving creates a new version and leaves scored risks on theirs. */
export function RiskMatrixPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const matrix = useMatrix(tenant.id, can('riskMatrix.read'));
  const save = useUpdateMatrix(tenant.id);
  const form = useContractForm<TRiskMatrixConfig>(ZRiskMatrixConfig, matrix.data?.config ?? { likelihood: [], impact: [], bands: [], acceptanceThreshold: 1, acceptAboveThresholdRoles: ['owner'] });
  const unplaced = useServerErrors(form, save.error);
  useEffect(() => {
    if (matrix.data) {
      form.setValues(matrix.data.config);
      form.resetDirty(matrix.data.config);
    }
  }, [matrix.data]);

  if (!can('riskMatrix.read')) return <NoAccess />;
  if (matrix.isPending) return <Loading />;
  if (matrix.error) return <ErrorAlert error={matrix.error} />;
  const m = matrix.data;
  const readOnly = !m.abilities['riskMatrix.update'];
  const max = form.values.likelihood.length * form.values.impact.length;
  const bandError = Object.entries(form.errors).find(([k]) => k.startsWith('bands'))?.[1];

  return (
    <Stack gap="xl">
      <Anchor component={Link} to={`/t/${tenant.id}/risks`} size="sm">
        ← {t('risks.back')}
      </Anchor>
      <PageHeader title={t('risks.matrix.title')} description={t('risks.matrix.intro')} />
      <Text size="sm" data-testid="matrix-version">
        {m.version
          ? t('risks.matrix.version', { version: m.version, date: format.dateTime(m.createdAt), who: m.createdBy ?? t('common.none') })
          : t('risks.matrix.default')}
      </Text>
      {m.risksOnOlderVersions > 0 && (
        <Alert color="yellow" data-testid="matrix-older">
          {t('risks.matrix.older', { count: m.risksOnOlderVersions })}
        </Alert>
      )}
      <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack gap="lg">
          <ErrorAlert error={unplaced} />
          <Card withBorder padding="lg">
            <Group align="flex-start" grow>
              <Scale kind="likelihood" form={form} readOnly={readOnly} />
              <Scale kind="impact" form={form} readOnly={readOnly} />
            </Group>
          </Card>
          <Card withBorder padding="lg">
            <Title order={3} size="h5" mb="xs">
              {t('risks.matrix.bands')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('risks.matrix.bandsHelp', { max })}
            </Text>
            <Stack gap="xs">
              {form.values.bands.map((_, i) => (
                <Group key={i} align="flex-end" wrap="wrap">
                  <TextInput label={t('risks.matrix.bandKey')} {...form.getInputProps(`bands.${i}.key`)} w={120} disabled={readOnly} data-testid={`matrix-band-${i}-key`} />
                  <TextInput label={t('risks.matrix.labelEn')} {...form.getInputProps(`bands.${i}.label.en`)} maxLength={60} disabled={readOnly} />
                  <TextInput label={t('risks.matrix.labelFr')} {...form.getInputProps(`bands.${i}.label.fr`)} maxLength={60} disabled={readOnly} />
                  <ColorInput label={t('risks.matrix.colour')} format="hex" {...form.getInputProps(`bands.${i}.color`)} w={130} disabled={readOnly} />
                  <NumberInput label={t('risks.matrix.upTo')} {...form.getInputProps(`bands.${i}.upTo`)} min={1} max={49} w={110} disabled={readOnly} data-testid={`matrix-band-${i}-up-to`} />
                  {!readOnly && (
                    <ActionIcon variant="subtle" color="red" mb={4} disabled={form.values.bands.length <= 2} aria-label={t('risks.matrix.removeBand')} onClick={() => form.removeListItem('bands', i)}>
                      ×
                    </ActionIcon>
                  )}
                </Group>
              ))}
              {bandError && (
                <Text size="sm" c="red" data-testid="matrix-band-error">
                  {bandError}
                </Text>
              )}
              {!readOnly && (
                <Group>
                  <Button size="xs" variant="default" disabled={form.values.bands.length >= 6} onClick={() => form.insertListItem('bands', { key: '', label: { en: '', fr: '' }, color: '#868e96', upTo: max })}>
                    {t('risks.matrix.addBand')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
          <Card withBorder padding="lg">
            <Title order={3} size="h5" mb="sm">
              {t('risks.matrix.acceptance')}
            </Title>
            <NumberInput label={t('risks.matrix.threshold')} description={t('risks.matrix.thresholdHelp')} {...form.getInputProps('acceptanceThreshold')} min={1} max={max} w={260} disabled={readOnly} data-testid="matrix-threshold" />
            <Checkbox.Group label={t('risks.matrix.roles')} mt="md" value={form.values.acceptAboveThresholdRoles} onChange={(v) => form.setFieldValue('acceptAboveThresholdRoles', v as TRiskMatrixConfig['acceptAboveThresholdRoles'])} error={form.errors.acceptAboveThresholdRoles}>
              <Group mt="xs">
                {ROLES.map((r) => (
                  <Checkbox key={r} value={r} label={t(`roles.${r}`)} disabled={readOnly} data-testid={`matrix-role-${r}`} />
                ))}
              </Group>
            </Checkbox.Group>
          </Card>
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} data-testid="matrix-save">
                {t('risks.matrix.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Stack>
  );
}
