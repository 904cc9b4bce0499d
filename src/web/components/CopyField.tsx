import { Button, Code, CopyButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconCheck, IconCopy } from './icons';

interface CopyFieldProps {
  value: string;
  testId?: string;
  block?: boolean;
}

export function CopyField({ value, testId, block = false }: CopyFieldProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code block={block} data-testid={testId} style={{ wordBreak: 'break-all', flex: 1 }}>
        {value}
      </Code>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Button
            size="xs"
            variant="light"
            color={copied ? 'teal' : 'gray'}
            onClick={copy}
            leftSection={copied ? <IconCheck /> : <IconCopy />}
            data-testid={testId ? `${testId}-copy` : undefined}
          >
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
