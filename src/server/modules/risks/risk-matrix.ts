import type { TRiskMatrixConfig, TScoreView } from '../../../shared/contracts/risks.ts';

/*
 * The matrix as pure functions: a score is likelihood × impact, its level the first band whose
 * `upTo` reaches it. Computed once when a risk is scored and stored with the matrix version.
 */

export const DEFAULT_MATRIX: TRiskMatrixConfig = {
  likelihood: [
    { en: 'Rare', fr: 'Rare' },
    { en: 'Unlikely', fr: 'Peu probable' },
    { en: 'Possible', fr: 'Possible' },
    { en: 'Likely', fr: 'Probable' },
    { en: 'Almost certain', fr: 'Quasi certain' },
  ],
  impact: [
    { en: 'Negligible', fr: 'Négligeable' },
    { en: 'Minor', fr: 'Mineur' },
    { en: 'Moderate', fr: 'Modéré' },
    { en: 'Major', fr: 'Majeur' },
    { en: 'Severe', fr: 'Grave' },
  ],
  bands: [
    { key: 'low', label: { en: 'Low', fr: 'Faible' }, color: '#2f9e44', upTo: 4 },
    { key: 'medium', label: { en: 'Medium', fr: 'Moyen' }, color: '#f59f00', upTo: 9 },
    { key: 'high', label: { en: 'High', fr: 'Élevé' }, color: '#e8590c', upTo: 16 },
    { key: 'critical', label: { en: 'Critical', fr: 'Critique' }, color: '#c92a2a', upTo: 25 },
  ],
  acceptanceThreshold: 9,
  acceptAboveThresholdRoles: ['owner', 'admin'],
};

/** Whether (likelihood, impact) is a cell of this matrix. */
export const fitsMatrix = (m: TRiskMatrixConfig, likelihood: number, impact: number) =>
  Number.isInteger(likelihood) && Number.isInteger(impact) && likelihood >= 1 && impact >= 1 && likelihood <= m.likelihood.length && impact <= m.impact.length;

export function scoreOn(m: TRiskMatrixConfig, likelihood: number, impact: number): TScoreView {
  const score = likelihood * impact;
  const band = m.bands.find((b) => score <= b.upTo) ?? m.bands.at(-1)!;
  return { likelihood, impact, score, level: band.key };
}

export const aboveThreshold = (m: TRiskMatrixConfig, score: number) => score > m.acceptanceThreshold;

export const bandOf = (m: TRiskMatrixConfig, key: string) => m.bands.find((b) => b.key === key) ?? null;
