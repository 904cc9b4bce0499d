import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, query } from '../../lib/api';
import type { TControlPage } from '../../../shared/contracts/controls';
import type { TSoaCreateDraftBody, TSoaEntry, TSoaExportFormat, TSoaOverview, TSoaUpdateEntryBody, TSoaVersion } from '../../../shared/contracts/soa';

const base = (tenantId: string) => `/api/tenants/${tenantId}/soa`;
const allKey = (tenantId: string) => ['tenant', tenantId, 'soa'] as const;

export function useSoaOverview(tenantId: string) {
  return useQuery({ queryKey: [...allKey(tenantId), 'overview'], queryFn: () => api.get<TSoaOverview>(base(tenantId)) });
}

/** The open version, or a numbered one. */
export function useSoaVersion(tenantId: string, which: number | 'open' | null) {
  return useQuery({
    queryKey: [...allKey(tenantId), 'version', which],
    queryFn: () => api.get<TSoaVersion>(which === 'open' ? `${base(tenantId)}/draft` : `${base(tenantId)}/versions/${which}`),
    enabled: which !== null,
    retry: (n, e) => !isApiError(e, 404) && n < 2,
  });
}

/** The organization's controls to choose implementing controls from (first 100 by reference). */
export function useControlOptions(tenantId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['tenant', tenantId, 'controls', 'options'],
    queryFn: () => api.get<TControlPage>(`/api/tenants/${tenantId}/controls${query({ limit: 100, sort: 'reference' })}`),
    enabled,
  });
}

export function useCreateDraft(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TSoaCreateDraftBody) => api.post<TSoaVersion>(`${base(tenantId)}/draft`, body),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: allKey(tenantId) }),
  });
}

export function useUpdateEntry(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ frameworkId, ref, body }: { frameworkId: string; ref: string; body: TSoaUpdateEntryBody }) =>
      api.patch<TSoaEntry>(`${base(tenantId)}/draft/entries/${encodeURIComponent(frameworkId)}/${encodeURIComponent(ref)}`, body),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: allKey(tenantId) }),
  });
}

type TMove = { kind: 'submit' } | { kind: 'reject'; comment: string } | { kind: 'approve'; comment?: string };

export function useMoveSoa(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: TMove) => api.post<TSoaVersion>(`${base(tenantId)}/draft/${kind}`, body),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: allKey(tenantId) }),
  });
}

export const soaExportUrl = (tenantId: string, number: number, format: TSoaExportFormat, locale: 'en' | 'fr') =>
  `${base(tenantId)}/versions/${number}/export${query({ format, locale })}`;
