import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { TReadiness } from '../../../shared/contracts/readiness';

export const useReadiness = (tenantId: string, frameworkId: string) =>
  useQuery({
    queryKey: ['tenant', tenantId, 'readiness', frameworkId],
    queryFn: () => api.get<TReadiness>(`/api/tenants/${tenantId}/readiness/${encodeURIComponent(frameworkId)}`),
    placeholderData: keepPreviousData,
    // Derived from every other module's records: whatever changed elsewhere shows when the page opens.
    staleTime: 0,
    refetchOnMount: 'always',
  });
