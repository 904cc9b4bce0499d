import type { Me } from '../../lib/types';
import { useMe } from './api';

export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser requires a signed-in user');
  return data;
}
