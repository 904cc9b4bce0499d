import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, query } from '../../lib/api';
import type { TAcceptSoc2NdaBody, TInviteSoc2ReaderBody, TPublicSoc2Reader, TSoc2Reader, TSoc2ReaderList } from '../../../shared/contracts/soc2-readers';

/*
 * Report readers: the organization's list, invitation and revocation (through its examination), and
 * the reader's own link (no account, the token is the authorisation).
 */

const key = (tenantId: string, examinationId: string) => ['tenant', tenantId, 'soc2-readers', examinationId] as const;
const READERS = (tenantId: string, examinationId: string) => `/api/tenants/${tenantId}/soc2/org-examinations/${examinationId}/readers`;

export const useReaders = (tenantId: string, examinationId: string) =>
  useInfiniteQuery({
    queryKey: key(tenantId, examinationId),
    queryFn: ({ pageParam }) => api.get<TSoc2ReaderList>(`${READERS(tenantId, examinationId)}${query({ limit: 50, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

function useReaderMutation<I>(tenantId: string, examinationId: string, call: (input: I) => Promise<TSoc2Reader>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, meta: { inlineError: true }, onSuccess: () => client.invalidateQueries({ queryKey: key(tenantId, examinationId) }) });
}

export const useInviteReader = (tenantId: string, examinationId: string) =>
  useReaderMutation(tenantId, examinationId, (body: TInviteSoc2ReaderBody) => api.post<TSoc2Reader>(READERS(tenantId, examinationId), body));

export const useRevokeReader = (tenantId: string, examinationId: string) =>
  useReaderMutation(tenantId, examinationId, (readerId: string) => api.post<TSoc2Reader>(`${READERS(tenantId, examinationId)}/${readerId}/revoke`, {}));

const R = (token: string) => `/api/soc2-readers/${token}`;
const readerKey = (token: string) => ['soc2-reader', token] as const;

export const usePublicReader = (token: string) =>
  useQuery({
    queryKey: readerKey(token),
    queryFn: () => api.get<TPublicSoc2Reader>(R(token)),
    retry: (n, e) => n < 2 && !isApiError(e, 404) && !isApiError(e, 400) && !isApiError(e, 410) && !isApiError(e, 429),
    refetchOnWindowFocus: false,
  });

export const useAcceptNda = (token: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TAcceptSoc2NdaBody) => api.post<TPublicSoc2Reader>(`${R(token)}/accept`, body),
    meta: { inlineError: true },
    onSuccess: (view) => client.setQueryData(readerKey(token), view),
  });
};

export const readerDownloadUrl = (token: string, locale: 'en' | 'fr') => `${R(token)}/download${query({ locale })}`;
