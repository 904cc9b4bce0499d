import type { TCertificationFile, TFileAudit, TReviewChecklistEntry, TReviewFact, TReviewItem } from '../../../../shared/contracts/cert-decisions.ts';
import { REVIEW_ITEMS } from '../../../../shared/contracts/cert-decisions.ts';

/*
 * The facts the technical review's checklist shows beside each fixed item, computed from the file
 * alone (pure, unit-tested). The reviewer still confirms every item: a fact helps them look, it does
 * not look for them. `refs` names what breaks the item (audit or finding references, people), or
 * what identifies it (the SoA version).
 */

const DONE = ['reported', 'closed'];
const issued = (a: TFileAudit) => a.report?.status === 'issued';
/** The audits that took place (or are taking place): a cancelled or not-yet-started audit has no team to judge. */
const held = (a: TFileAudit) => a.state === 'in_progress' || DONE.includes(a.state);

function fact(holds: boolean, refs: string[] = []): TReviewFact {
  return { holds, refs };
}

export function reviewFacts(file: TCertificationFile, concludingAuditId: string): Record<TReviewItem, TReviewFact> {
  const audits = file.audits.filter((a) => a.state !== 'cancelled');
  const concluding = audits.find((a) => a.id === concludingAuditId);
  const stage1 = audits.filter((a) => a.type === 'stage1');
  const majors = file.findings.filter((f) => f.class === 'major');
  const minors = file.findings.filter((f) => f.class === 'minor');
  const followUps = audits.filter((a) => a.type === 'follow_up' && DONE.includes(a.state));
  const heldAudits = audits.filter(held);

  const unsigned: string[] = [];
  const incompetent: string[] = [];
  for (const a of heldAudits) {
    for (const m of a.team) {
      if (!m.declaration) unsigned.push(`${a.reference} · ${m.name}`);
      // Observers are not judged on competence (they take no part in the audit's conclusions).
      if (m.role !== 'observer' && m.competence.length === 0) incompetent.push(`${a.reference} · ${m.name}`);
    }
  }

  const time = file.auditTime;
  const short: string[] = [];
  if (time) {
    for (const a of audits) {
      const need = a.type === 'stage1' ? time.stage1Days : a.type === 'stage2' ? time.stage2Days : a.type === 'surveillance' ? time.surveillanceDays : a.type === 'recertification' ? time.recertificationDays : null;
      if (need !== null && DONE.includes(a.state) && a.plannedDays < need) short.push(`${a.reference} (${a.plannedDays} < ${need})`);
    }
  }

  const central = file.client.sites.filter((s) => s.isCentral);
  const siteIssues = [...(central.length === 1 ? [] : ['central']), ...file.client.sites.filter((s) => !s.address.trim()).map((s) => s.name)];

  const soa = [...new Set(audits.filter((a) => a.id === concludingAuditId || a.type === 'stage2' || a.type === 'recertification').map((a) => a.soaVersion).filter((v): v is number => v !== null))];

  return {
    stage1_report_issued: file.programme.cycle > 1 ? fact(true) : fact(stage1.length > 0 && stage1.every(issued), stage1.filter((a) => !issued(a)).map((a) => a.reference)),
    concluding_report_issued: fact(!!concluding && issued(concluding), concluding && !issued(concluding) ? [concluding.reference] : []),
    majors_verified: fact(
      majors.every((f) => f.state === 'verified' || f.state === 'closed'),
      majors.filter((f) => f.state !== 'verified' && f.state !== 'closed').map((f) => f.reference),
    ),
    minors_plans_accepted: fact(
      minors.every((f) => ['accepted', 'verified', 'closed'].includes(f.state)),
      minors.filter((f) => !['accepted', 'verified', 'closed'].includes(f.state)).map((f) => f.reference),
    ),
    follow_up_reports_issued: fact(followUps.every(issued), followUps.filter((a) => !issued(a)).map((a) => a.reference)),
    declarations_signed: fact(unsigned.length === 0, unsigned),
    competence_valid: fact(incompetent.length === 0, incompetent),
    audit_time_respected: fact(time !== null && short.length === 0, time === null ? ['none'] : short),
    scope_sites_consistent: fact(siteIssues.length === 0 && file.client.sites.length > 0, siteIssues),
    soa_version_identified: fact(soa.length > 0, soa.map(String)),
  };
}

/** The checklist with fresh facts, keeping what the reviewer already confirmed and noted. */
export function checklistWithFacts(file: TCertificationFile, concludingAuditId: string, previous: readonly Pick<TReviewChecklistEntry, 'item' | 'confirmed' | 'note'>[]): TReviewChecklistEntry[] {
  const facts = reviewFacts(file, concludingAuditId);
  return REVIEW_ITEMS.map((item) => {
    const p = previous.find((x) => x.item === item);
    return { item, fact: facts[item], confirmed: p?.confirmed ?? false, note: p?.note ?? '' };
  });
}

/** The items a reviewer has not yet dealt with: neither confirmed nor explained by a note. */
export const unansweredItems = (checklist: readonly TReviewChecklistEntry[]) => checklist.filter((e) => !e.confirmed && !e.note.trim()).map((e) => e.item);

/** The team seats a person holds on the cycle's audits (cancelled audits aside): 17021-1 9.5 bars them from reviewing and deciding. */
export function teamSeatsOf(file: TCertificationFile, userId: string) {
  return file.audits
    .filter((a) => a.state !== 'cancelled')
    .flatMap((a) => a.team.filter((m) => m.userId === userId).map((m) => ({ auditId: a.id, reference: a.reference, type: a.type, role: m.role })));
}

