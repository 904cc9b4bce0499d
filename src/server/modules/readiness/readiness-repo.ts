import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TLocalizedText } from '../../../shared/contracts/catalog.ts';
import { checklistUnionSql, type TChecklistRow } from '../documents/mandatory-checklist-sql.ts';
import { FRESHNESS_DAYS } from './readiness-rules.ts';

/*
 * Readiness owns no table. It reads, in ONE statement, what the other modules record against a
 * framework's requirements: controls (control_requirements), evidence through those controls and
 * linked directly (evidence_controls, evidence_requirements; current revisions only), the SoA in
 * force (soa_entries), documents (document_requirements) and open nonconformities
 * (nonconformity_requirements); plus what blocks a stage 1 audit (the mandatory-information
 * checklist's own SQL, high risks without treatment, the SoA in force).
 *
 * Evidence is counted per link: one record linked to two controls of the same requirement, or to
 * the requirement and to one of its controls, counts twice. Counting distinct records would sort
 * every evidence row of the tenant on each read (100,000 in the bench); the judgement (fresh,
 * stale, expired, missing) is the same either way, only the displayed count can be higher.
 */

type TDb = Kysely<DB>;

export type TReadinessRow = {
  ref: string;
  parent_ref: string | null;
  kind: string;
  title: TLocalizedText;
  normative: boolean;
  c_planned: number;
  c_implemented: number;
  c_operating: number;
  e_fresh: number;
  e_stale: number;
  e_expired: number;
  e_late: number;
  soa: { version: number; applicable: boolean | null; justification: string; implementationStatus: string | null } | null;
  d_current: number;
  d_overdue: number;
  d_unpublished: number;
  open_ncs: number;
};

export type TReadinessRead = {
  framework: { id: string; version: string; title: TLocalizedText; adopted: boolean } | null;
  requirements: TReadinessRow[];
  soa: { approved: number | null; open: string | null };
  highRisks: { id: string; title: string; level: string; score: number }[];
  /** The mandatory documented-information checklist's rows (documents module), read in the same statement. */
  checklist: TChecklistRow[];
};

const windowDays = sql.raw(
  `CASE c.frequency ${Object.entries(FRESHNESS_DAYS)
    .filter(([k]) => k !== 'direct')
    .map(([k, d]) => `WHEN '${k}' THEN ${d}`)
    .join(' ')} END`,
);

/** An evidence row's state on `today`, for a freshness window of `days`. */
const stateOf = (days: RawBuilder<unknown>, today: string) => sql`CASE
  WHEN e.status = 'expired' OR (e.valid_until IS NOT NULL AND e.valid_until < ${today}::date) THEN 'expired'
  WHEN e.effective_date < ${today}::date - ${days} THEN 'stale'
  ELSE 'fresh' END`;

