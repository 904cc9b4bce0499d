import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TCycleDashboard, TCycleFilter } from '../../../shared/contracts/cycle';

/** The body's dashboard, or the organization's own rows (`side`). */
export const useCycleDashboard = (side: 'body' | 'organization', tenantId: string, status: TCycleFilter, enabled = true) =>
  useQuery({
    queryKey: ['tenant', tenantId, 'cycle', side, status],
    queryFn: () => api.get<TCycleDashboard>(`/api/tenants/${tenantId}/${side === 'body' ? 'surveillance' : 'certification/cycle'}${query({ status })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
