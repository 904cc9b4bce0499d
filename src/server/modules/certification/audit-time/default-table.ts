import type { TAuditTimeTableConfig } from '../../../../shared/contracts/audit-time.ts';

/*
 * Attest's default AIMS audit-time table. ISO/IEC 42006:2025 publishes no audit-time table or
 * factor list that could be verified, so this is not a standard's table: it follows the method of
 * IAF MD5 (base days by effective personnel, complexity factors, reductions capped at 30 %) and
 * is calibrated on the published market ranges for an initial audit (stage 1 + stage 2):
 *   1–50 people with 1–3 AI systems → 3–5 days; 51–250 with 4–10 → 6–10; over 250 with more than 10 → 10–20+.
 * audit-time-calibration.test.ts holds it to those ranges. A certification body replaces it with
 * its own version (the calculator says which table each calculation used).
 *
 * The personnel bands are IAF MD5's; the days sit between its QMS column (too little for an
 * AIMS, whose AI life-cycle controls are audited on top of the management system) and the
 * ISO/IEC 27006 ISMS table (too much for a 50-person fintech against the 6–10 days it is quoted).
 */
export const DEFAULT_TABLE_VERSION = 1;
export const DEFAULT_TABLE_NAME = 'Attest default AIMS table (2026)';

export const DEFAULT_AUDIT_TIME_TABLE: TAuditTimeTableConfig = {
  personnelBands: [
    { upTo: 5, days: 3 },
    { upTo: 10, days: 3 },
    { upTo: 15, days: 3.5 },
    { upTo: 25, days: 3.5 },
    { upTo: 45, days: 4 },
    { upTo: 65, days: 4.5 },
    { upTo: 85, days: 5 },
    { upTo: 125, days: 5.5 },
    { upTo: 175, days: 6 },
    { upTo: 275, days: 7 },
    { upTo: 425, days: 8 },
    { upTo: 625, days: 9 },
    { upTo: 875, days: 10 },
    { upTo: 1175, days: 11 },
    { upTo: 1550, days: 12 },
    { upTo: 2025, days: 13 },
    { upTo: 2675, days: 14 },
    { upTo: 3450, days: 15 },
    { upTo: 4350, days: 16 },
    { upTo: 5450, days: 17 },
    { upTo: 6800, days: 18 },
    { upTo: 8500, days: 19 },
    { upTo: 10700, days: 20 },
  ],
  // IAF MD5 says "follow the progression" past 10,700: its last bands grow by about a day per 2,000 people.
  personnelBeyond: { every: 2000, addDays: 1 },
  aiSystemBands: [
    { upTo: 3, days: 0 },
    { upTo: 10, days: 1.5 },
    { upTo: 25, days: 3 },
    { upTo: 50, days: 4.5 },
  ],
  aiSystemsBeyond: { every: 25, addDays: 1.5 },
  factors: {
    aiRole: { user: 0, producer: 10, severalRoles: 15 },
    highRiskPerSystem: 5,
    highRiskMax: 20,
    sectorRisk: { low: -5, medium: 0, high: 10 },
    aimsMaturity: { initial: 10, established: 0, mature: -10 },
    certificationReduction: { iso27001: 10, iso9001: 5, iso27701: 5, iso14001: 0, other: 0 },
  },
  reductionCapPct: 30,
  integratedReductionPct: 10,
  daysPerSampledSite: 0.5,
  stage1Pct: 30,
  minimumStage1Days: 1,
  surveillanceRatio: { numerator: 1, denominator: 3 },
  recertificationRatio: { numerator: 2, denominator: 3 },
  minimumAuditDays: 1,
  onSiteMinPct: 80,
};
