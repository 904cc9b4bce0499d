import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import { expireCertificates } from '../../server/modules/certification/certificates/jobs/expire-certificates.ts';
import { certifyClient, NUAGE_CLAIR, runAudit, TRIMED_SANTE, type TCertifiedClient } from './certification-clients.ts';
import { decide, reviewAndDecide } from './certification-decisions.ts';
import { dayOf, onDay } from './on-day.ts';
import type { TDemoTenant } from './people.ts';

type TDay = (offset: number, hour?: number) => Date;

/**
 * Vérité Certification's two other clients, so that its register shows every status: TriMed Santé,
 * certified a little over three years ago, held both surveillance audits but never started its
 * recertification (expired); Nuage Clair, certified thirteen months ago, did not hold its first
 * surveillance within twelve months of the decision (suspended).
 *
 * The demo is dated from the day it is seeded. Seeded before 18 December 2026, TriMed Santé's grant
 * falls before ISO/IEC 42001:2023 was published (18 December 2023): an expired certificate of this
 * standard cannot exist before then, and the demo shows one anyway so that the register has every status.
 */
export async function seedOtherClients(p: TPlatform, ctx: TRequestContext, body: TDemoTenant, orgs: { saas: TDemoTenant; medtech: TDemoTenant }, day: TDay): Promise<{ lines: string[]; suspendNuageClair: () => Promise<void> }> {
  const anne = body.actors.get('anne.leroy@verite-certification.example')!;
  const marc = body.actors.get('marc.petit@verite-certification.example')!;

  const medtech = await certifyClient(p, ctx, body, orgs.medtech, TRIMED_SANTE, day, -1135);
  const triGrant = await grant(p, ctx, body, medtech, day, -1135, 'Audit initial sans non-conformité ; dossier complet et revu.');
  const surveillanceReport = (n: number) => ({
    summary: `Audit de surveillance ${n} sur site, échantillon des exigences et suivi des changements du système de tri.`,
    conclusions: 'Le système de management de l’IA reste conforme et efficace ; aucune non-conformité.',
    closingMeetingDate: '',
    attendees: [{ name: 'Nadia Haddad', organization: 'TriMed Santé', role: 'Présidente' }],
    recommendation: 'maintain',
  });
  for (const [n, start] of [[1, -800], [2, -420]] as const) {
    const audit = medtech.audits.find((a) => a.type === 'surveillance' && a.sequence === n)!;
    await runAudit(p, ctx, anne, marc, body.id, audit.id, day, start, 1, 1, { ...surveillanceReport(n), closingMeetingDate: dayOf(day(start)) });
    await decide(p, ctx, body, {
      programmeId: medtech.programmeId,
      kind: 'maintain',
      certificateId: triGrant.certificateId!,
      reasoning: `Surveillance ${n} sans non-conformité : la certification est maintenue.`,
    }, day(start + 10, 14));
  }
  // No recertification audit was ever confirmed; the daily job finds the certificate past its expiry.
  await expireCertificates.handler({}, { platform: onDay(p, day(-10, 3)), jobId: 'seed' });

  const saas = await certifyClient(p, ctx, body, orgs.saas, NUAGE_CLAIR, day, -400);
  const saasGrant = await grant(p, ctx, body, saas, day, -400, 'Audit initial sans non-conformité ; dossier complet et revu.');
  // Taken three days ago: run once the older records of the body are in, so that decisions are numbered in the order they were taken.
  const suspendNuageClair = async () => {
    // Surveillance 1 was due within twelve months of the decision; the client asked twice to postpone it.
    await decide(p, ctx, body, {
      programmeId: saas.programmeId,
      kind: 'suspend',
      certificateId: saasGrant.certificateId!,
      suspendedUntil: dayOf(day(87)),
      reasoning: 'Le premier audit de surveillance n’a pas eu lieu dans les douze mois suivant la décision de certification, malgré deux relances ; le client a demandé un report sans date.',
      publicReason: {
        en: 'First surveillance audit not held within twelve months of the certification decision.',
        fr: 'Premier audit de surveillance non réalisé dans les douze mois suivant la décision de certification.',
      },
    }, day(-3, 11));
  };
  const lines = [
    `  client ${medtech.reference}: TriMed Santé SAS, certificate ${triGrant.certificateNumber} granted on ${triGrant.decidedOn}, both surveillances held, expired (no recertification)`,
    `  client ${saas.reference}: Nuage Clair SAS, certificate ${saasGrant.certificateNumber} granted on ${saasGrant.decidedOn}, suspended (surveillance 1 overdue)`,
  ];
  return { lines, suspendNuageClair };
}

/** The review and the grant, three and four weeks after stage 2. */
async function grant(p: TPlatform, ctx: TRequestContext, body: TDemoTenant, client: TCertifiedClient, day: TDay, stage2End: number, notes: string) {
  const stage2 = client.audits.find((a) => a.type === 'stage2')!;
  return reviewAndDecide(p, ctx, body, {
    programmeId: client.programmeId,
    auditId: stage2.id,
    reviewOn: stage2End + 20,
    decideOn: stage2End + 27,
    reviewNotes: notes,
    reasoning: 'Les exigences de l’ISO/IEC 42001:2023 sont satisfaites sur le domaine audité ; l’équipe d’audit recommande la certification et le dossier revu est complet.',
  }, day);
}
