import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters live in the address, not in component state: a filtered register survives a
 * reload, "back" from a record, and can be sent to a colleague as a link. Unknown values are
 * passed through; the server's contract is what validates them.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const k of keys) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out;
    // keys is a module constant at every call site: the address is the only input that changes.
  }, [params]);
  const setFilter = useCallback(
    (key: K, value: string | undefined) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filters, setFilter] as const;
}
