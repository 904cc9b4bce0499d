import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type {
  TCreateDecisionBody,
  TCreateTechnicalReviewBody,
  TDecision,
  TDecisionDetail,
  TDecisionPreview,
  TTechnicalReview,
  TTechnicalReviewSummary,
  TUpdateTechnicalReviewBody,
} from '../../../shared/contracts/cert-decisions';

const key = (tenantId: string, ...rest: unknown[]) => ['tenant', tenantId, 'decisions', ...rest] as const;
const D = (tenantId: string) => `/api/tenants/${tenantId}/decisions`;
const R = (tenantId: string) => `/api/tenants/${tenantId}/technical-reviews`;

type TPage<T> = { items: T[]; nextCursor: string | null };

export const useDecisions = (tenantId: string, filters: { programmeId?: string; clientId?: string } = {}, enabled = true) =>
  useInfiniteQuery({
    queryKey: key(tenantId, 'list', filters),
    queryFn: ({ pageParam }) => api.get<TPage<TDecision>>(`${D(tenantId)}${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });

export const useDecision = (tenantId: string, decisionId: string) =>
  useQuery({ queryKey: key(tenantId, 'one', decisionId), queryFn: () => api.get<TDecisionDetail>(`${D(tenantId)}/${decisionId}`) });

export const useDecisionPreview = (tenantId: string, q: { programmeId?: string; certificateId?: string }, enabled: boolean) =>
  useQuery({ queryKey: key(tenantId, 'preview', q), queryFn: () => api.get<TDecisionPreview>(`${D(tenantId)}/preview${query(q)}`), enabled });

export function useTakeDecision(tenantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateDecisionBody) => api.post<TDecision>(D(tenantId), body),
    meta: { inlineError: true },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: key(tenantId) });
      await client.invalidateQueries({ queryKey: ['tenant', tenantId, 'certificates'] });
      await client.invalidateQueries({ queryKey: ['tenant', tenantId, 'cert-audits'] });
    },
  });
}

export const useTechnicalReviews = (tenantId: string, filters: { state?: 'draft' | 'completed'; programmeId?: string } = {}, enabled = true) =>
  useInfiniteQuery({
    queryKey: key(tenantId, 'reviews', filters),
    queryFn: ({ pageParam }) => api.get<TPage<TTechnicalReviewSummary>>(`${R(tenantId)}${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });

export const useTechnicalReview = (tenantId: string, reviewId: string) =>
  useQuery({ queryKey: key(tenantId, 'review', reviewId), queryFn: () => api.get<TTechnicalReview>(`${R(tenantId)}/${reviewId}`) });

function useReviewMutation<I>(tenantId: string, call: (input: I) => Promise<TTechnicalReview>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: (review) => {
      client.setQueryData(key(tenantId, 'review', review.id), review);
      return client.invalidateQueries({ queryKey: key(tenantId) });
    },
  });
}

export const useOpenReview = (tenantId: string) => useReviewMutation(tenantId, (body: TCreateTechnicalReviewBody) => api.post<TTechnicalReview>(R(tenantId), body));
export const useUpdateReview = (tenantId: string, reviewId: string) =>
  useReviewMutation(tenantId, (body: TUpdateTechnicalReviewBody) => api.patch<TTechnicalReview>(`${R(tenantId)}/${reviewId}`, body));
export const useCompleteReview = (tenantId: string, reviewId: string) => useReviewMutation(tenantId, (_: void) => api.post<TTechnicalReview>(`${R(tenantId)}/${reviewId}/complete`, {}));
