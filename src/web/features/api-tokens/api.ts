import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { TApiTokenList, TCreateApiTokenBody, TCreatedApiToken } from '../../../shared/contracts/api-tokens';

const tokensKey = (tenantId: string) => ['tenant', tenantId, 'api-tokens'] as const;

export function useApiTokens(tenantId: string, enabled = true) {
  return useQuery({
    queryKey: tokensKey(tenantId),
    queryFn: () => api.get<TApiTokenList>(`/api/tenants/${tenantId}/api-tokens`),
    enabled,
  });
}

export function useCreateApiToken(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateApiTokenBody) =>
      api.post<TCreatedApiToken>(`/api/tenants/${tenantId}/api-tokens`, input),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey(tenantId) }),
  });
}

export function useRevokeApiToken(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => api.delete(`/api/tenants/${tenantId}/api-tokens/${tokenId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey(tenantId) }),
  });
}
