import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { ME_KEY } from '../../lib/queryClient';
import type { Page, TenantDetail, TenantKind, TenantSummary } from '../../lib/types';

export const TENANTS_KEY = ['tenants'] as const;
export const tenantKey = (tenantId: string) => ['tenant', tenantId] as const;

export function useTenants() {
  return useQuery({
    queryKey: TENANTS_KEY,
    queryFn: () => api.get<Page<TenantSummary>>('/api/tenants'),
  });
}

export function useTenant(tenantId: string | null | undefined) {
  return useQuery({
    queryKey: tenantKey(tenantId ?? ''),
    queryFn: () => api.get<TenantDetail>(`/api/tenants/${tenantId}`),
    enabled: Boolean(tenantId),
  });
}

export function useCreateTenant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; kind: TenantKind }) =>
      api.post<{ tenant: TenantSummary }>('/api/tenants', input),
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
    mutationFn: (input: { name?: string; requireMfa?: boolean }) =>
      api.patch<unknown>(`/api/tenants/${tenantId}`, input),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: tenantKey(tenantId) }),
        client.invalidateQueries({ queryKey: ME_KEY }),
        client.invalidateQueries({ queryKey: TENANTS_KEY }),
      ]);
    },
  });
}
