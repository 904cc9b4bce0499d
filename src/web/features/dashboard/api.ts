import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { TOrganizationDashboard } from '../../../shared/contracts/dashboard';

export function useOrganizationDashboard(tenantId: string) {
  return useQuery({
    queryKey: ['tenant', tenantId, 'dashboard'],
    queryFn: () => api.get<TOrganizationDashboard>(`/api/tenants/${tenantId}/dashboard`),
  });
}
