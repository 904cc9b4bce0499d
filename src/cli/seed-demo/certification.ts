import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import {
  createAuditTimeService,
  createBodySettingsService,
  createClientsService,
  createEnquiriesService,
  createProposalLinkService,
  createProposalsService,
  createQuoteRequestsService,
  proposalToken,
} from '../../server/modules/certification/index.ts';
import { ZClientListQuery, ZCreateClientBody, ZEnquiryListQuery, ZQuoteRequestBody, type TQuoteRequestBody } from '../../shared/contracts/intake.ts';
import { ZCreateProposalBody } from '../../shared/contracts/proposals.ts';
import { recordCompetences, seedCertificationAudits } from './certification-audits.ts';
import { seedOtherClients } from './certification-others.ts';
import { onDay, dayOf } from './on-day.ts';
import type { TDemoTenant } from './people.ts';


/** What Lumière Crédit told Vérité Certification in its quote request, in the summer. */
const LUMIERE_REQUEST: TQuoteRequestBody = {
  organizationName: 'Lumière Crédit SAS',
  registeredAddress: '18 rue de la Chaussée-d’Antin, 75009 Paris',
  sector: 'Crédit à la consommation',
  contactName: 'Claire Martin',
  contactEmail: 'claire.martin@lumiere-credit.example',
  contactPhone: '+33 1 84 60 12 00',
  sites: [],
  employeesFullTime: 140,
  employeesPartTime: 12,
  aiSystemsCount: 3,
  highRiskAiSystems: 1,
  aiSystemsDescription: 'Score d’octroi de crédit développé en interne (Lumen), détection de la fraude aux paiements (solution d’un éditeur) et un assistant conversationnel pour le service client, en cours de validation.',
  aiRoles: ['provider', 'user'],
  existingCertifications: ['iso27001'],
  standards: ['iso42001'],
  preferredLocale: 'fr',
  preAudit: false,
  message: 'Nous visons la certification avant l’échéance des obligations du règlement européen sur l’IA pour les systèmes à haut risque.',
};

/** A prospect whose request arrived this week and waits in the inbox. */
const NEW_PROSPECT: TQuoteRequestBody = {
  organizationName: 'Clinique Numérique Santé',
  registeredAddress: '5 allée Turing, 31400 Toulouse',
  sector: 'Dispositifs médicaux logiciels',
  contactName: 'Dr Léa Fontaine',
  contactEmail: 'lea.fontaine@clinique-numerique.example',
  sites: [],
  employeesFullTime: 38,
  employeesPartTime: 6,
  aiSystemsCount: 2,
  highRiskAiSystems: 1,
  aiSystemsDescription: 'Un logiciel de tri des patients aux urgences (dispositif médical de classe IIa) et un outil d’aide à la rédaction des comptes rendus.',
  aiRoles: ['provider'],
  existingCertifications: ['other'],
  standards: ['iso42001'],
  preferredLocale: 'fr',
  preAudit: true,
  message: 'Nous souhaiterions un audit à blanc au premier trimestre, puis la certification dans l’année.',
};

/**
 * The certification body's side of the demo, through the services: Vérité Certification's settings,
 * Lumière Crédit's quote request of the summer converted into a client, its audit time kept, the
 * proposal sent and accepted online by Lumière Crédit's owner (which opened the engagement and the
 * three-year programme), then the audits; and a new prospect's request waiting in the inbox.
 * Each step runs on the day it happened. Skipped when the body already has a client.
 */
