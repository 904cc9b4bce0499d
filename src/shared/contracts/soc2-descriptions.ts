import { z } from 'zod';
import { ZTimestamp, zText } from './common.ts';
import { SOC2_DESCRIPTION_SECTIONS, ZSoc2DescriptionState, type TSoc2DescriptionSection } from './soc2.ts';

/*
 * Management's description of its system (DC 200), written by the organization section by section,
 * versioned: one draft at a time; a signed-off version is frozen with the SHA-256 of its canonical
 * content; writing again starts the next version.
 */

export const SOC2_DESCRIPTION_TEXT_MAX = 20_000;

const sectionShape = Object.fromEntries(SOC2_DESCRIPTION_SECTIONS.map((s) => [s, zText(SOC2_DESCRIPTION_TEXT_MAX, { trim: false }).optional()])) as {
  [K in TSoc2DescriptionSection]: z.ZodOptional<ReturnType<typeof zText>>;
};

/** Saves the draft: only the sections sent change (autosave sends what was edited). */
export const ZSaveSoc2DescriptionBody = z.strictObject({
  sections: z.strictObject(sectionShape).default({}),
  assertion: zText(SOC2_DESCRIPTION_TEXT_MAX, { trim: false }).optional(),
});
export type TSaveSoc2DescriptionBody = z.input<typeof ZSaveSoc2DescriptionBody>;

/** Management signs off the draft it read: `contentSha256` is the draft's as shown (409 if it changed since). */
export const ZSignOffSoc2DescriptionBody = z.strictObject({
  name: zText(120, { min: 1 }),
  title: zText(120, { min: 1 }),
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TSignOffSoc2DescriptionBody = z.input<typeof ZSignOffSoc2DescriptionBody>;

export const ZSoc2DescriptionVersion = z.object({
  id: z.string(),
  version: z.number().int(),
  state: ZSoc2DescriptionState,
  sections: z.record(z.string(), z.string()),
  assertion: z.string(),
  /** The SHA-256 of the canonical content: frozen once signed off, recomputed for a draft. */
  contentSha256: z.string(),
  signedOff: z.object({ by: z.object({ id: z.string(), name: z.string() }).nullable(), name: z.string(), title: z.string(), at: ZTimestamp }).nullable(),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  updatedAt: ZTimestamp,
});
export type TSoc2DescriptionVersion = z.infer<typeof ZSoc2DescriptionVersion>;

/** Every version of an examination's description, the newest first. */
export const ZSoc2Description = z.object({
  examinationId: z.string(),
  versions: z.array(ZSoc2DescriptionVersion),
  abilities: z.object({ 'soc2Description.write': z.boolean(), 'soc2Description.signOff': z.boolean() }),
});
export type TSoc2Description = z.infer<typeof ZSoc2Description>;
