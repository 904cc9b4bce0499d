import { Alert, Button, Code, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconCheck, IconCopy } from '../../components/icons';

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('account.mfa.recoveryTitle')} data-testid="mfa-recovery-codes">
      <Stack gap="md">
        <Text size="sm">{t('account.mfa.recoveryWarning')}</Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" maw={420}>
          {codes.map((code) => (
            <Code key={code} fz="sm" data-testid="mfa-recovery-code">
              {code}
            </Code>
          ))}
        </SimpleGrid>
        <Group>
          <CopyButton value={codes.join('\n')} timeout={2000}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant="light"
                color={copied ? 'teal' : 'gray'}
                leftSection={copied ? <IconCheck /> : <IconCopy />}
                onClick={copy}
                data-testid="mfa-recovery-copy"
              >
                {copied ? t('common.copied') : t('account.mfa.copyCodes')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" onClick={onDone} data-testid="mfa-recovery-done">
            {t('account.mfa.savedCodes')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
