import type { TControlLibrary } from '../../../../shared/contracts/controls.ts';
import { ISO_42001_LIBRARY, libraryReference, type TLibraryItem } from './iso-iec-42001-2023.ts';

/** A starter library: the framework it implements, the kind of requirement each item answers, its items by ref. */
export type TLibrary = { frameworkId: string; kind: string; items: Record<string, TLibraryItem>; reference: (ref: string) => string };

export const LIBRARIES: Record<TControlLibrary, TLibrary> = {
  'iso-iec-42001-2023': { frameworkId: 'iso-iec-42001-2023', kind: 'control', items: ISO_42001_LIBRARY, reference: libraryReference },
};
