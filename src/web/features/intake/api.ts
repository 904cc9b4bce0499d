import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type {
  TBodySettings,
  TBodySettingsBody,
  TClientAiSystemBody,
  TClientDetail,
  TClientSiteBody,
  TCreateClientBody,
  TEnquiry,
  TPublicBody,
  TQuoteRequestBody,
  TUpdateClientBody,
} from '../../../shared/contracts/intake';
import type { TClient } from '../../../shared/contracts/intake';

const T = (tenantId: string) => `/api/tenants/${tenantId}`;
const key = (tenantId: string, what: 'clients' | 'enquiries' | 'bodySettings') => ['tenant', tenantId, what] as const;

type TPage<X> = { items: X[]; nextCursor: string | null };

export const usePublicBody = (slug: string) => useQuery({ queryKey: ['public-body', slug], queryFn: () => api.get<TPublicBody>(`/api/public/bodies/${encodeURIComponent(slug)}`), retry: false });
export const useSendQuoteRequest = (slug: string) =>
  useMutation({ mutationFn: (body: TQuoteRequestBody) => api.post<{ status: 'received' }>(`/api/public/bodies/${encodeURIComponent(slug)}/quote-requests`, body), meta: { inlineError: true } });

export const useBodySettings = (tenantId: string) => useQuery({ queryKey: key(tenantId, 'bodySettings'), queryFn: () => api.get<TBodySettings>(`${T(tenantId)}/body-settings`) });

function useInvalidating<I, O>(tenantId: string, call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: async () => {
      await Promise.all((['clients', 'enquiries', 'bodySettings'] as const).map((w) => client.invalidateQueries({ queryKey: key(tenantId, w) })));
    },
  });
}

export const useSaveBodySettings = (tenantId: string) => useInvalidating(tenantId, (body: TBodySettingsBody) => api.put<TBodySettings>(`${T(tenantId)}/body-settings`, body));

import type { TEnquiryFilters } from '../../../shared/contracts/intake';
export type { TEnquiryFilters };
export const useEnquiries = (tenantId: string, filters: TEnquiryFilters, enabled = true) =>
  useInfiniteQuery({
    queryKey: [...key(tenantId, 'enquiries'), 'list', filters],
    queryFn: ({ pageParam }) => api.get<TPage<TEnquiry>>(`${T(tenantId)}/enquiries${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    placeholderData: keepPreviousData,
  });
export const useEnquiry = (tenantId: string, id: string | null) =>
  useQuery({ queryKey: [...key(tenantId, 'enquiries'), 'detail', id], queryFn: () => api.get<TEnquiry>(`${T(tenantId)}/enquiries/${id}`), enabled: Boolean(id) });
export const useDeclineEnquiry = (tenantId: string, id: string) => useInvalidating(tenantId, (reason: string) => api.post<TEnquiry>(`${T(tenantId)}/enquiries/${id}/decline`, { reason }));
export const useConvertEnquiry = (tenantId: string, id: string) => useInvalidating(tenantId, (body: TCreateClientBody) => api.post<TClientDetail>(`${T(tenantId)}/enquiries/${id}/convert`, body));

import type { TClientFilters } from '../../../shared/contracts/intake';
export type { TClientFilters };
export const useClients = (tenantId: string, filters: TClientFilters, enabled = true) =>
  useInfiniteQuery({
    queryKey: [...key(tenantId, 'clients'), 'list', filters],
    queryFn: ({ pageParam }) => api.get<TPage<TClient>>(`${T(tenantId)}/clients${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    placeholderData: keepPreviousData,
  });
export const useClient = (tenantId: string, id: string) => useQuery({ queryKey: [...key(tenantId, 'clients'), 'detail', id], queryFn: () => api.get<TClientDetail>(`${T(tenantId)}/clients/${id}`) });
export const useCreateClient = (tenantId: string) => useInvalidating(tenantId, (body: TCreateClientBody) => api.post<TClientDetail>(`${T(tenantId)}/clients`, body));
export const useUpdateClient = (tenantId: string, id: string) => useInvalidating(tenantId, (body: TUpdateClientBody) => api.patch<TClientDetail>(`${T(tenantId)}/clients/${id}`, body));
export const useAddSite = (tenantId: string, id: string) => useInvalidating(tenantId, (body: TClientSiteBody) => api.post<TClientDetail>(`${T(tenantId)}/clients/${id}/sites`, body));
export const useMakeCentral = (tenantId: string, id: string) => useInvalidating(tenantId, (siteId: string) => api.patch<TClientDetail>(`${T(tenantId)}/clients/${id}/sites/${siteId}`, { isCentral: true }));
export const useRemoveSite = (tenantId: string, id: string) => useInvalidating(tenantId, (siteId: string) => api.delete(`${T(tenantId)}/clients/${id}/sites/${siteId}`));
export const useAddAiSystem = (tenantId: string, id: string) => useInvalidating(tenantId, (body: TClientAiSystemBody) => api.post<TClientDetail>(`${T(tenantId)}/clients/${id}/ai-systems`, body));
export const useRemoveAiSystem = (tenantId: string, id: string) => useInvalidating(tenantId, (aiSystemId: string) => api.delete(`${T(tenantId)}/clients/${id}/ai-systems/${aiSystemId}`));
