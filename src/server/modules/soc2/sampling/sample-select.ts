import { createHash, randomBytes } from 'node:crypto';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { TSoc2SampleItemKind } from '../../../../shared/contracts/soc2.ts';
import { isoOfDay, type TDayNumber } from './dates.ts';
import type { TPopulationIndex } from './population-index.ts';

/*
 * attest-stratified-v1: a random, reproducible sample from a population index (see README.md for
 * the full rule). Everything that decides which rows are drawn is in this file and in the pinned
 * generator (pure-rand 8, xoroshiro128plus); no Math.random, no dependence on Map/Set order.
 * Changing anything here that alters a draw means a new algorithm name.
 */

export const SAMPLE_ALGORITHM = 'attest-stratified-v1';
export const SAMPLE_GENERATOR = 'pure-rand@8 xoroshiro128plus';

export type TStratum = 0 | 1 | 2;
export const STRATUM_NAMES = ['beginning', 'middle', 'end'] as const;

export interface TSampleItem {
  /** Position of the row in the index (file order, 0-based). */
  ordinal: number;
  /** Row as the person sees it in the file. */
  rowNumber: number;
  date: string;
  stratum: (typeof STRATUM_NAMES)[number];
  kind: TSoc2SampleItemKind;
  /** 0 for the first draw, n for the n-th extension; null for judgmental items. */
  extension: number | null;
}

export interface TStratumTrace {
  stratum: (typeof STRATUM_NAMES)[number];
  start: string;
  end: string;
  /** Rows of the stratum that could be drawn (not already in the sample). */
  available: number;
  /** Even share of the requested size before redistribution. */
  share: number;
  drawn: number;
}

export interface TSampleDraw {
  algorithm: typeof SAMPLE_ALGORITHM;
  generator: typeof SAMPLE_GENERATOR;
  seed: string;
  extension: number;
  requested: number;
  /** SHA-256 of the source file the index was built from: the draw is bound to that file. */
  populationSha256: string;
  populationSize: number;
  excludedCount: number;
  /** SHA-256 of the sorted excluded ordinals (uint32 LE), so a re-run can prove the same exclusions. */
  excludedSha256: string;
  strata: TStratumTrace[];
  /** Sorted by date, then file order. */
  items: TSampleItem[];
}

export interface TDrawParams {
  size: number;
  seed: string;
  /** 0 = the first draw; n ≥ 1 = the n-th extension after an exception. */
  extension?: number;
  /** Ordinals already in the sample (earlier draws, judgmental items): never drawn again. */
  exclude?: readonly number[];
}

export type TSampleSelectionErrorCode =
  | 'sample_seed_invalid'
  | 'sample_size_invalid'
  | 'sample_extension_invalid'
  | 'sample_row_not_in_population'
  | 'sample_row_already_selected';

export class SampleSelectionError extends Error {
  readonly code: TSampleSelectionErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: TSampleSelectionErrorCode, details: Record<string, unknown> = {}) {
    super(code);
    this.code = code;
    this.details = details;
  }
}

/** A fresh seed to record with a new sample: 128 random bits as 32 hex digits. */
export function newSampleSeed(): string {
  return randomBytes(16).toString('hex');
}

const SEED = /^[\x21-\x7e]{1,128}$/;

/** One independent generator per (seed, extension, stratum), keyed through SHA-256. */
function generatorFor(seed: string, extension: number, stratum: TStratum): RandomGenerator {
  const d = createHash('sha256').update(`${SAMPLE_ALGORITHM}\0${seed}\0${extension}\0${stratum}`, 'utf8').digest();
  const state = [d.readInt32LE(0), d.readInt32LE(4), d.readInt32LE(8), d.readInt32LE(12)];
  // xoroshiro128+ must not start from the all-zero state (2^-128 chance; handled all the same).
  if (!state.some((s) => s !== 0)) state[0] = 1;
  return xoroshiro128plusFromState(state);
}

/**
 * Uniform integer in [0, bound) by rejection on the generator's 32-bit outputs. Ours rather than
 * pure-rand's uniformInt so that a library release cannot change which rows a seed draws.
 */
function uniformBelow(rng: RandomGenerator, bound: number): number {
  const limit = Math.floor(4294967296 / bound) * bound;
  let v = rng.next() + 2147483648;
  while (v >= limit) v = rng.next() + 2147483648;
  return v % bound;
}

