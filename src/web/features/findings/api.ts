import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type {
  TFindingDetail,
  TFindingPage,
  TOrgFindingDetail,
  TOrgFindingPage,
  TRaiseFindingBody,
  TSubmitResponseBody,
  TVerdictBody,
} from '../../../shared/contracts/findings';

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
