import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { TRegisterCertificate, TRegisterFilters, TRegisterPage, TRegisterVerification } from '../../../shared/contracts/register';
import { REGISTER_QUERY_MIN } from '../../../shared/contracts/register';

const R = '/api/register/certificates';
const one = (number: string) => `${R}/${encodeURIComponent(number)}`;

export type { TRegisterFilters };

export const useRegisterSearch = (f: TRegisterFilters) =>
  useInfiniteQuery({
    queryKey: ['register', 'search', f],
    queryFn: ({ pageParam }) => api.get<TRegisterPage>(`${R}${query({ q: f.q, status: f.status, standard: f.standard, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: f.q.trim().length >= REGISTER_QUERY_MIN,
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useRegisterCertificate = (number: string) => useQuery({ queryKey: ['register', 'certificate', number], queryFn: () => api.get<TRegisterCertificate>(one(number)), retry: false });

export const useRegisterVerification = (number: string) =>
  useQuery({ queryKey: ['register', 'verification', number], queryFn: () => api.get<TRegisterVerification>(`${one(number)}/verification`), retry: false });

export const credentialUrl = (number: string) => `${one(number)}/credential`;
