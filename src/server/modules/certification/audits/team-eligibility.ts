import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import type { TAuditTeamRole, TScheme } from '../../../../shared/contracts/certification.ts';
import type { TCompetenceGap, TRotationWarning, TTeamBar } from '../../../../shared/contracts/cert-audits.ts';
import { competencesOf, conflictsForClient } from '../auditors/auditors-repo.ts';
import { competenceGap, impartialityBar, rotationWarning, type TCompetenceFacts } from './team-rules.ts';

/*
 * The team rules of team-rules.ts over what the body recorded, for the people of one audit: three
 * queries whatever the size of the team (their records for the scheme, the client's declared
 * links, the body's settings), plus one for a lead's rotation.
 */

export type TAuditForTeam = { id: string; client_id: string; programme_id: string; scheme: TScheme; planned_start: string | null };
export type TPersonVerdict = { userId: string; role: TAuditTeamRole; gap: TCompetenceGap | null; competentUntil: string | null; bar: TTeamBar | null };

export const DEFAULT_COOLING_OFF_MONTHS = 24;
export const DEFAULT_ROTATION_MAX_CYCLES = 2;

export async function bodyTeamSettings(db: Kysely<DB>, tenantId: string) {
  const s = await db.selectFrom('body_settings').select(['cooling_off_months', 'rotation_max_cycles']).where('tenant_id', '=', tenantId).executeTakeFirst();
  return { coolingOffMonths: s?.cooling_off_months ?? DEFAULT_COOLING_OFF_MONTHS, rotationMaxCycles: s?.rotation_max_cycles ?? DEFAULT_ROTATION_MAX_CYCLES };
}

/** The day the checks look at: the audit's planned start, else today (an unscheduled audit is checked again when confirmed). */
export const checkDay = (audit: Pick<TAuditForTeam, 'planned_start'>, today: string) => audit.planned_start ?? today;

export async function judgePeople(db: Kysely<DB>, tenantId: string, audit: TAuditForTeam, day: string, people: readonly { userId: string; role: TAuditTeamRole }[], coolingOffMonths: number) {
  const ids = [...new Set(people.map((x) => x.userId))];
  const [records, conflicts] = await Promise.all([competencesOf(db, tenantId, ids, audit.scheme), conflictsForClient(db, tenantId, audit.client_id, ids)]);
  const facts = conflicts.map((c) => ({ userId: c.user_id, kind: c.kind, startedOn: c.started_on, endedOn: c.ended_on }));
  return people.map((person): TPersonVerdict => {
    const mine: TCompetenceFacts[] = records
      .filter((r) => r.user_id === person.userId)
      .map((r) => ({ scheme: r.scheme, validFrom: r.valid_from, validUntil: r.valid_until, iso42001TrainedOn: r.iso42001_trained_on, aiDomainAreas: r.ai_domain_areas, leadQualified: r.lead_qualified }));
    return {
      userId: person.userId,
      role: person.role,
      gap: competenceGap(person.role, audit.scheme, day, mine),
      competentUntil: mine.map((r) => r.validUntil).sort().at(-1) ?? null,
      bar: impartialityBar(person.userId, day, coolingOffMonths, facts),
    };
  });
}

/**
 * How many of this client's programmes (certification cycles) the person has led an audit in,
 * counting the audit's own: the body warns past its `rotation_max_cycles` (the familiarity
 * threat of 17021-1 5.2).
 */
export async function cyclesLed(db: Kysely<DB>, tenantId: string, audit: TAuditForTeam, userId: string) {
  const row = await db
    .selectFrom('audits as a')
    .innerJoin('audit_team_members as m', (j) => j.onRef('m.tenant_id', '=', 'a.tenant_id').onRef('m.audit_id', '=', 'a.id'))
    .select(sql<number>`count(DISTINCT a.programme_id)::int`.as('n'))
    .where('a.tenant_id', '=', tenantId)
    .where('a.client_id', '=', audit.client_id)
    .where('a.state', '<>', 'cancelled')
    .where('a.programme_id', '<>', audit.programme_id)
    .where('m.user_id', '=', userId)
    .where('m.role', '=', 'lead_auditor')
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}

export async function leadRotation(db: Kysely<DB>, tenantId: string, audit: TAuditForTeam, leadUserId: string | null, maxCycles: number): Promise<TRotationWarning[]> {
  if (!leadUserId) return [];
  const w = rotationWarning(await cyclesLed(db, tenantId, audit, leadUserId), maxCycles);
  return w ? [w] : [];
}

const GAP_TEXT: Record<TCompetenceGap, string> = {
  no_record: 'has no competence record for this scheme',
  expired: 'has a competence record for this scheme that has expired by the audit’s first day',
  not_yet_valid: 'has a competence record for this scheme that is not yet valid on the audit’s first day',
  no_42001_training: 'has not been trained on ISO/IEC 42001 by the audit’s first day',
  not_lead_qualified: 'is not qualified to lead an audit',
  no_ai_domain: 'has no AI-domain knowledge on record, which a technical expert needs',
};

/** The refusal for a person the rules turn away: impartiality first (it cannot be fixed by training), then competence. */
export function refusalFor(v: TPersonVerdict, name: string, day: string, scheme: TScheme): AppError | null {
  if (v.bar?.code === 'cert_team_body_consultancy') {
    return new AppError(409, 'cert_team_body_consultancy', 'The certification body consulted for this client: it cannot audit it (ISO/IEC 17021-1 5.2).', { userId: v.userId, name });
  }
  if (v.bar) {
    const message =
      v.bar.code === 'cert_team_cooling_off'
        ? `${name} consulted for or worked for this client within the body’s cooling-off period of ${v.bar.coolingOffMonths} months before the audit’s first day.`
        : `${name} declared an interest in this client that is still ongoing on the audit’s first day.`;
    return new AppError(409, v.bar.code, message, { userId: v.userId, name, day, ...v.bar });
  }
  if (v.gap) {
    return new AppError(409, 'cert_team_not_competent', `${name} ${GAP_TEXT[v.gap]}.`, { userId: v.userId, name, role: v.role, scheme, day, reason: v.gap, competentUntil: v.competentUntil });
  }
  return null;
}
