import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TOrgSoc2Examination, TOrgSoc2ExaminationPage } from '../../../shared/contracts/soc2-examinations';
import type { TSaveSoc2DescriptionBody, TSignOffSoc2DescriptionBody, TSoc2Description } from '../../../shared/contracts/soc2-descriptions';
import type { TSoc2Request } from '../../../shared/contracts/soc2-program';
import type { TLocale } from '../../../shared/contracts/common';
import type { TIssueSoc2BridgeLetterBody, TOrgSoc2ReportStatus, TSoc2DocumentFormat, TSoc2IssuedDocument } from '../../../shared/contracts/soc2-report';
import type { TSoc2ScopeParts } from '../../../shared/contracts/soc2-scope';
import type { TOrgSoc2Exception, TOrgSoc2ExceptionList, TSoc2ExceptionResponseBody } from '../../../shared/contracts/soc2-exceptions';

/*
 * The organization's side of its SOC 2 examinations: the rows belong to the firm, the organization
 * reaches them through its own tenant's routes (`org-examinations`, `soc2/requests`).
 */

const key = (tenantId: string, ...rest: unknown[]) => ['tenant', tenantId, 'soc2-programme', ...rest] as const;
const EXAMS = (tenantId: string) => `/api/tenants/${tenantId}/soc2/org-examinations`;
const REQUESTS = (tenantId: string) => `/api/tenants/${tenantId}/soc2/requests`;

export const useOrgExaminations = (tenantId: string) =>
  useInfiniteQuery({
    queryKey: key(tenantId, 'examinations'),
    queryFn: ({ pageParam }) => api.get<TOrgSoc2ExaminationPage>(`${EXAMS(tenantId)}${query({ limit: 100, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useOrgExamination = (tenantId: string, examinationId: string) =>
  useQuery({ queryKey: key(tenantId, 'examination', examinationId), queryFn: () => api.get<TOrgSoc2Examination>(`${EXAMS(tenantId)}/${examinationId}`) });

export const useDescription = (tenantId: string, examinationId: string) =>
  useQuery({ queryKey: key(tenantId, 'description', examinationId), queryFn: () => api.get<TSoc2Description>(`${EXAMS(tenantId)}/${examinationId}/description`) });

function useDescriptionMutation<I>(tenantId: string, examinationId: string, call: (input: I) => Promise<TSoc2Description>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: (description) => {
      client.setQueryData(key(tenantId, 'description', examinationId), description);
      // The examination's descriptionState and the list follow the latest version.
      return client.invalidateQueries({ queryKey: key(tenantId, 'examination') }).then(() => client.invalidateQueries({ queryKey: key(tenantId, 'examinations') }));
    },
  });
}

export const useSaveDescription = (tenantId: string, examinationId: string) =>
  useDescriptionMutation(tenantId, examinationId, (body: TSaveSoc2DescriptionBody) => api.put<TSoc2Description>(`${EXAMS(tenantId)}/${examinationId}/description`, body));

export const useSignOffDescription = (tenantId: string, examinationId: string) =>
  useDescriptionMutation(tenantId, examinationId, (body: TSignOffSoc2DescriptionBody) => api.post<TSoc2Description>(`${EXAMS(tenantId)}/${examinationId}/description/sign-off`, body));

/** The information request list of one examination, in reference order. */
export const useOrgRequests = (tenantId: string, examinationId: string) =>
  useQuery({ queryKey: key(tenantId, 'requests', examinationId), queryFn: () => api.get<{ items: TSoc2Request[] }>(`${REQUESTS(tenantId)}${query({ examinationId })}`) });

/** Every request of the organization's examinations (one call), for the counts on the examinations list. */
export const useAllOrgRequests = (tenantId: string, enabled: boolean) =>
  useQuery({ enabled, queryKey: key(tenantId, 'requests', 'all'), queryFn: () => api.get<{ items: TSoc2Request[] }>(REQUESTS(tenantId)) });

export const useOrgRequest = (tenantId: string, requestId: string) =>
  useQuery({ queryKey: key(tenantId, 'request', requestId), queryFn: () => api.get<TSoc2Request>(`${REQUESTS(tenantId)}/${requestId}`) });

function useRequestMutation<I>(tenantId: string, call: (input: I) => Promise<TSoc2Request>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: (request) => {
      client.setQueryData(key(tenantId, 'request', request.id), request);
      return client.invalidateQueries({ queryKey: key(tenantId, 'requests') });
    },
  });
}

export const useAnswerRequest = (tenantId: string, requestId: string) =>
  useRequestMutation(tenantId, (body: { answer: string; evidenceIds: string[] }) => api.put<TSoc2Request>(`${REQUESTS(tenantId)}/${requestId}/answer`, body));

export const useSubmitRequest = (tenantId: string, requestId: string) =>
  useRequestMutation(tenantId, (_: void) => api.post<TSoc2Request>(`${REQUESTS(tenantId)}/${requestId}/submit`, {}));

/** The exceptions the firm raised on the examination, grouped by control, with management's responses and the conclusions. */
export const useOrgExceptions = (tenantId: string, examinationId: string) =>
  useQuery({ queryKey: key(tenantId, 'exceptions', examinationId), queryFn: () => api.get<TOrgSoc2ExceptionList>(`${EXAMS(tenantId)}/${examinationId}/exceptions`) });

export function useRespondToException(tenantId: string, examinationId: string, exceptionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TSoc2ExceptionResponseBody) => api.put<TOrgSoc2Exception>(`${EXAMS(tenantId)}/${examinationId}/exceptions/${exceptionId}/response`, body),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: key(tenantId, 'exceptions', examinationId) }),
  });
}

/** The scope's parts the firm recorded: subservice organizations, then CUECs and CSOCs. */
export const useOrgScopeParts = (tenantId: string, examinationId: string) =>
  useQuery({ queryKey: key(tenantId, 'scope', examinationId), queryFn: () => api.get<TSoc2ScopeParts>(`${EXAMS(tenantId)}/${examinationId}/scope`) });

/** The PBC list as an XLSX workbook, headers and states in the reader's language. */
export const requestsXlsxUrl = (tenantId: string, examinationId: string, locale: TLocale) => `${EXAMS(tenantId)}/${examinationId}/requests.xlsx${query({ locale })}`;

/** What was issued for the examination (nothing before issue) and whether the caller may issue a bridge letter. */
export const useOrgReport = (tenantId: string, examinationId: string) =>
  useQuery({ queryKey: key(tenantId, 'report', examinationId), queryFn: () => api.get<TOrgSoc2ReportStatus>(`${EXAMS(tenantId)}/${examinationId}/report`) });

/** A stored file of an issued document: `report`, `general-use` or `bridge-letters/{id}`. */
export const documentUrl = (tenantId: string, examinationId: string, document: string, locale: TLocale, format: TSoc2DocumentFormat) =>
  `${EXAMS(tenantId)}/${examinationId}/${document}/${locale}.${format}`;

export function useIssueBridgeLetter(tenantId: string, examinationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TIssueSoc2BridgeLetterBody) => api.post<TSoc2IssuedDocument>(`${EXAMS(tenantId)}/${examinationId}/bridge-letters`, body),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: key(tenantId, 'report', examinationId) }),
  });
}
