import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TAudit, TAuditSummary, TCreateAuditBody, TCreateFindingBody, TCreateProgrammeBody, TProgramme, TProgrammeSummary, TUpdateAuditBody } from '../../../shared/contracts/internal-audits';
import type { TCreateReviewBody, TReview, TReviewSummary, TUpdateReviewBody } from '../../../shared/contracts/management-reviews';
import type { TCreateNonconformityBody, TEffectivenessCheckBody, TNcEvent, TNonconformity, TNonconformityList, TRaiseNonconformityBody, TUpdateNonconformityBody } from '../../../shared/contracts/nonconformities';
import type { TCreateIncidentBody, TIncident, TIncidentEvent, TIncidentList, TIncidentSettings, TUpdateIncidentBody, TUpdateIncidentSettingsBody } from '../../../shared/contracts/ai-incidents';

/*
 * The four improvement records share one cache root per tenant: a nonconformity raised from a
 * finding or an incident changes the lists of both, so every write refreshes the whole family.
 */
const root = (tenantId: string) => ['tenant', tenantId, 'improvement'] as const;
const url = (tenantId: string, path: string) => `/api/tenants/${tenantId}/${path}`;
type TPage<T> = { items: T[]; nextCursor: string | null };

function useList<T>(tenantId: string, path: string, filters: Record<string, string | undefined>, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...root(tenantId), path, 'list', filters],
    queryFn: ({ pageParam }) => api.get<TPage<T>>(`${url(tenantId, path)}${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    placeholderData: keepPreviousData,
  });
}

const useOne = <T,>(tenantId: string, path: string, id: string | null) =>
  useQuery({ queryKey: [...root(tenantId), path, 'detail', id], queryFn: () => api.get<T>(`${url(tenantId, path)}/${id}`), enabled: Boolean(id) });

function useWrite<I, O>(tenantId: string, call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: root(tenantId) }),
  });
}

export const useProgrammes = (tenantId: string, enabled = true) => useList<TProgrammeSummary>(tenantId, 'audit-programmes', { sort: 'period' }, enabled);
export const useProgramme = (tenantId: string, id: string | null) => useOne<TProgramme>(tenantId, 'audit-programmes', id);
export const useCreateProgramme = (tenantId: string) => useWrite(tenantId, (b: TCreateProgrammeBody) => api.post<TProgramme>(url(tenantId, 'audit-programmes'), b));

export const useAudits = (tenantId: string, filters: Record<string, string | undefined>, enabled = true) => useList<TAuditSummary>(tenantId, 'internal-audits', filters, enabled);
export const useAudit = (tenantId: string, id: string | null) => useOne<TAudit>(tenantId, 'internal-audits', id);
export const useCreateAudit = (tenantId: string) => useWrite(tenantId, (b: TCreateAuditBody) => api.post<TAudit>(url(tenantId, 'internal-audits'), b));
export const useUpdateAudit = (tenantId: string, id: string) => useWrite(tenantId, (b: TUpdateAuditBody) => api.patch<TAudit>(url(tenantId, `internal-audits/${id}`), b));
export const useAuditTransition = (tenantId: string, id: string) => useWrite(tenantId, (event: 'start' | 'complete') => api.post<TAudit>(url(tenantId, `internal-audits/${id}/transitions`), { event }));
export const useAddFinding = (tenantId: string, id: string) => useWrite(tenantId, (b: TCreateFindingBody) => api.post<TAudit>(url(tenantId, `internal-audits/${id}/findings`), b));

export const useReviews = (tenantId: string, enabled = true) => useList<TReviewSummary>(tenantId, 'management-reviews', { sort: 'held' }, enabled);
export const useReview = (tenantId: string, id: string | null) => useOne<TReview>(tenantId, 'management-reviews', id);
export const useCreateReview = (tenantId: string) => useWrite(tenantId, (b: TCreateReviewBody) => api.post<TReview>(url(tenantId, 'management-reviews'), b));
export const useUpdateReview = (tenantId: string, id: string) => useWrite(tenantId, (b: TUpdateReviewBody) => api.patch<TReview>(url(tenantId, `management-reviews/${id}`), b));
export const useCompleteReview = (tenantId: string, id: string) => useWrite(tenantId, () => api.post<TReview>(url(tenantId, `management-reviews/${id}/complete`), {}));

export const useNonconformities = (tenantId: string, filters: Record<string, string | undefined>, enabled = true) => useList<TNonconformityList['items'][number]>(tenantId, 'nonconformities', filters, enabled);
export const useNonconformity = (tenantId: string, id: string | null) => useOne<TNonconformity>(tenantId, 'nonconformities', id);
export const useCreateNonconformity = (tenantId: string) => useWrite(tenantId, (b: TCreateNonconformityBody) => api.post<TNonconformity>(url(tenantId, 'nonconformities'), b));
export const useUpdateNonconformity = (tenantId: string, id: string) => useWrite(tenantId, (b: TUpdateNonconformityBody) => api.patch<TNonconformity>(url(tenantId, `nonconformities/${id}`), b));
export const useNcTransition = (tenantId: string, id: string) => useWrite(tenantId, (event: TNcEvent) => api.post<TNonconformity>(url(tenantId, `nonconformities/${id}/transitions`), { event }));
export const useCheckEffectiveness = (tenantId: string, id: string) => useWrite(tenantId, (b: TEffectivenessCheckBody) => api.post<TNonconformity>(url(tenantId, `nonconformities/${id}/effectiveness-check`), b));

export const useIncidents = (tenantId: string, filters: Record<string, string | undefined>, enabled = true) => useList<TIncidentList['items'][number]>(tenantId, 'ai-incidents', filters, enabled);
export const useIncident = (tenantId: string, id: string | null) => useOne<TIncident>(tenantId, 'ai-incidents', id);
export const useCreateIncident = (tenantId: string) => useWrite(tenantId, (b: TCreateIncidentBody) => api.post<TIncident>(url(tenantId, 'ai-incidents'), b));
export const useUpdateIncident = (tenantId: string, id: string) => useWrite(tenantId, (b: TUpdateIncidentBody) => api.patch<TIncident>(url(tenantId, `ai-incidents/${id}`), b));
export const useIncidentTransition = (tenantId: string, id: string) => useWrite(tenantId, (event: TIncidentEvent) => api.post<TIncident>(url(tenantId, `ai-incidents/${id}/transitions`), { event }));
export const useRaiseNonconformity = (tenantId: string, id: string) => useWrite(tenantId, (b: TRaiseNonconformityBody) => api.post<TNonconformity>(url(tenantId, `ai-incidents/${id}/nonconformity`), b));
export const useIncidentSettings = (tenantId: string) =>
  useQuery({ queryKey: [...root(tenantId), 'ai-incident-settings'], queryFn: () => api.get<TIncidentSettings>(url(tenantId, 'ai-incident-settings')) });
export const useUpdateIncidentSettings = (tenantId: string) => useWrite(tenantId, (b: TUpdateIncidentSettingsBody) => api.put<TIncidentSettings>(url(tenantId, 'ai-incident-settings'), b));
