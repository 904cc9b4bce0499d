import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { ME_KEY } from '../../lib/queryClient';
import type { TAcceptedInvitation, TAcceptInvitationBody, TInvitationPreview } from '../../../shared/contracts/tenants';

const invitationKey = (token: string) => ['invitation', token] as const;

export function usePublicInvitation(token: string) {
  return useQuery({
    queryKey: invitationKey(token),
    queryFn: () => api.get<TInvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useAcceptInvitation(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TAcceptInvitationBody) =>
      api.post<TAcceptedInvitation>(`/api/invitations/${encodeURIComponent(token)}/accept`, input),
    meta: { inlineError: true },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ME_KEY });
      await client.invalidateQueries({ queryKey: ['tenants'] });
    },
  });
}
