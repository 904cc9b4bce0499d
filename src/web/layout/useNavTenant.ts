import { useMatch } from 'react-router';
import { useCurrentUser } from '../features/auth/useCurrentUser';
import { useTenant } from '../features/tenants/api';
import { readLastTenantId } from '../lib/storage';
import type { NavTenant } from '../navigation';

export function useActiveTenantId(): string | null {
  const match = useMatch('/t/:tenantId/*');
  const me = useCurrentUser();
  if (match?.params.tenantId) return match.params.tenantId;
  const last = readLastTenantId();
  const remembered = me.memberships.find((m) => m.tenantId === last);
  return (remembered ?? me.memberships[0])?.tenantId ?? null;
}

export function useNavTenant(): NavTenant | null {
  const me = useCurrentUser();
  const tenantId = useActiveTenantId();
  const { data: detail } = useTenant(tenantId);
  if (!tenantId) return null;
  if (detail && detail.id === tenantId) {
    return { id: detail.id, kind: detail.kind, abilities: detail.abilities };
  }
  const membership = me.memberships.find((m) => m.tenantId === tenantId);
  return membership
    ? { id: membership.tenantId, kind: membership.tenantKind, abilities: membership.abilities }
    : null;
}
