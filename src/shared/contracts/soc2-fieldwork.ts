import { z } from 'zod';
import { ZTimestamp, zText } from './common.ts';
import { ZSoc2ProgramAbilities, ZSoc2Day, ZSoc2ExaminationParams, SOC2_TEXT_MAX } from './soc2-program.ts';
import { ZSoc2ControlFrequency, ZSoc2ItemResult, ZSoc2PopulationSource, ZSoc2SampleItemKind, ZSoc2Stratum, ZSoc2TestConclusion } from './soc2.ts';

/*
 * SOC 2 stage 3, fieldwork: populations frozen per test (an imported CSV/XLSX file, or the
 * organization's evidence records), samples drawn from them with a recorded seed and a named,
 * versioned algorithm, each item's result, the test's conclusion and the period coverage.
 * The firm's members read; the scheme manager and auditors write (`soc2Program.*`).
 */

export const ZSoc2PopulationParams = ZSoc2ExaminationParams.extend({ populationId: z.uuid() });
export const ZSoc2SampleParams = ZSoc2ExaminationParams.extend({ sampleId: z.uuid() });
export const ZSoc2ItemParams = ZSoc2ExaminationParams.extend({ itemId: z.uuid() });
export const ZSoc2FieldworkTestParams = ZSoc2ExaminationParams.extend({ testId: z.uuid() });

export const SOC2_POPULATION_TEXT_COLUMNS_MAX = 5;
const ZColumn = zText(200, { min: 1 });

/** How a file's columns are read: the unique key, the event date, the text shown with each item. */
export const ZSoc2PopulationMapping = z.object({
  keyColumn: ZColumn,
  dateColumn: ZColumn,
  textColumns: z.array(ZColumn).max(SOC2_POPULATION_TEXT_COLUMNS_MAX).default([]),
  /** CSV only. */
  delimiter: z.enum([',', ';', '\t', '|']).default(','),
  /** ISO (`YYYY-MM-DD`, ISO datetime) always; `dd/mm/yyyy` also when asked. */
  dayFirstDates: z.boolean().default(false),
  /** XLSX: the worksheet; the first one otherwise. */
  worksheet: zText(100).optional(),
});
export type TSoc2PopulationMapping = z.output<typeof ZSoc2PopulationMapping>;

/**
 * Multipart fields (before the file part) or query string of a raw upload. `textColumns` is a
 * comma-separated list there.
 */
export const ZSoc2PopulationUploadMeta = z.object({
  name: zText(200, { min: 1 }),
  keyColumn: ZColumn,
  dateColumn: ZColumn,
  textColumns: zText(1000).optional(),
  delimiter: z.enum([',', ';', 'tab', '|']).default(','),
  dayFirstDates: z.enum(['true', 'false']).default('false'),
  worksheet: zText(100).optional(),
  filename: zText(255).optional(),
});

export const ZSoc2EvidencePopulationBody = z.strictObject({ name: zText(200, { min: 1 }) });
export const ZSoc2CompletenessBody = z.strictObject({ completenessAccuracy: zText(SOC2_TEXT_MAX, { min: 1 }) });

export const ZSoc2Population = z.object({
  id: z.uuid(),
  examinationId: z.uuid(),
  testId: z.uuid(),
  testReference: z.string(),
  name: z.string(),
  source: ZSoc2PopulationSource,
  fileName: z.string(),
  fileSha256: z.string(),
  fileSize: z.number().int(),
  indexSha256: z.string(),
  rowCount: z.number().int(),
  firstDate: ZSoc2Day.nullable(),
  lastDate: ZSoc2Day.nullable(),
  mapping: ZSoc2PopulationMapping,
  /** The auditor's record of how completeness and accuracy were checked; required before a draw. */
  completenessAccuracy: z.string(),
  samples: z.number().int(),
  importedAt: ZTimestamp,
});
export type TSoc2Population = z.infer<typeof ZSoc2Population>;
export const ZSoc2PopulationList = z.object({ items: z.array(ZSoc2Population), abilities: ZSoc2ProgramAbilities });
export type TSoc2PopulationList = z.infer<typeof ZSoc2PopulationList>;

export const ZSoc2PopulationRow = z.object({ rowNumber: z.number().int(), cells: z.array(z.string()) });
export const ZSoc2PopulationDetail = ZSoc2Population.extend({
  /** The first rows, read back from the frozen file through its index. */
  preview: z.object({ header: z.array(z.string()), rows: z.array(ZSoc2PopulationRow) }),
  abilities: ZSoc2ProgramAbilities,
});
export type TSoc2PopulationDetail = z.infer<typeof ZSoc2PopulationDetail>;

/** A row error of a refused file, as the person sees it (line of the CSV, row of the sheet). */
export const ZSoc2PopulationRowError = z.object({
  row: z.number().int(),
  code: z.string(),
  value: z.string().optional(),
  firstRow: z.number().int().optional(),
  message: z.object({ en: z.string(), fr: z.string() }),
});
export type TSoc2PopulationRowError = z.infer<typeof ZSoc2PopulationRowError>;

// ------------------------------------------------------------------ samples

const ZSeed = z.string().regex(/^[\x21-\x7e]{1,64}$/, '1 to 64 printable ASCII characters, no spaces');

