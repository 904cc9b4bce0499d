import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import {
  SOC2_CATEGORY_PREFIXES,
  type TSoc2Category,
  type TSoc2ComplementaryKind,
  type TSoc2ControlFrequency,
  type TSoc2CriterionImpact,
  type TSoc2ExaminationState,
  type TSoc2ExceptionConclusion,
  type TSoc2Opinion,
  type TSoc2ReportType,
  type TSoc2SubserviceTreatment,
  type TSoc2TestConclusion,
  type TSoc2TestMethod,
} from '../../../../shared/contracts/soc2.ts';

/*
 * What a SOC 2 report is built from, read in a fixed number of statements whatever the number of
 * criteria, controls, tests, samples or exceptions (five: the examination with the firm, the
 * organization, the partner and the signed-off description; subservice organizations; complementary
 * controls; criteria with their accepted controls; tests with their samples and exceptions). Every
 * statement is filtered by the firm's tenant id.
 */

type TDb = Kysely<DB> | Transaction<DB>;
const TSC = 'soc2-tsc-2017';

/** jsonb read through a raw statement: parsed by one driver, a string from the other. */
const parsed = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export type TReportHeadRow = {
  id: string;
  tenant_id: string;
  reference: string;
  state: TSoc2ExaminationState;
  report_type: TSoc2ReportType;
  as_of_date: string | null;
  period_start: string | null;
  period_end: string | null;
  categories: TSoc2Category[];
  systems: string;
  opinion: TSoc2Opinion | null;
  opinion_basis: string;
  partner_user_id: string | null;
  partner_name: string | null;
  organization_tenant_id: string;
  engagement_id: string;
  firm_name: string;
  firm_address: string;
  cpa_licence_authority: string;
  cpa_licence_number: string;
  cpa_licence_jurisdiction: string;
  organization_name: string;
  organization_address: string;
  description_version: number | null;
  description_sections: Record<string, string> | null;
  description_assertion: string | null;
  description_sha256: string | null;
  signed_off_name: string | null;
  signed_off_title: string | null;
  signed_off_on: string | null;
};

export async function reportHead(db: TDb, firmTenantId: string, examinationId: string, timeZone: string): Promise<TReportHeadRow | undefined> {
  const { rows } = await sql<TReportHeadRow>`
    SELECT x.id, x.tenant_id, x.reference, x.state, x.report_type,
      x.as_of_date::text AS as_of_date, x.period_start::text AS period_start, x.period_end::text AS period_end,
      x.categories, x.systems, x.opinion, x.opinion_basis, x.partner_user_id, pu.name AS partner_name,
      x.organization_tenant_id, x.engagement_id,
      coalesce(nullif(bs.legal_name, ''), ft.name) AS firm_name, coalesce(bs.address, '') AS firm_address,
      coalesce(bs.cpa_licence_authority, '') AS cpa_licence_authority, coalesce(bs.cpa_licence_number, '') AS cpa_licence_number,
      coalesce(bs.cpa_licence_jurisdiction, '') AS cpa_licence_jurisdiction,
      c.legal_name AS organization_name, c.registered_address AS organization_address,
      d.version AS description_version, d.sections AS description_sections, d.assertion AS description_assertion,
      d.content_sha256 AS description_sha256, d.signed_off_name, d.signed_off_title,
      to_char(d.signed_off_at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS signed_off_on
    FROM soc2_examinations x
    JOIN tenants ft ON ft.id = x.tenant_id
    JOIN clients c ON c.tenant_id = x.tenant_id AND c.id = x.client_id
    LEFT JOIN body_settings bs ON bs.tenant_id = x.tenant_id
    LEFT JOIN users pu ON pu.id = x.partner_user_id
    LEFT JOIN LATERAL (
      SELECT version, sections, assertion, content_sha256, signed_off_name, signed_off_title, signed_off_at
      FROM soc2_descriptions WHERE tenant_id = x.tenant_id AND examination_id = x.id AND state = 'signed_off'
      ORDER BY version DESC LIMIT 1
    ) d ON true
    WHERE x.tenant_id = ${firmTenantId} AND x.id = ${examinationId}`.execute(db);
  const r = rows[0];
  return r && { ...r, description_sections: r.description_sections === null ? null : parsed<Record<string, string>>(r.description_sections) };
}

export type TSubserviceRow = { id: string; name: string; services: string; treatment: TSoc2SubserviceTreatment };
export type TComplementaryRow = { kind: TSoc2ComplementaryKind; subservice_org_id: string | null; reference: string; statement: string };

