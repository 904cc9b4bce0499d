import { useMe } from './api';
import type { TMeResponse } from '../../../shared/contracts/accounts';

export function useCurrentUser(): TMeResponse {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser requires a signed-in user');
  return data;
}
