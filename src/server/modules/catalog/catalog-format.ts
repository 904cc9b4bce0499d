import canonicalize from 'canonicalize';
import { z } from 'zod';
import { DOCUMENTED_INFORMATION, RELATIONS, REQUIREMENT_KINDS, type TRelation, type TRequirementKind } from '../../../shared/contracts/catalog.ts';
import { isSafeText } from '../../../shared/contracts/common.ts';
import { AI_ORG_ROLES, AI_ROUTES, AI_TIERS, CLASSIFICATION_TRIGGERS } from '../../../shared/contracts/ai-systems.ts';
import { sha256Hex } from '../../platform/crypto/crypto.ts';

/*
 * The catalog file format (catalogs/README.md) as Zod schemas. The same schemas check the
 * built-in YAML at start-up, `attest catalog check`, and a tenant's YAML or XLSX import.
 * Objects are strict: a misspelt key (`documentedInfo`) is an error, not silently dropped data.
 */

export { DOCUMENTED_INFORMATION, RELATIONS, REQUIREMENT_KINDS, type TRelation, type TRequirementKind };

const missingOr = (other: string) => (iss: { input: unknown }) => (iss.input === undefined ? 'is missing' : other);
// The same rule as every API string (contracts/common.ts): NUL or a lone surrogate would reach
// PostgreSQL or the canonicalizer of the content hash and fail there as a 500.
const UNSTORABLE = 'contains characters that cannot be stored (NUL or a lone surrogate)';

