import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import { createBodySettingsService, createClientsService, createProposalLinkService, createProposalsService, proposalToken } from '../../server/modules/certification/index.ts';
import { createControlsService } from '../../server/modules/controls/controls-services.ts';
import { createSoc2ExaminationsService, createSoc2ScopeService } from '../../server/modules/soc2/index.ts';
import { createSoc2ScopePartsService } from '../../server/modules/soc2/scope/scope-parts-service.ts';
import { createMatrixService } from '../../server/modules/soc2/matrix/matrix-service.ts';
import { createTestsService } from '../../server/modules/soc2/tests/tests-service.ts';
import { ZClientListQuery, ZCreateClientBody } from '../../shared/contracts/intake.ts';
import { ZControlListQuery, ZCreateControlBody } from '../../shared/contracts/controls.ts';
import { ZCreateSoc2ProposalBody } from '../../shared/contracts/proposals.ts';
import { ZSoc2ComplementaryControlBody, ZSoc2SubserviceOrgBody } from '../../shared/contracts/soc2-scope.ts';
import { ZSoc2TestBody } from '../../shared/contracts/soc2-program.ts';
import { dayOf, onDay } from './on-day.ts';
import type { TDemoTenant } from './people.ts';
import { SOC2_CONTROLS, controlForCriterion } from './soc2-data.ts';
import { seedSoc2Fieldwork } from './soc2-fieldwork.ts';
import { seedSoc2Report } from './soc2-report.ts';

/** A day of the examination's calendar: `offset` days after `from` (YYYY-MM-DD), at `hour` UTC. */
export type TSoc2Day = (from: string, offset: number, hour?: number) => Date;
const at: TSoc2Day = (from, offset, hour = 9) => new Date(Date.parse(`${from}T00:00:00Z`) + offset * 86_400_000 + hour * 3_600_000);

/** Who does what in the demo's SOC 2 story. */
export type TSoc2Cast = ReturnType<typeof castOf>;
function castOf(firm: TDemoTenant, org: TDemoTenant) {
  const f = (local: string) => firm.actors.get(`${local}@delorme-associes.example`)!;
  const o = (local: string) => org.actors.get(`${local}@lumiere-credit.example`)!;
  return { firmId: firm.id, orgId: org.id, manager: f('helene.fournier'), partner: f('olivier.castaing'), senior: f('thomas.nguyen'), auditor: f('rachel.cohen'), claire: o('claire.martin'), hugo: o('hugo.bernard'), ines: o('ines.dubois') };
}

/**
 * The six months observed: the first day of the month eight months before the seed's day to the
 * last day of the month three months before it, so the whole examination (fieldwork, report, the
 * reader's download: up to 60 days after the period) lies in the past whatever day the seed runs.
 */
export function soc2Period(now: Date) {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  return { start: new Date(Date.UTC(y, m - 8, 1)).toISOString().slice(0, 10), end: new Date(Date.UTC(y, m - 2, 0)).toISOString().slice(0, 10) };
}

/**
 * Delorme & Associés, a Paris CPA firm, and its finished SOC 2 Type II examination of Lumière
 * Crédit's « Lumière Pay » (Security, Availability, Processing Integrity), all through the services
 * the API calls, each step on the day it happened: the licence, the client, the proposal accepted
 * online, the scope, the matrix and the tests (here), then fieldwork (soc2-fieldwork.ts), the
 * opinion, the issued report and one customer reading it (soc2-report.ts).
 * Skipped when the firm already has a client: a second seed changes nothing.
 */
