import { Anchor, Card, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import { useTenantContext } from '../tenants/TenantRoute';
import { useRenewSoc2Examination } from './api';

/**
 * The chain of periods: the previous examination this one renews, and, once the report is issued,
 * the next period — opened here by the scheme manager, or linked once it exists (a renewal is
 * opened once; the server refuses a second).
 */
export function RenewalAction({ examination: x }: { examination: TSoc2Examination }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const navigate = useNavigate();
  const renew = useRenewSoc2Examination(tenant.id, x.id);
  const base = `/t/${tenant.id}/soc2-examinations`;
  // The ability already says « issued, and a scheme manager »; once is the examination's own fact.
  const canRenew = !x.nextExamination && x.abilities['soc2Examination.renew'];
  if (!x.previousExaminationId && !x.nextExamination && !canRenew) return null;
  return (
    <Card withBorder padding="sm" data-testid="soc2-renewal">
      <Group justify="space-between">
        <Group gap="lg">
          {x.previousExaminationId && (
            <Anchor component={Link} to={`${base}/${x.previousExaminationId}/report`} size="sm" data-testid="soc2-renewal-previous">
              {t('soc2Engagements.firm.page.previous', { reference: x.previousReference ?? '' })}
            </Anchor>
          )}
          {x.nextExamination && (
            <Anchor component={Link} to={`${base}/${x.nextExamination.id}`} size="sm" data-testid="soc2-renewal-next">
              {t('soc2Engagements.firm.page.next', { reference: x.nextExamination.reference })}
            </Anchor>
          )}
          {canRenew && <Text size="sm">{t('soc2Engagements.firm.page.renewTitle', { reference: x.reference })}</Text>}
        </Group>
        {canRenew && (
          <ConfirmButton
            loading={renew.isPending}
            title={t('soc2Engagements.firm.page.renewTitle', { reference: x.reference })}
            message={t('soc2Engagements.firm.page.renewMessage', { reference: x.reference })}
            confirmLabel={t('soc2Engagements.firm.page.renew')}
            onConfirm={() =>
              renew.mutate(undefined, {
                onSuccess: (next) => {
                  notifications.show({ color: 'teal', message: t('soc2Engagements.firm.page.renewed', { reference: next.reference }) });
                  void navigate(`${base}/${next.id}`);
                },
              })
            }
            data-testid="soc2-renewal-open"
          >
            {t('soc2Engagements.firm.page.renew')}
          </ConfirmButton>
        )}
      </Group>
      <ErrorAlert error={renew.error} />
    </Card>
  );
}
