import type { TAiObligation, TAiOrgRole, TAiRoute, TAiTier, TClassificationAnswers, TClassificationReason } from '../../../shared/contracts/ai-systems.ts';
import type { TActRequirement } from '../catalog/ai-act-catalog.ts';

/*
 * The EU AI Act classification as pure functions: answers → tier, route and reasons; then the
 * catalog's obligations that apply for the organization's roles, each dated for the route.
 * Which obligation applies to whom and from when is data (`applicability`, `appliesFrom`,
 * `appliesFromAnnexI` in catalogs/eu-ai-act-2024.yaml); only the Art. 5/6/50 decision order is here.
 */

export type TClassificationResult = { tier: TAiTier; route: TAiRoute | null; annexIIIRef: string | null; reasons: TClassificationReason[] };

const TRANSPARENCY = [
  ['interactsWithPeople', 'Art. 50(1)'],
  ['generatesSyntheticContent', 'Art. 50(2)'],
  ['emotionOrBiometricCategorisation', 'Art. 50(3)'],
  ['deepFakeOrPublicText', 'Art. 50(4)'],
] as const;

/** The catalog's Annex III areas and points: `Annex III(n)` and `Annex III(n)(x)`. */
export const isAnnexIIIPoint = (ref: string) => /^Annex III\(\d+\)(\([a-z]\))?$/.test(ref);

export function classify(a: TClassificationAnswers): TClassificationResult {
  const reasons: TClassificationReason[] = [];
  const reason = (code: TClassificationReason['code'], ref: string | null) => reasons.push({ code, ref });
  let tier: TAiTier = 'minimal';
  let route: TAiRoute | null = null;

  if (a.prohibitedPractice) {
    reason('prohibited_practice', 'Art. 5');
    tier = 'prohibited';
  } else {
    // Art. 6(3): the exception is never available to a system that profiles natural persons.
    const exempt = Boolean(a.annexIIIRef) && a.art63Exception && !a.profiling;
    if (a.annexIIIRef && !exempt) {
      reason('annex_iii_use', a.annexIIIRef);
      if (a.art63Exception) reason('art_6_3_profiling', 'Art. 6(3)');
      route = 'annex-iii';
    }
    if (a.annexISafetyComponent) {
      reason('annex_i_safety_component', 'Art. 6(1)');
      // A system on both routes keeps the Annex III one: its obligations apply first.
      route ??= 'annex-i';
    }
    if (exempt) reason('art_6_3_exception', 'Art. 6(3)');
    if (route) tier = 'high-risk';
  }
  for (const [answer, ref] of TRANSPARENCY) {
    if (!a[answer]) continue;
    reason('transparency_duty', ref);
    if (tier === 'minimal') tier = 'limited';
  }
  if (a.gpaiModel) reason('gpai_model', 'Art. 53');
  if (a.gpaiSystemicRisk) reason('gpai_systemic_risk', 'Art. 55');
  if (!reasons.length) reason('no_trigger', null);
  return { tier, route, annexIIIRef: route === 'annex-iii' ? a.annexIIIRef : null, reasons };
}

/** `Annex III(2)(a)` lies under `Annex III(2)`. */
const within = (ref: string | null, point: string) => ref !== null && (ref === point || ref.startsWith(point + '('));

/**
 * Art. 25(3): the manufacturer of a product under the Annex I harmonisation law that carries the
 * AI system as a safety component is its provider.
 */
export const effectiveRoles = (roles: readonly TAiOrgRole[], route: TAiRoute | null): TAiOrgRole[] =>
  route === 'annex-i' && roles.includes('product_manufacturer') && !roles.includes('provider') ? [...roles, 'provider'] : [...roles];

/** The catalog's obligations that apply to a classified system for these roles, in catalog order. */
export function obligationsFor(c: TClassificationResult, answers: TClassificationAnswers, roles: readonly TAiOrgRole[], catalog: readonly TActRequirement[]): TAiObligation[] {
  const mine = effectiveRoles(roles, c.route);
  const out: TAiObligation[] = [];
  for (const r of catalog) {
    const a = r.extra.applicability;
    if (!a || !a.tiers.includes(c.tier)) continue;
    const bound = a.roles.filter((role) => mine.includes(role));
    if (!bound.length) continue;
    if (a.routes && (!c.route || !a.routes.includes(c.route))) continue;
    if (a.exceptAnnexIII?.some((point) => within(c.annexIIIRef, point))) continue;
    if (a.when && !answers[a.when]) continue;
    const annexI = c.route === 'annex-i' && r.extra.appliesFromAnnexI;
    out.push({
      ref: r.ref,
      label: r.label ?? { en: r.ref, fr: r.ref },
      title: r.title,
      roles: bound,
      appliesFrom: annexI ? r.extra.appliesFromAnnexI! : r.appliesFrom,
      toBeConfirmed: r.extra.dateToBeConfirmed ?? false,
      dateSource: r.extra.dateSource ?? null,
    });
  }
  return out;
}
