import { Badge, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useFrameworks } from '../catalog/api';
import { useAdoptedFrameworks, useAdoptFramework, useDropFramework } from './api';

/** The frameworks the organization works towards: crosswalk suggestions point to these only. */
export function FrameworksCard({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.locale === 'fr' ? 'fr' : 'en';
  const adopted = useAdoptedFrameworks(tenantId);
  const catalog = useFrameworks();
  const adopt = useAdoptFramework(tenantId);
  const drop = useDropFramework(tenantId);
  const [choice, setChoice] = useState('');
  if (adopted.isPending) return null;
  if (adopted.error) return <ErrorAlert error={adopted.error} />;
  const items = adopted.data.items;
  const manage = adopted.data.abilities['adoptedFramework.manage'];
  const open = (catalog.data ?? []).filter((f) => !items.some((a) => a.frameworkId === f.id));
  return (
    <Card withBorder padding="lg" data-testid="frameworks-card">
      <Title order={2} size="h4" mb={4}>
        {t('controls.frameworks.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('controls.frameworks.intro')}
      </Text>
      <ErrorAlert error={adopt.error ?? drop.error} />
      <Stack gap="xs">
        {items.length === 0 && <Text size="sm">{t('controls.frameworks.none')}</Text>}
        {items.map((f) => (
          <Group key={f.frameworkId} justify="space-between" data-testid={`framework-${f.frameworkId}`}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {f.shortTitle[lang]}
              </Text>
              <Text size="xs" c="dimmed">
                {t('controls.frameworks.adopted', { version: f.version, who: f.adoptedBy?.name ?? t('common.none'), when: format.date(f.adoptedAt) })}
              </Text>
              {f.currentVersion && f.currentVersion !== f.version && (
                <Badge size="xs" color="yellow" variant="light">
                  {t('controls.frameworks.newer', { version: f.currentVersion })}
                </Badge>
              )}
            </Group>
            {manage && (
              <ConfirmButton
                size="xs"
                variant="subtle"
                color="red"
                title={t('controls.frameworks.drop')}
                message={t('controls.frameworks.dropConfirm', { framework: f.shortTitle[lang] })}
                confirmLabel={t('controls.frameworks.drop')}
                onConfirm={() => drop.mutate(f.frameworkId)}
                data-testid={`framework-drop-${f.frameworkId}`}
              >
                {t('controls.frameworks.drop')}
              </ConfirmButton>
            )}
          </Group>
        ))}
        {manage && open.length > 0 && (
          <Group align="flex-end" mt="sm">
            <NativeSelect
              label={t('controls.frameworks.choose')}
              value={choice}
              onChange={(e) => setChoice(e.currentTarget.value)}
              data={[{ value: '', label: '—' }, ...open.map((f) => ({ value: f.id, label: f.shortTitle[lang] }))]}
              data-testid="framework-choose"
            />
            <Button disabled={!choice} loading={adopt.isPending} onClick={() => adopt.mutate(choice, { onSuccess: () => setChoice('') })} data-testid="framework-adopt">
              {t('controls.frameworks.adopt')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
