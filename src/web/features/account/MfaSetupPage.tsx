import { Alert, Card, List, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from '../auth/useCurrentUser';
import { MfaSection } from './MfaSection';

export function MfaSetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const requiring = me.memberships.filter((m) => m.requireMfa);

  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('account.mfa.setupTitle')} />
      {me.mfaSetupRequired && (
        <Alert color="orange" variant="light" title={t('account.mfa.requiredTitle')} data-testid="mfa-required">
          <Stack gap="xs">
            {t('account.mfa.requiredBody')}
            {requiring.length > 0 && (
              <List size="sm">
                {requiring.map((m) => (
                  <List.Item key={m.tenantId}>{m.tenantName}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Alert>
      )}
      <Card withBorder padding="lg">
        <MfaSection onFinished={() => void navigate('/', { replace: true })} />
      </Card>
    </Stack>
  );
}
