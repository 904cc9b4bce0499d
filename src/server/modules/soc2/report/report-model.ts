import type { TLocale } from '../../../../shared/contracts/common.ts';
import { SOC2_OPTIONAL_CATEGORIES, type TSoc2OptionalCategory } from '../../../../shared/contracts/soc2-fees.ts';
import type { TSoc2ControlResult, TSoc2ReportControl, TSoc2ReportCriterion, TSoc2ReportModel, TSoc2SubserviceOrganization } from '../documents/soc2-report-model.ts';
import * as repo from './report-model-repo.ts';

/*
 * The report model built from the tables: what `buildSoc2ReportDocument` renders. The rows are read
 * once (`loadSoc2ReportSource`, a fixed number of statements) and turned into a model per language
 * by a pure function: only the criteria's short titles depend on the language; everything the
 * organization and the auditors wrote stays in the words they wrote it in.
 */

export type TSoc2ReportSource = {
  head: repo.TReportHeadRow;
  subservice: repo.TSubserviceRow[];
  complementary: repo.TComplementaryRow[];
  criteria: repo.TCriterionControlRow[];
  tests: repo.TReportTestRow[];
};

/** Reads what the report needs; undefined when the examination is not this firm's. */
export async function loadSoc2ReportSource(db: Parameters<typeof repo.reportHead>[0], firmTenantId: string, examinationId: string, timeZone = 'Europe/Paris'): Promise<TSoc2ReportSource | undefined> {
  const head = await repo.reportHead(db, firmTenantId, examinationId, timeZone);
  if (!head) return undefined;
  const [subservice, complementary, criteria, tests] = await Promise.all([
    repo.subserviceOrgs(db, firmTenantId, examinationId),
    repo.complementaryControls(db, firmTenantId, examinationId),
    repo.criteriaWithControls(db, firmTenantId, examinationId, head.categories),
    repo.testsWithResults(db, firmTenantId, examinationId),
  ]);
  return { head, subservice, complementary, criteria, tests };
}

/** What stops the report from being issued (or previewed): empty when nothing does. */
export function reportGaps(s: TSoc2ReportSource, forIssue: boolean): string[] {
  const h = s.head;
  return [
    ...(forIssue && h.state !== 'reporting' ? ['state'] : []),
    ...(h.opinion ? [] : ['opinion']),
    ...(h.opinion && h.opinion !== 'unmodified' && !h.opinion_basis.trim() ? ['opinionBasis'] : []),
    ...(h.description_version === null ? ['signedOffDescription'] : []),
    ...(h.partner_name ? [] : ['partner']),
  ];
}

/** Paragraphs as written: separated by a blank line. */
const paragraphs = (text: string | null) =>
  (text ?? '')
    .split(/\n\s*\n/)
    .map((x) => x.trim())
    .filter(Boolean);

/** "14 rue du Louvre, 75001 Paris" (or "…, 75001 Paris, France") → "Paris": the city the report is signed in, from the firm's address. */
export function cityOf(address: string): string {
  const parts = address
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
  const POSTCODE = /^(?:[A-Z]{1,3}-?)?\d{4,6}\s+/;
  const withCode = parts.findLast((x) => POSTCODE.test(x));
  return (withCode ?? parts.at(-1) ?? '').replace(POSTCODE, '').trim();
}

/** The system's name in the auditor's sentences: the first line of the examination's systems, without its full stop. */
export function systemNameOf(systems: string, organizationName: string): string {
  const first = systems.split('\n')[0]!.trim().replace(/[.;:]+$/, '');
  return first || organizationName;
}

function resultOf(tests: readonly repo.TReportTestRow[]): TSoc2ControlResult | null {
  if (!tests.length) return null;
  const exceptions = tests.flatMap((t) => t.exceptions);
  const sampleSize = tests.reduce((n, t) => n + t.sample_size, 0);
  const tested = sampleSize > 0 || exceptions.length > 0 || tests.some((t) => t.conclusion !== 'pending');
  if (!tested) return null;
  // One population per file: two procedures on the same control often sample the same export
  // (the period's deployments), which is still one population of that many rows, not twice as many.
  const populations = new Map<string, number>();
  for (const t of tests) if (t.population_size !== null) populations.set(t.population_sha256 ?? t.id, t.population_size);
  const responses = exceptions.map((e) => [e.responseContext.trim(), e.responseRemediation.trim()].filter(Boolean).join(' ')).filter(Boolean);
  return {
    sampleSize,
    populationSize: populations.size ? [...populations.values()].reduce((a, b) => a + b, 0) : null,
    // Deviations found in sampled items, plus those the auditor found otherwise (inquiry, observation).
    exceptions: tests.reduce((n, t) => n + t.items_in_exception, 0) + exceptions.filter((e) => !e.sampled).length,
    deviation: exceptions.length ? exceptions.map((e) => e.description.trim()).join('\n') : null,
    managementResponse: responses.length ? responses.join('\n') : null,
    conclusions: exceptions.flatMap((e) => (e.conclusion && e.impact ? [{ conclusion: e.conclusion, impact: e.impact, notes: e.conclusionNotes }] : [])),
  };
}

