import { AppShell, Burger, Group, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconShield } from '../components/icons';
import { useCurrentUser } from '../features/auth/useCurrentUser';
import { AppNavbar } from './AppNavbar';
import { LanguageSwitch } from './LanguageSwitch';
import { TenantSwitcher } from './TenantSwitcher';
import { UserMenu } from './UserMenu';

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure(false);
  const restricted = me.mfaSetupRequired;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 300, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: restricted } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {!restricted && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('header.closeNavigation') : t('header.openNavigation')}
              />
            )}
            <UnstyledButton component={Link} to="/" data-testid="home-link">
              <Group gap={6} wrap="nowrap">
                <IconShield size={22} />
                <Title order={2} size="h4">
                  {t('app.name')}
                </Title>
              </Group>
            </UnstyledButton>
            <Text size="xs" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {!restricted && <TenantSwitcher />}
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        {!restricted && <AppNavbar onNavigate={close} />}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
