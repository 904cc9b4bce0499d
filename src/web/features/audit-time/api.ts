import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TAuditTimeCalculation, TAuditTimeClientInputs, TAuditTimeOverview, TAuditTimeResult, TCalculateAuditTimeBody } from '../../../shared/contracts/audit-time';

const key = (tenantId: string, ...rest: unknown[]) => ['tenant', tenantId, 'audit-time', ...rest] as const;
const T = (tenantId: string) => `/api/tenants/${tenantId}/audit-time`;

export const useAuditTimeOverview = (tenantId: string, enabled = true) =>
  useQuery({ queryKey: key(tenantId, 'overview'), queryFn: () => api.get<TAuditTimeOverview>(T(tenantId)), enabled });

export const useClientInputs = (tenantId: string, clientId: string | null) =>
  useQuery({ queryKey: key(tenantId, 'client', clientId), queryFn: () => api.get<TAuditTimeClientInputs>(`${T(tenantId)}/clients/${clientId}/inputs`), enabled: Boolean(clientId) });

export const useCalculations = (tenantId: string, clientId: string | null, enabled = true) =>
  useQuery({
    queryKey: key(tenantId, 'calculations', clientId),
    queryFn: () => api.get<{ items: TAuditTimeCalculation[]; nextCursor: string | null }>(`${T(tenantId)}/calculations${query({ limit: 20, clientId })}`),
    enabled,
  });

export function useCalculate(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCalculateAuditTimeBody) => api.post<{ result: TAuditTimeResult; calculation: TAuditTimeCalculation | null }>(`${T(tenantId)}/calculate`, body),
    meta: { inlineError: true },
    onSuccess: (r) => (r.calculation ? client.invalidateQueries({ queryKey: key(tenantId, 'calculations') }) : undefined),
  });
}
