import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TSoc2Sample } from '../../../../shared/contracts/soc2-fieldwork.ts';
import { drawSample, judgmentalItems, newSampleSeed, SampleSelectionError, SAMPLE_ALGORITHM, type TSampleDraw, type TSampleItem } from '../sampling/sample-select.ts';
import { sampleSize } from '../sampling/sample-size.ts';
import type { TPopulationIndex } from '../sampling/population-index.ts';
import { examinationOf, fieldworkExamination, firmSampling, testOf, userIdOf, type TDb } from './fieldwork-common.ts';
import { blobOpener, itemFields, loadIndex, readRows } from './population-store.ts';
import { populationDto } from './populations-service.ts';
import * as popRepo from './populations-repo.ts';
import * as repo from './samples-repo.ts';
import { sampleDto, sizeMethodFor } from './sample-dto.ts';

/*
 * Samples from a frozen population: the first draw (size from the firm's method and the test's
 * frequency, risk and prior failure; a recorded seed; attest-stratified-v1), extensions after an
 * exception (extension n draws only rows not yet in the sample), judgmental items with their
 * reason, and the verification that re-draws from the seed and the stored index.
 */

export type TSamplesDeps = Pick<TPlatform, 'db' | 'authz' | 'blobs' | 'clock'>;

/** The draw's record, kept in `size_trace` beside how the size was set: enough to re-draw it. */
type TDrawRecord = Omit<TSampleDraw, 'items' | 'seed' | 'algorithm'> & { excluded: number[] };

function selectionError(e: unknown): never {
  if (e instanceof SampleSelectionError) {
    const map = {
      sample_seed_invalid: [400, 'validation_failed'],
      sample_size_invalid: [400, 'validation_failed'],
      sample_extension_invalid: [400, 'validation_failed'],
      sample_row_not_in_population: [400, 'soc2_sample_row_not_in_population'],
      sample_row_already_selected: [409, 'soc2_sample_row_already_selected'],
    } as const;
    const [status, code] = map[e.code];
    throw new AppError(status, code, code === 'validation_failed' ? e.code : `Row ${String(e.details.row ?? '')} cannot be added.`, e.details);
  }
  throw e;
}