export type TSoc2ReportModelOptions = { reference: string; reportDate: string; generatedAt: Date };

/** The model in one language, from rows already read. */
export function soc2ReportModelOf(s: TSoc2ReportSource, lang: TLocale, o: TSoc2ReportModelOptions): TSoc2ReportModel {
  const h = s.head;
  const gaps = reportGaps(s, false);
  if (gaps.length) throw new Error(`The report cannot be built yet: ${gaps.join(', ')}`);
  const type2 = h.report_type === 'type2';
  const sections = h.description_sections ?? {};
  const testsByControl = new Map<string, repo.TReportTestRow[]>();
  for (const t of s.tests) testsByControl.set(t.control_id, [...(testsByControl.get(t.control_id) ?? []), t]);

  const criteria: TSoc2ReportCriterion[] = [];
  for (const row of s.criteria) {
    let cr = criteria.at(-1);
    if (!cr || cr.ref !== row.ref) criteria.push((cr = { ref: row.ref, title: row.title[lang] || row.title.en, controls: [] }));
    if (!row.control_id) continue;
    const tests = testsByControl.get(row.control_id) ?? [];
    const control: TSoc2ReportControl = {
      ref: row.control_ref ?? '',
      description: row.control_title ?? '',
      tests: tests.map((t) => ({ methods: t.methods, procedure: t.procedure })),
      result: type2 ? resultOf(tests) : null,
    };
    (cr.controls as TSoc2ReportControl[]).push(control);
  }

  const subserviceOrganizations: TSoc2SubserviceOrganization[] = s.subservice.map((o) => ({
    name: o.name,
    services: o.services,
    treatment: o.treatment,
    csocs: s.complementary.filter((c) => c.kind === 'csoc' && c.subservice_org_id === o.id).map((c) => ({ ref: c.reference, text: c.statement })),
  }));

  return {
    reference: o.reference,
    firm: {
      name: h.firm_name,
      address: h.firm_address,
      licence: { authority: h.cpa_licence_authority, number: h.cpa_licence_number, jurisdiction: h.cpa_licence_jurisdiction },
      city: cityOf(h.firm_address),
      partnerName: h.partner_name ?? '',
    },
    organization: { name: h.organization_name, address: h.organization_address },
    systemName: systemNameOf(h.systems, h.organization_name),
    reportType: h.report_type,
    asOfDate: type2 ? null : h.as_of_date,
    period: type2 ? { start: h.period_start!, end: h.period_end! } : null,
    reportDate: o.reportDate,
    categories: SOC2_OPTIONAL_CATEGORIES.filter((c): c is TSoc2OptionalCategory => (h.categories as readonly string[]).includes(c)),
    opinion: { kind: h.opinion!, basis: h.opinion === 'unmodified' ? [] : paragraphs(h.opinion_basis) },
    assertionFirst: false,
    assertion: {
      paragraphs: paragraphs(h.description_assertion),
      signatory: { name: h.signed_off_name ?? '', title: h.signed_off_title ?? '' },
      date: h.signed_off_on!,
    },
    description: {
      services: sections.services ?? '',
      commitments: sections.commitments ?? '',
      components: {
        infrastructure: sections.infrastructure ?? '',
        software: sections.software ?? '',
        people: sections.people ?? '',
        procedures: sections.procedures ?? '',
        data: sections.data ?? '',
      },
      boundaries: sections.boundaries ?? '',
      incidents: sections.incidents ?? '',
      significantChanges: sections.changes ?? '',
      cuecs: s.complementary.filter((c) => c.kind === 'cuec').map((c) => ({ ref: c.reference, text: c.statement })),
      subserviceOrganizations,
    },
    criteria,
    otherInformation: null,
    generatedAt: o.generatedAt,
  };
}

/**
 * The report model of one examination in one language, read from the tables (a fixed number of
 * statements). Undefined: not this firm's examination. Throws when the opinion or the signed-off
 * description is missing (`reportGaps` says which).
 */
export async function buildSoc2ReportModelFromDb(
  db: Parameters<typeof repo.reportHead>[0],
  firmTenantId: string,
  examinationId: string,
  lang: TLocale,
  o: TSoc2ReportModelOptions & { timeZone?: string },
): Promise<TSoc2ReportModel | undefined> {
  const s = await loadSoc2ReportSource(db, firmTenantId, examinationId, o.timeZone);
  return s && soc2ReportModelOf(s, lang, o);
}
