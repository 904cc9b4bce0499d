import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router';
import { useCurrentUser } from '../features/auth/useCurrentUser';
import { rememberTenantId } from '../lib/storage';
import { useActiveTenantId } from './useNavTenant';

interface TenantSwitcherProps {
  testId?: string;
  mobile?: boolean;
}

export function TenantSwitcher({ testId = 'tenant-switcher', mobile = false }: TenantSwitcherProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const match = useMatch('/t/:tenantId/*');
  const activeId = useActiveTenantId();

  if (me.memberships.length === 0) return null;

  const change = (tenantId: string) => {
    rememberTenantId(tenantId);
    const section = match?.params['*'];
    navigate(section ? `/t/${tenantId}/${section}` : `/t/${tenantId}`);
  };

  return (
    <NativeSelect
      size="xs"
      w={mobile ? '100%' : 280}
      visibleFrom={mobile ? undefined : 'sm'}
      hiddenFrom={mobile ? 'sm' : undefined}
      aria-label={t('header.tenantSwitcher')}
      data-testid={testId}
      value={activeId ?? ''}
      onChange={(event) => change(event.currentTarget.value)}
      data={me.memberships.map((m) => ({
        value: m.tenantId,
        label: `${m.tenantName} · ${t(`tenantKinds.short.${m.tenantKind}`)}`,
      }))}
    />
  );
}
