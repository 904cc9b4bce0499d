import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { ME_KEY } from '../../lib/queryClient';
import type {
  TChangePasswordBody,
  TMfaConfirmResponse,
  TMfaDisableBody,
  TMfaEnrolResponse,
  TSessionList,
} from '../../../shared/contracts/accounts';

const SESSIONS_KEY = ['me', 'sessions'] as const;

export function useSessions() {
  return useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: () => api.get<TSessionList>('/api/me/sessions'),
  });
}

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => api.delete(`/api/me/sessions/${sessionId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useRevokeOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/me/sessions/revoke-others'),
    onSuccess: () => client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TChangePasswordBody) =>
      api.post<void>('/api/me/password', input),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useMfaEnrol() {
  return useMutation({
    mutationFn: () => api.post<TMfaEnrolResponse>('/api/me/mfa/enrol'),
    meta: { inlineError: true },
  });
}

export function useMfaConfirm() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<TMfaConfirmResponse>('/api/me/mfa/confirm', { code }),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY, exact: true }),
  });
}

export function useMfaDisable() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TMfaDisableBody) => api.post<void>('/api/me/mfa/disable', input),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY, exact: true }),
  });
}