export function createSamplesService(p: TSamplesDeps) {
  async function one(grant: TTenantGrant, tenantId: string, examinationId: string, id: string): Promise<TSoc2Sample> {
    const s = await repo.getSample(p.db, tenantId, examinationId, id);
    if (!s) throw notFound('Sample');
    const [rows, settings] = await Promise.all([repo.items(p.db, tenantId, { sampleIds: [s.id] }), firmSampling(p.db, tenantId)]);
    return { ...sampleDto(s, rows, settings.contemporaneityDays), abilities: p.authz.abilities(grant, 'soc2Program', {}) };
  }

  /** The population locked for a change, its test still open, its index read and checked. */
  async function openPopulation(tx: TDb, tenantId: string, examinationId: string, populationId: string) {
    const ex = await fieldworkExamination(tx, tenantId, examinationId);
    await popRepo.lockPopulation(tx, tenantId, populationId);
    const row = await popRepo.getPopulation(tx, tenantId, examinationId, populationId);
    if (!row) throw notFound('Population');
    const test = await testOf(tx, tenantId, examinationId, row.test_id, true);
    if (test.conclusion !== 'pending')
      throw new AppError(409, 'soc2_test_concluded', `The test ${test.reference} is concluded; reopen it before changing its samples.`, { reference: test.reference, conclusion: test.conclusion });
    const { index, sha256 } = await loadIndex(p.blobs, row.index_sha256);
    if (sha256 !== row.index_sha256 || index.sha256 !== row.file_sha256) throw new Error(`population ${row.id}: the stored index does not match its record`);
    return { ex, row, test, index, pop: populationDto(row) };
  }

  /** Writes a sample and its items (key, date and text read back from the frozen file). */
  async function writeSample(
    tx: Transaction<DB>,
    actor: TActor | null,
    ctx: TRequestContext,
    o: Awaited<ReturnType<typeof openPopulation>>,
    v: { tenantId: string; extensionNo: number; seed: string; size: number; sizeTrace: unknown; items: TSampleItem[] },
  ) {
    const fields = itemFields(await readRows(o.index, v.items.map((i) => i.ordinal), blobOpener(p.blobs, o.row.file_sha256), o.pop.mapping), o.pop.mapping);
    const sample = await repo.insertSample(tx, {
      tenantId: v.tenantId,
      examinationId: o.ex.id,
      testId: o.test.id,
      populationId: o.row.id,
      extensionNo: v.extensionNo,
      seed: v.seed,
      algorithm: SAMPLE_ALGORITHM,
      size: v.size,
      sizeTrace: v.sizeTrace,
      userId: userIdOf(actor),
      at: p.clock.now(),
    });
    await repo.insertItems(
      tx,
      v.tenantId,
      sample.id,
      o.test.id,
      v.items.map((i) => ({ ordinal: i.ordinal, kind: i.kind, stratum: i.stratum, key: fields.get(i.ordinal)?.key ?? '', date: i.date, text: fields.get(i.ordinal)?.text ?? '', reason: '' })),
    );
    await recordAudit(tx, actor, ctx, {
      tenantId: v.tenantId,
      action: 'soc2_sample.drawn',
      subjectType: 'soc2_sample',
      subjectId: sample.id,
      after: {
        examinationReference: o.ex.reference,
        testReference: o.test.reference,
        population: o.row.name,
        extensionNo: v.extensionNo,
        seed: v.seed,
        algorithm: SAMPLE_ALGORITHM,
        size: v.size,
        rows: v.items.map((i) => i.rowNumber),
      },
    });
    return sample.id;
  }

  const drawRecord = (d: TSampleDraw, excluded: number[]): TDrawRecord => {
    const { items: _i, seed: _s, algorithm: _a, ...rest } = d;
    return { ...rest, excluded: [...new Set(excluded)].sort((a, b) => a - b) };
  };

  return {
    async get(actor: TActor | null, tenantId: string, examinationId: string, id: string) {
      const grant = await p.authz.assert(actor, 'soc2Program.read', { tenantId });
      await examinationOf(p.db, tenantId, examinationId);
      return one(grant, tenantId, examinationId, id);
    },

    /**
     * The first sample of a population: refused until the auditor has recorded how its completeness
     * and accuracy were checked, and when the population already has one (extend it instead).
     */
    async draw(actor: TActor | null, tenantId: string, examinationId: string, populationId: string, body: { seed?: string | undefined }, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      const id = await p.db.transaction().execute(async (tx) => {
        const o = await openPopulation(tx, tenantId, examinationId, populationId);
        if (!o.row.completeness_accuracy.trim())
          throw new AppError(409, 'soc2_completeness_required', 'Record how the population’s completeness and accuracy were checked before drawing a sample.', { populationId });
        if ((await repo.samplesOfPopulation(tx, tenantId, populationId)).length)
          throw new AppError(409, 'soc2_sample_exists', 'This population already has its sample; extend it after an exception instead.', { populationId });
        const settings = await firmSampling(tx, tenantId);
        const { method, table, policyVersion } = sizeMethodFor(settings.sampling, o.test);
        const trace = { ...sampleSize(o.index.rowCount, method, table), ...(policyVersion ? { policyVersion } : {}) };
        const seed = body.seed ?? newSampleSeed();
        let d: TSampleDraw;
        try {
          d = drawSample(o.index, { size: trace.size, seed, extension: 0 });
        } catch (e) {
          selectionError(e);
        }
        return writeSample(tx, actor, ctx, o, { tenantId, extensionNo: 0, seed, size: d.items.length, sizeTrace: { ...trace, seedGenerated: body.seed === undefined, draw: drawRecord(d, []) }, items: d.items });
      });
      return one(grant, tenantId, examinationId, id);
    },

    /** Extension n + 1 after an exception: only rows not yet in any sample of the population. */
    async extend(actor: TActor | null, tenantId: string, examinationId: string, populationId: string, body: { seed?: string | undefined; size?: number | undefined }, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      const id = await p.db.transaction().execute(async (tx) => {
        const o = await openPopulation(tx, tenantId, examinationId, populationId);
        const samples = await repo.samplesOfPopulation(tx, tenantId, populationId);
        const first = samples[0];
        if (!first) throw new AppError(409, 'soc2_sample_missing', 'Draw the population’s sample first.', { populationId });
        if (!(await repo.populationHasException(tx, tenantId, populationId)))
          throw new AppError(409, 'soc2_extension_without_exception', 'A sample is extended after an exception: no item of this population is an exception.', { populationId });
        const extensionNo = Math.max(...samples.map((s) => s.extension_no)) + 1;
        const excluded = await repo.takenOrdinals(tx, tenantId, populationId);
        const size = body.size ?? first.size;
        const seed = body.seed ?? first.seed;
        let d: TSampleDraw;
        try {
          d = drawSample(o.index, { size, seed, extension: extensionNo, exclude: excluded });
        } catch (e) {
          selectionError(e);
        }
        if (!d.items.length) throw new AppError(409, 'soc2_population_exhausted', 'Every row of the population is already in the sample.', { populationId, rowCount: o.index.rowCount });
        const sizeTrace = { method: 'extension', afterException: true, requested: size, firstSampleId: first.id, populationSize: o.index.rowCount, size: d.items.length, cappedByPopulation: d.items.length < size, draw: drawRecord(d, excluded) };
        return writeSample(tx, actor, ctx, o, { tenantId, extensionNo, seed, size: d.items.length, sizeTrace, items: d.items });
      });
      return one(grant, tenantId, examinationId, id);
    },

    /** Items the auditor adds by judgment (row numbers as in the file), each with its reason. */
    async addJudgmental(actor: TActor | null, tenantId: string, examinationId: string, sampleId: string, body: { items: { rowNumber: number; reason: string }[] }, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const s = await repo.getSample(tx, tenantId, examinationId, sampleId);
        if (!s) throw notFound('Sample');
        const o = await openPopulation(tx, tenantId, examinationId, s.population_id);
        const excluded = await repo.takenOrdinals(tx, tenantId, s.population_id);
        let added: TSampleItem[];
        try {
          added = judgmentalItems(o.index, body.items.map((i) => i.rowNumber), excluded);
        } catch (e) {
          selectionError(e);
        }
        const fields = itemFields(await readRows(o.index, added.map((i) => i.ordinal), blobOpener(p.blobs, o.row.file_sha256), o.pop.mapping), o.pop.mapping);
        await repo.insertItems(
          tx,
          tenantId,
          s.id,
          o.test.id,
          added.map((i, n) => ({ ordinal: i.ordinal, kind: 'judgmental' as const, stratum: i.stratum, key: fields.get(i.ordinal)?.key ?? '', date: i.date, text: fields.get(i.ordinal)?.text ?? '', reason: body.items[n]!.reason })),
        );
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'soc2_sample.judgmental_added',
          subjectType: 'soc2_sample',
          subjectId: s.id,
          after: { examinationReference: o.ex.reference, testReference: o.test.reference, population: o.row.name, count: added.length, rows: added.map((i) => i.rowNumber) },
        });
      });
      return one(grant, tenantId, examinationId, sampleId);
    },

    /**
     * Re-draws the sample from its recorded seed, extension number and exclusions over the stored
     * index, after checking the stored file and index against their recorded SHA-256; answers whether
     * the drawn rows are the recorded ones (judgmental items are the auditor's, not the draw's). With
     * another seed, the same re-draw shows that the seed, not chance, decides the rows.
     */
    async verify(actor: TActor | null, tenantId: string, examinationId: string, sampleId: string, seed?: string) {
      await p.authz.assert(actor, 'soc2Program.read', { tenantId });
      await examinationOf(p.db, tenantId, examinationId);
      const s = await repo.getSample(p.db, tenantId, examinationId, sampleId);
      if (!s) throw notFound('Sample');
      const row = await popRepo.getPopulation(p.db, tenantId, examinationId, s.population_id);
      if (!row) throw notFound('Population');
      const { index, sha256 } = await loadIndex(p.blobs, row.index_sha256);
      const fileSha = await sha256Of(p, row.file_sha256);
      const populationSha256Matches = sha256 === row.index_sha256 && index.sha256 === row.file_sha256 && fileSha === row.file_sha256;
      const trace = (typeof s.size_trace === 'string' ? JSON.parse(s.size_trace) : s.size_trace) as { draw?: TDrawRecord };
      const recorded = (await repo.items(p.db, tenantId, { sampleIds: [s.id] })).filter((i) => i.kind !== 'judgmental').map((i) => i.row_index);
      const rowsOf = (ordinals: number[], idx: TPopulationIndex) => [...ordinals].sort((a, b) => a - b).map((o) => idx.rowNumbers[o] ?? -1);
      let expected: number[] = [];
      if (trace.draw && s.algorithm === SAMPLE_ALGORITHM) {
        const d = drawSample(index, { size: trace.draw.requested, seed: seed ?? s.seed, extension: s.extension_no, exclude: trace.draw.excluded });
        expected = d.items.map((i) => i.ordinal);
      }
      const expectedRows = rowsOf(expected, index);
      const recordedRows = rowsOf(recorded, index);
      const identical = populationSha256Matches && expectedRows.length === recordedRows.length && expectedRows.every((r, i) => r === recordedRows[i]);
      return { sampleId: s.id, seed: seed ?? s.seed, recordedSeed: seed === undefined || seed === s.seed, identical, populationSha256Matches, expectedRows, recordedRows };
    },
  };
}

/** The SHA-256 of a stored object, read again (the blob store names objects by it, but a disk can rot). */
async function sha256Of(p: Pick<TPlatform, 'blobs'>, sha256: string): Promise<string | null> {
  const s = await p.blobs.get(sha256);
  if (!s) return null;
  const h = createHash('sha256');
  for await (const c of s) h.update(c as Buffer);
  return h.digest('hex');
}
