import { describe, expect, it } from 'vitest';
import { ORGANIZATION_ROLES, CERTIFICATION_BODY_ROLES, type TRole, type TTenantKind } from '../../../shared/contracts/roles.ts';
import { ACTIONS, POLICIES } from './policies.ts';
import { decide, type TPolicyActor } from './policy.ts';

/*
 * The policies as one table per question. A policy change shows here as a diff of this file:
 * review it like a contract change. ✓ allowed, · refused.
 */

const actorOf = (role: TRole, tenantKind: TTenantKind): TPolicyActor => ({ tenantId: 't', tenantKind, role, userId: 'u-actor', tokenId: null });
const mark = (ok: boolean) => (ok ? '✓' : '·');

function table(rowLabels: readonly string[], columns: readonly string[], cell: (row: string, column: string) => boolean) {
  const first = Math.max(...rowLabels.map((r) => r.length));
  const head = `${''.padEnd(first)} | ${columns.join(' ')}`;
  const rows = rowLabels.map((r) => `${r.padEnd(first)} | ${columns.map((c) => mark(cell(r, c)).padEnd(c.length)).join(' ')}`.trimEnd());
  return `\n${[head, ...rows].join('\n')}\n`;
}

describe('policy matrix', () => {
  it('every action × role × tenant kind, judged on the role (the first line of every service function)', () => {
    const roles = [...ORGANIZATION_ROLES, ...CERTIFICATION_BODY_ROLES] as readonly TRole[];
    const kindOf = (role: string): TTenantKind => ((ORGANIZATION_ROLES as readonly string[]).includes(role) ? 'organization' : 'certification_body');
    const actual = table(ACTIONS, roles, (action, role) => decide(POLICIES, actorOf(role as TRole, kindOf(role)), action).ok);
    // organization: owner admin contributor viewer | certification body: scheme_manager auditor technical_reviewer decision_maker
    expect(actual).toBe(`
                           | owner admin contributor viewer scheme_manager auditor technical_reviewer decision_maker
tenant.read                | ✓     ✓     ✓           ✓      ✓              ✓       ✓                  ✓
tenant.update              | ✓     ✓     ·           ·      ✓              ·       ·                  ·
member.read                | ✓     ✓     ✓           ✓      ✓              ✓       ✓                  ✓
member.update              | ✓     ✓     ·           ·      ✓              ·       ·                  ·
member.remove              | ✓     ✓     ·           ·      ✓              ·       ·                  ·
member.invite              | ✓     ✓     ·           ·      ✓              ·       ·                  ·
invitation.revoke          | ✓     ✓     ·           ·      ✓              ·       ·                  ·
apiToken.read              | ✓     ✓     ·           ·      ✓              ·       ·                  ·
apiToken.create            | ✓     ✓     ·           ·      ✓              ·       ·                  ·
apiToken.revoke            | ✓     ✓     ·           ·      ✓              ·       ·                  ·
audit.read                 | ✓     ✓     ·           ·      ✓              ·       ✓                  ✓
audit.checkpoint           | ✓     ✓     ·           ·      ✓              ·       ·                  ·
file.upload                | ✓     ✓     ✓           ·      ✓              ✓       ·                  ·
file.read                  | ✓     ✓     ✓           ✓      ✓              ✓       ✓                  ✓
catalog.read               | ✓     ✓     ✓           ✓      ✓              ✓       ✓                  ✓
catalog.import             | ✓     ✓     ·           ·      ✓              ·       ·                  ·
impactAssessment.read      | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
impactAssessment.create    | ✓     ✓     ✓           ·      ·              ·       ·                  ·
impactAssessment.update    | ✓     ✓     ✓           ·      ·              ·       ·                  ·
impactAssessment.submit    | ✓     ✓     ✓           ·      ·              ·       ·                  ·
impactAssessment.return    | ✓     ✓     ✓           ·      ·              ·       ·                  ·
impactAssessment.approve   | ✓     ✓     ·           ·      ·              ·       ·                  ·
impactAssessment.revise    | ✓     ✓     ✓           ·      ·              ·       ·                  ·
impactAssessment.configure | ✓     ✓     ·           ·      ·              ·       ·                  ·
aiSystem.read              | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
aiSystem.create            | ✓     ✓     ✓           ·      ·              ·       ·                  ·
aiSystem.update            | ✓     ✓     ✓           ·      ·              ·       ·                  ·
aiSystem.classify          | ✓     ✓     ✓           ·      ·              ·       ·                  ·
risk.read                  | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
risk.create                | ✓     ✓     ✓           ·      ·              ·       ·                  ·
risk.update                | ✓     ✓     ✓           ·      ·              ·       ·                  ·
risk.accept                | ✓     ✓     ✓           ·      ·              ·       ·                  ·
risk.reopen                | ✓     ✓     ✓           ·      ·              ·       ·                  ·
risk.close                 | ✓     ✓     ✓           ·      ·              ·       ·                  ·
riskMatrix.read            | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
riskMatrix.update          | ✓     ✓     ·           ·      ·              ·       ·                  ·
control.read               | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
control.create             | ✓     ✓     ✓           ·      ·              ·       ·                  ·
control.update             | ✓     ✓     ✓           ·      ·              ·       ·                  ·
control.link               | ✓     ✓     ✓           ·      ·              ·       ·                  ·
control.applyLibrary       | ✓     ✓     ·           ·      ·              ·       ·                  ·
adoptedFramework.read      | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
adoptedFramework.manage    | ✓     ✓     ·           ·      ·              ·       ·                  ·
soa.read                   | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
soa.create                 | ✓     ✓     ✓           ·      ·              ·       ·                  ·
soa.update                 | ✓     ✓     ✓           ·      ·              ·       ·                  ·
soa.submit                 | ✓     ✓     ✓           ·      ·              ·       ·                  ·
soa.reject                 | ✓     ✓     ✓           ·      ·              ·       ·                  ·
soa.approve                | ✓     ✓     ·           ·      ·              ·       ·                  ·
document.read              | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
document.create            | ✓     ✓     ✓           ·      ·              ·       ·                  ·
document.update            | ✓     ✓     ✓           ·      ·              ·       ·                  ·
document.addVersion        | ✓     ✓     ✓           ·      ·              ·       ·                  ·
documentVersion.submit     | ✓     ✓     ✓           ·      ·              ·       ·                  ·
documentVersion.approve    | ✓     ✓     ·           ·      ·              ·       ·                  ·
documentVersion.publish    | ✓     ✓     ·           ·      ·              ·       ·                  ·
evidence.read              | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
evidence.create            | ✓     ✓     ✓           ·      ·              ·       ·                  ·
evidence.update            | ✓     ✓     ✓           ·      ·              ·       ·                  ·
evidence.submit            | ✓     ✓     ✓           ·      ·              ·       ·                  ·
evidence.review            | ✓     ✓     ·           ·      ·              ·       ·                  ·
evidence.revise            | ✓     ✓     ✓           ·      ·              ·       ·                  ·
evidence.configure         | ✓     ✓     ·           ·      ·              ·       ·                  ·
auditProgramme.read        | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
auditProgramme.create      | ✓     ✓     ✓           ·      ·              ·       ·                  ·
auditProgramme.update      | ✓     ✓     ✓           ·      ·              ·       ·                  ·
internalAudit.read         | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
internalAudit.create       | ✓     ✓     ✓           ·      ·              ·       ·                  ·
internalAudit.update       | ✓     ✓     ✓           ·      ·              ·       ·                  ·
internalAudit.transition   | ✓     ✓     ✓           ·      ·              ·       ·                  ·
internalAudit.addFinding   | ✓     ✓     ✓           ·      ·              ·       ·                  ·
managementReview.read      | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
managementReview.create    | ✓     ✓     ✓           ·      ·              ·       ·                  ·
managementReview.update    | ✓     ✓     ✓           ·      ·              ·       ·                  ·
managementReview.complete  | ✓     ✓     ✓           ·      ·              ·       ·                  ·
nonconformity.read         | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
nonconformity.create       | ✓     ✓     ✓           ·      ·              ·       ·                  ·
nonconformity.update       | ✓     ✓     ✓           ·      ·              ·       ·                  ·
nonconformity.transition   | ✓     ✓     ✓           ·      ·              ·       ·                  ·
nonconformity.verify       | ✓     ✓     ✓           ·      ·              ·       ·                  ·
aiIncident.read            | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
aiIncident.create          | ✓     ✓     ✓           ·      ·              ·       ·                  ·
aiIncident.update          | ✓     ✓     ✓           ·      ·              ·       ·                  ·
aiIncident.transition      | ✓     ✓     ✓           ·      ·              ·       ·                  ·
aiIncident.raiseNc         | ✓     ✓     ✓           ·      ·              ·       ·                  ·
aiIncident.configure       | ✓     ✓     ·           ·      ·              ·       ·                  ·
aimsScope.read             | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
aimsScope.draft            | ✓     ✓     ✓           ·      ·              ·       ·                  ·
aimsScope.update           | ✓     ✓     ✓           ·      ·              ·       ·                  ·
aimsScope.approve          | ✓     ✓     ·           ·      ·              ·       ·                  ·
interestedParty.read       | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
interestedParty.create     | ✓     ✓     ✓           ·      ·              ·       ·                  ·
interestedParty.update     | ✓     ✓     ✓           ·      ·              ·       ·                  ·
aimsObjective.read         | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
aimsObjective.create       | ✓     ✓     ✓           ·      ·              ·       ·                  ·
aimsObjective.update       | ✓     ✓     ✓           ·      ·              ·       ·                  ·
aimsObjective.recordResult | ✓     ✓     ✓           ·      ·              ·       ·                  ·
competenceRecord.read      | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
competenceRecord.create    | ✓     ✓     ✓           ·      ·              ·       ·                  ·
competenceRecord.update    | ✓     ✓     ✓           ·      ·              ·       ·                  ·
auditTime.read             | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
auditTime.calculate        | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
auditTime.record           | ·     ·     ·           ·      ✓              ·       ·                  ·
auditTime.configure        | ·     ·     ·           ·      ✓              ·       ·                  ·
auditChecklist.read        | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
auditChecklist.generate    | ·     ·     ·           ·      ·              ✓       ·                  ·
auditChecklist.record      | ·     ·     ·           ·      ·              ✓       ·                  ·
auditReport.read           | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
auditReport.write          | ·     ·     ·           ·      ·              ✓       ·                  ·
auditReport.issue          | ·     ·     ·           ·      ·              ✓       ·                  ·
proposal.read              | ·     ·     ·           ·      ✓              ·       ✓                  ✓
proposal.create            | ·     ·     ·           ·      ✓              ·       ·                  ·
proposal.update            | ·     ·     ·           ·      ✓              ·       ·                  ·
proposal.send              | ·     ·     ·           ·      ✓              ·       ·                  ·
proposal.withdraw          | ·     ·     ·           ·      ✓              ·       ·                  ·
orgCertification.read      | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
orgCertification.accept    | ✓     ✓     ·           ·      ·              ·       ·                  ·
bodySettings.read          | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
bodySettings.update        | ·     ·     ·           ·      ✓              ·       ·                  ·
enquiry.read               | ·     ·     ·           ·      ✓              ·       ✓                  ✓
enquiry.convert            | ·     ·     ·           ·      ✓              ·       ·                  ·
enquiry.decline            | ·     ·     ·           ·      ✓              ·       ·                  ·
client.read                | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
client.create              | ·     ·     ·           ·      ✓              ·       ·                  ·
client.update              | ·     ·     ·           ·      ✓              ·       ·                  ·
certAudit.read             | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
certAudit.schedule         | ·     ·     ·           ·      ✓              ·       ·                  ·
certAudit.transition       | ·     ·     ·           ·      ✓              ✓       ·                  ·
certAudit.declare          | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
certAudit.manageTeam       | ·     ·     ·           ·      ✓              ·       ·                  ·
engagementAims.read        | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
engagementAims.readLog     | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
auditPlan.read             | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
auditPlan.write            | ·     ·     ·           ·      ✓              ✓       ·                  ·
auditPlan.issue            | ·     ·     ·           ·      ✓              ✓       ·                  ·
orgAuditPlan.read          | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
orgAuditPlan.acknowledge   | ✓     ✓     ·           ·      ·              ·       ·                  ·
auditor.read               | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
auditor.readAll            | ·     ·     ·           ·      ✓              ·       ✓                  ✓
auditor.manage             | ·     ·     ·           ·      ✓              ·       ·                  ·
technicalReview.read       | ·     ·     ·           ·      ✓              ·       ✓                  ✓
technicalReview.create     | ·     ·     ·           ·      ✓              ·       ✓                  ·
technicalReview.update     | ·     ·     ·           ·      ·              ·       ✓                  ·
technicalReview.complete   | ·     ·     ·           ·      ·              ·       ✓                  ·
certDecision.read          | ·     ·     ·           ·      ✓              ·       ✓                  ✓
certDecision.create        | ·     ·     ·           ·      ·              ·       ·                  ✓
finding.read               | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
finding.write              | ·     ·     ·           ·      ✓              ✓       ·                  ·
finding.judge              | ·     ·     ·           ·      ✓              ✓       ·                  ·
orgFinding.read            | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
orgFinding.respond         | ✓     ✓     ✓           ·      ·              ·       ·                  ·
registerExport.read        | ·     ·     ·           ·      ✓              ·       ·                  ·
certificate.read           | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
certificate.issue          | ·     ·     ·           ·      ·              ·       ·                  ✓
certificate.changeStatus   | ·     ·     ·           ·      ·              ·       ·                  ✓
orgCertificate.read        | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
soc2Examination.read       | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
soc2Examination.create     | ·     ·     ·           ·      ✓              ·       ·                  ·
soc2Examination.scope      | ·     ·     ·           ·      ✓              ✓       ·                  ·
soc2Examination.scopeParts | ·     ·     ·           ·      ✓              ✓       ·                  ·
soc2Examination.renew      | ·     ·     ·           ·      ✓              ·       ·                  ·
orgSoc2Examination.read    | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
soc2Description.write      | ✓     ✓     ✓           ·      ·              ·       ·                  ·
soc2Description.signOff    | ✓     ✓     ·           ·      ·              ·       ·                  ·
soc2Exception.raise        | ·     ·     ·           ·      ✓              ✓       ·                  ·
soc2Exception.edit         | ·     ·     ·           ·      ✓              ✓       ·                  ·
soc2Exception.conclude     | ·     ·     ·           ·      ✓              ✓       ·                  ·
orgSoc2Exception.respond   | ✓     ✓     ✓           ·      ·              ·       ·                  ·
soc2Examination.reporting  | ·     ·     ·           ·      ✓              ✓       ·                  ·
soc2Examination.partner    | ·     ·     ·           ·      ✓              ·       ·                  ·
soc2Opinion.record         | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
soc2Reader.read            | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
soc2Nda.publish            | ·     ·     ·           ·      ✓              ·       ·                  ·
orgSoc2Reader.read         | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
orgSoc2Reader.manage       | ✓     ✓     ·           ·      ·              ·       ·                  ·
soc2Report.preview         | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
soc2Report.issue           | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
soc2Report.issueGeneralUse | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
soc2BridgeLetter.issue     | ✓     ✓     ·           ·      ·              ·       ·                  ·
soc2Program.read           | ·     ·     ·           ·      ✓              ✓       ✓                  ✓
soc2Program.write          | ·     ·     ·           ·      ✓              ✓       ·                  ·
orgSoc2Request.read        | ✓     ✓     ✓           ✓      ·              ·       ·                  ·
orgSoc2Request.respond     | ✓     ✓     ✓           ·      ·              ·       ·                  ·
`);
  });

  it('member records: ownership only by an owner, and a tenant always keeps its founding role', () => {
    const cases: Record<string, { kind: TTenantKind; action: string; record: object }> = {
      'change role of a contributor': { kind: 'organization', action: 'member.update', record: { userId: 'x', role: 'contributor', lastFounder: false } },
      'make a contributor owner': { kind: 'organization', action: 'member.update', record: { userId: 'x', role: 'contributor', lastFounder: false, newRole: 'owner' } },
      'change role of an owner (2 owners)': { kind: 'organization', action: 'member.update', record: { userId: 'x', role: 'owner', lastFounder: false } },
      'change role of the last owner': { kind: 'organization', action: 'member.update', record: { userId: 'x', role: 'owner', lastFounder: true } },
      'remove a contributor': { kind: 'organization', action: 'member.remove', record: { userId: 'x', role: 'contributor', lastFounder: false } },
      'remove an owner (2 owners)': { kind: 'organization', action: 'member.remove', record: { userId: 'x', role: 'owner', lastFounder: false } },
      'remove the last owner': { kind: 'organization', action: 'member.remove', record: { userId: 'x', role: 'owner', lastFounder: true } },
      'remove a scheme manager (2)': { kind: 'certification_body', action: 'member.remove', record: { userId: 'x', role: 'scheme_manager', lastFounder: false } },
      'remove the last scheme manager': { kind: 'certification_body', action: 'member.remove', record: { userId: 'x', role: 'scheme_manager', lastFounder: true } },
    };
    const roles = ['owner', 'admin', 'scheme_manager', 'viewer'] as const;
    const actual = table(Object.keys(cases), roles, (label, role) => {
      const c = cases[label]!;
      const fits = c.kind === 'organization' ? role !== 'scheme_manager' : role === 'scheme_manager';
      return fits && decide(POLICIES, actorOf(role as TRole, c.kind), c.action, c.record).ok;
    });
    expect(actual).toBe(`
                                   | owner admin scheme_manager viewer
change role of a contributor       | ✓     ✓     ·              ·
make a contributor owner           | ✓     ·     ·              ·
change role of an owner (2 owners) | ✓     ·     ·              ·
change role of the last owner      | ·     ·     ·              ·
remove a contributor               | ✓     ✓     ·              ·
remove an owner (2 owners)         | ✓     ·     ·              ·
remove the last owner              | ·     ·     ·              ·
remove a scheme manager (2)        | ·     ·     ✓              ·
remove the last scheme manager     | ·     ·     ·              ·
`);
  });

  it('invitation and API token records: only a pending invitation or an active token can be revoked; owner rights only by an owner', () => {
    const cases: Record<string, { action: string; record: object }> = {
      'invite as contributor': { action: 'member.invite', record: { role: 'contributor', state: 'pending' } },
      'invite as owner': { action: 'member.invite', record: { role: 'owner', state: 'pending' } },
      'revoke a pending invitation': { action: 'invitation.revoke', record: { role: 'viewer', state: 'pending' } },
      'revoke an accepted invitation': { action: 'invitation.revoke', record: { role: 'viewer', state: 'accepted' } },
      'revoke a replaced invitation': { action: 'invitation.revoke', record: { role: 'viewer', state: 'replaced' } },
      'revoke an expired invitation': { action: 'invitation.revoke', record: { role: 'viewer', state: 'expired' } },
      'create an owner token': { action: 'apiToken.create', record: { role: 'owner', state: 'active' } },
      'create a viewer token': { action: 'apiToken.create', record: { role: 'viewer', state: 'active' } },
      'revoke an active token': { action: 'apiToken.revoke', record: { role: 'viewer', state: 'active' } },
      'revoke a revoked token': { action: 'apiToken.revoke', record: { role: 'viewer', state: 'revoked' } },
      'revoke an expired token': { action: 'apiToken.revoke', record: { role: 'viewer', state: 'expired' } },
    };
    const roles = ['owner', 'admin', 'contributor'] as const;
    const actual = table(Object.keys(cases), roles, (label, role) => decide(POLICIES, actorOf(role as TRole, 'organization'), cases[label]!.action, cases[label]!.record).ok);
    expect(actual).toBe(`
                              | owner admin contributor
invite as contributor         | ✓     ✓     ·
invite as owner               | ✓     ·     ·
revoke a pending invitation   | ✓     ✓     ·
revoke an accepted invitation | ·     ·     ·
revoke a replaced invitation  | ·     ·     ·
revoke an expired invitation  | ·     ·     ·
create an owner token         | ✓     ·     ·
create a viewer token         | ✓     ✓     ·
revoke an active token        | ✓     ✓     ·
revoke a revoked token        | ·     ·     ·
revoke an expired token       | ·     ·     ·
`);
  });

  it('a refusal carries the reason a person reads: 403 for ownership, 409 for the last owner', () => {
    const admin = actorOf('admin', 'organization');
    const owner = actorOf('owner', 'organization');
    const d1 = decide(POLICIES, admin, 'member.remove', { userId: 'x', role: 'owner', lastFounder: false });
    expect(d1.ok || { status: d1.error.status, message: d1.error.message }).toEqual({ status: 403, message: 'Only an owner can remove an owner.' });
    const d2 = decide(POLICIES, owner, 'member.remove', { userId: 'x', role: 'owner', lastFounder: true });
    expect(d2.ok || { status: d2.error.status, message: d2.error.message }).toEqual({ status: 409, message: 'The last owner cannot be removed.' });
    const d3 = decide(POLICIES, actorOf('scheme_manager', 'certification_body'), 'member.update', { userId: 'x', role: 'scheme_manager', lastFounder: true, newRole: 'auditor' });
    expect(d3.ok || d3.error.message).toBe('This is the last scheme manager: give the role to someone else first.');
    const d4 = decide(POLICIES, owner, 'invitation.revoke', { role: 'viewer', state: 'replaced' });
    expect(d4.ok || d4.error.message).toMatch(/replaced by a newer one/);
  });

  it('risk records: above the matrix threshold only its named roles accept; accepted and closed risks are frozen', () => {
    const base = { threshold: 9, allowedRoles: ['owner', 'admin'] };
    const cases: Record<string, { action: string; record: object }> = {
      'accept residual 6 (below threshold)': { action: 'risk.accept', record: { ...base, status: 'open', residualScore: 6 } },
      'accept residual 12 (above threshold)': { action: 'risk.accept', record: { ...base, status: 'open', residualScore: 12 } },
      'accept residual 12, owner only': { action: 'risk.accept', record: { ...base, allowedRoles: ['owner'], status: 'open', residualScore: 12 } },
      'accept without residual score': { action: 'risk.accept', record: { ...base, status: 'open', residualScore: null } },
      'edit an accepted risk': { action: 'risk.update', record: { ...base, status: 'accepted', residualScore: 6 } },
      're-open an accepted risk': { action: 'risk.reopen', record: { ...base, status: 'accepted', residualScore: 6 } },
      'close an open risk': { action: 'risk.close', record: { ...base, status: 'open', residualScore: 6 } },
    };
    const roles = ['owner', 'admin', 'contributor', 'viewer'] as const;
    const actual = table(Object.keys(cases), roles, (label, role) => decide(POLICIES, actorOf(role as TRole, 'organization'), cases[label]!.action, cases[label]!.record).ok);
    expect(actual).toBe(`
                                     | owner admin contributor viewer
accept residual 6 (below threshold)  | ✓     ✓     ✓           ·
accept residual 12 (above threshold) | ✓     ✓     ·           ·
accept residual 12, owner only       | ✓     ·     ·           ·
accept without residual score        | ·     ·     ·           ·
edit an accepted risk                | ·     ·     ·           ·
re-open an accepted risk             | ✓     ✓     ✓           ·
close an open risk                   | ✓     ✓     ✓           ·
`);
  });
});
