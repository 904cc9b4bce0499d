import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { THistoryEvent } from '../../../shared/contracts/ai-systems';
import type { TControlChoices, TCreateEvidenceInput, TEvidenceDetail, TEvidenceFilters, TEvidencePage } from '../../../shared/contracts/evidence';

const base = (tenantId: string) => `/api/tenants/${tenantId}/evidence`;
const allKey = (tenantId: string) => ['tenant', tenantId, 'evidence'] as const;

export function useEvidenceList(tenantId: string, filters: TEvidenceFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...allKey(tenantId), 'list', filters],
    queryFn: ({ pageParam }) => api.get<TEvidencePage>(`${base(tenantId)}${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    placeholderData: keepPreviousData,
  });
}

export const useEvidence = (tenantId: string, id: string) =>
  useQuery({ queryKey: [...allKey(tenantId), 'detail', id], queryFn: () => api.get<TEvidenceDetail>(`${base(tenantId)}/${id}`) });

export const useEvidenceHistory = (tenantId: string, id: string) =>
  useQuery({ queryKey: [...allKey(tenantId), 'history', id], queryFn: () => api.get<{ items: THistoryEvent[] }>(`${base(tenantId)}/${id}/history${query({ limit: 50 })}`) });

export const useControlChoices = (tenantId: string) =>
  useQuery({ queryKey: [...allKey(tenantId), 'control-choices'], queryFn: () => api.get<TControlChoices>(`${base(tenantId)}/control-choices`) });

/** A client's evidence record, read by its auditors through the engagement (logged in both tenants). */
const throughEngagement = (engagementId: string) => `/api/engagements/${engagementId}/aims/evidence`;
export const useEngagementEvidence = (engagementId: string, id: string) =>
  useQuery({ queryKey: ['engagement', engagementId, 'evidence', 'detail', id], queryFn: () => api.get<TEvidenceDetail>(`${throughEngagement(engagementId)}/${id}`) });
export const engagementFileUrl = (engagementId: string, id: string) => `${throughEngagement(engagementId)}/${id}/file`;

export const exportUrl = (tenantId: string, locale: 'en' | 'fr') => `${base(tenantId)}/export.xlsx${query({ locale })}`;

export const fileUrl = (tenantId: string, id: string) => `${base(tenantId)}/${id}/file`;

function useEvidenceMutation<I>(tenantId: string, call: (input: I) => Promise<TEvidenceDetail>) {
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

/** File metadata travels in the query string; the file itself is the body. */
export type TFileUpload = { file: File; meta: Record<string, string | undefined> };

export const useCreateEvidence = (tenantId: string) => useEvidenceMutation(tenantId, (input: TCreateEvidenceInput) => api.post<TEvidenceDetail>(base(tenantId), input));
export const useUploadEvidence = (tenantId: string) =>
  useEvidenceMutation(tenantId, ({ file, meta }: TFileUpload) => api.upload<TEvidenceDetail>(`${base(tenantId)}/files${query({ ...meta, filename: file.name })}`, file));
export const useSubmitEvidence = (tenantId: string, id: string) => useEvidenceMutation(tenantId, () => api.post<TEvidenceDetail>(`${base(tenantId)}/${id}/submit`));
export const useReviewEvidence = (tenantId: string, id: string) =>
  useEvidenceMutation(tenantId, ({ decision, comment }: { decision: 'accept' | 'reject'; comment: string }) => api.post<TEvidenceDetail>(`${base(tenantId)}/${id}/${decision}`, { comment }));
