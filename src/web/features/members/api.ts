import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { ME_KEY } from '../../lib/queryClient';
import type { TRole } from '../../../shared/contracts/roles';
import type { TCreatedInvitation, TCreateInvitationBody, TInvitationList, TMemberList } from '../../../shared/contracts/tenants';

const membersKey = (tenantId: string) => ['tenant', tenantId, 'members'] as const;
const invitationsKey = (tenantId: string) => ['tenant', tenantId, 'invitations'] as const;

export function useMembers(tenantId: string, enabled = true) {
  return useQuery({
    queryKey: membersKey(tenantId),
    queryFn: () => api.get<TMemberList>(`/api/tenants/${tenantId}/members`),
    enabled,
  });
}

export function useUpdateMemberRole(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: TRole }) =>
      api.patch<unknown>(`/api/tenants/${tenantId}/members/${userId}`, { role }),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: membersKey(tenantId) });
      await client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

export function useRemoveMember(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/api/tenants/${tenantId}/members/${userId}`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: membersKey(tenantId) });
      await client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

export function useInvitations(tenantId: string, enabled = true) {
  return useQuery({
    queryKey: invitationsKey(tenantId),
    queryFn: () => api.get<TInvitationList>(`/api/tenants/${tenantId}/invitations`),
    enabled,
  });
}

export function useInvite(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateInvitationBody) =>
      api.post<TCreatedInvitation>(`/api/tenants/${tenantId}/invitations`, input),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: invitationsKey(tenantId) }),
  });
}

export function useRevokeInvitation(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      api.delete(`/api/tenants/${tenantId}/invitations/${invitationId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: invitationsKey(tenantId) }),
  });
}
