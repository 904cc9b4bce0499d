import { Readable } from 'node:stream';
import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import { createSoc2DescriptionsService } from '../../server/modules/soc2/index.ts';
import { createTestsService } from '../../server/modules/soc2/tests/tests-service.ts';
import { createRequestsService } from '../../server/modules/soc2/requests/requests-service.ts';
import { createOrgRequestsService } from '../../server/modules/soc2/requests/org-requests-service.ts';
import { createPopulationsService } from '../../server/modules/soc2/fieldwork/populations-service.ts';
import { createSamplesService } from '../../server/modules/soc2/fieldwork/samples-service.ts';
import { createTestingService } from '../../server/modules/soc2/fieldwork/testing-service.ts';
import { createExceptionsService } from '../../server/modules/soc2/exceptions/exceptions-service.ts';
import { createOrgExceptionsService } from '../../server/modules/soc2/exceptions/org-exceptions-service.ts';
import { ZSoc2ExceptionConclusionBody, ZSoc2ExceptionResponseBody, ZSoc2RaiseExceptionBody } from '../../shared/contracts/soc2-exceptions.ts';
import { dayOf, onDay } from './on-day.ts';
import type { TSoc2Cast, TSoc2Day } from './soc2.ts';
import { SOC2_ASSERTION, SOC2_CONTROLS, accessToolFixedOn, frDay, soc2Description } from './soc2-data.ts';
import { SOC2_POPULATIONS as POPULATIONS } from './soc2-populations.ts';
import { soc2EvidenceFiler } from './soc2-evidence.ts';

type TFieldworkInput = { examinationId: string; period: { start: string; end: string }; testIds: Map<string, string>; controls: Map<string, string>; at: TSoc2Day };

/** What the auditors found on the two items in exception, what management answered and what the auditors concluded. */
const EXCEPTIONS = {
  'LC-ACC-01': {
    description: (key: string, date: string) => `Pour la demande ${key} du ${date}, l’accès à la production a été attribué par un administrateur avant que l’approbation du responsable soit enregistrée ; l’outil permettait alors aux administrateurs de passer outre l’étape d’approbation.`,
    remediation: (fixed: string) => `Depuis le ${fixed}, l’outil de gestion des accès bloque toute attribution sans approbation enregistrée, y compris pour les administrateurs ; la revue trimestrielle contrôle désormais ce point.`,
    response: {
      context: 'L’accès correspondait au besoin du collaborateur et a été approuvé par son responsable le lendemain ; aucune action anormale n’a été relevée dans les journaux.',
    },
    conclusion: { conclusion: 'systematic', criterionImpact: 'partial', notes: 'La cause tient à la conception de l’outil avant sa correction : l’écart pouvait se reproduire sur toute cette partie de la période. Le critère CC6.2 n’est pas atteint sur cette partie.' },
  },
  'LC-CHG-01': {
    remediation: null,
    description: (key: string, date: string) => `Le changement ${key} déployé le ${date} a été approuvé par le responsable produit quatre heures après son déploiement (correctif d’urgence).`,
    response: {
      context: 'Correctif d’urgence d’un incident de calcul des frais de retard ; la procédure d’urgence prévoit une approbation a posteriori sous 24 heures, qui a été respectée.',
      remediation: 'La procédure d’urgence est désormais citée dans la demande de changement pour que l’approbation a posteriori soit visible.',
    },
    conclusion: { conclusion: 'isolated', criterionImpact: 'none', notes: 'Cas isolé, couvert par la procédure d’urgence documentée ; aucune autre occurrence dans l’échantillon.' },
  },
} as const;

/**
 * Fieldwork, after the period: the request list answered by Lumière Crédit, the description signed
 * off, three populations imported and sampled with recorded seeds, every item's result, the two
 * exceptions with management's responses and the auditors' conclusions, and every test concluded.
 */
