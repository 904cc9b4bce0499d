import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import { createSoc2ReportService } from '../../server/modules/soc2/index.ts';
import { createOpinionService } from '../../server/modules/soc2/opinion/opinion-service.ts';
import { createSoc2ReadersService } from '../../server/modules/soc2/readers/readers-service.ts';
import { createReaderLinkService } from '../../server/modules/soc2/readers/reader-link-service.ts';
import { readerToken } from '../../server/modules/soc2/readers/reader-common.ts';
import { ZSoc2OpinionBody } from '../../shared/contracts/soc2-exceptions.ts';
import { dayOf, onDay } from './on-day.ts';
import type { TSoc2Cast, TSoc2Day } from './soc2.ts';

/** The qualified opinion's basis, as Olivier Castaing wrote it. */
const OPINION_BASIS =
  'Nos tests du contrôle LC-ACC-01 (attribution des accès sur approbation enregistrée) ont relevé que l’outil de gestion des accès permettait aux administrateurs d’attribuer un accès à la production sans approbation préalable, jusqu’à sa correction en cours de période (exception EX-001). En conséquence, le contrôle n’a pas fonctionné efficacement sur cette partie de la période pour fournir une assurance raisonnable que le critère CC6.2 était atteint.';

/**
 * Stage 5: fieldwork closed, the engagement partner's qualified opinion, the report issued, and one
 * of Lumière Crédit's customers (a partner retailer's risk manager) invited by Claire Martin, who
 * accepts the firm's terms and downloads a watermarked copy; both steps are in the access log.
 */
export async function seedSoc2Report(p: TPlatform, ctx: TRequestContext, c: TSoc2Cast, x: { examinationId: string; period: { start: string; end: string }; at: TSoc2Day }): Promise<string[]> {
  const { examinationId: id, at } = x;
  const E = x.period.end;

  await createOpinionService(onDay(p, at(E, 33, 10))).startReporting(c.senior, c.firmId, id, ctx);
  const opinion = createOpinionService(onDay(p, at(E, 38, 15)));
  const warnings = await opinion.warnings(c.partner, c.firmId, id);
  await opinion.record(c.partner, c.firmId, id, ZSoc2OpinionBody.parse({ opinion: 'qualified', basis: OPINION_BASIS, acknowledgeWarnings: warnings.count > 0 }), ctx);
  const issued = await createSoc2ReportService(onDay(p, at(E, 40, 11))).issue(c.partner, c.firmId, id, ctx);

  // The reader: invited by Claire Martin, the terms accepted and the report downloaded from the link.
  const readerCtx = { ...ctx, ip: '203.0.113.58', userAgent: 'Mozilla/5.0 (Macintosh; demo)' };
  const reader = await createSoc2ReadersService(onDay(p, at(E, 45, 10))).invite(c.claire, c.orgId, id, {
    email: 'marion.lambert@maison-orsay.example',
    name: 'Marion Lambert',
    company: 'Maison Orsay SA',
    locale: 'fr',
  }, { ...ctx, ip: '198.51.100.7', userAgent: 'Mozilla/5.0 (demo)' });
  const token = readerToken(p.secretKey, c.firmId, reader.id);
  const link = createReaderLinkService(onDay(p, at(E, 46, 9)));
  const page = await link.preview(token, readerCtx);
  await link.accept(token, { name: 'Marion Lambert', ndaVersion: page.nda.version, ndaSha256: page.nda.sha256 }, readerCtx);
  await createReaderLinkService(onDay(p, new Date(at(E, 46, 9).getTime() + 12 * 60_000))).download(token, 'fr', readerCtx);

  return [
    `  qualified opinion by Olivier Castaing; report ${issued.report?.reference ?? ''} issued on ${dayOf(at(E, 40))}`.replace(' report  issued', ' report issued'),
    `  1 reader (Marion Lambert, Maison Orsay SA) accepted the terms and downloaded a watermarked copy on ${dayOf(at(E, 46))}`,
  ];
}
