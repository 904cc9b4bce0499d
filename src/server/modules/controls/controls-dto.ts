import type { Selectable } from 'kysely';
import type { TControlsTables } from '../../db/types-controls.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import type { TLocale } from '../../../shared/contracts/common.ts';
import type { TControl, TControlSummary, TControlSuggestion, TCreateControlBody, TUpdateControlBody } from '../../../shared/contracts/controls.ts';
import { controlLifecycle } from './control-lifecycle.ts';
import type { TControlDetailRow, TControlSummaryRow, TSuggestionRow } from './controls-repo.ts';

/* Between the contract's field names and the table's columns, both ways. */

export const FIELD_COLUMNS = {
  reference: 'reference',
  title: 'title',
  description: 'description',
  ownerId: 'owner_id',
  frequency: 'frequency',
  automation: 'automation',
  status: 'status',
  libraryRef: 'library_ref',
} as const satisfies Record<string, keyof Selectable<TControlsTables['controls']>>;

type TFieldName = keyof typeof FIELD_COLUMNS;
type TControlRow = Selectable<TControlsTables['controls']>;

/** The columns of the contract fields present in a body (undefined means "not sent"). */
export const columnsOf = (body: Partial<TCreateControlBody | TUpdateControlBody>) =>
  Object.fromEntries(Object.entries(body).filter(([k, v]) => v !== undefined && k in FIELD_COLUMNS && k !== 'libraryRef').map(([k, v]) => [FIELD_COLUMNS[k as TFieldName], v]));

/** Every recorded field of a row, keyed as in the contract (what an audit event holds). */
export const rowToAuditFields = (row: Pick<TControlRow, (typeof FIELD_COLUMNS)[TFieldName]>) =>
  Object.fromEntries(Object.entries(FIELD_COLUMNS).map(([field, column]) => [field, row[column]])) as { [K in TFieldName]: TControlRow[(typeof FIELD_COLUMNS)[K]] };

/** The language the catalog's titles are answered in: the person's, English for a machine. */
export const readerLocale = (actor: TActor | null): TLocale => (actor?.type === 'user' ? actor.locale : 'en');

const iso = (d: Date | string) => new Date(d).toISOString();
const userRef = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export const toSummaryDto = (r: TControlSummaryRow, abilities: TControlSummary['abilities']): TControlSummary => ({
  id: r.id,
  reference: r.reference,
  title: r.title,
  owner: userRef(r.owner_id, r.owner_name),
  frequency: r.frequency,
  automation: r.automation,
  status: r.status,
  libraryRef: r.library_ref,
  requirementCount: r.requirement_count ?? 0,
  frameworkIds: r.framework_ids ?? [],
  updatedAt: iso(r.updated_at),
  abilities,
});

export const toDto = (r: TControlDetailRow, abilities: TControl['abilities']): TControl => ({
  id: r.id,
  reference: r.reference,
  title: r.title,
  description: r.description,
  owner: userRef(r.owner_id, r.owner_name),
  frequency: r.frequency,
  automation: r.automation,
  status: r.status,
  libraryRef: r.library_ref,
  requirements: r.requirements.map((q) => ({
    frameworkId: q.framework_id,
    frameworkVersion: q.framework_version,
    frameworkTitle: q.framework_title,
    ref: q.ref,
    title: q.title,
    kind: q.kind,
    origin: q.origin,
    linkedBy: userRef(q.linked_by, q.linked_by_name),
    linkedAt: iso(q.linked_at),
  })),
  nextStatuses: controlLifecycle.eventsFrom(r.status).map((e) => controlLifecycle.transitions[e].to),
  createdBy: userRef(r.created_by, r.created_by_name),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  abilities,
});

export const toSuggestions = (rows: TSuggestionRow[]): TControlSuggestion[] =>
  rows
    .filter((r) => r.framework_id !== null)
    .map((r) => ({
      frameworkId: r.framework_id!,
      frameworkVersion: r.framework_version!,
      frameworkTitle: r.framework_title ?? r.framework_id!,
      ref: r.ref!,
      title: r.title ?? '',
      kind: r.kind ?? '',
      sources: r.sources ?? [],
    }));
