import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, query } from '../../lib/api';
import { ME_KEY } from '../../lib/queryClient';
import type { TAuditTimeCalculation } from '../../../shared/contracts/audit-time';
import type { TUser } from '../../../shared/contracts/accounts';
import type {
  TAcceptProposalBody,
  TCreateProposalBody,
  TCreateSoc2ProposalInput,
  TOrgEngagement,
  TOrgEngagementList,
  TProposal,
  TProposalList,
  TProposalSignUpInput,
  TPublicProposal,
  TSendProposalBody,
  TUpdateProposalBody,
} from '../../../shared/contracts/proposals';

const B = (tenantId: string) => `/api/tenants/${tenantId}/proposals`;
const key = (tenantId: string, ...rest: unknown[]) => ['tenant', tenantId, 'proposals', ...rest] as const;

import type { TProposalFilters } from '../../../shared/contracts/proposals';
export type { TProposalFilters };

export const useProposals = (tenantId: string, filters: TProposalFilters, enabled = true) =>
  useInfiniteQuery({
    queryKey: key(tenantId, 'list', filters),
    queryFn: ({ pageParam }) => api.get<TProposalList>(`${B(tenantId)}${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });

export const useProposal = (tenantId: string, id: string) => useQuery({ queryKey: key(tenantId, 'one', id), queryFn: () => api.get<TProposal>(`${B(tenantId)}/${id}`) });

/** The client's latest stored audit-time calculation, or null: where a new proposal takes its days from. */
export const useLatestCalculation = (tenantId: string, clientId: string | null) =>
  useQuery({
    queryKey: ['tenant', tenantId, 'audit-time', 'latest', clientId],
    queryFn: async () => (await api.get<{ items: TAuditTimeCalculation[] }>(`/api/tenants/${tenantId}/audit-time/calculations${query({ clientId: clientId ?? undefined, limit: 1 })}`)).items[0] ?? null,
    enabled: Boolean(clientId),
  });

function useProposalMutation<I>(tenantId: string, call: (input: I) => Promise<TProposal>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: (p) => {
      client.setQueryData(key(tenantId, 'one', p.id), p);
      return client.invalidateQueries({ queryKey: key(tenantId, 'list') });
    },
  });
}

export const useCreateProposal = (tenantId: string) => useProposalMutation(tenantId, (body: TCreateProposalBody) => api.post<TProposal>(B(tenantId), body));
export const useCreateSoc2Proposal = (tenantId: string) => useProposalMutation(tenantId, (body: TCreateSoc2ProposalInput) => api.post<TProposal>(`${B(tenantId)}/soc2`, body));
export const useUpdateProposal = (tenantId: string, id: string) => useProposalMutation(tenantId, (body: TUpdateProposalBody) => api.patch<TProposal>(`${B(tenantId)}/${id}`, body));
export const useSendProposal = (tenantId: string, id: string) => useProposalMutation(tenantId, (body: TSendProposalBody) => api.post<TProposal>(`${B(tenantId)}/${id}/send`, body));
export const useWithdrawProposal = (tenantId: string, id: string) => useProposalMutation(tenantId, (reason: string) => api.post<TProposal>(`${B(tenantId)}/${id}/withdraw`, { reason }));
export const proposalDocumentUrl = (tenantId: string, id: string, locale?: string) => `${B(tenantId)}/${id}/document${query({ locale })}`;

/* The link holder's side. */
const P = (token: string) => `/api/public/proposals/${encodeURIComponent(token)}`;
export const publicProposalKey = (token: string) => ['public-proposal', token] as const;
export const usePublicProposal = (token: string) =>
  useQuery({
    queryKey: publicProposalKey(token),
    queryFn: () => api.get<TPublicProposal>(P(token)),
    retry: (n, e) => n < 2 && !isApiError(e, 404) && !isApiError(e, 400),
  });
export const publicDocumentUrl = (token: string) => `${P(token)}/document`;

/**
 * The proposal itself is not refetched on success: the answer's confirmation stays on screen
 * (a refetched proposal would read "accepted" and replace it); a reload shows the new state.
 */
function usePublicMutation<I, O>(call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ME_KEY }), client.invalidateQueries({ queryKey: ['tenants'] })]),
  });
}
export const useProposalSignUp = (token: string) => usePublicMutation((body: TProposalSignUpInput) => api.post<{ user: TUser }>(`${P(token)}/sign-up`, body));
export const useAcceptProposal = (token: string) =>
  usePublicMutation((body: TAcceptProposalBody) => api.post<{ organizationTenantId: string; engagementId: string; examinationId: string | null }>(`${P(token)}/accept`, body));
export const useDeclineProposal = (token: string) => usePublicMutation((reason: string) => api.post<void>(`${P(token)}/decline`, { reason }));

/* The organization's side. */
const E = (tenantId: string) => `/api/tenants/${tenantId}/certification/engagements`;
export const useOrgEngagements = (tenantId: string, enabled = true) =>
  useQuery({ queryKey: ['tenant', tenantId, 'org-engagements'], queryFn: () => api.get<TOrgEngagementList>(E(tenantId)), enabled });
export const useOrgEngagement = (tenantId: string, id: string) =>
  useQuery({ queryKey: ['tenant', tenantId, 'org-engagements', id], queryFn: () => api.get<TOrgEngagement>(`${E(tenantId)}/${id}`) });