export async function seedSoc2Fieldwork(p: TPlatform, ctx: TRequestContext, c: TSoc2Cast, x: TFieldworkInput): Promise<string[]> {
  const { examinationId: id, at } = x;
  const E = x.period.end;
  const orgCtx = { ...ctx, ip: '198.51.100.7', userAgent: 'Mozilla/5.0 (demo)' };

  const file = soc2EvidenceFiler(p, orgCtx, c, x.controls);
  const controlOfTest = new Map([...x.testIds].map(([control, testId]) => [testId, control]));

  // The request list goes out before the end of the period; Inès Dubois answers it after, each
  // answer with the extraction she filed that morning in the evidence register.
  const requests = await createRequestsService(onDay(p, at(E, -7, 10))).generate(c.senior, c.firmId, id, dayOf(at(E, 10)), ctx);
  let filed = 0;
  for (const [i, r] of requests.items.entries()) {
    const day = 4 + (i % 4);
    const control = (r.testId && controlOfTest.get(r.testId)) || SOC2_CONTROLS[0]!.reference;
    const ref = r.testReference ?? r.reference;
    // The first extraction stopped a week short of the period's end.
    const to = i === 0 ? dayOf(at(E, -7)) : E;
    const extraction = await file(at(E, day, 11), { control, title: `Extraction pour ${ref} — période du ${frDay(x.period.start)} au ${frDay(to)}`, path: `extractions/${ref.toLowerCase()}-${dayOf(at(E, day))}`, effectiveDate: dayOf(at(E, day)), period: { from: x.period.start, to } });
    filed++;
    const org = createOrgRequestsService(onDay(p, at(E, day, 14)));
    await org.answer(c.ines, c.orgId, r.id, { answer: `Pièces déposées dans l’espace partagé pour ${ref}\u00a0: extractions et comptes rendus de la période.`, evidenceIds: [extraction] }, orgCtx);
    await org.submit(c.ines, c.orgId, r.id, orgCtx);
    if (i === 0) {
      // Returned, then answered again with an extraction to the last day.
      await createRequestsService(onDay(p, at(E, 6, 10))).returnToOrganization(c.senior, c.firmId, id, r.id, 'L’extraction s’arrête une semaine avant la fin de la période\u00a0: merci de la refaire jusqu’au dernier jour.', ctx);
      const redone = await file(at(E, 8, 11), { control, title: `Extraction pour ${ref} — période du ${frDay(x.period.start)} au ${frDay(E)}`, path: `extractions/${ref.toLowerCase()}-${dayOf(at(E, 8))}`, effectiveDate: dayOf(at(E, 8)), period: { from: x.period.start, to: E } });
      filed++;
      const again = createOrgRequestsService(onDay(p, at(E, 8, 15)));
      await again.answer(c.ines, c.orgId, r.id, { answer: 'Extraction refaite sur toute la période, jusqu’au dernier jour inclus.', evidenceIds: [redone] }, orgCtx);
      await again.submit(c.ines, c.orgId, r.id, orgCtx);
    }
    await createRequestsService(onDay(p, at(E, 9, 11))).accept(c.senior, c.firmId, id, r.id, ctx);
  }

  await createTestsService(onDay(p, at(E, 3, 9))).startFieldwork(c.senior, c.firmId, id, ctx);

  // Management's description: drafted by Inès Dubois, signed off by Claire Martin.
  const draft = await createSoc2DescriptionsService(onDay(p, at(E, 4, 15))).save(c.ines, c.orgId, id, { sections: soc2Description(x.period), assertion: SOC2_ASSERTION }, orgCtx);
  await createSoc2DescriptionsService(onDay(p, at(E, 12, 17))).signOff(c.claire, c.orgId, id, { name: 'Claire Martin', title: 'Présidente-directrice générale', contentSha256: draft.versions[0]!.contentSha256 }, orgCtx);

  // Populations frozen with their completeness checks, then sampled with recorded seeds.
  const populations = createPopulationsService(onDay(p, at(E, 11, 10)));
  const sampled: { control: string; items: { id: string; key: string; date: string }[] }[] = [];
  for (const pop of POPULATIONS) {
    const testId = x.testIds.get(pop.control)!;
    const csv = pop.csv(x.period);
    const up = await populations.upload(c.auditor, c.firmId, id, testId, {
      meta: { name: pop.name, keyColumn: pop.key, dateColumn: pop.date, textColumns: pop.text },
      body: Readable.from([Buffer.from(csv)]),
      filename: pop.file,
      declaredLength: null,
    }, ctx);
    await populations.recordCompleteness(c.auditor, c.firmId, id, up.id, `Nombre de lignes (${up.rowCount}) rapproché du rapport natif de l’outil, extrait en notre présence le ${dayOf(at(E, 11))} ; bornes de dates vérifiées.`, ctx);
    const sample = await createSamplesService(onDay(p, at(E, 12, 10))).draw(c.auditor, c.firmId, id, up.id, { seed: pop.seed }, ctx);
    sampled.push({ control: pop.control, items: sample.items.map((i) => ({ id: i.id, key: i.key, date: i.date })) });
  }

  // Each item tested; one access grant and one change in exception.
  // The access grant is the last sampled before the tool was fixed; the change, the middle item.
  const fixed = accessToolFixedOn(x.period);
  const byDate = <T extends { date: string }>(items: T[]) => [...items].sort((a, b) => a.date.localeCompare(b.date));
  const itemsOf = (control: string) => byDate(sampled.find((s) => s.control === control)!.items);
  const exceptionItems = new Map<string, { id: string; key: string; date: string }>([
    ['LC-ACC-01', itemsOf('LC-ACC-01').findLast((i) => i.date < fixed)!],
    ['LC-CHG-01', itemsOf('LC-CHG-01')[Math.floor(itemsOf('LC-CHG-01').length / 2)]!],
  ]);
  // The earliest item of each sample is inspected on the record Lumière Crédit filed the day after
  // the event; the earliest change's approval, though, was only reconstructed from the ticket's
  // history during fieldwork, months later: the firm's contemporaneity check flags it.
  const evidenceOf = new Map<string, string>();
  let late: { key: string; control: string } | null = null;
  for (const s of sampled) {
    const [first, second] = byDate(s.items);
    if (!first) continue;
    const reconstructed = s.control === 'LC-CHG-01';
    evidenceOf.set(first.id, await file(reconstructed ? at(E, 13, 16) : at(first.date, 1, 10), {
      control: s.control,
      title: reconstructed ? `Approbation de ${first.key} reconstituée depuis l’historique du ticket` : `Pièce de ${first.key} du ${frDay(first.date)}`,
      description: reconstructed ? 'Capture faite pendant les travaux des auditeurs\u00a0: l’export d’origine n’avait pas été conservé.' : '',
      path: `pieces/${first.key.toLowerCase()}`,
      effectiveDate: first.date,
    }));
    filed++;
    if (reconstructed) late = { key: first.key, control: s.control };
    // The next change's approval was filed on the day, as the control wants.
    if (reconstructed && second) {
      evidenceOf.set(second.id, await file(at(second.date, 0, 17), { control: s.control, title: `Approbation de ${second.key} du ${frDay(second.date)}`, path: `pieces/${second.key.toLowerCase()}`, effectiveDate: second.date }));
      filed++;
    }
  }
  for (const [n, s] of sampled.entries()) {
    const testing = createTestingService(onDay(p, at(E, 14 + Math.min(n, 5), 11)));
    for (const item of s.items) {
      const exception = exceptionItems.get(s.control)?.id === item.id;
      const evidence = evidenceOf.get(item.id);
      await testing.recordResult(c.auditor, c.firmId, id, item.id, {
        ...(exception ? { result: 'exception' as const, notes: 'Voir l’exception consignée.' } : { result: 'no_exception' as const, notes: evidence ? 'Conforme\u00a0: pièce de l’organisation inspectée.' : 'Conforme\u00a0: pièce inspectée.' }),
        ...(evidence ? { evidenceIds: [evidence] } : {}),
      }, ctx);
    }
  }

  const firmExc = createExceptionsService(onDay(p, at(E, 21, 15)));
  const raised: string[] = [];
  for (const [control, item] of exceptionItems) {
    const text = EXCEPTIONS[control as keyof typeof EXCEPTIONS];
    const ex = await firmExc.raise(c.senior, c.firmId, id, ZSoc2RaiseExceptionBody.parse({ testId: x.testIds.get(control)!, sampleItemId: item.id, description: text.description(item.key, frDay(item.date)) }), ctx);
    const response = { ...text.response, ...(text.remediation ? { remediation: text.remediation(frDay(fixed)) } : {}) };
    await createOrgExceptionsService(onDay(p, at(E, 26, 16))).respond(c.hugo, c.orgId, id, ex.id, ZSoc2ExceptionResponseBody.parse(response), orgCtx);
    await createExceptionsService(onDay(p, at(E, 30, 10))).conclude(c.senior, c.firmId, id, ex.id, ZSoc2ExceptionConclusionBody.parse(text.conclusion), ctx);
    raised.push(ex.reference);
  }

  // Every test concluded on its items.
  const testing = createTestingService(onDay(p, at(E, 31, 17)));
  for (const control of SOC2_CONTROLS) {
    const exception = exceptionItems.has(control.reference);
    await testing.conclude(c.senior, c.firmId, id, x.testIds.get(control.reference)!, {
      conclusion: exception ? 'exception' : 'no_exception',
      notes: exception ? 'Exception relevée dans l’échantillon ; voir sa conclusion.' : 'Aucune exception relevée.',
    }, ctx);
  }
  return [
    `  ${requests.items.length} requests answered by Inès Dubois (one returned once), ${filed} evidence records linked${late ? `, ${late.key} (${late.control}) flagged: evidence reconstructed during fieldwork` : ''}; description signed off by Claire Martin on ${dayOf(at(E, 12))}`,
    `  ${POPULATIONS.length} populations sampled, one per test (seeds lumiere-acc-01…), ${sampled.reduce((n, s) => n + s.items.length, 0)} items tested`,
    `  exceptions ${raised.join(', ')} answered by Hugo Bernard and concluded`,
  ];
}
