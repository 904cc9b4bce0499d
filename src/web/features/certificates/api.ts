import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TCertificateDetail, TCertificateList, TCertificateSide } from '../../../shared/contracts/certificates';
import type { TCertificateState } from '../../../shared/contracts/certification-decisions';

export type { TCertificateSide };

const key = (tenantId: string, ...rest: unknown[]) => ['tenant', tenantId, 'certificates', ...rest] as const;
export const certificatesBase = (tenantId: string, side: TCertificateSide) =>
  side === 'body' ? `/api/tenants/${tenantId}/certificates` : `/api/tenants/${tenantId}/certification/certificates`;

export const useCertificates = (tenantId: string, side: TCertificateSide, filters: { status?: TCertificateState }, enabled = true) =>
  useInfiniteQuery({
    queryKey: key(tenantId, side, 'list', filters),
    queryFn: ({ pageParam }) => api.get<TCertificateList>(`${certificatesBase(tenantId, side)}${query({ limit: 50, cursor: pageParam, ...filters })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });

export const useCertificate = (tenantId: string, side: TCertificateSide, certificateId: string) =>
  useQuery({ queryKey: key(tenantId, side, 'one', certificateId), queryFn: () => api.get<TCertificateDetail>(`${certificatesBase(tenantId, side)}/${certificateId}`) });
