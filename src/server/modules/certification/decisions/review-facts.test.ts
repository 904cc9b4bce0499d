import { describe, expect, it } from 'vitest';
import type { TCertificationFile, TFileAudit } from '../../../../shared/contracts/cert-decisions.ts';
import { checklistWithFacts, reviewFacts, teamSeatsOf, unansweredItems } from './review-facts.ts';

const member = (userId: string, o: { declared?: boolean; competent?: boolean; role?: 'lead_auditor' | 'auditor' | 'observer' } = {}) => ({
  userId,
  name: userId,
  role: o.role ?? 'auditor',
  declaration: o.declared === false ? null : { signedAt: '2026-09-01T08:00:00.000Z', statementVersion: 'v1', locale: 'en' },
  competence: o.competent === false ? [] : [{ qualification: 'Lead', leadQualified: true, validFrom: '2025-01-01', validUntil: '2029-12-31' }],
});

const audit = (id: string, type: TFileAudit['type'], o: Partial<TFileAudit> = {}): TFileAudit => ({
  id,
  reference: `AUD-${id}`,
  type,
  sequence: 1,
  state: 'reported',
  dueBy: null,
  plannedStart: '2026-09-08',
  plannedEnd: '2026-09-10',
  actualStart: '2026-09-08',
  actualEnd: '2026-09-10',
  plannedDays: 3,
  onSiteDays: 3,
  soaVersion: 4,
  report: { kind: 'audit', status: 'issued', recommendation: 'grant', issuedAt: '2026-09-11T10:00:00.000Z', documents: [] },
  team: [member('lead', { role: 'lead_auditor' })],
  ...o,
});

function file(o: Partial<TCertificationFile> = {}): TCertificationFile {
  return {
    version: 1,
    programme: { id: 'p', cycle: 1, status: 'active', decisionDate: null, expiryDate: null, engagementId: 'e', scheme: 'iso42001' },
    client: { id: 'c', reference: 'CLI-0001', legalName: 'Lumière Crédit SAS', address: 'Paris', sites: [{ id: 's', name: 'Siège', address: 'Paris', isCentral: true }], aiSystems: [] },
    auditTime: { source: 'proposal', stage1Days: 1.5, stage2Days: 3, surveillanceDays: 1.5, recertificationDays: 3 },
    audits: [audit('s1', 'stage1', { plannedDays: 1.5, report: { kind: 'stage1', status: 'issued', recommendation: null, issuedAt: null, documents: [] } }), audit('s2', 'stage2')],
    findings: [],
    ...o,
  };
}

const finding = (reference: string, cls: 'major' | 'minor', state: 'open' | 'submitted' | 'accepted' | 'verified' | 'closed') => ({
  id: reference,
  reference,
  auditId: 's2',
  class: cls,
  frameworkId: 'iso-iec-42001-2023',
  ref: '6.1.4',
  statement: 'x',
  evidence: '',
  state,
  responseDueOn: null,
  closureDueOn: null,
  verificationDueOn: null,
  verifiedAt: null,
  verifiedBy: null,
  verificationMethod: null,
  verificationAuditId: null,
  verificationNotes: '',
  closedAt: null,
  raisedAt: '2026-09-10T10:00:00.000Z',
  responses: [],
});

describe('technical review facts', () => {
  it('a complete initial file holds on every item', () => {
    const facts = reviewFacts(file(), 's2');
    expect(Object.entries(facts).filter(([, f]) => !f.holds)).toEqual([]);
    expect(facts.soa_version_identified.refs).toEqual(['4']);
  });

  it('names the unverified majors and the minors without an accepted plan', () => {
    const facts = reviewFacts(file({ findings: [finding('NC-1', 'major', 'accepted'), finding('NC-2', 'minor', 'submitted'), finding('NC-3', 'minor', 'accepted'), finding('NC-4', 'major', 'verified')] }), 's2');
    expect(facts.majors_verified).toEqual({ holds: false, refs: ['NC-1'] });
    expect(facts.minors_plans_accepted).toEqual({ holds: false, refs: ['NC-2'] });
  });

  it('flags a missing declaration, competence not covering the dates, a draft report and short audit time', () => {
    const f = file({
      audits: [
        audit('s1', 'stage1', { plannedDays: 1, report: { kind: 'stage1', status: 'draft', recommendation: null, issuedAt: null, documents: [] } }),
        audit('s2', 'stage2', { team: [member('lead', { role: 'lead_auditor', declared: false }), member('aud', { competent: false }), member('obs', { role: 'observer', competent: false })] }),
        audit('f1', 'follow_up', { report: null }),
      ],
    });
    const facts = reviewFacts(f, 's2');
    expect(facts.stage1_report_issued).toEqual({ holds: false, refs: ['AUD-s1'] });
    expect(facts.declarations_signed.refs).toEqual(['AUD-s2 · lead']);
    expect(facts.competence_valid.refs).toEqual(['AUD-s2 · aud']);
    expect(facts.audit_time_respected.refs).toEqual(['AUD-s1 (1 < 1.5)']);
    expect(facts.follow_up_reports_issued).toEqual({ holds: false, refs: ['AUD-f1'] });
  });

  it('without an audit-time calculation or a central site, those items do not hold', () => {
    const f = file({ auditTime: null, client: { ...file().client, sites: [{ id: 's', name: 'Agence', address: 'Lyon', isCentral: false }] } });
    const facts = reviewFacts(f, 's2');
    expect(facts.audit_time_respected.holds).toBe(false);
    expect(facts.scope_sites_consistent).toEqual({ holds: false, refs: ['central'] });
  });

  it('keeps the reviewer’s answers over fresh facts; an item is answered by a confirmation or a note', () => {
    const list = checklistWithFacts(file(), 's2', [{ item: 'majors_verified', confirmed: true, note: '' }, { item: 'audit_time_respected', confirmed: false, note: 'Reduced by the scheme manager, recorded.' }]);
    expect(list).toHaveLength(10);
    expect(list.find((e) => e.item === 'majors_verified')!.confirmed).toBe(true);
    expect(unansweredItems(list)).not.toContain('majors_verified');
    expect(unansweredItems(list)).not.toContain('audit_time_respected');
    expect(unansweredItems(list)).toHaveLength(8);
  });

  it('team seats: every audit of the cycle but cancelled ones, follow-up included', () => {
    const f = file({
      audits: [audit('s2', 'stage2'), audit('f1', 'follow_up', { team: [member('dm')] }), audit('x', 'special', { state: 'cancelled', team: [member('dm')] })],
    });
    expect(teamSeatsOf(f, 'dm')).toEqual([{ auditId: 'f1', reference: 'AUD-f1', type: 'follow_up', role: 'auditor' }]);
    expect(teamSeatsOf(f, 'nobody')).toEqual([]);
  });
});
