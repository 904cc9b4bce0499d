import { Alert, Badge, Card, Code, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { SOC2_DESCRIPTION_SECTIONS, type TSoc2DescriptionState } from '../../../shared/contracts/soc2';
import type { TSoc2DescriptionVersion } from '../../../shared/contracts/soc2-descriptions';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import { useTenantContext } from '../tenants/TenantRoute';
import { useSoc2Description } from './api';

const COLOR: Record<TSoc2DescriptionState, string> = { draft: 'gray', signed_off: 'teal', superseded: 'orange' };

/**
 * Management's system description as the firm reads it (the organization writes it): every version,
 * the newest first, by DC 200 section, with its sign-off and the SHA-256 it was signed on.
 */
export function DescriptionTab({ examination: x }: { examination: TSoc2Examination }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const description = useSoc2Description(tenant.id, x.id);
  const [chosen, setChosen] = useState<string | null>(null);
  if (description.isPending) return <Loading />;
  if (description.error) return <ErrorAlert error={description.error} />;
  const versions = description.data.versions;
  if (!versions.length)
    return (
      <Alert color="gray" data-testid="soc2-description-none">
        {t('soc2Engagements.firm.description.none', { organization: x.organizationName })}
      </Alert>
    );
  const signed = versions.find((v) => v.state === 'signed_off') ?? null;
  const shown = versions.find((v) => v.id === chosen) ?? versions[0]!;
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Group justify="space-between" align="flex-end">
          <Text size="sm" data-testid="soc2-description-status">
            {signed ? t('soc2Engagements.firm.description.signedVersion', { version: signed.version }) : t('soc2Engagements.firm.description.notSigned')}
          </Text>
          <NativeSelect
            label={t('soc2Engagements.firm.description.version')}
            value={shown.id}
            onChange={(e) => setChosen(e.currentTarget.value)}
            data={versions.map((v) => ({ value: v.id, label: `${t('soc2Engagements.firm.description.versionN', { version: v.version })} · ${t(`soc2Engagements.firm.description.state.${v.state}`)}` }))}
            data-testid="soc2-description-version"
          />
        </Group>
      </Card>
      <VersionView version={shown} />
    </Stack>
  );
}

function VersionView({ version: v }: { version: TSoc2DescriptionVersion }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="lg" data-testid="soc2-description-shown" data-version={v.version}>
      <Group gap="sm" mb="xs">
        <Title order={3} size="h4">
          {t('soc2Engagements.firm.description.versionN', { version: v.version })}
        </Title>
        <Badge color={COLOR[v.state]} variant="light" data-testid="soc2-description-state" data-state={v.state}>
          {t(`soc2Engagements.firm.description.state.${v.state}`)}
        </Badge>
      </Group>
      {v.signedOff ? (
        <Text size="sm" data-testid="soc2-description-signoff">
          {t('soc2Engagements.firm.description.signedBy', { name: v.signedOff.name, title: v.signedOff.title, at: format.dateTime(v.signedOff.at) })}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('soc2Engagements.firm.description.lastSaved', { at: format.dateTime(v.updatedAt), name: v.updatedBy?.name ?? t('common.none') })}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {v.state === 'draft' ? t('soc2Engagements.firm.description.hashDraft') : t('soc2Engagements.firm.description.hashFrozen')}{' '}
        <Code data-testid="soc2-description-hash">{v.contentSha256}</Code>
      </Text>
      <Stack gap="md" mt="lg">
        {SOC2_DESCRIPTION_SECTIONS.map((s) => (
          <div key={s} data-testid={`soc2-description-section-${s}`}>
            <Text fw={600} size="sm">
              {t(`soc2Engagements.section.${s}`)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={v.sections[s] ? undefined : 'dimmed'}>
              {v.sections[s] || t('soc2Engagements.firm.description.empty')}
            </Text>
          </div>
        ))}
        <div data-testid="soc2-description-assertion">
          <Text fw={600} size="sm">
            {t('soc2Engagements.section.assertion')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={v.assertion ? undefined : 'dimmed'}>
            {v.assertion || t('soc2Engagements.firm.description.empty')}
          </Text>
        </div>
      </Stack>
    </Card>
  );
}
