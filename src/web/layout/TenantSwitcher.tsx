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

  const labelOf = (m: (typeof me.memberships)[number]) => `${m.tenantName} · ${t(`tenantKinds.short.${m.tenantKind}`)}`;
  const active = me.memberships.find((m) => m.tenantId === activeId);

  // A native select is as wide as its longest option: let it grow to fit long organisation names,
  // up to a share of the header, and keep the full name in the tooltip when it is still cut.
  return (
    <NativeSelect
      size="xs"
      w={mobile ? '100%' : undefined}
      miw={mobile ? undefined : 240}
      maw={mobile ? undefined : 'min(520px, 45vw)'}
      title={active ? labelOf(active) : undefined}
      visibleFrom={mobile ? undefined : 'sm'}
      hiddenFrom={mobile ? 'sm' : undefined}
      aria-label={t('header.tenantSwitcher')}
      data-testid={testId}
      value={activeId ?? ''}
      onChange={(event) => change(event.currentTarget.value)}
      data={me.memberships.map((m) => ({ value: m.tenantId, label: labelOf(m) }))}
    />
  );
}
