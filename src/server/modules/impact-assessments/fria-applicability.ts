import type { TFriaApplicability } from '../../../shared/contracts/impact-assessments.ts';

/*
 * Who must carry out a fundamental rights impact assessment (EU AI Act art. 27(1), as the fact
 * sheet states it): a deployer, before first use of a high-risk system of Annex III other than
 * area 2 (critical infrastructure), when it is a body governed by public law or a private entity
 * providing public services (any such system), or when the system is of Annex III point 5(b)
 * (creditworthiness, credit score) or 5(c) (life and health insurance pricing).
 * Whether the organization is a public body or provides public services is its own legal
 * judgement, so it is a setting (`publicBodyOrService`), not a guess.
 */

/** What this rule needs from an AI system's current classification. */
export type TClassificationFacts = {
  tier: 'prohibited' | 'high-risk' | 'limited' | 'minimal' | null;
  /** How it is high-risk: through Annex III, or as an Annex I safety component. */
  route: 'annex-iii' | 'annex-i' | null;
  /** A catalog ref such as `Annex III(5)(b)`, or the area `Annex III(2)`. */
  annexIIIPoint: string | null;
  organizationRoles: readonly string[];
};

const AREA = /^Annex III\((\d+)\)/;
const FRIA_POINTS = ['Annex III(5)(b)', 'Annex III(5)(c)'];

export function friaApplicability(c: TClassificationFacts | null, o: { publicBodyOrService: boolean; appliesFrom: string | null }): TFriaApplicability {
  const answer = (applies: boolean, reason: TFriaApplicability['reason']): TFriaApplicability => ({
    applies,
    reason,
    annexIIIPoint: c?.annexIIIPoint ?? null,
    appliesFrom: o.appliesFrom,
  });
  if (!c || !c.tier) return answer(false, 'not_classified');
  if (c.tier !== 'high-risk') return answer(false, 'not_high_risk');
  if (c.route !== 'annex-iii' || !c.annexIIIPoint) return answer(false, 'not_annex_iii');
  if (AREA.exec(c.annexIIIPoint)?.[1] === '2') return answer(false, 'critical_infrastructure');
  if (!c.organizationRoles.includes('deployer')) return answer(false, 'not_deployer');
  if (FRIA_POINTS.includes(c.annexIIIPoint)) return answer(true, 'credit_or_insurance');
  if (o.publicBodyOrService) return answer(true, 'public_body_or_service');
  return answer(false, 'not_in_scope');
}
