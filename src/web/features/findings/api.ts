import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type {
  TCloseFindingBody,
  TFindingDetail,
  TFindingPage,
  TOrgFindingDetail,
  TFindingFilters,
  TOrgFindingPage,
  TReviewFilters,
  TRaiseFindingBody,
  TSubmitResponseBody,
  TUpdateFindingBody,
  TVerdictBody,
  TVerifyFindingBody,
} from '../../../shared/contracts/findings';
import type { TEvidencePage } from '../../../shared/contracts/evidence';

const key = (tenantId: string, ...rest: unknown[]) => ['tenant', tenantId, 'findings', ...rest] as const;
const AUDIT = (tenantId: string, auditId: string) => `/api/tenants/${tenantId}/audits/${auditId}/findings`;
const BODY = (tenantId: string) => `/api/tenants/${tenantId}/audit-findings`;
const ORG = (tenantId: string) => `/api/tenants/${tenantId}/certification/findings`;

const pages = { initialPageParam: null as string | null, getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined, placeholderData: keepPreviousData };

/** The body's side: the findings raised in one audit, in the order they were raised. */
export const useAuditFindings = (tenantId: string, auditId: string) =>
  useInfiniteQuery({
    queryKey: key(tenantId, 'audit', auditId),
    queryFn: ({ pageParam }) => api.get<TFindingPage>(`${AUDIT(tenantId, auditId)}${query({ limit: 100, cursor: pageParam })}`),
    ...pages,
  });

/** One finding with its answers (the body reads the answers through the engagement). */
export const useFinding = (tenantId: string, findingId: string, enabled = true) =>
  useQuery({ queryKey: key(tenantId, 'one', findingId), queryFn: () => api.get<TFindingDetail>(`${BODY(tenantId)}/${findingId}`), enabled });

function useFindingMutation<I, O extends { id: string }>(tenantId: string, call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: (finding) => {
      client.setQueryData(key(tenantId, 'one', finding.id), finding);
      return client.invalidateQueries({ queryKey: key(tenantId) });
    },
  });
}

export const useRaiseFinding = (tenantId: string, auditId: string) =>
  useFindingMutation(tenantId, (body: TRaiseFindingBody) => api.post<TFindingDetail>(AUDIT(tenantId, auditId), body));

export const useFindingVerdict = (tenantId: string, findingId: string) =>
  useFindingMutation(tenantId, (body: TVerdictBody) => api.post<TFindingDetail>(`${BODY(tenantId)}/${findingId}/verdict`, body));

export const useUpdateFinding = (tenantId: string, findingId: string) =>
  useFindingMutation(tenantId, (body: TUpdateFindingBody) => api.patch<TFindingDetail>(`${BODY(tenantId)}/${findingId}`, body));

export const useVerifyFinding = (tenantId: string, findingId: string) =>
  useFindingMutation(tenantId, (body: TVerifyFindingBody) => api.post<TFindingDetail>(`${BODY(tenantId)}/${findingId}/verify`, body));

export const useCloseFinding = (tenantId: string, findingId: string) =>
  useFindingMutation(tenantId, (body: TCloseFindingBody) => api.post<TFindingDetail>(`${BODY(tenantId)}/${findingId}/close`, body));

/** « Corrective actions to review »: the body's answers waiting for a verdict, overdue first. */
/** A certification cycle's findings across its audits, in the order raised. */
export const useProgrammeFindings = (tenantId: string, programmeId: string | null, filters: Omit<TFindingFilters, 'programmeId'> = {}) =>
  useInfiniteQuery({
    queryKey: [...key(tenantId, 'programme', programmeId), filters],
    queryFn: ({ pageParam }) => api.get<TFindingPage>(`${BODY(tenantId)}${query({ limit: 50, cursor: pageParam, programmeId: programmeId!, ...filters })}`),
    enabled: programmeId !== null,
    ...pages,
  });

export const useFindingsToReview = (tenantId: string, filters: TReviewFilters = {}) =>
  useInfiniteQuery({
    queryKey: [...key(tenantId, 'to-review'), filters],
    queryFn: ({ pageParam }) => api.get<TFindingPage>(`${BODY(tenantId)}/to-review${query({ limit: 50, cursor: pageParam, ...filters })}`),
    ...pages,
  });

/** The organization's evidence an answer may name: its own records, drafts excluded (the server refuses them). */
export const useAnswerEvidenceChoices = (tenantId: string, q: string, enabled: boolean) =>
  useQuery({
    enabled,
    queryKey: ['tenant', tenantId, 'evidence', 'finding-choices', q],
    queryFn: () => api.get<TEvidencePage>(`/api/tenants/${tenantId}/evidence${query({ q: q.trim() || undefined, limit: 30, sort: 'effective', direction: 'desc' })}`),
    select: (page) => page.items.filter((e) => e.status !== 'draft'),
    placeholderData: keepPreviousData,
  });

/** The organization's side: its findings across its live engagements. */
export const useOrgFindings = (tenantId: string) =>
  useInfiniteQuery({
    queryKey: key(tenantId, 'org'),
    queryFn: ({ pageParam }) => api.get<TOrgFindingPage>(`${ORG(tenantId)}${query({ limit: 100, cursor: pageParam })}`),
    ...pages,
  });

export const useOrgFinding = (tenantId: string, findingId: string) =>
  useQuery({ queryKey: key(tenantId, 'org-one', findingId), queryFn: () => api.get<TOrgFindingDetail>(`${ORG(tenantId)}/${findingId}`) });

export function useSubmitResponse(tenantId: string, findingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TSubmitResponseBody) => api.post<TOrgFindingDetail>(`${ORG(tenantId)}/${findingId}/responses`, body),
    meta: { inlineError: true },
    onSuccess: (finding) => {
      client.setQueryData(key(tenantId, 'org-one', finding.id), finding);
      return client.invalidateQueries({ queryKey: key(tenantId) });
    },
  });
}