export const ZSoc2DrawBody = z.strictObject({
  /** Recorded with the sample; a fresh random one is generated and recorded when absent. */
  seed: ZSeed.optional(),
});
export const ZSoc2ExtendBody = z.strictObject({
  seed: ZSeed.optional(),
  /** Items to add; by default the size of the first draw. */
  size: z.number().int().min(1).max(1000).optional(),
});
export const ZSoc2JudgmentalBody = z.strictObject({
  items: z
    .array(z.strictObject({ rowNumber: z.number().int().min(1), reason: zText(SOC2_TEXT_MAX, { min: 1 }) }))
    .min(1)
    .max(100),
});

export const ZSoc2SampleItem = z.object({
  id: z.uuid(),
  sampleId: z.uuid(),
  rowIndex: z.number().int(),
  kind: ZSoc2SampleItemKind,
  stratum: ZSoc2Stratum,
  key: z.string(),
  date: ZSoc2Day,
  text: z.string(),
  judgmentReason: z.string(),
  result: ZSoc2ItemResult,
  notes: z.string(),
  evidence: z.array(z.object({ id: z.uuid(), title: z.string() })),
  evidenceCreatedOn: ZSoc2Day.nullable(),
  /** Evidence created more than the firm's contemporaneity days after the event, or before it. */
  contemporaneity: z.object({ flagged: z.boolean(), reason: z.enum(['created_late', 'created_before_event']).nullable(), lagDays: z.number().int().nullable() }),
  testedAt: ZTimestamp.nullable(),
});
export type TSoc2SampleItem = z.infer<typeof ZSoc2SampleItem>;

export const ZSoc2Sample = z.object({
  id: z.uuid(),
  examinationId: z.uuid(),
  testId: z.uuid(),
  populationId: z.uuid(),
  extensionNo: z.number().int(),
  seed: z.string(),
  algorithm: z.string(),
  size: z.number().int(),
  /** How the size was set (method, table version, frequency, risk, prior failure…) and the draw's strata. */
  sizeTrace: z.record(z.string(), z.unknown()),
  drawnAt: ZTimestamp,
  items: z.array(ZSoc2SampleItem),
  abilities: ZSoc2ProgramAbilities,
});
export type TSoc2Sample = z.infer<typeof ZSoc2Sample>;

/** Re-draw check: the recorded seed unless another is given (to show that another seed draws other rows). */
export const ZSoc2VerifyBody = z.strictObject({ seed: ZSeed.optional() });

export const ZSoc2VerifyResult = z.object({
  sampleId: z.uuid(),
  /** The seed re-drawn with, and whether it is the sample's recorded one. */
  seed: z.string(),
  recordedSeed: z.boolean(),
  identical: z.boolean(),
  populationSha256Matches: z.boolean(),
  expectedRows: z.array(z.number().int()),
  recordedRows: z.array(z.number().int()),
});
export type TSoc2VerifyResult = z.infer<typeof ZSoc2VerifyResult>;

// ------------------------------------------------------------------ results and conclusion

export const ZSoc2ItemResultBody = z.strictObject({
  result: ZSoc2ItemResult,
  notes: zText(SOC2_TEXT_MAX).optional(),
  evidenceIds: z.array(z.uuid()).max(20).optional(),
  /** When the evidence was created; taken from the earliest linked evidence record when absent. */
  evidenceCreatedOn: ZSoc2Day.nullable().optional(),
});
export const ZSoc2ConcludeBody = z.strictObject({
  /** `pending` reopens a concluded test. */
  conclusion: ZSoc2TestConclusion,
  notes: zText(SOC2_TEXT_MAX).default(''),
});

export const ZSoc2TestTesting = z.object({
  testId: z.uuid(),
  reference: z.string(),
  controlRef: z.string(),
  frequency: ZSoc2ControlFrequency,
  conclusion: ZSoc2TestConclusion,
  conclusionNotes: z.string(),
  items: z.number().int(),
  pending: z.number().int(),
  exceptions: z.number().int(),
  /** Exceptions over tested items; null before any item is tested. */
  deviationRate: z.number().nullable(),
  contemporaneityFlags: z.number().int(),
  samples: z.array(ZSoc2Sample.omit({ abilities: true })),
  abilities: ZSoc2ProgramAbilities,
});
export type TSoc2TestTesting = z.infer<typeof ZSoc2TestTesting>;

// ------------------------------------------------------------------ period coverage

const ZSlot = z.object({ key: z.string(), start: ZSoc2Day, end: ZSoc2Day, partial: z.boolean(), count: z.number().int() });
export const ZSoc2CoverageOf = z.object({ covered: z.boolean(), slots: z.array(ZSlot), gaps: z.array(ZSlot), outsidePeriod: z.number().int() });

export const ZSoc2TestCoverage = z.object({
  testId: z.uuid(),
  reference: z.string(),
  controlId: z.uuid(),
  controlRef: z.string(),
  frequency: ZSoc2ControlFrequency,
  /** The latest population of the test; null when none was frozen yet. */
  population: ZSoc2CoverageOf.nullable(),
  /** The organization's evidence linked to the control, by effective date. */
  evidence: ZSoc2CoverageOf,
});
export const ZSoc2Coverage = z.object({
  examinationId: z.uuid(),
  period: z.object({ start: ZSoc2Day, end: ZSoc2Day }),
  /** Only a Type II examination has a period to cover. */
  applicable: z.boolean(),
  tests: z.array(ZSoc2TestCoverage),
});
export type TSoc2Coverage = z.infer<typeof ZSoc2Coverage>;
