import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { MANDATORY_ITEMS, type TChecklistState, type TMandatoryChecklist } from '../../../shared/contracts/documents.ts';
import { CHECKLIST_SOURCES, readChecklist, type TChecklistRow, type TChecklistSource } from './mandatory-checklist-sql.ts';
import { todayOf } from './documents-service.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const RANK: Record<TChecklistState, number> = { current: 2, overdue: 1, missing: 0 };
const best = (states: readonly TChecklistState[]): TChecklistState => states.reduce<TChecklistState>((a, s) => (RANK[s] > RANK[a] ? s : a), 'missing');

/**
 * The mandatory documented information of ISO/IEC 42001, item by item: current when a published
 * document (or the module keeping it as a record) has it and its review date has not passed,
 * overdue when it has it but the review date passed, missing otherwise. One SQL statement.
 */
/** Each item's state from the rows its sources reported (pure: readiness judges the same rows). */
export function judgeChecklist(rows: readonly Pick<TChecklistRow, 'item' | 'source' | 'state' | 'count' | 'document_id' | 'title' | 'version' | 'next_review_on'>[], sources: readonly TChecklistSource[] = CHECKLIST_SOURCES) {
  const reported = new Set(sources.map((s) => s.source));
  const items = MANDATORY_ITEMS.map((item) => {
    const mine = rows.filter((r) => r.item === item.key);
    const documents = mine
      .filter((r) => r.source === 'documents')
      .map((r) => ({ id: r.document_id!, title: r.title ?? '', version: r.version ?? 0, nextReviewOn: r.next_review_on, state: r.state }));
    const recordRow = item.record ? mine.find((r) => r.source === item.record) : undefined;
    const record = item.record ? { source: item.record, state: reported.has(item.record) ? (recordRow?.state ?? 'missing') : null, count: recordRow?.count ?? 0 } : null;
    const state = best([...documents.map((d) => d.state), ...(record?.state ? [record.state] : [])]);
    return { key: item.key, clause: item.clause, kind: item.kind, label: item.label, state, documents, record };
  });
  const totals = { current: 0, overdue: 0, missing: 0 };
  for (const i of items) totals[i.state] += 1;
  return { items, totals };
}

export function createMandatoryChecklistService(p: TDeps, sources: readonly TChecklistSource[] = CHECKLIST_SOURCES) {
  return {
    async get(actor: TActor | null, tenantId: string): Promise<TMandatoryChecklist> {
      await p.authz.assert(actor, 'document.read', { tenantId });
      const today = todayOf(p);
      const rows = await readChecklist(p.db, tenantId, today, sources);
      const { items, totals } = judgeChecklist(rows, sources);
      return { today, items, totals };
    },
  };
}
