import { Alert, Card, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import { useTenantContext } from '../tenants/TenantRoute';
import { useSoc2Matrix, useStartFieldwork } from './api';

type TBlocked = { uncoveredCriteria?: string[]; untestedControls?: { criterionRef: string; controlId: string }[] };

/**
 * planning → fieldwork. The server refuses (`soc2_fieldwork_blocked`) while a criterion has no
 * accepted control or an accepted control has no test; the refusal's details are put in words here,
 * each criterion with its title and each control with its reference.
 */
export function FieldworkAction({ examination: x }: { examination: TSoc2Examination }) {
  const { t, i18n } = useTranslation();
  const { tenant } = useTenantContext();
  const matrix = useSoc2Matrix(tenant.id, x.id);
  const start = useStartFieldwork(tenant.id, x.id);
  if (x.state !== 'planning' || !matrix.data?.abilities['soc2Program.write']) return null;
  const lang = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const rows = new Map(matrix.data.rows.map((r) => [r.criterionRef, r]));
  const blocked = isApiError(start.error) && start.error.code === 'soc2_fieldwork_blocked' ? ((start.error.details ?? {}) as TBlocked) : null;
  const controlRef = (criterionRef: string, controlId: string) => {
    const c = rows.get(criterionRef)?.controls.find((k) => k.controlId === controlId);
    return c ? `${c.controlRef} · ${c.controlTitle}` : controlId;
  };
  return (
    <Card withBorder padding="md" data-testid="soc2-fieldwork">
      <Group justify="space-between">
        <Text size="sm">{t('soc2Testing.fieldwork.intro')}</Text>
        <ConfirmButton
          color="yellow"
          loading={start.isPending}
          title={t('soc2Testing.fieldwork.start')}
          message={t('soc2Testing.fieldwork.confirm', { reference: x.reference })}
          confirmLabel={t('soc2Testing.fieldwork.start')}
          onConfirm={() => start.mutate(undefined, { onSuccess: () => notifications.show({ color: 'teal', message: t('soc2Testing.fieldwork.started') }) })}
          data-testid="soc2-fieldwork-start"
        >
          {t('soc2Testing.fieldwork.start')}
        </ConfirmButton>
      </Group>
      {blocked ? (
        <Alert color="red" variant="light" mt="md" title={t('soc2Testing.fieldwork.blockedTitle')} data-testid="soc2-fieldwork-blocked">
          <Stack gap="xs">
            {(blocked.uncoveredCriteria?.length ?? 0) > 0 && (
              <div>
                <Text size="sm" fw={600}>
                  {t('soc2Testing.fieldwork.uncovered', { count: blocked.uncoveredCriteria!.length })}
                </Text>
                <List size="sm" data-testid="soc2-fieldwork-uncovered">
                  {blocked.uncoveredCriteria!.map((ref) => (
                    <List.Item key={ref}>{`${ref} — ${rows.get(ref)?.title[lang] ?? ''}`}</List.Item>
                  ))}
                </List>
              </div>
            )}
            {(blocked.untestedControls?.length ?? 0) > 0 && (
              <div>
                <Text size="sm" fw={600}>
                  {t('soc2Testing.fieldwork.untested', { count: blocked.untestedControls!.length })}
                </Text>
                <List size="sm" data-testid="soc2-fieldwork-untested">
                  {blocked.untestedControls!.map((u) => (
                    <List.Item key={`${u.criterionRef}-${u.controlId}`}>{t('soc2Testing.fieldwork.untestedItem', { control: controlRef(u.criterionRef, u.controlId), criterion: u.criterionRef })}</List.Item>
                  ))}
                </List>
              </div>
            )}
            <Text size="sm">{t('soc2Testing.fieldwork.howTo')}</Text>
          </Stack>
        </Alert>
      ) : (
        <ErrorAlert error={start.error} />
      )}
    </Card>
  );
}
