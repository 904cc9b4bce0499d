import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TListFilters } from '../../../shared/contracts/common';
import type { TSoc2Description } from '../../../shared/contracts/soc2-descriptions';
import type { TSoc2Exception, TSoc2ExceptionConclusionBody, TSoc2ExceptionList, TSoc2OpinionBody, TSoc2OpinionView, TSoc2OpinionWarnings } from '../../../shared/contracts/soc2-exceptions';
import type { TCreateSoc2ExaminationBody, TSoc2Examination, TSoc2ExaminationPage, TUpdateSoc2ScopeBody, ZSoc2ExaminationListQuery } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2LinkBody, TSoc2Matrix, TSoc2Request, TSoc2Test, TSoc2TestInput, TSoc2TestUpdate } from '../../../shared/contracts/soc2-program';
import type { TPublishSoc2NdaBody, TSoc2NdaTexts, TSoc2ReaderList } from '../../../shared/contracts/soc2-readers';
import type { TSoc2DocumentFormat, TSoc2ReportStatus } from '../../../shared/contracts/soc2-report';
import type { TLocale } from '../../../shared/contracts/common';

/*
 * The firm's side of a SOC 2 examination: the examination and its scope, the description it reads,
 * the matrix, the test procedures and the information request list. Every change invalidates the
 * examination's queries: the matrix counts tests, the page header shows the state.
 */

export type TSoc2ExaminationFilters = TListFilters<typeof ZSoc2ExaminationListQuery>;

const key = (tenantId: string, ...rest: unknown[]) => ['tenant', tenantId, 'soc2-examinations', ...rest] as const;
export const examinationsBase = (tenantId: string) => `/api/tenants/${tenantId}/soc2/examinations`;
const E = (tenantId: string, id: string) => `${examinationsBase(tenantId)}/${id}`;

