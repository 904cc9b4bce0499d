import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type {
  TAddCertAuditBody,
  TAssignTeamBody,
  TAssignTeamResult,
  TCertAudit,
  TCertAuditPage,
  TCertAuditTransitionBody,
  TDeclarationBody,
  TScheduleCertAuditBody,
  TTeamCheck,
} from '../../../shared/contracts/cert-audits';
import type { TCertAuditFilters } from '../../../shared/contracts/cert-audits';
export type { TCertAuditFilters };

const key = (tenantId: string, ...rest: unknown[]) => ['tenant', tenantId, 'cert-audits', ...rest] as const;
const B = (tenantId: string) => `/api/tenants/${tenantId}/audits`;


export const useCertAudits = (tenantId: string, filters: TCertAuditFilters, enabled = true) =>
  useInfiniteQuery({
    queryKey: key(tenantId, 'list', filters),
    queryFn: ({ pageParam }) => api.get<TCertAuditPage>(`${B(tenantId)}${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });

export const useCertAudit = (tenantId: string, auditId: string) =>
  useQuery({ queryKey: key(tenantId, 'one', auditId), queryFn: () => api.get<TCertAudit>(`${B(tenantId)}/${auditId}`) });

/** Every change to an audit refreshes the calendar and the audit itself. */
function useAuditMutation<I>(tenantId: string, call: (input: I) => Promise<TCertAudit>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: (audit) => {
      client.setQueryData(key(tenantId, 'one', audit.id), audit);
      return client.invalidateQueries({ queryKey: key(tenantId) });
    },
  });
}

export const useScheduleAudit = (tenantId: string, auditId: string) =>
  useAuditMutation(tenantId, (body: TScheduleCertAuditBody) => api.patch<TCertAudit>(`${B(tenantId)}/${auditId}`, body));

export const useAuditTransition = (tenantId: string, auditId: string) =>
  useAuditMutation(tenantId, (body: TCertAuditTransitionBody) => api.post<TCertAudit>(`${B(tenantId)}/${auditId}/transitions`, body));

export { key as certAuditKey };

export const useAddAudit = (tenantId: string) =>
  useAuditMutation(tenantId, (body: TAddCertAuditBody) => api.post<TCertAudit>(B(tenantId), body));

export const useTeamCheck = (tenantId: string, auditId: string) =>
  useQuery({ queryKey: key(tenantId, 'team-check', auditId), queryFn: () => api.get<TTeamCheck>(`${B(tenantId)}/${auditId}/team-check`) });

/** Puts a person on the team; the warnings (rotation) come back with the audit. */
export function useAssignTeamMember(tenantId: string, auditId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: TAssignTeamBody & { userId: string }) => api.put<TAssignTeamResult>(`${B(tenantId)}/${auditId}/team/${userId}`, body),
    meta: { inlineError: true },
    onSuccess: (res) => {
      client.setQueryData(key(tenantId, 'one', res.audit.id), res.audit);
      return client.invalidateQueries({ queryKey: key(tenantId) });
    },
  });
}

export function useRemoveTeamMember(tenantId: string, auditId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`${B(tenantId)}/${auditId}/team/${userId}`),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: key(tenantId) }),
  });
}

export const useSignDeclaration = (tenantId: string, auditId: string) =>
  useAuditMutation(tenantId, (body: TDeclarationBody) => api.post<TCertAudit>(`${B(tenantId)}/${auditId}/declaration`, body));