export function subserviceOrgs(db: TDb, firmTenantId: string, examinationId: string): Promise<TSubserviceRow[]> {
  return db
    .selectFrom('soc2_subservice_orgs')
    .select(['id', 'name', 'services', 'treatment'])
    .where('tenant_id', '=', firmTenantId)
    .where('examination_id', '=', examinationId)
    .orderBy('position')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function complementaryControls(db: TDb, firmTenantId: string, examinationId: string): Promise<TComplementaryRow[]> {
  return db
    .selectFrom('soc2_complementary_controls')
    .select(['kind', 'subservice_org_id', 'reference', 'statement'])
    .where('tenant_id', '=', firmTenantId)
    .where('examination_id', '=', examinationId)
    .orderBy('kind')
    .orderBy('position')
    .orderBy('reference')
    .execute();
}

export type TCriterionControlRow = { ref: string; title: { en: string; fr: string }; control_id: string | null; control_ref: string | null; control_title: string | null };

/**
 * The applicable criteria of the current `soc2-tsc-2017` version in catalog order (Security always,
 * then the examination's categories: ref *letters* compared, so `C` does not take `CC6.1`), each
 * with its accepted controls — a suggestion not accepted is not in the report. A criterion without
 * a control comes once with a null control.
 */
export async function criteriaWithControls(db: TDb, firmTenantId: string, examinationId: string, categories: readonly TSoc2Category[]): Promise<TCriterionControlRow[]> {
  const prefixes = [...new Set((['security', ...categories] as TSoc2Category[]).flatMap((c) => SOC2_CATEGORY_PREFIXES[c]))];
  const { rows } = await sql<TCriterionControlRow>`
    SELECT r.ref, r.title, l.control_id, l.control_ref, l.control_title
    FROM catalog_requirements r
    JOIN catalog_frameworks f ON f.id = r.framework_id AND f.version = r.framework_version AND f.is_current
    LEFT JOIN soc2_matrix_links l ON l.tenant_id = ${firmTenantId} AND l.examination_id = ${examinationId} AND l.criterion_ref = r.ref AND NOT l.suggested
    WHERE r.framework_id = ${TSC} AND r.kind = 'criterion' AND substring(r.ref from '^[A-Z]+') IN (${sql.join(prefixes)})
    ORDER BY r.position, r.ref, l.control_ref, l.control_id`.execute(db);
  return rows.map((r) => ({ ...r, title: parsed<{ en: string; fr: string }>(r.title) }));
}

export type TReportExceptionJson = {
  reference: string;
  description: string;
  /** Tied to a sampled item (already counted among the items in exception) or found otherwise. */
  sampled: boolean;
  responseContext: string;
  responseRemediation: string;
  conclusion: TSoc2ExceptionConclusion | null;
  impact: TSoc2CriterionImpact | null;
  conclusionNotes: string;
};

export type TReportTestRow = {
  id: string;
  reference: string;
  control_id: string;
  methods: TSoc2TestMethod[];
  procedure: string;
  frequency: TSoc2ControlFrequency;
  conclusion: TSoc2TestConclusion;
  sample_size: number;
  items_in_exception: number;
  items_pending: number;
  /** Rows of the population the latest sample was drawn from; null when nothing was sampled. */
  population_size: number | null;
  /** That population's file SHA-256: two procedures sampling the same file share one population. */
  population_sha256: string | null;
  exceptions: TReportExceptionJson[];
};

/** Every test of the examination with its sample counts and its exceptions, in one statement. */
export async function testsWithResults(db: TDb, firmTenantId: string, examinationId: string): Promise<TReportTestRow[]> {
  const { rows } = await sql<TReportTestRow>`
    SELECT t.id, t.reference, t.control_id, t.methods, t.procedure, t.frequency, t.conclusion,
      coalesce(i.total, 0)::int AS sample_size, coalesce(i.exceptions, 0)::int AS items_in_exception, coalesce(i.pending, 0)::int AS items_pending,
      (SELECT p.row_count FROM soc2_samples s JOIN soc2_populations p ON p.tenant_id = s.tenant_id AND p.id = s.population_id
        WHERE s.tenant_id = t.tenant_id AND s.test_id = t.id ORDER BY s.drawn_at DESC, s.extension_no DESC LIMIT 1) AS population_size,
      (SELECT p.file_sha256 FROM soc2_samples s JOIN soc2_populations p ON p.tenant_id = s.tenant_id AND p.id = s.population_id
        WHERE s.tenant_id = t.tenant_id AND s.test_id = t.id ORDER BY s.drawn_at DESC, s.extension_no DESC LIMIT 1) AS population_sha256,
      coalesce((
        SELECT json_agg(json_build_object(
          'reference', e.reference, 'description', e.description, 'sampled', e.sample_item_id IS NOT NULL,
          'responseContext', e.response_context, 'responseRemediation', e.response_remediation,
          'conclusion', e.conclusion, 'impact', e.criterion_impact, 'conclusionNotes', e.conclusion_notes
        ) ORDER BY e.reference)
        FROM soc2_exceptions e WHERE e.tenant_id = t.tenant_id AND e.test_id = t.id
      ), '[]'::json) AS exceptions
    FROM soc2_tests t
    LEFT JOIN LATERAL (
      SELECT count(*) AS total, count(*) FILTER (WHERE si.result = 'exception') AS exceptions, count(*) FILTER (WHERE si.result = 'pending') AS pending
      FROM soc2_sample_items si WHERE si.tenant_id = t.tenant_id AND si.test_id = t.id
    ) i ON true
    WHERE t.tenant_id = ${firmTenantId} AND t.examination_id = ${examinationId}
    ORDER BY t.reference`.execute(db);
  return rows.map((r) => ({ ...r, exceptions: parsed<TReportExceptionJson[]>(r.exceptions) }));
}
