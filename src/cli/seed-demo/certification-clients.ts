import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import type { TUserActor } from '../../server/platform/authz/actor.ts';
import {
  createAuditTimeService,
  createAuditsService,
  createClientsService,
  createProposalLinkService,
  createProposalsService,
  createReportService,
  proposalToken,
} from '../../server/modules/certification/index.ts';
import { createSoaService } from '../../server/modules/soa/soa-service.ts';
import { ZCertAuditListQuery } from '../../shared/contracts/cert-audits.ts';
import { ZCreateClientBody, type TCreateClientBody } from '../../shared/contracts/intake.ts';
import { ZCreateProposalBody } from '../../shared/contracts/proposals.ts';
import { staff, workChecklist } from './audit-steps.ts';
import { dayOf, onDay } from './on-day.ts';
import type { TDemoTenant } from './people.ts';

type TDay = (offset: number, hour?: number) => Date;
export type TCertifiedClient = { clientId: string; reference: string; engagementId: string; programmeId: string; audits: { id: string; type: string; sequence: number; reference: string }[] };

/**
 * A smaller client's way to its initial certification, through the services: its founder approves
 * a Statement of Applicability with every Annex A control applicable, the body records it as a
 * client with its audit time, sends a proposal the founder accepts, and Marc Petit leads stage 1
 * (remote) and stage 2 (on site), both worked in full without a nonconformity. `at` is the day
 * stage 2 ends; everything else is placed before it.
 */
export async function certifyClient(
  p: TPlatform,
  ctx: TRequestContext,
  body: TDemoTenant,
  org: TDemoTenant,
  profile: TCreateClientBody,
  day: TDay,
  at: number,
): Promise<TCertifiedClient> {
  const anne = body.actors.get('anne.leroy@verite-certification.example')!;
  const marc = body.actors.get('marc.petit@verite-certification.example')!;
  const founder = [...org.actors.values()][0]!;
  await approveSoa(p, ctx, founder, org.id, day, at - 90);

  const client = await createClientsService(onDay(p, day(at - 85))).create(anne, body.id, ZCreateClientBody.parse(profile), ctx);
  const time = createAuditTimeService(onDay(p, day(at - 85, 11)));
  const { inputs } = await time.clientInputs(anne, body.id, client.id);
  const { result, calculation } = await time.calculate(anne, body.id, { inputs, clientId: client.id }, ctx);
  const proposals = createProposalsService(onDay(p, day(at - 84)));
  const proposal = await proposals.create(anne, body.id, ZCreateProposalBody.parse({
    clientId: client.id,
    lines: [
      { slot: 'stage1', days: result.stage1Days },
      { slot: 'stage2', days: result.stage2Days, travelCents: 4_000, expensesCents: 12_000 },
      { slot: 'surveillance1', days: result.surveillanceDays },
      { slot: 'surveillance2', days: result.surveillanceDays },
      { slot: 'recertification', days: result.recertificationDays },
    ],
    recipientName: profile.contactName,
    recipientEmail: profile.contactEmail,
    calculationId: calculation!.id,
  }), ctx);
  const sent = await proposals.send(anne, body.id, proposal.id, {}, ctx);
  const token = proposalToken(p.secretKey, body.id, sent.id, new Date(sent.sentAt!), sent.validUntil);
  const { engagementId } = await createProposalLinkService(onDay(p, day(at - 80, 15))).accept(founder, token, { organizationTenantId: org.id }, { ...ctx, ip: '198.51.100.40', userAgent: 'Mozilla/5.0 (demo)' });

  const programme = await createAuditsService(p).list(anne, body.id, ZCertAuditListQuery.parse({ engagementId, limit: 20 }));
  const stage1 = programme.items.find((a) => a.type === 'stage1')!;
  const stage2 = programme.items.find((a) => a.type === 'stage2')!;
  await runAudit(p, ctx, anne, marc, body.id, stage1.id, day, at - 30, 1, 0, {
    summary: 'Revue documentaire à distance du système de management de l’IA.',
    conformities: 'Politique IA, domaine d’application et déclaration d’applicabilité approuvés.',
    observations: '',
    areasToClarify: '',
    readyForStage2: 'yes',
  });
  await runAudit(p, ctx, anne, marc, body.id, stage2.id, day, at - 2, 3, 2, {
    summary: 'Audit sur site au siège.',
    conclusions: 'Le système de management de l’IA est mis en œuvre et efficace sur le domaine d’application audité ; aucune non-conformité.',
    closingMeetingDate: dayOf(day(at)),
    attendees: [{ name: profile.contactName ?? '', organization: profile.legalName, role: 'Direction' }],
    recommendation: 'grant',
  });
  return { clientId: client.id, reference: client.reference, engagementId, programmeId: stage1.programmeId, audits: programme.items };
}

