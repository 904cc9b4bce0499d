import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type {
  TCompetenceRecord,
  TCreateCompetenceBody,
  TCreateObjectiveBody,
  TCreatePartyBody,
  TObjective,
  TObjectiveDetail,
  TParty,
  TRecordResultBody,
  TScopeOverview,
  TScopeVersion,
  TUpdateCompetenceBody,
  TUpdateObjectiveBody,
  TUpdatePartyBody,
  TUpdateScopeBody,
} from '../../../shared/contracts/aims-records-context';
import type { THistoryEvent } from '../../../shared/contracts/ai-systems';
import type { TFile } from '../../../shared/contracts/files';
import type { TPartyFilters, TObjectiveFilters, TCompetenceFilters } from '../../../shared/contracts/aims-records-context';
export type { TPartyFilters, TObjectiveFilters, TCompetenceFilters };

type TPage<T> = { items: T[]; nextCursor: string | null };
const key = (tenantId: string, ...rest: unknown[]) => ['tenant', tenantId, 'aims-records', ...rest] as const;
const T = (tenantId: string) => `/api/tenants/${tenantId}`;

function useList<R>(tenantId: string, kind: string, path: string, filters: Record<string, string | number | undefined>, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: key(tenantId, kind, 'list', filters),
    queryFn: ({ pageParam }) => api.get<TPage<R>>(`${T(tenantId)}/${path}${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    placeholderData: keepPreviousData,
  });
}

function useRecordMutation<I, R>(tenantId: string, kind: string, call: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: key(tenantId, kind) }),
  });
}

// Scope statement
export const useScope = (tenantId: string, enabled = true) => useQuery({ queryKey: key(tenantId, 'scope', 'overview'), queryFn: () => api.get<TScopeOverview>(`${T(tenantId)}/aims-scope`), enabled });
export const useScopeVersions = (tenantId: string, enabled = true) =>
  useList<{ version: number; status: TScopeVersion['status']; aiSystemCount: number; updatedAt: string; approvedBy: { id: string; name: string } | null; approvedAt: string | null }>(
    tenantId,
    'scope',
    'aims-scope/versions',
    {},
    enabled,
  );
export const useScopeVersion = (tenantId: string, version: number | null) =>
  useQuery({ queryKey: key(tenantId, 'scope', 'version', version), queryFn: () => api.get<TScopeVersion>(`${T(tenantId)}/aims-scope/versions/${version}`), enabled: version !== null });
export const useStartScope = (tenantId: string) => useRecordMutation(tenantId, 'scope', (body: TUpdateScopeBody) => api.post<TScopeVersion>(`${T(tenantId)}/aims-scope/versions`, body));
export const useUpdateScope = (tenantId: string, version: number) =>
  useRecordMutation(tenantId, 'scope', (body: TUpdateScopeBody) => api.patch<TScopeVersion>(`${T(tenantId)}/aims-scope/versions/${version}`, body));
export const useApproveScope = (tenantId: string, version: number) =>
  useRecordMutation(tenantId, 'scope', (body: { comment?: string }) => api.post<TScopeVersion>(`${T(tenantId)}/aims-scope/versions/${version}/approve`, body));

// Interested parties
export const useParties = (tenantId: string, filters: TPartyFilters, enabled = true) => useList<TParty>(tenantId, 'parties', 'interested-parties', filters, enabled);
export const useCreateParty = (tenantId: string) => useRecordMutation(tenantId, 'parties', (body: TCreatePartyBody) => api.post<TParty>(`${T(tenantId)}/interested-parties`, body));
export const useUpdateParty = (tenantId: string) =>
  useRecordMutation(tenantId, 'parties', ({ id, body }: { id: string; body: TUpdatePartyBody }) => api.patch<TParty>(`${T(tenantId)}/interested-parties/${id}`, body));

// AI objectives
export const useObjectives = (tenantId: string, filters: TObjectiveFilters, enabled = true) => useList<TObjective>(tenantId, 'objectives', 'objectives', filters, enabled);
export const useObjective = (tenantId: string, id: string | null) =>
  useQuery({ queryKey: key(tenantId, 'objectives', 'detail', id), queryFn: () => api.get<TObjectiveDetail>(`${T(tenantId)}/objectives/${id}`), enabled: id !== null });
export const useCreateObjective = (tenantId: string) => useRecordMutation(tenantId, 'objectives', (body: TCreateObjectiveBody) => api.post<TObjectiveDetail>(`${T(tenantId)}/objectives`, body));
export const useUpdateObjective = (tenantId: string) =>
  useRecordMutation(tenantId, 'objectives', ({ id, body }: { id: string; body: TUpdateObjectiveBody }) => api.patch<TObjectiveDetail>(`${T(tenantId)}/objectives/${id}`, body));
export const useRecordResult = (tenantId: string, id: string) =>
  useRecordMutation(tenantId, 'objectives', (body: TRecordResultBody) => api.post<TObjectiveDetail>(`${T(tenantId)}/objectives/${id}/results`, body));

// Competence and awareness
export const useCompetence = (tenantId: string, filters: TCompetenceFilters, enabled = true) => useList<TCompetenceRecord>(tenantId, 'competence', 'competence-records', filters, enabled);
export const useCreateCompetence = (tenantId: string) =>
  useRecordMutation(tenantId, 'competence', (body: TCreateCompetenceBody) => api.post<TCompetenceRecord>(`${T(tenantId)}/competence-records`, body));
export const useUpdateCompetence = (tenantId: string) =>
  useRecordMutation(tenantId, 'competence', ({ id, body }: { id: string; body: TUpdateCompetenceBody }) => api.patch<TCompetenceRecord>(`${T(tenantId)}/competence-records/${id}`, body));

/** A record's audit trail, newest first (parties, objectives and competence records have one). */
export const useRecordHistory = (tenantId: string, kind: 'parties' | 'objectives' | 'competence', path: string) =>
  useQuery({ queryKey: key(tenantId, kind, 'history', path), queryFn: () => api.get<{ items: THistoryEvent[]; nextCursor: string | null }>(`${T(tenantId)}/${path}/history`) });

/** A certificate or attestation for a competence record: stored in the tenant's files, then linked by id. */
export const useUploadFile = (tenantId: string) => useMutation({ mutationFn: (file: File) => api.upload<TFile>(`${T(tenantId)}/files${query({ filename: file.name })}`, file), meta: { inlineError: true } });
export const fileContentUrl = (tenantId: string, fileId: string) => `${T(tenantId)}/files/${fileId}/content`;