export async function readReadiness(db: TDb, tenantId: string, frameworkId: string, today: string): Promise<TReadinessRead> {
  const { rows } = await sql<TReadinessRead>`
    WITH fw AS (
      SELECT f.id, f.version, f.title, (tf.framework_id IS NOT NULL) AS adopted
      FROM catalog_frameworks f
      LEFT JOIN tenant_frameworks tf ON tf.tenant_id = ${tenantId} AND tf.framework_id = f.id
      WHERE f.id = ${frameworkId} AND (f.owner_tenant_id IS NULL OR f.owner_tenant_id = ${tenantId})
        AND (f.version = tf.framework_version OR (tf.framework_id IS NULL AND f.is_current))
    ),
    req AS (
      SELECT r.ref, r.parent_ref, r.kind, r.title, r.normative, r.position
      FROM catalog_requirements r JOIN fw ON r.framework_id = fw.id AND r.framework_version = fw.version
    ),
    rc AS (
      SELECT cr.ref, c.id AS control_id, c.status, c.frequency
      FROM control_requirements cr JOIN controls c ON c.tenant_id = cr.tenant_id AND c.id = cr.control_id
      WHERE cr.tenant_id = ${tenantId} AND cr.framework_id = ${frameworkId} AND c.status <> 'retired'
    ),
    c_agg AS (
      SELECT ref, count(*) FILTER (WHERE status = 'planned')::int AS planned, count(*) FILTER (WHERE status = 'implemented')::int AS implemented,
             count(*) FILTER (WHERE status = 'operating')::int AS operating
      FROM rc GROUP BY ref
    ),
    -- Evidence counted per control and state first (a few hundred rows out of any number of
    -- records), then spread over the requirements each control serves.
    ce AS (
      SELECT ec.control_id, ${stateOf(windowDays, today)} AS state, count(*)::int AS n, count(*) FILTER (WHERE e.not_contemporaneous)::int AS late
      FROM evidence_controls ec
      JOIN controls c ON c.tenant_id = ec.tenant_id AND c.id = ec.control_id
      JOIN evidence e ON e.tenant_id = ec.tenant_id AND e.id = ec.evidence_id
      WHERE ec.tenant_id = ${tenantId} AND ec.control_id IN (SELECT control_id FROM rc)
        AND e.superseded_by_id IS NULL AND e.status IN ('submitted','accepted','expired')
      GROUP BY 1, 2
    ),
    re AS (
      SELECT rc.ref, ce.state, ce.n, ce.late FROM rc JOIN ce ON ce.control_id = rc.control_id
      UNION ALL
      SELECT er.ref, ${stateOf(sql.raw(String(FRESHNESS_DAYS.direct)), today)}, 1, CASE WHEN e.not_contemporaneous THEN 1 ELSE 0 END
      FROM evidence_requirements er JOIN evidence e ON e.tenant_id = er.tenant_id AND e.id = er.evidence_id
      WHERE er.tenant_id = ${tenantId} AND er.framework_id = ${frameworkId}
        AND e.superseded_by_id IS NULL AND e.status IN ('submitted','accepted','expired')
    ),
    e_agg AS (
      SELECT ref, coalesce(sum(n) FILTER (WHERE state = 'fresh'), 0)::int AS fresh, coalesce(sum(n) FILTER (WHERE state = 'stale'), 0)::int AS stale,
             coalesce(sum(n) FILTER (WHERE state = 'expired'), 0)::int AS expired, coalesce(sum(late), 0)::int AS late
      FROM re GROUP BY ref
    ),
    soa_in_force AS (SELECT id, number FROM soa_versions WHERE tenant_id = ${tenantId} AND status = 'approved'),
    s AS (
      SELECT se.ref, json_build_object('version', v.number, 'applicable', se.applicable, 'justification', se.justification, 'implementationStatus', se.implementation_status) AS soa
      FROM soa_entries se JOIN soa_in_force v ON v.id = se.version_id
      WHERE se.tenant_id = ${tenantId} AND se.framework_id = ${frameworkId}
    ),
    d_agg AS (
      SELECT dr.ref,
             count(*) FILTER (WHERE d.published_version IS NOT NULL AND (d.next_review_on IS NULL OR d.next_review_on >= ${today}::date))::int AS current,
             count(*) FILTER (WHERE d.published_version IS NOT NULL AND d.next_review_on < ${today}::date)::int AS overdue,
             count(*) FILTER (WHERE d.published_version IS NULL)::int AS unpublished
      FROM document_requirements dr JOIN documents d ON d.tenant_id = dr.tenant_id AND d.id = dr.document_id
      WHERE dr.tenant_id = ${tenantId} AND dr.framework_id = ${frameworkId}
      GROUP BY dr.ref
    ),
    n_agg AS (
      SELECT nr.ref, count(*)::int AS open
      FROM nonconformity_requirements nr JOIN nonconformities n ON n.tenant_id = nr.tenant_id AND n.id = nr.nonconformity_id
      WHERE nr.tenant_id = ${tenantId} AND nr.framework_id = ${frameworkId} AND n.status <> 'closed'
      GROUP BY nr.ref
    ),
    high AS (
      SELECT r.id, r.title, coalesce(r.residual_level, r.inherent_level) AS level, coalesce(r.residual_score, r.inherent_score) AS score
      FROM risks r JOIN risk_matrices m ON m.tenant_id = r.tenant_id AND m.version = r.matrix_version
      WHERE r.tenant_id = ${tenantId} AND r.status = 'open'
        AND coalesce(r.residual_score, r.inherent_score) > (m.config->>'acceptanceThreshold')::int
        AND (r.treatment IS NULL OR (r.treatment = 'mitigate' AND NOT EXISTS (
              SELECT 1 FROM risk_actions a WHERE a.tenant_id = r.tenant_id AND a.risk_id = r.id AND a.status <> 'cancelled')))
    )
    SELECT
      (SELECT json_build_object('id', id, 'version', version, 'title', title, 'adopted', adopted) FROM fw) AS framework,
      coalesce((SELECT json_agg(json_build_object(
          'ref', req.ref, 'parent_ref', req.parent_ref, 'kind', req.kind, 'title', req.title, 'normative', req.normative,
          'c_planned', coalesce(c_agg.planned, 0), 'c_implemented', coalesce(c_agg.implemented, 0), 'c_operating', coalesce(c_agg.operating, 0),
          'e_fresh', coalesce(e_agg.fresh, 0), 'e_stale', coalesce(e_agg.stale, 0), 'e_expired', coalesce(e_agg.expired, 0), 'e_late', coalesce(e_agg.late, 0),
          'soa', s.soa,
          'd_current', coalesce(d_agg.current, 0), 'd_overdue', coalesce(d_agg.overdue, 0), 'd_unpublished', coalesce(d_agg.unpublished, 0),
          'open_ncs', coalesce(n_agg.open, 0)) ORDER BY req.position)
        FROM req
        LEFT JOIN c_agg ON c_agg.ref = req.ref LEFT JOIN e_agg ON e_agg.ref = req.ref LEFT JOIN s ON s.ref = req.ref
        LEFT JOIN d_agg ON d_agg.ref = req.ref LEFT JOIN n_agg ON n_agg.ref = req.ref), '[]'::json) AS requirements,
      json_build_object(
        'approved', (SELECT number FROM soa_in_force),
        'open', (SELECT status FROM soa_versions WHERE tenant_id = ${tenantId} AND status IN ('draft','in_review'))) AS soa,
      coalesce((SELECT json_agg(json_build_object('id', id, 'title', title, 'level', level, 'score', score) ORDER BY score DESC, title) FROM high), '[]'::json) AS "highRisks",
      coalesce((SELECT json_agg(x) FROM (${checklistUnionSql(tenantId, today)}) x), '[]'::json) AS checklist
  `.execute(db);
  return rows[0]!;
}
