import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query, upload } from '../../lib/api';
import type { TApproveBody, TCreateDocumentBody, TDocumentDetail, TDocumentList, TMandatoryChecklist, TTextVersionBody, TUpdateDocumentBody } from '../../../shared/contracts/documents';

const base = (tenantId: string) => `/api/tenants/${tenantId}/documents`;
const allKey = (tenantId: string) => ['tenant', tenantId, 'documents'] as const;

import type { TDocumentFilters } from '../../../shared/contracts/documents';
export type { TDocumentFilters };

export function useDocuments(tenantId: string, filters: TDocumentFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...allKey(tenantId), 'list', filters],
    queryFn: ({ pageParam }) => api.get<TDocumentList>(`${base(tenantId)}${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    placeholderData: keepPreviousData,
  });
}

export const useDocument = (tenantId: string, id: string) =>
  useQuery({ queryKey: [...allKey(tenantId), 'detail', id], queryFn: () => api.get<TDocumentDetail>(`${base(tenantId)}/${id}`) });

export const useVersionText = (tenantId: string, id: string, version: number | null) =>
  useQuery({
    queryKey: [...allKey(tenantId), 'text', id, version],
    queryFn: () => api.get<{ version: number; sha256: string; text: string }>(`${base(tenantId)}/${id}/versions/${version}/text`),
    enabled: version !== null,
  });

export const useChecklist = (tenantId: string, enabled = true) =>
  useQuery({ queryKey: [...allKey(tenantId), 'mandatory'], queryFn: () => api.get<TMandatoryChecklist>(`${base(tenantId)}/mandatory`), enabled });

export const contentUrl = (tenantId: string, id: string, version: number) => `${base(tenantId)}/${id}/versions/${version}/content`;

function useDocumentMutation<I>(tenantId: string, call: (input: I) => Promise<TDocumentDetail>) {
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

export const useCreateDocument = (tenantId: string) => useDocumentMutation(tenantId, (input: TCreateDocumentBody) => api.post<TDocumentDetail>(base(tenantId), input));
export const useUpdateDocument = (tenantId: string, id: string) => useDocumentMutation(tenantId, (input: TUpdateDocumentBody) => api.patch<TDocumentDetail>(`${base(tenantId)}/${id}`, input));
export const useAddText = (tenantId: string, id: string) => useDocumentMutation(tenantId, (input: TTextVersionBody) => api.post<TDocumentDetail>(`${base(tenantId)}/${id}/versions`, input));
export const useUploadVersion = (tenantId: string, id: string) =>
  useDocumentMutation(tenantId, (file: File) => upload<TDocumentDetail>(`${base(tenantId)}/${id}/versions/file${query({ filename: file.name })}`, file));
export const useVersionMove = (tenantId: string, id: string) =>
  useDocumentMutation(tenantId, (input: { version: number; move: 'submit' | 'publish' } | { version: number; move: 'approve'; body: TApproveBody }) =>
    api.post<TDocumentDetail>(`${base(tenantId)}/${id}/versions/${input.version}/${input.move}`, input.move === 'approve' ? input.body : {}),
  );
