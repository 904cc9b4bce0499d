import { Button, Card, Checkbox, Group, NativeSelect, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../lib/errors';
import { LEVELS } from '../../../shared/contracts/impact-assessments';
import { useImpactSettings, useUpdateImpactSettings } from './api';

/** Shown to those who may change it (owners, administrators): the server's ability decides. */
export function ImpactSettingsCard({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const settings = useImpactSettings(tenantId);
  const update = useUpdateImpactSettings(tenantId);
  const [severity, setSeverity] = useState('4');
  const [publicBody, setPublicBody] = useState(false);
  useEffect(() => {
    if (settings.data) {
      setSeverity(String(settings.data.significantSeverity));
      setPublicBody(settings.data.publicBodyOrService);
    }
  }, [settings.data]);
  if (!settings.data?.abilities['impactAssessment.configure']) return null;

  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('impactAssessments.settings.title')}
      </Title>
      <Stack gap="md">
        <ErrorAlert error={update.error} />
        <NativeSelect
          label={t('impactAssessments.settings.significantSeverity')}
          description={t('impactAssessments.settings.significantSeverityHint')}
          value={severity}
          onChange={(e) => setSeverity(e.currentTarget.value)}
          data={LEVELS.map((l) => ({ value: String(l), label: t(`impactAssessments.level.${l}`) }))}
          data-testid="ia-settings-severity"
        />
        <Checkbox
          label={t('impactAssessments.settings.publicBodyOrService')}
          description={t('impactAssessments.settings.publicBodyOrServiceHint')}
          checked={publicBody}
          onChange={(e) => setPublicBody(e.currentTarget.checked)}
          data-testid="ia-settings-public"
        />
        <Group justify="flex-end">
          <Button
            loading={update.isPending}
            onClick={() =>
              update.mutate({ significantSeverity: Number(severity), publicBodyOrService: publicBody }, { onSuccess: () => notifySuccess(t('impactAssessments.settings.saved')) })
            }
            data-testid="ia-settings-save"
          >
            {t('impactAssessments.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
