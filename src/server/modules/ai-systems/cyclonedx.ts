import { randomUUID } from 'node:crypto';
import type { TAiSystem, TCreateAiSystemBody } from '../../../shared/contracts/ai-systems.ts';

/*
 * AI systems as CycloneDX `machine-learning-model` components and back. What CycloneDX names has
 * its place (description, version, supplier, modelCard); the inventory's own fields travel as
 * `attest:*` properties so an export imports back unchanged.
 */

const P = 'attest:';
/** The bom-ref an export gives a system that has none of its own: an import finds the system by it. */
export const generatedBomRef = (id: string) => `attest-ai-system-${id}`;
// Strictly a UUID: anything else would reach a uuid column and fail there.
export const idOfGeneratedBomRef = (ref: string) => /^attest-ai-system-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(ref)?.[1] ?? null;

const lines = (s: string) => (s ? s.split('\n').filter((l) => l.trim()) : []);

export function systemToComponent(s: TAiSystem) {
  const props: [string, string][] = [
    ['lifecycleStage', s.lifecycleStage],
    ['roles', s.roles.join(',')],
    ['dataCategories', JSON.stringify(s.dataCategories)],
    ['personalData', String(s.personalData)],
    ['specialCategoryData', String(s.specialCategoryData)],
    ['automatedDecisions', String(s.automatedDecisions)],
    ['inAimsScope', String(s.inAimsScope)],
    ['affectedPeople', s.affectedPeople],
    ['humanOversight', s.humanOversight],
    ['modelType', s.modelType],
  ];
  if (s.classification) props.push(['euAiActTier', s.classification.tier]);
  if (s.classification?.annexIIIRef) props.push(['euAiActAnnexIII', s.classification.annexIIIRef]);
  const considerations = { useCases: lines(s.intendedUse), technicalLimitations: lines(s.knownLimitations) };
  return {
    type: 'machine-learning-model' as const,
    'bom-ref': s.bomRef ?? generatedBomRef(s.id),
    name: s.name,
    ...(s.modelVersion ? { version: s.modelVersion } : {}),
    ...(s.purpose ? { description: s.purpose } : {}),
    ...(s.supplier ? { supplier: { name: s.supplier } } : {}),
    modelCard: {
      ...(s.modelType ? { modelParameters: { architectureFamily: s.modelType } } : {}),
      considerations: Object.fromEntries(Object.entries(considerations).filter(([, v]) => v.length)),
    },
    properties: props.filter(([, v]) => v !== '').map(([name, value]) => ({ name: P + name, value })),
  };
}

export function bomOf(systems: TAiSystem[], now: Date) {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: { timestamp: now.toISOString(), tools: { components: [{ type: 'application', name: 'Attest' }] } },
    components: systems.map(systemToComponent),
  };
}

type TComponent = {
  type?: string;
  'bom-ref'?: string;
  name?: string;
  version?: string;
  description?: string;
  supplier?: { name?: string };
  manufacturer?: { name?: string };
  publisher?: string;
  modelCard?: {
    modelParameters?: { architectureFamily?: string; modelArchitecture?: string; task?: string; approach?: { type?: string } };
    considerations?: { useCases?: string[]; technicalLimitations?: string[] };
  };
  properties?: { name?: string; value?: string }[];
  components?: TComponent[];
};

/** Every machine-learning-model component, nested ones included, with its JSON path. */
export function modelComponents(bom: { components?: TComponent[] }): { path: string; c: TComponent }[] {
  const out: { path: string; c: TComponent }[] = [];
  const walk = (list: TComponent[] | undefined, at: string) =>
    (list ?? []).forEach((c, i) => {
      const path = `${at}[${i}]`;
      if (c.type === 'machine-learning-model') out.push({ path, c });
      walk(c.components, `${path}.components`);
    });
  walk(bom.components, '$.components');
  return out;
}

const bool = (v: string | undefined) => (v === 'true' ? true : v === 'false' ? false : v);

/** The inventory fields a component carries, unvalidated: the caller checks them with the contract. */
export function componentToFields(c: TComponent): Record<string, unknown> {
  const prop = new Map((c.properties ?? []).filter((p) => p.name?.startsWith(P)).map((p) => [p.name!.slice(P.length), p.value ?? '']));
  const mp = c.modelCard?.modelParameters;
  const considerations = c.modelCard?.considerations;
  const fields: Record<string, unknown> = {
    name: c.name,
    purpose: c.description,
    modelVersion: c.version,
    supplier: c.supplier?.name ?? c.manufacturer?.name ?? c.publisher,
    modelType: prop.get('modelType') ?? mp?.architectureFamily ?? mp?.modelArchitecture ?? mp?.task ?? mp?.approach?.type,
    intendedUse: considerations?.useCases?.join('\n'),
    knownLimitations: considerations?.technicalLimitations?.join('\n'),
    lifecycleStage: prop.get('lifecycleStage'),
    roles: prop.has('roles') ? prop.get('roles')!.split(',').filter(Boolean) : undefined,
    personalData: bool(prop.get('personalData')),
    specialCategoryData: bool(prop.get('specialCategoryData')),
    automatedDecisions: bool(prop.get('automatedDecisions')),
    inAimsScope: bool(prop.get('inAimsScope')),
    affectedPeople: prop.get('affectedPeople'),
    humanOversight: prop.get('humanOversight'),
  };
  const categories = prop.get('dataCategories');
  if (categories !== undefined) {
    try {
      fields.dataCategories = JSON.parse(categories);
    } catch {
      fields.dataCategories = categories;
    }
  }
  const ref = c['bom-ref'];
  if (ref && !idOfGeneratedBomRef(ref)) fields.bomRef = ref;
  for (const k of Object.keys(fields)) if (fields[k] === undefined) delete fields[k];
  return fields as Partial<TCreateAiSystemBody>;
}

/** JSON nesting depth, counted on the text before parsing (strings skipped), stopping past `max`. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++;
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      if (++depth > max) return true;
    } else if (ch === 125 || ch === 93) depth--;
  }
  return false;
}
