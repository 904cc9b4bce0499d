import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../components/CopyField';

export function TokenReveal({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('apiTokens.reveal.title')} data-testid="api-token-reveal">
      <Stack gap="sm">
        <Text size="sm">{t('apiTokens.reveal.warning')}</Text>
        <CopyField value={token} testId="api-token-value" />
        <Group justify="flex-end">
          <Button size="xs" variant="default" onClick={onDone} data-testid="api-token-reveal-done">
            {t('apiTokens.reveal.done')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
