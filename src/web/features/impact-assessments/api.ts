import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TAiSystemPage } from '../../../shared/contracts/ai-systems';
import type {
  TAssessment,
  TAssessmentListQuery,
  TAssessmentPage,
  TCreateAssessmentBody,
  TFriaApplicability,
  TUpdateAssessmentBody,
  TUpdateImpactSettings,
} from '../../../shared/contracts/impact-assessments';
import type { z } from 'zod';
import type { ZImpactSettingsDto } from '../../../shared/contracts/impact-assessments';

type TSettings = z.infer<typeof ZImpactSettingsDto>;
const base = (tenantId: string) => `/api/tenants/${tenantId}/impact-assessments`;
const allKey = (tenantId: string) => ['tenant', tenantId, 'impact-assessments'] as const;

export function useAssessments(tenantId: string, filters: Pick<TAssessmentListQuery, 'aiSystemId' | 'status' | 'variant'>, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...allKey(tenantId), 'list', filters],
    queryFn: ({ pageParam }) => api.get<TAssessmentPage>(`${base(tenantId)}${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useAssessment(tenantId: string, id: string, version?: number) {
  return useQuery({
    queryKey: [...allKey(tenantId), 'detail', id, version ?? 'latest'],
    queryFn: () => api.get<TAssessment>(version ? `${base(tenantId)}/${id}/versions/${version}` : `${base(tenantId)}/${id}`),
  });
}

/** The organization's AI systems, for choosing the one an assessment is about (first 100 by name). */
export function useAiSystemOptions(tenantId: string) {
  return useQuery({
    queryKey: ['tenant', tenantId, 'ai-systems', 'options'],
    queryFn: () => api.get<TAiSystemPage>(`/api/tenants/${tenantId}/ai-systems${query({ limit: 100, sort: 'name' })}`),
  });
}

export function useApplicability(tenantId: string, aiSystemId: string | null) {
  return useQuery({
    queryKey: [...allKey(tenantId), 'applicability', aiSystemId],
    queryFn: () => api.get<TFriaApplicability>(`${base(tenantId)}/fria-applicability${query({ aiSystemId })}`),
    enabled: Boolean(aiSystemId),
  });
}

export function useCreateAssessment(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateAssessmentBody) => api.post<TAssessment>(base(tenantId), input),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: allKey(tenantId) }),
  });
}

export function useUpdateAssessment(tenantId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TUpdateAssessmentBody) => api.patch<TAssessment>(`${base(tenantId)}/${id}`, input),
    meta: { inlineError: true },
    onSuccess: (data) => {
      client.setQueryData([...allKey(tenantId), 'detail', id, 'latest'], data);
      return client.invalidateQueries({ queryKey: [...allKey(tenantId), 'list'] });
    },
  });
}

type TMove = { kind: 'submit' } | { kind: 'return'; comment: string } | { kind: 'approve'; comment?: string } | { kind: 'versions' };

export function useMoveAssessment(tenantId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (m: TMove) => {
      const { kind, ...body } = m;
      return api.post<TAssessment>(`${base(tenantId)}/${id}/${kind}`, body);
    },
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: allKey(tenantId) }),
  });
}

export function useImpactSettings(tenantId: string, enabled = true) {
  return useQuery({ queryKey: [...allKey(tenantId), 'settings'], queryFn: () => api.get<TSettings>(`${base(tenantId)}/settings`), enabled });
}

export function useUpdateImpactSettings(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TUpdateImpactSettings) => api.patch<TSettings>(`${base(tenantId)}/settings`, input),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: allKey(tenantId) }),
  });
}

export const exportUrl = (tenantId: string, id: string, version: number, format: 'pdf' | 'json', lang: 'en' | 'fr') =>
  `${base(tenantId)}/${id}/versions/${version}/export${query({ format, lang })}`;
