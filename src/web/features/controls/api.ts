import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { THistoryEvent } from '../../../shared/contracts/ai-systems';
import type {
  TAdoptedFrameworks,
  TControl,
  TControlForm,
  TControlPage,
  TControlSuggestions,
  TLibraryResult,
  TLinkRequirementBody,
  TUpdateControlBody,
} from '../../../shared/contracts/controls';
import type { TControlFilters } from '../../../shared/contracts/controls';
export type { TControlFilters };

const base = (tenantId: string) => `/api/tenants/${tenantId}/controls`;
const key = (tenantId: string) => ['tenant', tenantId, 'controls'] as const;
const fwKey = (tenantId: string) => ['tenant', tenantId, 'frameworks'] as const;


export const useControls = (tenantId: string, filters: TControlFilters, enabled = true) =>
  useInfiniteQuery({
    queryKey: [...key(tenantId), 'list', filters],
    queryFn: ({ pageParam }) => api.get<TControlPage>(`${base(tenantId)}${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    // A new filter keeps the current rows on screen until its page arrives, instead of a spinner.
    placeholderData: keepPreviousData,
  });

export const useControl = (tenantId: string, id: string) => useQuery({ queryKey: [...key(tenantId), 'detail', id], queryFn: () => api.get<TControl>(`${base(tenantId)}/${id}`) });
export const useControlHistory = (tenantId: string, id: string) =>
  useQuery({ queryKey: [...key(tenantId), 'detail', id, 'history'], queryFn: () => api.get<{ items: THistoryEvent[] }>(`${base(tenantId)}/${id}/history`) });
export const useSuggestions = (tenantId: string, id: string) =>
  useQuery({ queryKey: [...key(tenantId), 'detail', id, 'suggestions'], queryFn: () => api.get<TControlSuggestions>(`${base(tenantId)}/${id}/suggestions`) });
export const useAdoptedFrameworks = (tenantId: string) => useQuery({ queryKey: fwKey(tenantId), queryFn: () => api.get<TAdoptedFrameworks>(`/api/tenants/${tenantId}/frameworks`) });

/** A change to controls or adopted frameworks refreshes both: suggestions depend on the adopted frameworks. */
function useInvalidating<I, O>(tenantId: string, call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: key(tenantId) }), client.invalidateQueries({ queryKey: fwKey(tenantId) })]);
    },
  });
}

export const useCreateControl = (tenantId: string) => useInvalidating(tenantId, (body: TControlForm) => api.post<TControl>(base(tenantId), body));
export const useUpdateControl = (tenantId: string, id: string) => useInvalidating(tenantId, (body: TUpdateControlBody) => api.patch<TControl>(`${base(tenantId)}/${id}`, body));
export const useApplyLibrary = (tenantId: string) => useInvalidating(tenantId, () => api.post<TLibraryResult>(`${base(tenantId)}/library`, { framework: 'iso-iec-42001-2023' }));
export const useLinkRequirement = (tenantId: string, id: string) => useInvalidating(tenantId, (body: TLinkRequirementBody) => api.post<TControl>(`${base(tenantId)}/${id}/requirements`, body));
export const useUnlinkRequirement = (tenantId: string, id: string) =>
  useInvalidating(tenantId, (l: TLinkRequirementBody) => api.delete(`${base(tenantId)}/${id}/requirements/${encodeURIComponent(l.frameworkId)}/${encodeURIComponent(l.ref)}`));
export const useAcceptSuggestion = (tenantId: string, id: string) => useInvalidating(tenantId, (body: TLinkRequirementBody) => api.post<TControl>(`${base(tenantId)}/${id}/suggestions/accept`, body));
export const useDismissSuggestion = (tenantId: string, id: string) =>
  useInvalidating(tenantId, (body: TLinkRequirementBody) => api.post<TControlSuggestions>(`${base(tenantId)}/${id}/suggestions/dismiss`, body));
export const useAdoptFramework = (tenantId: string) => useInvalidating(tenantId, (frameworkId: string) => api.post<TAdoptedFrameworks>(`/api/tenants/${tenantId}/frameworks`, { frameworkId }));
export const useDropFramework = (tenantId: string) =>
  useInvalidating(tenantId, (frameworkId: string) => api.delete(`/api/tenants/${tenantId}/frameworks/${encodeURIComponent(frameworkId)}`));
