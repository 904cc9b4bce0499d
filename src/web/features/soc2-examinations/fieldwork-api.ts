import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TSoc2Coverage, TSoc2PopulationDetail, TSoc2PopulationList, TSoc2Sample, TSoc2SampleItem, TSoc2TestTesting, TSoc2VerifyResult } from '../../../shared/contracts/soc2-fieldwork';
import type { TSoc2ItemResult, TSoc2TestConclusion } from '../../../shared/contracts/soc2';
import { examinationsBase } from './api';

/*
 * Fieldwork (stage 3) for the firm: a test's populations, its samples, each item's result, the
 * test's conclusion and the period coverage. Every change invalidates the examination's queries
 * (the Tests tab shows the conclusion, the Exceptions tab reads the results).
 */

const key = (tenantId: string, examinationId: string, ...rest: unknown[]) => ['tenant', tenantId, 'soc2-examinations', examinationId, ...rest] as const;
const E = (tenantId: string, id: string) => `${examinationsBase(tenantId)}/${id}`;

/** `delimiter` reads a CSV, `worksheet` an XLSX workbook (its first sheet when empty). */
export type TPopulationUpload = { file: File; name: string; keyColumn: string; dateColumn: string; textColumns: string; delimiter: ',' | ';' | 'tab' | '|'; worksheet: string; dayFirstDates: boolean };

export const useSoc2Populations = (tenantId: string, examinationId: string, testId: string) =>
  useQuery({
    queryKey: key(tenantId, examinationId, 'fieldwork', 'populations', testId),
    queryFn: () => api.get<TSoc2PopulationList>(`${E(tenantId, examinationId)}/populations${query({ testId })}`),
  });

export const useSoc2Population = (tenantId: string, examinationId: string, populationId: string | null) =>
  useQuery({
    queryKey: key(tenantId, examinationId, 'fieldwork', 'population', populationId),
    queryFn: () => api.get<TSoc2PopulationDetail>(`${E(tenantId, examinationId)}/populations/${populationId}`),
    enabled: !!populationId,
  });

export const useSoc2Testing = (tenantId: string, examinationId: string, testId: string) =>
  useQuery({ queryKey: key(tenantId, examinationId, 'fieldwork', 'testing', testId), queryFn: () => api.get<TSoc2TestTesting>(`${E(tenantId, examinationId)}/tests/${testId}/testing`) });

export const useSoc2Coverage = (tenantId: string, examinationId: string) =>
  useQuery({ queryKey: key(tenantId, examinationId, 'fieldwork', 'coverage'), queryFn: () => api.get<TSoc2Coverage>(`${E(tenantId, examinationId)}/coverage`) });

function useFieldworkMutation<I, O>(tenantId: string, examinationId: string, call: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    // Everything under the examination: the tests (conclusion), the exceptions (item results), the opinion's warnings.
    onSuccess: () => client.invalidateQueries({ queryKey: key(tenantId, examinationId) }),
  });
}

export const useUploadPopulation = (tenantId: string, examinationId: string, testId: string) =>
  useFieldworkMutation(tenantId, examinationId, ({ file, dayFirstDates, ...meta }: TPopulationUpload) =>
    api.upload<TSoc2PopulationDetail>(
      `${E(tenantId, examinationId)}/tests/${testId}/populations/files${query({ ...meta, dayFirstDates: String(dayFirstDates), filename: file.name })}`,
      file.type ? file : new Blob([file], { type: 'text/csv' }),
    ),
  );

export const usePopulationFromEvidence = (tenantId: string, examinationId: string, testId: string) =>
  useFieldworkMutation(tenantId, examinationId, (name: string) => api.post<TSoc2PopulationDetail>(`${E(tenantId, examinationId)}/tests/${testId}/populations/evidence`, { name }));

export const useRecordCompleteness = (tenantId: string, examinationId: string, populationId: string) =>
  useFieldworkMutation(tenantId, examinationId, (completenessAccuracy: string) => api.put<TSoc2PopulationDetail>(`${E(tenantId, examinationId)}/populations/${populationId}/completeness`, { completenessAccuracy }));

export const useDrawSample = (tenantId: string, examinationId: string, populationId: string) =>
  useFieldworkMutation(tenantId, examinationId, (seed: string) => api.post<TSoc2Sample>(`${E(tenantId, examinationId)}/populations/${populationId}/samples`, seed ? { seed } : {}));

export const useExtendSample = (tenantId: string, examinationId: string, populationId: string) =>
  useFieldworkMutation(tenantId, examinationId, (body: { seed?: string; size?: number }) => api.post<TSoc2Sample>(`${E(tenantId, examinationId)}/populations/${populationId}/extensions`, body));

export const useAddJudgmental = (tenantId: string, examinationId: string, sampleId: string) =>
  useFieldworkMutation(tenantId, examinationId, (items: { rowNumber: number; reason: string }[]) => api.post<TSoc2Sample>(`${E(tenantId, examinationId)}/samples/${sampleId}/items`, { items }));

/** Read-only (nothing is recorded): a mutation only because it is asked for, not shown on load. */
export const useVerifySample = (tenantId: string, examinationId: string, sampleId: string) =>
  useMutation({ mutationFn: (seed: string) => api.post<TSoc2VerifyResult>(`${E(tenantId, examinationId)}/samples/${sampleId}/verify`, seed ? { seed } : {}), meta: { inlineError: true } });

export const useRecordItemResult = (tenantId: string, examinationId: string) =>
  useFieldworkMutation(tenantId, examinationId, ({ itemId, ...body }: { itemId: string; result: TSoc2ItemResult; notes: string; evidenceIds: string[] }) =>
    api.patch<TSoc2SampleItem>(`${E(tenantId, examinationId)}/sample-items/${itemId}`, body),
  );

export const useConcludeTest = (tenantId: string, examinationId: string, testId: string) =>
  useFieldworkMutation(tenantId, examinationId, (body: { conclusion: TSoc2TestConclusion; notes: string }) => api.post<TSoc2TestTesting>(`${E(tenantId, examinationId)}/tests/${testId}/conclusion`, body));
