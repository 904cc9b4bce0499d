import type { TAuditTeamRole, TScheme } from '../../../../shared/contracts/certification.ts';
import type { TCompetenceGap, TConflictKind, TTeamBar } from '../../../../shared/contracts/cert-audits.ts';

/*
 * Who may sit on an audit team, as pure rules over what the body recorded (see README.md beside
 * this file for the reasons). `day` is the audit's first day: its planned start, else today.
 */

export type TCompetenceFacts = {
  scheme: TScheme;
  validFrom: string;
  validUntil: string;
  iso42001TrainedOn: string | null;
  aiDomainAreas: readonly string[];
  leadQualified: boolean;
};

export type TConflictFacts = { userId: string | null; kind: TConflictKind; startedOn: string | null; endedOn: string | null };

/** `day` minus `months` calendar months, 'YYYY-MM-DD' (31 March − 1 month = 28 or 29 February). */
export function monthsBefore(day: string, months: number) {
  return addMonths(day, -months);
}

export function addMonths(day: string, months: number) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The day after `day`. */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** What a role needs of a competence record beyond being valid on the day; the first gap found. */
function roleGap(role: TAuditTeamRole, scheme: TScheme, day: string, c: TCompetenceFacts): TCompetenceGap | null {
  if (role === 'technical_expert') return c.aiDomainAreas.some((a) => a.trim() !== '') ? null : 'no_ai_domain';
  if (scheme === 'iso42001' && (c.iso42001TrainedOn === null || c.iso42001TrainedOn > day)) return 'no_42001_training';
  if (role === 'lead_auditor' && !c.leadQualified) return 'not_lead_qualified';
  return null;
}

/**
 * Whether a person is competent for `role` on an audit of `scheme` starting on `day`: null when
 * they are, else the reason. An observer needs no record (they do not audit). Otherwise a record
 * for the scheme must hold on the day; an expired record says `expired` rather than `no_record`
 * so the scheme manager knows to renew it.
 */
export function competenceGap(role: TAuditTeamRole, scheme: TScheme, day: string, records: readonly TCompetenceFacts[]): TCompetenceGap | null {
  if (role === 'observer') return null;
  const forScheme = records.filter((c) => c.scheme === scheme);
  if (forScheme.length === 0) return 'no_record';
  const valid = forScheme.filter((c) => c.validFrom <= day && c.validUntil >= day);
  if (valid.length === 0) return forScheme.some((c) => c.validUntil < day) ? 'expired' : 'not_yet_valid';
  const gaps = valid.map((c) => roleGap(role, scheme, day, c));
  return gaps.includes(null) ? null : gaps[0]!;
}

/**
 * What bars a person from the client's audit on `day`, most serious first:
 * - the body's own consultancy for the client (a conflict without a person), whenever it was:
 *   17021-1 5.2 forbids certifying a client the body consulted for;
 * - the person's consultancy for or employment by the client, ongoing or ended within the body's
 *   cooling-off period counted back from `day` (ended on or after `day` − N months);
 * - another declared interest that is still ongoing on `day` (no cooling-off: it ends when it ends).
 */
export function impartialityBar(userId: string, day: string, coolingOffMonths: number, conflicts: readonly TConflictFacts[]): TTeamBar | null {
  if (conflicts.some((c) => c.userId === null && c.kind === 'consultancy')) return { code: 'cert_team_body_consultancy' };
  const windowStart = monthsBefore(day, coolingOffMonths);
  const own = conflicts.filter((c) => c.userId === userId && (c.startedOn === null || c.startedOn <= day));
  const recent = own
    .filter((c) => (c.kind === 'consultancy' || c.kind === 'employment') && (c.endedOn === null || c.endedOn >= windowStart))
    .sort((a, b) => (b.endedOn ?? '9999-12-31').localeCompare(a.endedOn ?? '9999-12-31'))[0];
  if (recent) {
    return {
      code: 'cert_team_cooling_off',
      kind: recent.kind,
      endedOn: recent.endedOn,
      coolingOffMonths,
      // The first day they may audit this client again; unknown while the link lasts.
      eligibleFrom: recent.endedOn === null ? null : nextDay(addMonths(recent.endedOn, coolingOffMonths)),
    };
  }
  const other = own.find((c) => c.kind === 'other' && (c.endedOn === null || c.endedOn >= day));
  if (other) return { code: 'cert_team_conflict', kind: 'other', endedOn: other.endedOn, coolingOffMonths, eligibleFrom: null };
  return null;
}

/** Past the body's limit on cycles led for one client, a warning the scheme manager may go past (not a refusal). */
export function rotationWarning(cyclesLed: number, maxCycles: number) {
  return cyclesLed > maxCycles ? { code: 'rotation' as const, cycles: cyclesLed, limit: maxCycles } : null;
}
