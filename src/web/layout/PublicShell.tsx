import { Box, Center, Container, Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconShield } from '../components/icons';
import { LanguageSwitch } from './LanguageSwitch';

export function PublicShell({ children, width = 440 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group component="header" justify="space-between" px="lg" py="md">
        <Group gap="xs">
          <IconShield size={22} />
          <Title order={2} size="h4">
            {t('app.name')}
          </Title>
        </Group>
        <LanguageSwitch />
      </Group>
      <Center component="main" px="md" pb="xl">
        <Container w={width} maw="100%" p={0} mt="xl">
          <Paper withBorder shadow="xs" p="xl" radius="md">
            {children}
          </Paper>
        </Container>
      </Center>
    </Box>
  );
}
