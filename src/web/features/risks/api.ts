import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TAiSystemPage } from '../../../shared/contracts/ai-systems';
import type {
  TAcceptRiskBody,
  TCreateRiskBody,
  TOverdue,
  TRiskDetail,
  TRiskHeatMap,
  TRiskList,
  TRiskListQuery,
  TRiskMatrix,
  TRiskMatrixConfig,
  TUpdateRiskBody,
} from '../../../shared/contracts/risks';

const base = (tenantId: string) => `/api/tenants/${tenantId}/risks`;
const allKey = (tenantId: string) => ['tenant', tenantId, 'risks'] as const;

export type TRiskFilters = Partial<Omit<TRiskListQuery, 'limit' | 'cursor' | 'reviewOverdue'>> & { reviewOverdue?: 'true'; matrixVersion?: number };

export function useRisks(tenantId: string, filters: TRiskFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...allKey(tenantId), 'list', filters],
    queryFn: ({ pageParam }) => api.get<TRiskList>(`${base(tenantId)}${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    // A new filter keeps the current rows on screen until its page arrives, instead of a spinner.
    placeholderData: keepPreviousData,
  });
}

export const useRisk = (tenantId: string, id: string) =>
  useQuery({ queryKey: [...allKey(tenantId), 'detail', id], queryFn: () => api.get<TRiskDetail>(`${base(tenantId)}/${id}`) });

export const useHeatMap = (tenantId: string, enabled = true) =>
  useQuery({ queryKey: [...allKey(tenantId), 'heat-map'], queryFn: () => api.get<TRiskHeatMap>(`${base(tenantId)}/heat-map`), enabled });

export const useOverdue = (tenantId: string, enabled = true) =>
  useQuery({ queryKey: [...allKey(tenantId), 'overdue'], queryFn: () => api.get<TOverdue>(`${base(tenantId)}/overdue`), enabled });

export const useMatrix = (tenantId: string, enabled = true) =>
  useQuery({ queryKey: [...allKey(tenantId), 'matrix'], queryFn: () => api.get<TRiskMatrix>(`/api/tenants/${tenantId}/risk-matrix`), enabled });

/** The organization's AI systems, to link a risk to (first 100 by name). */
export const useAiSystemChoices = (tenantId: string) =>
  useQuery({
    queryKey: ['tenant', tenantId, 'ai-systems', 'options'],
    queryFn: () => api.get<TAiSystemPage>(`/api/tenants/${tenantId}/ai-systems${query({ limit: 100, sort: 'name' })}`),
  });

export const exportUrl = (tenantId: string, locale: 'en' | 'fr') => `${base(tenantId)}/export.xlsx${query({ locale })}`;

function useRiskMutation<I>(tenantId: string, call: (input: I) => Promise<TRiskDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: (data) => {
      client.setQueryData([...allKey(tenantId), 'detail', data.id], data);
      return client.invalidateQueries({ queryKey: allKey(tenantId), predicate: (q) => q.queryKey[3] !== 'detail' || q.queryKey[4] !== data.id });
    },
  });
}

export const useCreateRisk = (tenantId: string) => useRiskMutation(tenantId, (input: TCreateRiskBody) => api.post<TRiskDetail>(base(tenantId), input));
export const useUpdateRisk = (tenantId: string, id: string) => useRiskMutation(tenantId, (input: TUpdateRiskBody) => api.patch<TRiskDetail>(`${base(tenantId)}/${id}`, input));
export const useAcceptRisk = (tenantId: string, id: string) => useRiskMutation(tenantId, (input: TAcceptRiskBody) => api.post<TRiskDetail>(`${base(tenantId)}/${id}/accept`, input));
export const useReopenRisk = (tenantId: string, id: string) => useRiskMutation(tenantId, (input: { reason: string }) => api.post<TRiskDetail>(`${base(tenantId)}/${id}/reopen`, input));
export const useCloseRisk = (tenantId: string, id: string) => useRiskMutation(tenantId, (input: { reason: string }) => api.post<TRiskDetail>(`${base(tenantId)}/${id}/close`, input));

export function useUpdateMatrix(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (config: TRiskMatrixConfig) => api.put<TRiskMatrix>(`/api/tenants/${tenantId}/risk-matrix`, config),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: allKey(tenantId) }),
  });
}
