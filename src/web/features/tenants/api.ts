import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { ME_KEY } from '../../lib/queryClient';
import type { TCreatedTenant, TCreateTenantBody, TTenantDetail, TTenantList, TUpdateTenantBody } from '../../../shared/contracts/tenants';

export const TENANTS_KEY = ['tenants'] as const;
export const tenantKey = (tenantId: string) => ['tenant', tenantId] as const;

export function useTenants() {
  return useQuery({
    queryKey: TENANTS_KEY,
    queryFn: () => api.get<TTenantList>('/api/tenants'),
  });
}

export function useTenant(tenantId: string | null | undefined) {
  return useQuery({
    queryKey: tenantKey(tenantId ?? ''),
    queryFn: () => api.get<TTenantDetail>(`/api/tenants/${tenantId}`),
    enabled: Boolean(tenantId),
  });
}

export function useCreateTenant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateTenantBody) =>
      api.post<TCreatedTenant>('/api/tenants', input),
    meta: { inlineError: true },
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ME_KEY }),
        client.invalidateQueries({ queryKey: TENANTS_KEY }),
      ]);
    },
  });
}

export function useUpdateTenant(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TUpdateTenantBody) =>
      api.patch<TTenantDetail>(`/api/tenants/${tenantId}`, input),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: tenantKey(tenantId) }),
        client.invalidateQueries({ queryKey: ME_KEY }),
        client.invalidateQueries({ queryKey: TENANTS_KEY }),
      ]);
    },
  });
}