export const useSoc2Examinations = (tenantId: string, filters: TSoc2ExaminationFilters) =>
  useInfiniteQuery({
    queryKey: key(tenantId, 'list', filters),
    queryFn: ({ pageParam }) => api.get<TSoc2ExaminationPage>(`${examinationsBase(tenantId)}${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useSoc2Examination = (tenantId: string, id: string) =>
  useQuery({ queryKey: key(tenantId, 'one', id), queryFn: () => api.get<TSoc2Examination>(E(tenantId, id)) });

function useExaminationMutation<I, O>(tenantId: string, call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: key(tenantId) }),
  });
}

export const useOpenSoc2Examination = (tenantId: string) =>
  useExaminationMutation(tenantId, (body: TCreateSoc2ExaminationBody) => api.post<TSoc2Examination>(examinationsBase(tenantId), body));

export const useUpdateSoc2Scope = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, (body: TUpdateSoc2ScopeBody) => api.patch<TSoc2Examination>(E(tenantId, id), body));

export const useConfirmSoc2Scope = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, () => api.post<TSoc2Examination>(`${E(tenantId, id)}/confirm-scope`));

export const useSoc2Description = (tenantId: string, id: string) =>
  useQuery({ queryKey: key(tenantId, id, 'description'), queryFn: () => api.get<TSoc2Description>(`${E(tenantId, id)}/description`) });

// ------------------------------------------------------------------ matrix

export const useSoc2Matrix = (tenantId: string, id: string) =>
  useQuery({ queryKey: key(tenantId, id, 'matrix'), queryFn: () => api.get<TSoc2Matrix>(`${E(tenantId, id)}/matrix`) });

/** The organization's controls the firm may link (each read is logged in both tenants: fetched on demand). */
export const useSoc2CandidateControls = (tenantId: string, id: string, enabled: boolean) =>
  useQuery({
    queryKey: key(tenantId, id, 'matrix-controls'),
    queryFn: () => api.get<{ items: { id: string; reference: string; title: string; status: string }[] }>(`${E(tenantId, id)}/matrix/controls`),
    enabled,
    staleTime: 5 * 60_000,
  });

export const useLinkControl = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, (body: TSoc2LinkBody) => api.post<TSoc2Matrix>(`${E(tenantId, id)}/matrix/links`, body));

export const useUnlinkControl = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, (body: TSoc2LinkBody) => api.delete(`${E(tenantId, id)}/matrix/links/${encodeURIComponent(body.criterionRef)}/${body.controlId}`));

export const useSuggestLinks = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, () => api.post<{ added: number; matrix: TSoc2Matrix }>(`${E(tenantId, id)}/matrix/suggestions`));

// ------------------------------------------------------------------ tests

export const useSoc2Tests = (tenantId: string, id: string) =>
  useQuery({ queryKey: key(tenantId, id, 'tests'), queryFn: () => api.get<{ items: TSoc2Test[]; abilities: TSoc2Matrix['abilities'] }>(`${E(tenantId, id)}/tests`) });

export const useCreateSoc2Test = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, (body: Partial<TSoc2TestInput> & Pick<TSoc2TestInput, 'controlId' | 'methods' | 'procedure' | 'frequency'>) => api.post<TSoc2Test>(`${E(tenantId, id)}/tests`, body));

export const useUpdateSoc2Test = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, ({ testId, ...body }: TSoc2TestUpdate & { testId: string }) => api.patch<TSoc2Test>(`${E(tenantId, id)}/tests/${testId}`, body));

export const useDeleteSoc2Test = (tenantId: string, id: string) => useExaminationMutation(tenantId, (testId: string) => api.delete(`${E(tenantId, id)}/tests/${testId}`));

export const useStartFieldwork = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, () => api.post<{ examinationId: string; state: string }>(`${E(tenantId, id)}/fieldwork`));

// ------------------------------------------------------------------ information request list

export const useSoc2Requests = (tenantId: string, id: string) =>
  useQuery({ queryKey: key(tenantId, id, 'requests'), queryFn: () => api.get<{ items: TSoc2Request[] }>(`${E(tenantId, id)}/requests`) });

export const useGenerateRequests = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, (dueOn: string) => api.post<{ added: number; items: TSoc2Request[] }>(`${E(tenantId, id)}/requests/generate`, { dueOn }));

export const useAddRequest = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, (body: { title: string; detail: string; dueOn: string }) => api.post<TSoc2Request>(`${E(tenantId, id)}/requests`, body));

export const useUpdateRequest = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, ({ requestId, ...body }: { requestId: string; title?: string; detail?: string; dueOn?: string }) =>
    api.patch<TSoc2Request>(`${E(tenantId, id)}/requests/${requestId}`, body),
  );

export const useAcceptRequest = (tenantId: string, id: string) => useExaminationMutation(tenantId, (requestId: string) => api.post<TSoc2Request>(`${E(tenantId, id)}/requests/${requestId}/accept`));

export const useReturnRequest = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, ({ requestId, reason }: { requestId: string; reason: string }) => api.post<TSoc2Request>(`${E(tenantId, id)}/requests/${requestId}/return`, { reason }));

// ------------------------------------------------------------------ exceptions, reporting, opinion

export const useSoc2Exceptions = (tenantId: string, id: string) =>
  useQuery({ queryKey: key(tenantId, id, 'exceptions'), queryFn: () => api.get<TSoc2ExceptionList>(`${E(tenantId, id)}/exceptions`) });

export const useRaiseException = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, (body: { testId: string; sampleItemId: string | null; description: string }) => api.post<TSoc2Exception>(`${E(tenantId, id)}/exceptions`, body));

export const useEditException = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, ({ exceptionId, description }: { exceptionId: string; description: string }) => api.patch<TSoc2Exception>(`${E(tenantId, id)}/exceptions/${exceptionId}`, { description }));

export const useConcludeException = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, ({ exceptionId, ...body }: TSoc2ExceptionConclusionBody & { exceptionId: string }) => api.post<TSoc2Exception>(`${E(tenantId, id)}/exceptions/${exceptionId}/conclusion`, body));

export const useStartReporting = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, () => api.post<{ examinationId: string; state: string }>(`${E(tenantId, id)}/reporting`));

export const useSoc2Opinion = (tenantId: string, id: string) =>
  useQuery({ queryKey: key(tenantId, id, 'opinion'), queryFn: () => api.get<TSoc2OpinionView>(`${E(tenantId, id)}/opinion`) });

export const useSoc2OpinionWarnings = (tenantId: string, id: string) =>
  useQuery({ queryKey: key(tenantId, id, 'opinion-warnings'), queryFn: () => api.get<TSoc2OpinionWarnings>(`${E(tenantId, id)}/opinion/warnings`) });

export const useNamePartner = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, (userId: string) => api.put<TSoc2OpinionView>(`${E(tenantId, id)}/partner`, { userId }));

export const useRecordOpinion = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, (body: TSoc2OpinionBody) => api.put<TSoc2OpinionView>(`${E(tenantId, id)}/opinion`, body));

// ------------------------------------------------------------------ report, general-use summary, readers

export const useSoc2Report = (tenantId: string, id: string) =>
  useQuery({ queryKey: key(tenantId, id, 'report'), queryFn: () => api.get<TSoc2ReportStatus>(`${E(tenantId, id)}/report`) });

export const useIssueSoc2Report = (tenantId: string, id: string) => useExaminationMutation(tenantId, () => api.post<TSoc2ReportStatus>(`${E(tenantId, id)}/report/issue`));

export const useIssueSoc2GeneralUse = (tenantId: string, id: string) => useExaminationMutation(tenantId, () => api.post<TSoc2ReportStatus>(`${E(tenantId, id)}/report/general-use`));

/** The draft, watermarked on every page; rendered on each request, nothing stored. */
export const soc2PreviewUrl = (tenantId: string, id: string, locale: TLocale) => `${E(tenantId, id)}/report/preview.pdf${query({ locale })}`;

/** The issued files, served as stored (each download is logged in both tenants). */
export const soc2ReportFileUrl = (tenantId: string, id: string, what: 'report' | 'general-use', locale: TLocale, format: TSoc2DocumentFormat) =>
  `${E(tenantId, id)}/${what}/${locale}.${format}`;

export const soc2BridgeLetterFileUrl = (tenantId: string, id: string, documentId: string, locale: TLocale, format: TSoc2DocumentFormat) =>
  `${E(tenantId, id)}/bridge-letters/${documentId}/${locale}.${format}`;

/** The organization's readers of this examination's report, with their access log (read-only for the firm). */
export const useFirmSoc2Readers = (tenantId: string, id: string) =>
  useInfiniteQuery({
    queryKey: key(tenantId, id, 'readers'),
    queryFn: ({ pageParam }) => api.get<TSoc2ReaderList>(`${E(tenantId, id)}/readers${query({ limit: 50, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

// ------------------------------------------------------------------ the firm's restricted-use terms (NDA)

const ndaKey = (tenantId: string) => ['tenant', tenantId, 'soc2-nda'] as const;

export const useSoc2NdaTexts = (tenantId: string) => useQuery({ queryKey: ndaKey(tenantId), queryFn: () => api.get<TSoc2NdaTexts>(`/api/tenants/${tenantId}/soc2/nda`) });

export const usePublishSoc2Nda = (tenantId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TPublishSoc2NdaBody) => api.post<TSoc2NdaTexts>(`/api/tenants/${tenantId}/soc2/nda`, body),
    meta: { inlineError: true },
    onSuccess: (view) => client.setQueryData(ndaKey(tenantId), view),
  });
};

/** The next period from an issued examination (the server computes its dates; they stay editable while scoping). */
export const useRenewSoc2Examination = (tenantId: string, id: string) =>
  useExaminationMutation(tenantId, () => api.post<TSoc2Examination>(`${E(tenantId, id)}/renew`, {}));