export async function seedSoc2(p: TPlatform, ctx: TRequestContext, firm: TDemoTenant, org: TDemoTenant): Promise<string[]> {
  const c = castOf(firm, org);
  const existing = await createClientsService(p).list(c.manager, c.firmId, ZClientListQuery.parse({ limit: 1 }));
  if (existing.items.length > 0) return [];
  const period = soc2Period(p.clock.now());
  const S = period.start;
  const orgCtx = { ...ctx, ip: '198.51.100.7', userAgent: 'Mozilla/5.0 (demo)' };

  await createBodySettingsService(onDay(p, at(S, -120))).update(c.manager, c.firmId, {
    publicSlug: 'delorme-associes',
    legalName: 'Delorme & Associés SAS',
    address: '48 rue de Lisbonne, 75008 Paris',
    // A CPA firm: no ISO certification quote form.
    quotesOpen: false,
    currency: 'EUR',
    defaultDayRateCents: 160_000,
    proposalValidityDays: 45,
    cpaFirm: true,
    cpaLicenceAuthority: 'California Board of Accountancy',
    cpaLicenceNumber: 'COR 9184',
    cpaLicenceJurisdiction: 'Californie, États-Unis',
    soc2ReaderAccessDays: 365,
  }, ctx);

  // Lumière Crédit writes down the controls of its payment platform before asking for the examination.
  const controls = await ensureControls(onDay(p, at(S, -90, 10)), ctx, c);

  const client = await createClientsService(onDay(p, at(S, -60))).create(c.manager, c.firmId, ZCreateClientBody.parse({
    legalName: 'Lumière Crédit SAS',
    registeredAddress: '18 rue de la Chaussée-d’Antin, 75009 Paris',
    sector: 'Crédit à la consommation',
    sectorRisk: 'high',
    employeesFullTime: 140,
    employeesPartTime: 12,
    contactName: 'Claire Martin',
    contactEmail: 'claire.martin@lumiere-credit.example',
    preferredLocale: 'fr',
    sites: [{ name: 'Siège', address: '18 rue de la Chaussée-d’Antin, 75009 Paris', isCentral: true, personnel: 152, activities: 'Direction, développement et exploitation de Lumière Pay, risques et conformité.' }],
  }), ctx);

  const proposals = createProposalsService(onDay(p, at(S, -45)));
  const draft = await proposals.createSoc2(c.manager, c.firmId, ZCreateSoc2ProposalBody.parse({
    clientId: client.id,
    locale: 'fr',
    recipientName: 'Claire Martin',
    recipientEmail: 'claire.martin@lumiere-credit.example',
    notes: 'Rapport de type II sur six mois ; travaux sur place au siège et à distance. Les honoraires couvrent le rapport en français et en anglais.',
    scope: {
      reportType: 'type2',
      periodStart: period.start,
      periodEnd: period.end,
      categories: ['security', 'availability', 'processing_integrity'],
      services: 'Lumière Pay : paiement en plusieurs fois pour les enseignes partenaires (demande, octroi, échéancier, encaissement).',
      systems: 'Lumière Pay\nAPI, back-office, service de décision d’octroi, passerelle de paiement.',
      locations: 'Siège à Paris ; hébergement Nébuleuse Cloud SAS, région de Paris.',
      people: 'Direction générale, DSI (développement, exploitation, sécurité), risques et conformité.',
      complexity: 'moderate',
      documentationMaturity: 'established',
      subserviceOrganizations: [{ name: 'Nébuleuse Cloud SAS', service: 'Hébergement de l’infrastructure', treatment: 'carve_out' }],
    },
  }), ctx);
  const sent = await proposals.send(c.manager, c.firmId, draft.id, {}, ctx);
  const token = proposalToken(p.secretKey, c.firmId, sent.id, new Date(sent.sentAt!), sent.validUntil);
  const accepted = await createProposalLinkService(onDay(p, at(S, -38, 16))).accept(c.claire, token, { organizationTenantId: c.orgId }, orgCtx);
  const examinationId = accepted.examinationId!;

  // Scoping: the partner is named, the hosting provider carved out with what it and the retailers must do.
  const scoping = onDay(p, at(S, -30, 10));
  await createSoc2ScopeService(scoping).update(c.manager, c.firmId, examinationId, { partnerUserId: c.partner.userId }, ctx);
  const parts = createSoc2ScopePartsService(scoping);
  const host = await parts.addSubserviceOrg(c.senior, c.firmId, examinationId, ZSoc2SubserviceOrgBody.parse({
    name: 'Nébuleuse Cloud SAS',
    services: 'Hébergement de l’infrastructure (calcul, stockage, réseau) dans deux zones de disponibilité de la région de Paris.',
    treatment: 'carve_out',
    reportKind: 'soc2-type2',
    reportPeriodEnd: dayOf(at(S, -32)),
    reportOpinion: 'unmodified',
    reportNotes: 'Rapport lu par l’équipe ; les contrôles complémentaires attendus de Lumière Crédit y sont repris dans notre matrice.',
  }), ctx);
  const complementary = [
    { kind: 'csoc', statement: 'Nébuleuse Cloud SAS restreint l’accès physique à ses centres de données au seul personnel autorisé.', criteria: ['CC6.4'], subserviceOrgId: host.id },
    { kind: 'csoc', statement: 'Nébuleuse Cloud SAS protège ses centres de données contre les menaces environnementales et assure leur alimentation.', criteria: ['A1.2'], subserviceOrgId: host.id },
    { kind: 'cuec', statement: 'Les enseignes utilisatrices retirent sans délai les accès au back-office de leurs employés partis.', criteria: ['CC6.2'] },
    { kind: 'cuec', statement: 'Les enseignes utilisatrices vérifient l’exactitude des données de commande qu’elles transmettent à Lumière Pay.', criteria: ['PI1.2'] },
  ] as const;
  for (const x of complementary) await parts.addComplementaryControl(c.senior, c.firmId, examinationId, ZSoc2ComplementaryControlBody.parse(x), ctx);
  await createSoc2ScopeService(onDay(p, at(S, -28, 15))).confirm(c.manager, c.firmId, examinationId, ctx);

  // Planning: each applicable criterion mapped to Lumière Crédit's own control, one test procedure per control.
  const matrix = createMatrixService(onDay(p, at(S, -20, 10)));
  const rows = (await matrix.get(c.senior, c.firmId, examinationId)).rows;
  for (const row of rows) {
    const control = controlForCriterion(row.criterionRef);
    if (!control) throw new Error(`The demo maps no control to ${row.criterionRef}.`);
    await matrix.link(c.senior, c.firmId, examinationId, { criterionRef: row.criterionRef, controlId: controls.get(control.reference)! }, ctx);
  }
  const tests = createTestsService(onDay(p, at(S, -18, 11)));
  const testIds = new Map<string, string>();
  for (const control of SOC2_CONTROLS) {
    const t = await tests.create(c.senior, c.firmId, examinationId, ZSoc2TestBody.parse({ controlId: controls.get(control.reference)!, ...control.test }), ctx);
    testIds.set(control.reference, t.id);
  }

  const fieldwork = await seedSoc2Fieldwork(p, ctx, c, { examinationId, period, testIds, controls, at });
  const report = await seedSoc2Report(p, ctx, c, { examinationId, period, at });
  const examination = await createSoc2ExaminationsService(p).get(c.manager, c.firmId, examinationId);
  return [
    `  SOC 2 client ${client.reference}: Lumière Crédit SAS; proposal ${sent.reference} accepted by Claire Martin on ${dayOf(at(S, -38))}`,
    `  examination ${examination.reference}: Type II ${period.start} – ${period.end}, security + availability + processing integrity, ${rows.length} criteria, ${SOC2_CONTROLS.length} tests`,
    ...fieldwork,
    ...report,
  ];
}

/** Lumière Crédit's controls of its payment platform (created once; found by reference on a re-run). */
async function ensureControls(p: TPlatform, ctx: TRequestContext, c: TSoc2Cast): Promise<Map<string, string>> {
  const svc = createControlsService(p);
  const all = await svc.list(c.hugo, c.orgId, ZControlListQuery.parse({ limit: 100 }));
  const byRef = new Map(all.items.map((x) => [x.reference, x.id]));
  for (const control of SOC2_CONTROLS) {
    if (byRef.has(control.reference)) continue;
    const { reference, title, description, frequency, automation } = control;
    const created = await svc.create(c.hugo, c.orgId, ZCreateControlBody.parse({ reference, title, description, frequency, automation, ownerId: c.hugo.userId, status: 'implemented' }), ctx);
    await svc.update(c.hugo, c.orgId, created.id, { status: 'operating' }, ctx);
    byRef.set(reference, created.id);
  }
  return byRef;
}
