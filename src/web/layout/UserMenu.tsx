import { Avatar, Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconChevronDown, IconLogout, IconPlus, IconUser } from '../components/icons';
import { useLogout } from '../features/auth/api';
import { useCurrentUser } from '../features/auth/useCurrentUser';

function initials(name: string, email: string): string {
  const source = name.trim() || email;
  return source
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  const signOut = () => logout.mutate();

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          data-testid="user-menu"
          aria-label={t('header.userMenu', { name: me.user.name || me.user.email })}
          leftSection={
            <Avatar size="sm" radius="xl" color="indigo">
              {initials(me.user.name, me.user.email)}
            </Avatar>
          }
          rightSection={<IconChevronDown />}
        >
          <Text size="sm" visibleFrom="sm" span>
            {me.user.name || me.user.email}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item component={Link} to="/account" leftSection={<IconUser />} data-testid="menu-account">
          {t('header.account')}
        </Menu.Item>
        <Menu.Item
          component={Link}
          to="/tenants/new"
          leftSection={<IconPlus />}
          data-testid="menu-new-tenant"
        >
          {t('header.newTenant')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout />}
          onClick={signOut}
          data-testid="logout"
        >
          {t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
