import type { TListFilters } from '../../shared/contracts/common';
import type { z } from 'zod';
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

/**
 * A list hook's filters, straight from its query contract's input: every key the contract takes
 * except the paging ones the hook sets itself.
 */
export type TContractFilters<S extends z.ZodObject> = TListFilters<S>;

/**
 * The same, typed by the list's query contract: a value the contract accepts for its key is kept
 * as the contract's input type; one it refuses (an address typed by hand, a filter an older
 * version knew) is left out, so the list shows unfiltered instead of an error.
 */
export function useContractFilters<S extends z.ZodObject, K extends keyof z.input<S> & keyof S['shape'] & string>(schema: S, keys: readonly K[]) {
  const [raw, setFilter] = useUrlFilters(keys);
  const filters = useMemo(() => {
    const out: Partial<Pick<z.input<S>, K>> = {};
    for (const k of keys) {
      const v = raw[k];
      if (v !== undefined && (schema.shape[k] as z.ZodType).safeParse(v).success) (out as Record<K, string>)[k] = v;
    }
    return out;
    // keys and schema are module constants at every call site.
  }, [raw]);
  return [filters, setFilter] as const;
}
