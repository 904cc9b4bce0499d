import { AppShell, Badge, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, generatePath, useLocation } from 'react-router';
import { NAV_GROUPS, visibleEntries, type NavEntry } from '../navigation';
import { TenantSwitcher } from './TenantSwitcher';
import { useNavTenant } from './useNavTenant';

function isActive(entry: NavEntry, href: string, pathname: string): boolean {
  if (entry.key === 'overview') return pathname === href;
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const tenant = useNavTenant();
  const entries = visibleEntries(tenant);
  const hrefOf = (entry: NavEntry) => generatePath(entry.path, { tenantId: tenant?.id ?? '' });
  // One entry is lit: the most specific one (« Certification findings » inside « Certification »).
  const activeKey = entries
    .filter((e) => e.available && isActive(e, hrefOf(e), pathname))
    .sort((a, b) => hrefOf(b).length - hrefOf(a).length)[0]?.key;

  return (
    <AppShell.Section grow component={ScrollArea} type="auto">
      <Stack gap="md" p="xs" component="nav" aria-label={t('nav.label')}>
        <TenantSwitcher mobile testId="tenant-switcher-mobile" />
        {NAV_GROUPS.map((group) => {
          const items = entries.filter((e) => e.group === group);
          if (items.length === 0) return null;
          return (
            <Stack gap={2} key={group}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm">
                {t(`nav.groups.${group}`)}
              </Text>
              {items.map((entry) => {
                const label = t(`nav.items.${entry.label}`);
                if (!entry.available) {
                  return (
                    <NavLink
                      key={entry.key}
                      component="div"
                      label={label}
                      disabled
                      aria-disabled="true"
                      data-testid={`nav-${entry.key}`}
                      rightSection={
                        <Badge size="xs" variant="light" color="gray">
                          {t('nav.comingSoon')}
                        </Badge>
                      }
                    />
                  );
                }
                const href = hrefOf(entry);
                return (
                  <NavLink
                    key={entry.key}
                    component={Link}
                    to={href}
                    label={label}
                    active={entry.key === activeKey}
                    onClick={onNavigate}
                    data-testid={`nav-${entry.key}`}
                  />
                );
              })}
            </Stack>
          );
        })}
      </Stack>
    </AppShell.Section>
  );
}
