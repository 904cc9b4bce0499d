import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../lib/api';
import { ME_KEY } from '../../lib/queryClient';
import type {
  TLoginBody,
  TLoginResponse,
  TMeResponse,
  TSetupBody,
  TSetupStatus,
  TUpdateMeBody,
  TUser,
} from '../../../shared/contracts/accounts';

export const SETUP_STATUS_KEY = ['setup-status'] as const;

async function fetchMe(): Promise<TMeResponse | null> {
  try {
    return await api.get<TMeResponse>('/api/me');
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: SETUP_STATUS_KEY,
    queryFn: () => api.get<TSetupStatus>('/api/setup/status'),
  });
}

export function useSetup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TSetupBody) => api.post<{ user: TUser }>('/api/setup', input),
    meta: { inlineError: true },
    onSuccess: async () => {
      client.setQueryData(SETUP_STATUS_KEY, { needsSetup: false });
      await client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TLoginBody) => api.post<TLoginResponse>('/api/auth/login', input),
    meta: { inlineError: true },
    onSuccess: async (result) => {
      if (result.status === 'ok') await client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

export function useLogout(redirectTo = '/login') {
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    meta: { inlineError: true },
    onSettled: () => window.location.replace(redirectTo),
  });
}

export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TUpdateMeBody) =>
      api.patch<{ user: TUser }>('/api/me', input),
    onSuccess: ({ user }) => {
      client.setQueryData<TMeResponse | null>(ME_KEY, (me) => (me ? { ...me, user } : me));
    },
  });
}
