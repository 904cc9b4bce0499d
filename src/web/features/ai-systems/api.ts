import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TAiClassification, TAiSystem, TAiSystemPage, TBomImportResult, TClassificationAnswers, TCreateAiSystemBody, THistoryEvent, TQuestionnaire, TUpdateAiSystemBody } from '../../../shared/contracts/ai-systems';
import type { TAiFilters } from '../../../shared/contracts/ai-systems';
export type { TAiFilters };

const base = (tenantId: string) => `/api/tenants/${tenantId}/ai-systems`;
const key = (tenantId: string) => ['tenant', tenantId, 'ai-systems'] as const;


export const useAiSystems = (tenantId: string, filters: TAiFilters, enabled = true) =>
  useInfiniteQuery({
    queryKey: [...key(tenantId), 'list', filters],
    queryFn: ({ pageParam }) => api.get<TAiSystemPage>(`${base(tenantId)}${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    // A new filter keeps the current rows on screen until its page arrives, instead of a spinner.
    placeholderData: keepPreviousData,
  });

export const useAiSystem = (tenantId: string, id: string) => useQuery({ queryKey: [...key(tenantId), 'detail', id], queryFn: () => api.get<TAiSystem>(`${base(tenantId)}/${id}`) });
export const useClassifications = (tenantId: string, id: string) =>
  useQuery({ queryKey: [...key(tenantId), 'detail', id, 'classifications'], queryFn: () => api.get<{ items: TAiClassification[] }>(`${base(tenantId)}/${id}/classifications`) });
export const useHistory = (tenantId: string, id: string) =>
  useQuery({ queryKey: [...key(tenantId), 'detail', id, 'history'], queryFn: () => api.get<{ items: THistoryEvent[] }>(`${base(tenantId)}/${id}/history`) });
export const useQuestionnaire = (tenantId: string, enabled: boolean) =>
  useQuery({ queryKey: [...key(tenantId), 'questionnaire'], queryFn: () => api.get<TQuestionnaire>(`${base(tenantId)}/questionnaire`), enabled });

export const bomUrl = (tenantId: string, id?: string) => `${base(tenantId)}${id ? `/${id}` : ''}/bom`;

function useInvalidating<I, O>(tenantId: string, call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, meta: { inlineError: true }, onSuccess: () => client.invalidateQueries({ queryKey: key(tenantId) }) });
}

export const useCreateAiSystem = (tenantId: string) => useInvalidating(tenantId, (body: TCreateAiSystemBody) => api.post<TAiSystem>(base(tenantId), body));
export const useUpdateAiSystem = (tenantId: string, id: string) => useInvalidating(tenantId, (body: TUpdateAiSystemBody) => api.patch<TAiSystem>(`${base(tenantId)}/${id}`, body));
export const useClassify = (tenantId: string, id: string) =>
  useInvalidating(tenantId, (answers: TClassificationAnswers) => api.post<TAiClassification>(`${base(tenantId)}/${id}/classifications`, { answers }));
export const useImportBom = (tenantId: string) => useInvalidating(tenantId, (bom: unknown) => api.post<TBomImportResult>(`${base(tenantId)}/bom`, bom));
