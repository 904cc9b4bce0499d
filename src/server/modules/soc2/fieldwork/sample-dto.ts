import { z } from 'zod';
import type { TSoc2Sample, TSoc2SampleItem } from '../../../../shared/contracts/soc2-fieldwork.ts';
import { checkContemporaneity } from '../sampling/period-coverage.ts';
import { ZSampleSizeMethod, ZSampleSizeTable, DEFAULT_SAMPLE_SIZE_TABLE, type TSampleSizeMethod, type TSampleSizeTable } from '../sampling/sample-size.ts';
import { iso, type TFieldworkTest } from './fieldwork-common.ts';
import type { TItemRow, TSampleRow } from './samples-repo.ts';

export function itemDto(r: TItemRow, contemporaneityDays: number): TSoc2SampleItem {
  const flag =
    r.evidence_created_on === null ? null : (checkContemporaneity([{ id: r.id, eventDate: r.item_date, evidenceCreatedAt: r.evidence_created_on }], { maxLagDays: contemporaneityDays })[0] ?? null);
  return {
    id: r.id,
    sampleId: r.sample_id,
    rowIndex: r.row_index,
    kind: r.kind,
    stratum: r.stratum,
    key: r.item_key,
    date: r.item_date,
    text: r.item_text,
    judgmentReason: r.judgment_reason,
    result: r.result,
    notes: r.notes,
    evidence: r.evidence,
    evidenceCreatedOn: r.evidence_created_on,
    contemporaneity: { flagged: flag !== null, reason: flag?.reason ?? null, lagDays: flag?.lagDays ?? null },
    testedAt: r.tested_at === null ? null : iso(r.tested_at),
  };
}

export function sampleDto(s: TSampleRow, items: TItemRow[], contemporaneityDays: number): Omit<TSoc2Sample, 'abilities'> {
  return {
    id: s.id,
    examinationId: s.examination_id,
    testId: s.test_id,
    populationId: s.population_id,
    extensionNo: s.extension_no,
    seed: s.seed,
    algorithm: s.algorithm,
    size: s.size,
    sizeTrace: (typeof s.size_trace === 'string' ? JSON.parse(s.size_trace) : s.size_trace) as Record<string, unknown>,
    drawnAt: iso(s.drawn_at),
    items: items.filter((i) => i.sample_id === s.id).map((i) => itemDto(i, contemporaneityDays)),
  };
}

/*
 * The firm's sampling method (body_settings.soc2_sampling): the conventional table (its own or
 * Attest's default), a percentage with a minimum and a maximum, or a fixed size. Anything the
 * firm has not set, or that does not read as one of these, is the facts-sheet table.
 */
const ZFirmSampling = z.union([
  z.object({ method: z.literal('frequency-table'), table: ZSampleSizeTable.optional() }),
  z.object({ method: z.literal('percentage'), version: z.string().optional(), percent: z.number().gt(0).max(100), min: z.number().int().min(1), max: z.number().int().min(1) }),
  z.object({ method: z.literal('fixed'), size: z.number().int().min(1).max(100_000) }),
  ZSampleSizeTable,
]);

export function sizeMethodFor(
  settings: unknown,
  test: Pick<TFieldworkTest, 'frequency' | 'risk' | 'prior_failure'>,
): { method: TSampleSizeMethod; table: TSampleSizeTable; policyVersion?: string } {
  const parsed = ZFirmSampling.safeParse(settings);
  const s = parsed.success ? parsed.data : null;
  const byTable = (table: TSampleSizeTable) => ({ method: { method: 'frequency-table' as const, frequency: test.frequency, risk: test.risk, priorFailure: test.prior_failure }, table });
  if (!s) return byTable(DEFAULT_SAMPLE_SIZE_TABLE);
  if ('rows' in s) return byTable(s);
  if (s.method === 'frequency-table') return byTable(s.table ?? DEFAULT_SAMPLE_SIZE_TABLE);
  const { version, ...rest } = s as typeof s & { version?: string };
  const m = ZSampleSizeMethod.safeParse(rest);
  // The firm's own version of its percentage rule goes with the sample, as a table's version does.
  return m.success ? { method: m.data, table: DEFAULT_SAMPLE_SIZE_TABLE, ...(version ? { policyVersion: version } : {}) } : byTable(DEFAULT_SAMPLE_SIZE_TABLE);
}
