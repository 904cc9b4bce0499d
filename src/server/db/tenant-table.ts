import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from './types.ts';

/** Tables whose rows belong to one tenant and are addressed by (tenant_id, id). */
export type TTenantTable = { [K in keyof DB]: DB[K] extends { tenant_id: string; id: unknown } ? K : never }[keyof DB];

export type TPage<R> = { items: R[]; nextCursor: string | null };

/** Keyset page: rows strictly after the cursor in (column, id) order; page N costs what page 1 costs. */
export type TListOptions<T extends TTenantTable> = {
  orderBy: keyof Selectable<DB[T]> & string;
  direction?: 'asc' | 'desc';
  limit: number;
  cursor?: string | null | undefined;
};

const encodeCursor = (value: unknown, id: unknown) =>
  Buffer.from(JSON.stringify([value instanceof Date ? value.toISOString() : value, id])).toString('base64url');

function decodeCursor(cursor: string): [unknown, string] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && v.length === 2 && typeof v[1] === 'string' ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}

/**
 * The four operations every tenant-owned table needs, each taking `tenantId` as a required
 * argument and filtering by it, so a row of another tenant is unreachable through a repository.
 * Module repos build on it and add their own joins; services never query tables directly.
 * Kysely cannot type a query over a table chosen by a type parameter, hence the casts inside:
 * the signatures are what callers see.
 */
export function tenantTable<T extends TTenantTable>(table: T) {
  type TRow = Selectable<DB[T]>;
  const q = (db: Kysely<DB>) => db as unknown as Kysely<any>;
  const t = table as string;
  return {
    table,
    async findById(db: Kysely<DB>, tenantId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<TRow | undefined> {
      let query = q(db).selectFrom(t).selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
      if (opts.forUpdate) query = query.forUpdate();
      return (await query.executeTakeFirst()) as TRow | undefined;
    },

    async list(db: Kysely<DB>, tenantId: string, o: TListOptions<T>, where: Partial<Record<keyof TRow & string, unknown>> = {}): Promise<TPage<TRow>> {
      const dir = o.direction ?? 'desc';
      let query = q(db).selectFrom(t).selectAll().where('tenant_id', '=', tenantId);
      for (const [column, value] of Object.entries(where)) query = query.where(column, value === null ? 'is' : '=', value);
      const after = o.cursor ? decodeCursor(o.cursor) : null;
      if (after) query = query.where((eb: any) => eb(eb.refTuple(o.orderBy, 'id'), dir === 'desc' ? '<' : '>', eb.tuple(after[0], after[1])));
      const rows = (await query.orderBy(o.orderBy, dir).orderBy('id', dir).limit(o.limit + 1).execute()) as TRow[];
      const items = rows.slice(0, o.limit);
      const last = items.at(-1) as Record<string, unknown> | undefined;
      return { items, nextCursor: rows.length > o.limit && last ? encodeCursor(last[o.orderBy], last.id) : null };
    },

    async insert(db: Kysely<DB>, tenantId: string, values: Omit<Insertable<DB[T]>, 'tenant_id'>): Promise<TRow> {
      return (await q(db).insertInto(t).values({ ...values, tenant_id: tenantId }).returningAll().executeTakeFirstOrThrow()) as TRow;
    },

    async update(db: Kysely<DB>, tenantId: string, id: string, patch: Omit<Updateable<DB[T]>, 'tenant_id' | 'id'>): Promise<TRow | undefined> {
      return (await q(db).updateTable(t).set(patch as Record<string, unknown>).where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirst()) as TRow | undefined;
    },
  };
}
