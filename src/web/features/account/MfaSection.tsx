import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/useCurrentUser';
import { MfaDisable } from './MfaDisable';
import { MfaEnrol } from './MfaEnrol';
import { RecoveryCodes } from './RecoveryCodes';

export function MfaSection({ onFinished }: { onFinished?: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [codes, setCodes] = useState<string[] | null>(null);
  const enabled = me.user.mfaEnabled;

  const done = () => {
    setCodes(null);
    onFinished?.();
  };

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t('account.mfa.status')}
        </Text>
        <Badge color={enabled ? 'teal' : 'gray'} variant="light" data-testid="mfa-status">
          {enabled ? t('common.enabled') : t('common.disabled')}
        </Badge>
      </Group>
      {codes ? (
        <RecoveryCodes codes={codes} onDone={done} />
      ) : enabled ? (
        <>
          <Alert color="gray" variant="light" title={t('account.mfa.disableTitle')}>
            {t('account.mfa.disableHelp')}
          </Alert>
          <MfaDisable />
        </>
      ) : (
        <MfaEnrol onConfirmed={setCodes} />
      )}
    </Stack>
  );
}
