import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TChecklist, TChecklistItem, TGenerateChecklistInput, TReport, TUpdateChecklistItemInput, TUpdateReportInput } from '../../../shared/contracts/audit-work';
import type { TEvidencePage } from '../../../shared/contracts/evidence';
import { certAuditKey } from '../audits/api';

const key = (tenantId: string, auditId: string, ...rest: unknown[]) => [...certAuditKey(tenantId), 'work', auditId, ...rest] as const;
const A = (tenantId: string, auditId: string) => `/api/tenants/${tenantId}/audits/${auditId}`;

/** The whole checklist (about a hundred items): the tab filters it in the browser, so the counts and the list never disagree. */
export const useChecklist = (tenantId: string, auditId: string) =>
  useQuery({ queryKey: key(tenantId, auditId, 'checklist'), queryFn: () => api.get<TChecklist>(`${A(tenantId, auditId)}/checklist`) });

export function useGenerateChecklist(tenantId: string, auditId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TGenerateChecklistInput) => api.post<TChecklist>(`${A(tenantId, auditId)}/checklist`, body),
    meta: { inlineError: true },
    onSuccess: (c) => client.setQueryData(key(tenantId, auditId, 'checklist'), c),
  });
}

/** Saves one item; the cached checklist takes the saved item and its recounted totals, without refetching a hundred items. */
export function useRecordItem(tenantId: string, auditId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: TUpdateChecklistItemInput }) => api.patch<TChecklistItem>(`${A(tenantId, auditId)}/checklist/items/${itemId}`, body),
    meta: { inlineError: true },
    onSuccess: (item) => {
      client.setQueryData<TChecklist>(key(tenantId, auditId, 'checklist'), (c) => {
        if (!c) return c;
        const items = c.items.map((i) => (i.id === item.id ? item : i));
        const count = (v: TChecklistItem['verdict']) => items.filter((i) => i.verdict === v).length;
        return {
          ...c,
          items,
          totals: { items: items.length, open: count(null), conforming: count('conforming'), nonconforming: count('nonconforming'), observation: count('observation'), not_audited: count('not_audited') },
        };
      });
    },
  });
}

/**
 * The client's evidence, read through the engagement (each search is a read the organization sees
 * in its "who read what"). Drafts are not evidence: the server refuses to cite them.
 */
export const useClientEvidence = (engagementId: string, q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['engagement', engagementId, 'evidence', q],
    queryFn: () => api.get<TEvidencePage>(`/api/engagements/${engagementId}/aims/evidence${query({ q: q.trim() || undefined, limit: 30, sort: 'effective', direction: 'desc' })}`),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

export const useReport = (tenantId: string, auditId: string) =>
  useQuery({ queryKey: key(tenantId, auditId, 'report'), queryFn: () => api.get<TReport>(`${A(tenantId, auditId)}/report`) });

function useReportMutation<I>(tenantId: string, auditId: string, call: (input: I) => Promise<TReport>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { inlineError: true },
    onSuccess: (r) => client.setQueryData(key(tenantId, auditId, 'report'), r),
  });
}

export const useUpdateReport = (tenantId: string, auditId: string) =>
  useReportMutation(tenantId, auditId, (body: TUpdateReportInput) => api.patch<TReport>(`${A(tenantId, auditId)}/report`, body));

export const useIssueReport = (tenantId: string, auditId: string) => useReportMutation(tenantId, auditId, () => api.post<TReport>(`${A(tenantId, auditId)}/report/issue`));

export const reportFileUrl = (tenantId: string, auditId: string, locale: 'en' | 'fr', format: 'pdf' | 'docx') => `${A(tenantId, auditId)}/report/files/${locale}/${format}`;