/** One audit from its dates to its issued report, every checklist item judged conforming. */
export async function runAudit(
  p: TPlatform,
  ctx: TRequestContext,
  manager: TUserActor,
  lead: TUserActor,
  bodyId: string,
  auditId: string,
  day: TDay,
  start: number,
  days: number,
  onSiteDays: number,
  report: Record<string, unknown>,
) {
  const end = start + Math.max(1, Math.ceil(days)) - 1;
  await staff(p, ctx, manager, lead, bodyId, auditId, day(start - 14), { plannedStart: dayOf(day(start)), plannedEnd: dayOf(day(end)), plannedDays: days, onSiteDays }, days);
  await createAuditsService(onDay(p, day(start, 8))).transition(lead, bodyId, auditId, { event: 'start', date: dayOf(day(start)) }, ctx);
  await workChecklist(onDay(p, day(end, 11)), ctx, lead, bodyId, auditId, 1, () => 'conforming');
  const reports = createReportService(onDay(p, day(end, 17)));
  await reports.update(lead, bodyId, auditId, report as never, ctx);
  await reports.issue(lead, bodyId, auditId, ctx);
  await createAuditsService(onDay(p, day(end, 18))).transition(lead, bodyId, auditId, { event: 'report', date: dayOf(day(end)) }, ctx);
}

/** A small organization's Statement of Applicability: every Annex A control applicable and implemented, approved by its founder. */
async function approveSoa(p: TPlatform, ctx: TRequestContext, founder: TUserActor, orgId: string, day: TDay, at: number) {
  const soa = createSoaService(onDay(p, day(at, 10)));
  const draft = await soa.createDraft(founder, orgId, { from: 'blank' }, ctx);
  for (const e of draft.entries) {
    await soa.updateEntry(founder, orgId, e.frameworkId, e.ref, {
      applicable: true,
      justification: 'Retenue au regard des risques de nos systèmes d’IA (6.1.2) ; mise en œuvre décrite dans notre manuel du système de management.',
      implementationStatus: 'implemented',
    }, ctx);
  }
  await createSoaService(onDay(p, day(at, 15))).submit(founder, orgId, ctx);
  await createSoaService(onDay(p, day(at + 1, 10))).approve(founder, orgId, 'Approuvée par la direction avant l’audit de certification.', ctx);
}

/** Nuage Clair: a Paris SaaS whose product embeds AI features; certified thirteen months ago. */
export const NUAGE_CLAIR: TCreateClientBody = {
  legalName: 'Nuage Clair SAS',
  registeredAddress: '42 rue du Faubourg-Poissonnière, 75010 Paris',
  sector: 'Logiciel de gestion commerciale en ligne',
  sectorRisk: 'medium',
  employeesFullTime: 55,
  aiSystemsCount: 2,
  highRiskAiSystems: 0,
  aiRoles: ['provider'],
  aimsMaturity: 'established',
  contactName: 'Lucas Garnier',
  contactEmail: 'lucas.garnier@nuage-clair.example',
  preferredLocale: 'fr',
  sites: [{ name: 'Siège', address: '42 rue du Faubourg-Poissonnière, 75010 Paris', isCentral: true, personnel: 55, activities: 'Conception, développement et exploitation de la plateforme et de ses fonctions d’IA.' }],
  aiSystems: [
    { name: 'Assistant de rédaction « Plume »', tier: 'limited', role: 'provider' },
    { name: 'Prévision des ventes', tier: 'minimal', role: 'provider' },
  ],
};

/** TriMed Santé: a MedTech whose software triages patients in emergency departments. */
export const TRIMED_SANTE: TCreateClientBody = {
  legalName: 'TriMed Santé SAS',
  registeredAddress: '9 rue Lacretelle, 75015 Paris',
  sector: 'Dispositifs médicaux logiciels',
  sectorRisk: 'high',
  employeesFullTime: 32,
  aiSystemsCount: 1,
  highRiskAiSystems: 1,
  aiRoles: ['provider'],
  aimsMaturity: 'initial',
  contactName: 'Nadia Haddad',
  contactEmail: 'nadia.haddad@trimed-sante.example',
  preferredLocale: 'fr',
  sites: [{ name: 'Siège et laboratoire', address: '9 rue Lacretelle, 75015 Paris', isCentral: true, personnel: 32, activities: 'Conception, validation clinique et surveillance après commercialisation du logiciel de tri.' }],
  aiSystems: [{ name: 'Tri des patients aux urgences « TriAge »', tier: 'high', role: 'provider' }],
};
