import type { TAuditPlanContent, TAuditPlanStatus, TPlanSessionInput } from '../../../../shared/contracts/audit-plan.ts';
import type { TAuditState } from '../../../../shared/contracts/certification.ts';
import { AppError } from '../../../platform/errors/errors.ts';

/*
 * The audit plan's versions as a pure machine: draft → issued (sent) → acknowledged by the client.
 * Only a draft changes; an issued version is revised by starting the next version (there is at
 * most one draft); only the latest issued version is acknowledged — an earlier one has been
 * replaced by what the client received after it.
 */

export type TPlanEvent = 'edit' | 'issue' | 'revise' | 'acknowledge';

/** The audit states in which the plan is still prepared: once reported, closed or cancelled it is history. */
export const PLAN_OPEN_AUDIT_STATES: readonly TAuditState[] = ['planned', 'confirmed', 'in_progress'];

export type TPlanMachineInput = {
  /** The version acted on (null: the audit has no plan yet). */
  status: TAuditPlanStatus | null;
  /** For acknowledge: a later version has been issued. */
  superseded?: boolean;
  /** For revise: a draft already exists. */
  hasDraft?: boolean;
};

export function planTransition(event: TPlanEvent, s: TPlanMachineInput): TAuditPlanStatus {
  switch (event) {
    case 'edit':
      if (s.status === null || s.status === 'draft') return 'draft';
      throw new AppError(409, 'audit_plan_not_draft', 'This version of the plan is issued: start a revision to change it.', { status: s.status });
    case 'issue':
      if (s.status === 'draft') return 'issued';
      throw new AppError(409, 'audit_plan_not_draft', 'There is no draft of the plan to issue.', { status: s.status });
    case 'revise':
      if (s.hasDraft || s.status === 'draft') throw new AppError(409, 'audit_plan_draft_exists', 'A revision of the plan is already being drafted.', {});
      if (s.status === null) throw new AppError(409, 'audit_plan_not_draft', 'The plan has not been issued yet: edit the draft.', { status: s.status });
      return 'draft';
    case 'acknowledge':
      if (s.status === 'acknowledged') throw new AppError(409, 'audit_plan_acknowledged', 'This plan has already been acknowledged.', {});
      if (s.status !== 'issued') throw new AppError(409, 'audit_plan_not_draft', 'Only an issued plan is acknowledged.', { status: s.status });
      if (s.superseded) throw new AppError(409, 'audit_plan_superseded', 'A revised plan has been issued since: acknowledge the latest version.', {});
      return 'acknowledged';
  }
}

/** What an issued plan must say (17021-1 9.2.3.2): dates, where, who, and at least one session. */
export function missingForIssue(c: TAuditPlanContent): string[] {
  const missing: string[] = [];
  if (!c.startDate) missing.push('startDate');
  if (!c.endDate) missing.push('endDate');
  if (!c.sites.length) missing.push('sites');
  if (!c.sessions.length) missing.push('sessions');
  if (!c.team.some((m) => m.role === 'lead_auditor')) missing.push('leadAuditor');
  return missing;
}

export type TFieldIssue = { field: string; issue: string; message: string };

/** Clauses 4–10 and Annex A controls, as the catalog numbers them. */
export const PLAN_REF = /^((4|5|6|7|8|9|10)(\.\d+)*|A\.\d+(\.\d+)*)$/;

/**
 * The checks of a draft that need no database: dates in order, sessions inside the audit's dates
 * with their end after their start, each session at one of the plan's sites, refs that name a
 * clause 4–10 or an Annex A control. Returns field errors in the request's shape.
 */
export function checkPlanDraft(d: { startDate: string | null; endDate: string | null; siteIds: readonly string[]; sessions: readonly TPlanSessionInput[] }): TFieldIssue[] {
  const out: TFieldIssue[] = [];
  if (d.startDate && d.endDate && d.endDate < d.startDate) out.push({ field: 'endDate', issue: 'too_small', message: 'The audit ends before it starts.' });
  const sites = new Set(d.siteIds);
  d.sessions.forEach((s, i) => {
    if (s.end <= s.start) out.push({ field: `sessions.${i}.end`, issue: 'too_small', message: 'The session ends before it starts.' });
    if ((d.startDate && s.day < d.startDate) || (d.endDate && s.day > d.endDate)) out.push({ field: `sessions.${i}.day`, issue: 'invalid', message: 'The session is outside the audit’s dates.' });
    if (s.siteId !== null && !sites.has(s.siteId)) out.push({ field: `sessions.${i}.siteId`, issue: 'invalid', message: 'The session’s site is not one of the plan’s sites.' });
    s.requirements.forEach((r, j) => {
      if (!PLAN_REF.test(r)) out.push({ field: `sessions.${i}.requirements.${j}`, issue: 'invalid', message: 'Not a clause 4–10 or an Annex A control.' });
    });
    if (new Set(s.requirements).size !== s.requirements.length) out.push({ field: `sessions.${i}.requirements`, issue: 'invalid', message: 'A requirement is listed twice.' });
  });
  return out;
}

/** Sessions in the order the day runs: by day, then start time. */
export const sessionOrder = <S extends { day: string; start: string; end: string }>(sessions: readonly S[]) =>
  [...sessions].sort((a, b) => a.day.localeCompare(b.day) || a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