export async function seedCertification(p: TPlatform, ctx: TRequestContext, body: TDemoTenant, orgs: { lumiere: TDemoTenant; saas: TDemoTenant; medtech: TDemoTenant }): Promise<string[]> {
  const org = orgs.lumiere;
  const anne = body.actors.get('anne.leroy@verite-certification.example')!;
  const claire = org.actors.get('claire.martin@lumiere-credit.example')!;
  const existing = await createClientsService(p).list(anne, body.id, ZClientListQuery.parse({ limit: 1 }));
  if (existing.items.length > 0) return [];
  const now = p.clock.now().getTime();
  const day = (offset: number, hour = 9) => new Date(Math.floor(now / 86_400_000 + offset) * 86_400_000 + hour * 3_600_000);
  const publicCtx = { ...ctx, ip: '203.0.113.24', userAgent: 'Mozilla/5.0 (demo)' };

  await createBodySettingsService(onDay(p, day(-1230))).update(anne, body.id, {
    publicSlug: 'verite-certification',
    legalName: 'Vérité Certification SAS',
    address: '27 avenue de l’Opéra, 75001 Paris',
    quotesOpen: true,
    coolingOffMonths: 24,
    rotationMaxCycles: 2,
    currency: 'EUR',
    defaultDayRateCents: 145_000,
    proposalValidityDays: 60,
  }, ctx);

  await recordCompetences(p, ctx, body, (offset, hour) => day(offset - 1225, hour));
  const others = await seedOtherClients(p, ctx, body, orgs, day);

  await createQuoteRequestsService(onDay(p, day(-280, 14))).submit('verite-certification', ZQuoteRequestBody.parse(LUMIERE_REQUEST), publicCtx);
  const enquiries = createEnquiriesService(onDay(p, day(-279)));
  const [request] = (await enquiries.list(anne, body.id, ZEnquiryListQuery.parse({ q: 'Lumière' }))).items;
  const client = await enquiries.convert(anne, body.id, request!.id, ZCreateClientBody.parse({
    legalName: 'Lumière Crédit SAS',
    registeredAddress: LUMIERE_REQUEST.registeredAddress,
    sector: 'Crédit à la consommation',
    sectorRisk: 'high',
    employeesFullTime: 140,
    employeesPartTime: 12,
    partTimeFte: 7.5,
    aiSystemsCount: 3,
    highRiskAiSystems: 1,
    aiRoles: ['provider', 'user'],
    aimsMaturity: 'established',
    existingCertifications: ['iso27001'],
    contactName: 'Claire Martin',
    contactEmail: 'claire.martin@lumiere-credit.example',
    preferredLocale: 'fr',
    sites: [
      { name: 'Siège', address: LUMIERE_REQUEST.registeredAddress, isCentral: true, personnel: 152, activities: 'Direction, octroi et risques de crédit, conformité, science des données, informatique, service client.' },
    ],
    aiSystems: [
      { name: 'Score d’octroi de crédit « Lumen »', tier: 'high', role: 'provider' },
      { name: 'Détection de la fraude aux paiements', tier: 'limited', role: 'user' },
      { name: 'Assistant conversationnel « Clara »', tier: 'limited', role: 'user' },
    ],
  }), ctx);

  const time = createAuditTimeService(onDay(p, day(-279, 11)));
  const { inputs } = await time.clientInputs(anne, body.id, client.id);
  const { result, calculation } = await time.calculate(anne, body.id, { inputs, clientId: client.id, note: 'Profil de la demande de devis, confirmé par téléphone avec Claire Martin.' }, ctx);

  const proposals = createProposalsService(onDay(p, day(-278)));
  const proposal = await proposals.create(anne, body.id, ZCreateProposalBody.parse({
    clientId: client.id,
    lines: [
      { slot: 'stage1', days: result.stage1Days, travelCents: 0, expensesCents: 0 },
      { slot: 'stage2', days: result.stage2Days, travelCents: 6_000, expensesCents: 24_000 },
      { slot: 'surveillance1', days: result.surveillanceDays, travelCents: 6_000, expensesCents: 12_000 },
      { slot: 'surveillance2', days: result.surveillanceDays, travelCents: 6_000, expensesCents: 12_000 },
      { slot: 'recertification', days: result.recertificationDays, travelCents: 6_000, expensesCents: 24_000 },
    ],
    recipientName: 'Claire Martin',
    recipientEmail: 'claire.martin@lumiere-credit.example',
    notes: 'Audits sur site au siège de Paris ; l’étape 1 se tient à distance. Les frais de séjour couvrent les repas de l’équipe d’audit.',
    calculationId: calculation!.id,
  }), ctx);
  const sent = await proposals.send(anne, body.id, proposal.id, {}, ctx);
  const token = proposalToken(p.secretKey, body.id, sent.id, new Date(sent.sentAt!), sent.validUntil);
  const accepted = await createProposalLinkService(onDay(p, day(-268, 16))).accept(claire, token, { organizationTenantId: org.id }, { ...ctx, ip: '198.51.100.7', userAgent: 'Mozilla/5.0 (demo)' });

  const audited = await seedCertificationAudits(p, ctx, body, org, accepted.engagementId, (offset, hour) => day(offset - 180, hour));
  await others.suspendNuageClair();
  await createQuoteRequestsService(onDay(p, day(-2, 10))).submit('verite-certification', ZQuoteRequestBody.parse(NEW_PROSPECT), { ...publicCtx, ip: '192.0.2.61' });

  return [
    ...others.lines,
    `  client ${client.reference}: ${client.legalName}, audit time ${result.initialDays} days for the initial audit (${result.cycleDays} over the cycle)`,
    `  proposal ${sent.reference} sent on ${dayOf(day(-278))}, accepted by Claire Martin on ${dayOf(day(-268))}`,
    ...audited,
    '  1 new enquiry in the inbox (Clinique Numérique Santé)',
  ];
}