/** Floyd's algorithm: k distinct ranks in [0, m), in ascending order. */
function floyd(rng: RandomGenerator, m: number, k: number): number[] {
  const chosen = new Set<number>();
  for (let j = m - k; j < m; j++) {
    const t = uniformBelow(rng, j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** Thirds of the period by calendar day: [start, b1), [b1, b2), [b2, end]. */
export function strataBounds(periodStart: TDayNumber, periodEnd: TDayNumber): [TDayNumber, TDayNumber] {
  const days = periodEnd - periodStart + 1;
  return [periodStart + Math.floor(days / 3), periodStart + Math.floor((2 * days) / 3)];
}

/**
 * Even split of `size` over three strata: the remainder goes to the middle (1) or to the beginning
 * and the end (2), so a sample of two spans the period. A stratum with too few rows gives them all
 * and its shortfall goes, one item at a time, to the stratum with the most rows left (ties: earlier).
 */
export function allocate(size: number, available: readonly [number, number, number]): { share: number[]; take: number[] } {
  const base = Math.floor(size / 3);
  const share: number[] = [base, base, base];
  const r = size % 3;
  if (r === 1) share[1]!++;
  if (r === 2) { share[0]!++; share[2]!++; }
  const take = share.map((s, i) => Math.min(s, available[i]!));
  let short = size - take.reduce((a, b) => a + b, 0);
  while (short > 0) {
    let best = -1;
    for (let i = 0; i < 3; i++) {
      const spare = available[i]! - take[i]!;
      if (spare > 0 && (best < 0 || spare > available[best]! - take[best]!)) best = i;
    }
    if (best < 0) break;
    take[best]!++;
    short--;
  }
  return { share, take };
}

function excludedDigest(sorted: Uint32Array): string {
  return createHash('sha256').update(Buffer.from(sorted.buffer, sorted.byteOffset, sorted.byteLength)).digest('hex');
}

/**
 * Draws `size` rows (fewer if fewer are left) with attest-stratified-v1. The same index, seed,
 * extension number and exclusions always give the same items, on any platform or Node version.
 */
export function drawSample(index: TPopulationIndex, params: TDrawParams): TSampleDraw {
  const extension = params.extension ?? 0;
  if (!SEED.test(params.seed)) throw new SampleSelectionError('sample_seed_invalid');
  if (!Number.isInteger(params.size) || params.size < 0) throw new SampleSelectionError('sample_size_invalid', { size: params.size });
  if (!Number.isInteger(extension) || extension < 0) throw new SampleSelectionError('sample_extension_invalid', { extension });
  const n = index.rowCount;
  const { dates } = index;
  const excluded = new Uint8Array(n);
  // Deduplicated and sorted: the same set of exclusions always gives the same excludedSha256.
  const exclude = Uint32Array.from(new Set(params.exclude ?? [])).sort();
  for (const o of exclude) {
    if (o >= n) throw new SampleSelectionError('sample_row_not_in_population', { ordinal: o });
    excluded[o] = 1;
  }
  const [b1, b2] = strataBounds(index.periodStart, index.periodEnd);
  const stratumOf = (d: number): TStratum => (d < b1 ? 0 : d < b2 ? 1 : 2);

  const available: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < n; i++) if (!excluded[i]) available[stratumOf(dates[i]!)]++;
  const totalAvailable = available[0] + available[1] + available[2];
  const { share, take } = allocate(Math.min(params.size, totalAvailable), available);

  const ranks = ([0, 1, 2] as const).map((s) => (take[s]! > 0 ? floyd(generatorFor(params.seed, extension, s), available[s], take[s]!) : []));
  const rankAt = [0, 0, 0];
  const next = [0, 0, 0];
  const items: TSampleItem[] = [];
  for (let i = 0; i < n && items.length < take[0]! + take[1]! + take[2]!; i++) {
    if (excluded[i]) continue;
    const s = stratumOf(dates[i]!);
    const r = rankAt[s]!++;
    if (ranks[s]![next[s]!] === r) {
      next[s]!++;
      items.push({ ordinal: i, rowNumber: index.rowNumbers[i]!, date: isoOfDay(dates[i]!), stratum: STRATUM_NAMES[s], kind: extension === 0 ? 'random' : 'extension', extension });
    }
  }
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.ordinal - b.ordinal));
  const bounds = [index.periodStart, b1, b2, index.periodEnd + 1];
  return {
    algorithm: SAMPLE_ALGORITHM,
    generator: SAMPLE_GENERATOR,
    seed: params.seed,
    extension,
    requested: params.size,
    populationSha256: index.sha256,
    populationSize: n,
    excludedCount: exclude.length,
    excludedSha256: excludedDigest(exclude),
    strata: ([0, 1, 2] as const).map((s) => ({
      stratum: STRATUM_NAMES[s],
      start: isoOfDay(bounds[s]!),
      end: isoOfDay(Math.max(bounds[s]!, bounds[s + 1]! - 1)),
      available: available[s],
      share: share[s]!,
      drawn: take[s]!,
    })),
    items,
  };
}

/**
 * Items the auditor adds by judgment, named by the row numbers they see in the file. Refused when a
 * row is not in the population or is already in the sample (`exclude`).
 */
export function judgmentalItems(index: TPopulationIndex, rowNumbers: readonly number[], exclude: readonly number[] = []): TSampleItem[] {
  const taken = new Set(exclude);
  const [b1, b2] = strataBounds(index.periodStart, index.periodEnd);
  const out: TSampleItem[] = [];
  for (const row of rowNumbers) {
    const ordinal = ordinalOfRow(index, row);
    if (ordinal < 0) throw new SampleSelectionError('sample_row_not_in_population', { row });
    if (taken.has(ordinal)) throw new SampleSelectionError('sample_row_already_selected', { row });
    taken.add(ordinal);
    const d = index.dates[ordinal]!;
    out.push({ ordinal, rowNumber: row, date: isoOfDay(d), stratum: STRATUM_NAMES[d < b1 ? 0 : d < b2 ? 1 : 2], kind: 'judgmental', extension: null });
  }
  return out;
}

/** Row numbers increase with the ordinal (file order), so a binary search finds the row. */
export function ordinalOfRow(index: TPopulationIndex, rowNumber: number): number {
  let lo = 0;
  let hi = index.rowCount - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = index.rowNumbers[mid]!;
    if (v === rowNumber) return mid;
    if (v < rowNumber) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
