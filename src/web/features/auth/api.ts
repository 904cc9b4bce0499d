import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../lib/api';
import { ME_KEY } from '../../lib/queryClient';
import type { Locale, Me, User } from '../../lib/types';

export const SETUP_STATUS_KEY = ['setup-status'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/me');
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
    queryFn: () => api.get<{ needsSetup: boolean }>('/api/setup/status'),
  });
}

export interface SetupInput {
  email: string;
  name: string;
  password: string;
  locale: Locale;
}

export function useSetup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SetupInput) => api.post<{ user: User }>('/api/setup', input),
    meta: { inlineError: true },
    onSuccess: async () => {
      client.setQueryData(SETUP_STATUS_KEY, { needsSetup: false });
      await client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

export interface LoginInput {
  email: string;
  password: string;
  mfaCode?: string;
}

export type LoginResult = { status: 'ok'; user: User } | { status: 'mfa_required' };

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<LoginResult>('/api/auth/login', input),
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
    mutationFn: (input: { name?: string; locale?: Locale }) =>
      api.patch<{ user: User }>('/api/me', input),
    onSuccess: ({ user }) => {
      client.setQueryData<Me | null>(ME_KEY, (me) => (me ? { ...me, user } : me));
    },
  });
}
