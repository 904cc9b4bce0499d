import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TAuditPage, TAuditQuery, TAuditVerify } from '../../../shared/contracts/audit';

export const AUDIT_PAGE_SIZE = 50;

export function useAuditEvents(tenantId: string, filters: Pick<TAuditQuery, 'action' | 'subjectType'>, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['tenant', tenantId, 'audit-events', filters],
    queryFn: ({ pageParam }) =>
      api.get<TAuditPage>(
        `/api/tenants/${tenantId}/audit-events${query({
          limit: AUDIT_PAGE_SIZE,
          cursor: pageParam,
          action: filters.action,
          subjectType: filters.subjectType,
        })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useAuditVerification(tenantId: string, enabled = true) {
  return useQuery({
    queryKey: ['tenant', tenantId, 'audit-verify'],
    queryFn: () => api.get<TAuditVerify>(`/api/tenants/${tenantId}/audit-events/verify`),
    enabled,
  });
}
