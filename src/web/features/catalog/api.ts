import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TFrameworkSummary, TFrameworkTree, TRequirementDetail, TSearchResults } from '../../../shared/contracts/catalog';

export const CATALOG_SEARCH_LIMIT = 20;

/** Catalogue content changes only on a release or an import: keep it cached a while. */
const CATALOG_STALE_TIME = 5 * 60_000;

const frameworkPath = (frameworkId: string) =>
  `/api/catalog/frameworks/${encodeURIComponent(frameworkId)}`;

export const catalogPaths = {
  framework: (frameworkId: string) => `/catalog/${encodeURIComponent(frameworkId)}`,
  requirement: (frameworkId: string, ref: string) =>
    `/catalog/${encodeURIComponent(frameworkId)}/requirements/${encodeURIComponent(ref)}`,
  oscal: (frameworkId: string) => `${frameworkPath(frameworkId)}/oscal`,
  xlsx: (frameworkId: string) => `${frameworkPath(frameworkId)}/xlsx`,
};

export function useFrameworks() {
  return useQuery({
    queryKey: ['catalog', 'frameworks'],
    queryFn: () => api.get<{ items: TFrameworkSummary[] }>('/api/catalog/frameworks'),
    select: (data) => data.items,
    staleTime: CATALOG_STALE_TIME,
  });
}

export function useFramework(frameworkId: string) {
  return useQuery({
    queryKey: ['catalog', 'framework', frameworkId],
    queryFn: () => api.get<TFrameworkTree>(frameworkPath(frameworkId)),
    staleTime: CATALOG_STALE_TIME,
  });
}

export function useRequirement(frameworkId: string, ref: string) {
  return useQuery({
    queryKey: ['catalog', 'framework', frameworkId, 'requirement', ref],
    queryFn: () =>
      api.get<TRequirementDetail>(
        `${frameworkPath(frameworkId)}/requirements/${encodeURIComponent(ref)}`,
      ),
    staleTime: CATALOG_STALE_TIME,
  });
}

/** Ranked full-text results, a page at a time ("show more" asks for the next offset). */
export function useCatalogSearch(q: string) {
  return useInfiniteQuery({
    queryKey: ['catalog', 'search', q],
    queryFn: ({ pageParam }) =>
      api.get<TSearchResults>(
        `/api/catalog/search${query({ q, limit: CATALOG_SEARCH_LIMIT, offset: pageParam })}`,
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: CATALOG_STALE_TIME,
  });
}
