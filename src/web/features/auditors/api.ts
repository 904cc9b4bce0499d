import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type {
  TAuditorCompetence,
  TAuditorCompetenceBody,
  TAuditorCompetencePatch,
  TAuditorConflict,
  TAuditorConflictBody,
} from '../../../shared/contracts/cert-audits';

const key = (tenantId: string, ...rest: unknown[]) => ['tenant', tenantId, 'auditors', ...rest] as const;
const B = (tenantId: string) => `/api/tenants/${tenantId}/auditors`;

export const useCompetences = (tenantId: string, userId?: string) =>
  useQuery({ queryKey: key(tenantId, 'competences', userId ?? null), queryFn: () => api.get<{ items: TAuditorCompetence[] }>(`${B(tenantId)}/competences${query({ userId })}`) });

export const useConflicts = (tenantId: string, filters: { clientId?: string; userId?: string } = {}) =>
  useQuery({ queryKey: key(tenantId, 'conflicts', filters), queryFn: () => api.get<{ items: TAuditorConflict[] }>(`${B(tenantId)}/conflicts${query(filters)}`) });

function useAuditorsMutation<I, O>(tenantId: string, call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: key(tenantId) });
      // Team checks read these records.
      await client.invalidateQueries({ queryKey: ['tenant', tenantId, 'cert-audits'] });
    },
  });
}

export const useRecordCompetence = (tenantId: string) =>
  useAuditorsMutation(tenantId, (body: TAuditorCompetenceBody) => api.post<TAuditorCompetence>(`${B(tenantId)}/competences`, body));
export const useUpdateCompetence = (tenantId: string) =>
  useAuditorsMutation(tenantId, ({ id, ...body }: TAuditorCompetencePatch & { id: string }) => api.patch<TAuditorCompetence>(`${B(tenantId)}/competences/${id}`, body));
export const useDeleteCompetence = (tenantId: string) => useAuditorsMutation(tenantId, (id: string) => api.delete(`${B(tenantId)}/competences/${id}`));
export const useDeclareConflict = (tenantId: string) =>
  useAuditorsMutation(tenantId, (body: TAuditorConflictBody) => api.post<TAuditorConflict>(`${B(tenantId)}/conflicts`, body));
export const useWithdrawConflict = (tenantId: string) => useAuditorsMutation(tenantId, (id: string) => api.delete(`${B(tenantId)}/conflicts/${id}`));
