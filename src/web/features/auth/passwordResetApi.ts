import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type {
  TPasswordResetCompleteBody,
  TPasswordResetPreview,
  TPasswordResetRequested,
} from '../../../shared/contracts/password-reset';

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => api.post<TPasswordResetRequested>('/api/auth/password-reset', { email }),
    meta: { inlineError: true },
  });
}

/** The link's secret comes from the URL fragment and is sent in a body, never in a URL. */
export function useResetPreview(token: string) {
  return useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => api.post<TPasswordResetPreview>('/api/auth/password-reset/verify', { token }),
    enabled: token.length > 0,
    retry: false,
    staleTime: Infinity,
  });
}

export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: (input: TPasswordResetCompleteBody) => api.post<void>('/api/auth/password-reset/complete', input),
    meta: { inlineError: true },
  });
}
