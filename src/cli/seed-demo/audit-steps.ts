import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import type { TUserActor } from '../../server/platform/authz/actor.ts';
import { createAuditsService, createChecklistService, createTeamService } from '../../server/modules/certification/index.ts';
import type { TChecklistItem } from '../../shared/contracts/audit-work.ts';
import { IMPARTIALITY_STATEMENT_VERSION } from '../../shared/impartiality-statement.ts';
import { onDay } from './on-day.ts';

/* The steps every demo audit goes through, shared by the demo's clients. */

/** What the auditors write on a checklist item, by requirement family: short, factual, in French. */
function noteFor(item: TChecklistItem, verdict: 'conforming' | 'observation' | 'nonconforming') {
  if (verdict === 'nonconforming') return `Exigence ${item.ref} : l’échantillon examiné ne montre pas l’application attendue (voir constat).`;
  if (verdict === 'observation') return `Exigence ${item.ref} : dispositif en place, formalisation à compléter avant la prochaine visite.`;
  return `Exigence ${item.ref} : dispositif décrit, preuves consultées et cohérentes avec la déclaration d’applicabilité.`;
}

/** Dates, the lead auditor with their declaration, and the confirmation — the scheme manager's and the lead's steps. */
export async function staff(p: TPlatform, ctx: TRequestContext, manager: TUserActor, lead: TUserActor, bodyId: string, auditId: string, when: Date, dates: { plannedStart: string; plannedEnd: string; plannedDays: number; onSiteDays: number }, days: number) {
  const on = onDay(p, when);
  await createAuditsService(on).schedule(manager, bodyId, auditId, dates, ctx);
  await createTeamService(on).assign(manager, bodyId, auditId, lead.userId, { role: 'lead_auditor', plannedDays: days }, ctx);
  await createTeamService(onDay(p, new Date(when.getTime() + 3_600_000))).declare(lead, bodyId, auditId, { statementVersion: IMPARTIALITY_STATEMENT_VERSION, locale: 'fr' }, ctx);
  await createAuditsService(onDay(p, new Date(when.getTime() + 7_200_000))).transition(manager, bodyId, auditId, { event: 'confirm' }, ctx);
}

/** Generates the audit's checklist and judges a share of it, most items conforming, a few observations. */
export async function workChecklist(p: TPlatform, ctx: TRequestContext, auditor: TUserActor, bodyId: string, auditId: string, share: number, verdictOf?: (item: TChecklistItem, i: number) => 'conforming' | 'observation' | 'nonconforming') {
  const checklists = createChecklistService(p);
  const list = await checklists.generate(auditor, bodyId, auditId, {}, ctx);
  const items = list.items.slice(0, Math.round(list.items.length * share));
  let i = 0;
  for (const item of items) {
    const verdict = verdictOf ? verdictOf(item, i) : i % 11 === 5 ? 'observation' : 'conforming';
    await checklists.recordItem(auditor, bodyId, auditId, item.id, { verdict, notes: noteFor(item, verdict) }, ctx);
    i++;
  }
  return { judged: items.length, total: list.items.length };
}