/** YAML reads an unquoted 4.10 as the number 4.1: identifiers must be strings. */
const ZIdentifier = (max: number) =>
  z
    .string({ error: missingOr('must be a quoted string (an unquoted 4.10 would read as the number 4.1)') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(isSafeText, UNSTORABLE);

const ZText = (max: number) =>
  z
    .string({ error: missingOr('must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(isSafeText, UNSTORABLE);

const ZLocalized = (max: number) =>
  z.strictObject({ en: ZText(max), fr: ZText(max) }, { error: missingOr('must have an English (en) and a French (fr) text') });

const ZIsoDate = z
  .string({ error: missingOr('must be a date written YYYY-MM-DD') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real date');

export const ZFrameworkId = z
  .string({ error: missingOr('must be text') })
  .regex(/^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits, "-" and "."')
  .max(80, 'must be at most 80 characters');

export const ZFrameworkHeader = z.strictObject(
  {
    id: ZFrameworkId,
    version: ZIdentifier(40),
    edition: ZLocalized(200),
    publisher: ZLocalized(200),
    title: ZLocalized(300),
    /** How lists and sentences name the framework ("ISO/IEC 42001", "règlement européen sur l’IA"). */
    shortTitle: ZLocalized(80).optional(),
    description: ZLocalized(4000),
  },
  { error: missingOr('must be a mapping') },
);

const zList = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values, { error: `must be among ${values.join(', ')}` }), { error: 'must be a list' })
    .min(1, 'must not be empty')
    .refine((l) => new Set(l).size === l.length, 'lists a value twice');

/**
 * EU AI Act only: to which AI systems an obligation applies, judged on a system's classification.
 * All present conditions must hold: one of the organization's `roles`, the system's `tiers`, its
 * high-risk `routes` (Annex I or III), not one of the Annex III points in `exceptAnnexIII`, and the
 * questionnaire answer named by `when` being yes.
 */
export const ZApplicability = z.strictObject(
  {
    roles: zList(AI_ORG_ROLES),
    tiers: zList(AI_TIERS),
    routes: zList(AI_ROUTES).optional(),
    exceptAnnexIII: z.array(ZIdentifier(60), { error: 'must be a list' }).min(1, 'must not be empty').optional(),
    when: z.enum(CLASSIFICATION_TRIGGERS, { error: `must be one of ${CLASSIFICATION_TRIGGERS.join(', ')}` }).optional(),
  },
  { error: missingOr('must be a mapping with roles and tiers') },
);
export type TApplicability = z.output<typeof ZApplicability>;

export const ZRequirementEntry = z.strictObject(
  {
    ref: ZIdentifier(60),
    kind: z.enum(REQUIREMENT_KINDS, { error: missingOr(`must be one of ${REQUIREMENT_KINDS.join(', ')}`) }),
    parent: ZIdentifier(60).nullable().optional(),
    /** The ref as a reader names it in each language ("Chapter I" / "Chapitre I"); the ref stays the key. */
    label: ZLocalized(80).optional(),
    normative: z.boolean({ error: 'must be true or false' }).default(true),
    title: ZLocalized(300),
    description: ZLocalized(4000).optional(),
    documentedInformation: z.enum(DOCUMENTED_INFORMATION, { error: 'must be maintained or retained' }).optional(),
    category: ZText(60).optional(),
    appliesFrom: ZIsoDate.optional(),
    appliesFromOriginal: ZIsoDate.optional(),
    dateSource: ZLocalized(500).optional(),
    applicability: ZApplicability.optional(),
    /** The date for a high-risk system on the Annex I route, when it differs from `appliesFrom`. */
    appliesFromAnnexI: ZIsoDate.optional(),
    appliesFromAnnexIOriginal: ZIsoDate.optional(),
    /** The dates come from an amending act not yet confirmed in the Official Journal. */
    dateToBeConfirmed: z.boolean({ error: 'must be true or false' }).optional(),
  },
  { error: missingOr('must be a mapping') },
);

export const ZFrameworkFile = z.strictObject(
  {
    framework: ZFrameworkHeader,
    requirements: z.array(z.unknown(), { error: missingOr('must be a list') }).min(1, 'must list at least one requirement').max(5000, 'must list at most 5000 requirements'),
  },
  { error: 'must be a mapping with `framework` and `requirements`' },
);

export const ZMappingEntry = z.strictObject(
  {
    from: ZIdentifier(60),
    to: ZIdentifier(60),
    relation: z.enum(RELATIONS, { error: missingOr(`must be one of ${RELATIONS.join(', ')}`) }),
    rationale: ZLocalized(2000),
  },
  { error: missingOr('must be a mapping') },
);

export const ZCrosswalkFile = z.strictObject(
  {
    source: ZFrameworkId,
    target: ZFrameworkId,
    mappings: z.array(z.unknown(), { error: missingOr('must be a list') }).min(1, 'must list at least one mapping'),
  },
  { error: 'must be a mapping with `source`, `target` and `mappings`' },
);

export type TLocalized = { en: string; fr: string };
export type TFrameworkHeader = z.output<typeof ZFrameworkHeader>;

/** One requirement after validation and defaults: what the database stores. */
export type TRequirement = {
  ref: string;
  kind: TRequirementKind;
  parentRef: string | null;
  position: number;
  label: TLocalized | null;
  normative: boolean;
  title: TLocalized;
  description: TLocalized;
  documentedInformation: 'maintained' | 'retained' | null;
  category: string | null;
  appliesFrom: string | null;
  /** Fields a few frameworks carry (EU AI Act dates): kept, shown, exported, not queried. */
  extra: TRequirementExtra;
};
export type TRequirementExtra = {
  appliesFromOriginal?: string;
  dateSource?: TLocalized;
  applicability?: TApplicability;
  appliesFromAnnexI?: string;
  appliesFromAnnexIOriginal?: string;
  dateToBeConfirmed?: boolean;
};

export type TFramework = TFrameworkHeader & { requirements: TRequirement[]; contentHash: string };
export type TMapping = { from: string; to: string; relation: TRelation; rationale: TLocalized };
export type TCrosswalk = { source: string; target: string; mappings: TMapping[]; contentHash: string };

/**
 * A ref written in words ("Chapter I", "Annex III(5)(c)", "Art. 6(1)") reads as English in the
 * French UI, so it needs a French label; code-like refs ("A.6.2.4", "CC6.1", "GOVERN 1.1") do not.
 */
export const refNeedsLabel = (ref: string) => /[A-Za-z]?[a-z]{2,}/.test(ref);

export const EMPTY_TEXT: TLocalized = { en: '', fr: '' };

export function toRequirement(e: z.output<typeof ZRequirementEntry>, position: number): TRequirement {
  const extra: TRequirement['extra'] = {};
  if (e.appliesFromOriginal) extra.appliesFromOriginal = e.appliesFromOriginal;
  if (e.dateSource) extra.dateSource = e.dateSource;
  if (e.applicability) extra.applicability = e.applicability;
  if (e.appliesFromAnnexI) extra.appliesFromAnnexI = e.appliesFromAnnexI;
  if (e.appliesFromAnnexIOriginal) extra.appliesFromAnnexIOriginal = e.appliesFromAnnexIOriginal;
  if (e.dateToBeConfirmed !== undefined) extra.dateToBeConfirmed = e.dateToBeConfirmed;
  return {
    ref: e.ref,
    kind: e.kind,
    parentRef: e.parent ?? null,
    position,
    label: e.label ?? null,
    normative: e.normative,
    title: e.title,
    description: e.description ?? EMPTY_TEXT,
    documentedInformation: e.documentedInformation ?? null,
    category: e.category ?? null,
    appliesFrom: e.appliesFrom ?? null,
    extra,
  };
}

/**
 * The hash covers the validated content, not the file's bytes: re-wording a comment or
 * re-flowing a line is not a content change, a changed title or parent is.
 */
export const frameworkHash = (header: TFrameworkHeader, requirements: TRequirement[]) =>
  sha256Hex(canonicalize({ framework: header, requirements })!);

export const crosswalkHash = (source: string, target: string, mappings: TMapping[]) =>
  sha256Hex(canonicalize({ source, target, mappings })!);
