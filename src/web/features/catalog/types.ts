export interface LocalizedText {
  en: string;
  fr: string;
}

export const REQUIREMENT_KINDS = [
  'clause',
  'objective',
  'group',
  'control',
  'criterion',
  'function',
  'category',
  'subcategory',
  'obligation',
  'area',
] as const;

export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

export type DocumentedInformation = 'maintained' | 'retained';

export type MappingRelation = 'equal' | 'subset' | 'superset' | 'intersects';

export type MappingDirection = 'outgoing' | 'incoming';

export interface FrameworkSummary {
  id: string;
  version: string;
  title: LocalizedText;
  shortTitle: LocalizedText;
  edition: LocalizedText;
  publisher: LocalizedText;
  custom: boolean;
  counts: Partial<Record<string, number>>;
  mappingCount: number;
}

export interface Requirement {
  ref: string;
  label: LocalizedText | null;
  kind: string;
  parentRef: string | null;
  title: LocalizedText;
  description: LocalizedText;
  documentedInformation: DocumentedInformation | null;
  category: string | null;
  appliesFrom: string | null;
  mappingCount: number;
}

export interface FrameworkDetail {
  id: string;
  version: string;
  title: LocalizedText;
  shortTitle: LocalizedText;
  edition: LocalizedText;
  publisher: LocalizedText;
  description: LocalizedText;
  custom: boolean;
  counts: Partial<Record<string, number>>;
  requirements: Requirement[];
}

export interface RequirementLink {
  ref: string;
  label: LocalizedText | null;
  title: LocalizedText;
}

export interface RequirementChild extends RequirementLink {
  kind: string;
}

export interface Mapping {
  direction: MappingDirection;
  relation: MappingRelation;
  rationale: LocalizedText;
  other: {
    frameworkId: string;
    frameworkTitle: LocalizedText;
    frameworkShortTitle: LocalizedText;
    ref: string;
    label: LocalizedText | null;
    title: LocalizedText;
    kind: string;
  };
}

export interface RequirementDetail {
  framework: { id: string; version: string; title: LocalizedText; shortTitle: LocalizedText };
  requirement: Requirement;
  parent: RequirementLink | null;
  children: RequirementChild[];
  mappings: Mapping[];
}

export interface SearchResult {
  frameworkId: string;
  frameworkTitle: LocalizedText;
  ref: string;
  label: LocalizedText | null;
  kind: string;
  title: LocalizedText;
}

export interface SearchPage {
  items: SearchResult[];
  total: number;
  nextOffset: number | null;
}
