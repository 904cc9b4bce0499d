import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TAuditPlan, TIssueAuditPlanInput, TOrgAuditPlan, TOrgAuditPlanList, TUpdateAuditPlanInput } from '../../../shared/contracts/audit-plan';
import type { TEngagementReadPage } from '../../../shared/contracts/engagement-reads';
import type { TReadFilters } from '../../../shared/contracts/engagement-reads';
export type { TReadFilters };

const planKey = (tenantId: string, auditId: string) => ['tenant', tenantId, 'audit-plan', auditId] as const;
const P = (tenantId: string, auditId: string) => `/api/tenants/${tenantId}/audits/${auditId}/plan`;

export const planPdfUrl = (tenantId: string, auditId: string, version: number) => `${P(tenantId, auditId)}/versions/${version}/pdf`;

export const useAuditPlan = (tenantId: string, auditId: string) => useQuery({ queryKey: planKey(tenantId, auditId), queryFn: () => api.get<TAuditPlan>(P(tenantId, auditId)) });

function usePlanMutation<I>(tenantId: string, auditId: string, call: (input: I) => Promise<TAuditPlan>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: (plan) => client.setQueryData(planKey(tenantId, auditId), plan),
  });
}

export const useSavePlan = (tenantId: string, auditId: string) => usePlanMutation(tenantId, auditId, (body: TUpdateAuditPlanInput) => api.put<TAuditPlan>(P(tenantId, auditId), body));
export const useIssuePlan = (tenantId: string, auditId: string) => usePlanMutation(tenantId, auditId, (body: TIssueAuditPlanInput) => api.post<TAuditPlan>(`${P(tenantId, auditId)}/issue`, body));
export const useRevisePlan = (tenantId: string, auditId: string) => usePlanMutation(tenantId, auditId, () => api.post<TAuditPlan>(`${P(tenantId, auditId)}/revise`, {}));

/* ───────── The organization's side ───────── */

const orgKey = (tenantId: string, engagementId: string) => ['tenant', tenantId, 'org-audit-plans', engagementId] as const;
const O = (tenantId: string, engagementId: string) => `/api/tenants/${tenantId}/certification/engagements/${engagementId}/plans`;

export const orgPlanPdfUrl = (tenantId: string, engagementId: string, planId: string) => `${O(tenantId, engagementId)}/${planId}/pdf`;

export const useOrgAuditPlans = (tenantId: string, engagementId: string) =>
  useQuery({ queryKey: orgKey(tenantId, engagementId), queryFn: () => api.get<TOrgAuditPlanList>(O(tenantId, engagementId)) });

export function useAcknowledgePlan(tenantId: string, engagementId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (planId: string) => api.post<TOrgAuditPlan>(`${O(tenantId, engagementId)}/${planId}/acknowledge`, {}),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: orgKey(tenantId, engagementId) }),
  });
}


export const useEngagementReads = (tenantId: string, filters: TReadFilters) =>
  useInfiniteQuery({
    queryKey: ['tenant', tenantId, 'engagement-reads', filters],
    queryFn: ({ pageParam }) => api.get<TEngagementReadPage>(`/api/tenants/${tenantId}/certification/engagement-reads${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
