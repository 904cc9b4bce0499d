import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TCertificationFile } from '../../../../shared/contracts/cert-decisions.ts';

/*
 * The certification file of one programme (one cycle of one client), as the technical reviewer
 * reads it and the decision maker decides on it (ISO/IEC 17021-1 9.5.1): the audits of the cycle
 * with their states and dates, their issued reports (the SHA-256 of each stored document), the
 * findings with every answer, verdict and verification, each team with its impartiality
 * declarations and the competence records that covered the audit's dates, and the audit-time
 * calculation the programme was priced from.
 *
 * The file is canonical JSON (RFC 8785): the same records give the same bytes and the same hash,
 * on PGlite and PostgreSQL alike. Timestamps are written in UTC to the millisecond by the query,
 * so the session's time zone cannot change the hash. A review freezes a hash; a decision compares
 * it with the file recomputed at that moment: anything that changed in between (a new answer, a
 * report reissued, a team change) makes the review stale.
 *
 * One round trip: every part is a correlated json_agg over the tenant's rows.
 */

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const FILE_SQL = `
SELECT json_build_object(
  'version', 1,
  'programme', json_build_object('id', pr.id, 'cycle', pr.cycle, 'status', pr.status, 'decisionDate', pr.decision_date::text, 'expiryDate', pr.expiry_date::text,
    'engagementId', pr.engagement_id, 'scheme', e.scheme),
  'client', json_build_object('id', c.id, 'reference', c.reference, 'legalName', c.legal_name, 'address', c.registered_address,
    'sites', coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'address', s.address, 'isCentral', s.is_central) ORDER BY s.is_central DESC, s.name, s.id)
      FROM client_sites s WHERE s.tenant_id = c.tenant_id AND s.client_id = c.id), '[]'::json),
    'aiSystems', coalesce((SELECT json_agg(json_build_object('id', x.id, 'name', x.name, 'tier', x.tier, 'role', x.role) ORDER BY x.name, x.id)
      FROM client_ai_systems x WHERE x.tenant_id = c.tenant_id AND x.client_id = c.id), '[]'::json)),
  'auditTime', coalesce(
    (SELECT json_build_object('source', 'proposal', 'proposalId', p.id, 'proposalReference', p.reference, 'stage1Days', (p.audit_time->>'stage1Days')::float8,
       'stage2Days', (p.audit_time->>'stage2Days')::float8, 'surveillanceDays', (p.audit_time->>'surveillanceDays')::float8,
       'recertificationDays', (p.audit_time->>'recertificationDays')::float8, 'tableVersion', p.audit_time->'tableVersion', 'calculationId', p.audit_time->'calculationId')
     FROM proposals p WHERE p.tenant_id = pr.tenant_id AND p.id = e.proposal_id AND p.audit_time IS NOT NULL),
    (SELECT json_build_object('source', 'calculation', 'calculationId', k.id, 'stage1Days', (k.result->>'stage1Days')::float8, 'stage2Days', (k.result->>'stage2Days')::float8,
       'surveillanceDays', (k.result->>'surveillanceDays')::float8, 'recertificationDays', (k.result->>'recertificationDays')::float8, 'tableVersion', k.table_version,
       'calculatedAt', ${TS('k.created_at')})
     FROM audit_time_calculations k WHERE k.tenant_id = pr.tenant_id AND k.client_id = pr.client_id ORDER BY k.created_at DESC, k.id DESC LIMIT 1)),
  'audits', coalesce((SELECT json_agg(json_build_object(
      'id', a.id, 'reference', a.reference, 'type', a.type, 'sequence', a.sequence, 'state', a.state, 'dueBy', a.due_by::text,
      'plannedStart', a.planned_start::text, 'plannedEnd', a.planned_end::text, 'actualStart', a.actual_start::text, 'actualEnd', a.actual_end::text,
      'plannedDays', a.planned_days::float8, 'onSiteDays', a.on_site_days::float8,
      'soaVersion', (SELECT ch.soa_version FROM audit_checklists ch WHERE ch.tenant_id = a.tenant_id AND ch.audit_id = a.id),
      'report', (SELECT json_build_object('kind', r.kind, 'status', r.status, 'recommendation', r.recommendation, 'issuedAt', ${TS('r.issued_at')},
          'documents', coalesce((SELECT json_agg(json_build_object('locale', f.locale, 'format', f.format, 'sha256', f.sha256, 'size', f.size) ORDER BY f.locale, f.format)
            FROM audit_report_files f WHERE f.tenant_id = r.tenant_id AND f.audit_id = r.audit_id), '[]'::json))
        FROM audit_reports r WHERE r.tenant_id = a.tenant_id AND r.audit_id = a.id),
      'team', coalesce((SELECT json_agg(json_build_object('userId', m.user_id, 'name', u.name, 'role', m.role,
          'declaration', (SELECT json_build_object('signedAt', ${TS('d.signed_at')}, 'statementVersion', d.statement_version, 'locale', d.locale)
            FROM audit_impartiality_declarations d WHERE d.tenant_id = m.tenant_id AND d.audit_id = m.audit_id AND d.user_id = m.user_id),
          'competence', coalesce((SELECT json_agg(json_build_object('qualification', q.qualification, 'leadQualified', q.lead_qualified,
              'validFrom', q.valid_from::text, 'validUntil', q.valid_until::text) ORDER BY q.valid_from, q.id)
            FROM auditor_competences q WHERE q.tenant_id = m.tenant_id AND q.user_id = m.user_id AND q.scheme = e.scheme
              AND q.valid_from <= coalesce(a.actual_start, a.planned_start, a.due_by, '9999-12-31'::date)
              AND q.valid_until >= coalesce(a.actual_end, a.planned_end, a.actual_start, a.planned_start, a.due_by, '0001-01-01'::date)), '[]'::json))
          ORDER BY CASE m.role WHEN 'lead_auditor' THEN 0 WHEN 'auditor' THEN 1 WHEN 'technical_expert' THEN 2 ELSE 3 END, u.name, m.user_id)
        FROM audit_team_members m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = a.tenant_id AND m.audit_id = a.id), '[]'::json))
    ORDER BY CASE a.type WHEN 'pre_audit' THEN 0 WHEN 'stage1' THEN 1 WHEN 'stage2' THEN 2 WHEN 'follow_up' THEN 3 WHEN 'surveillance' THEN 4 WHEN 'special' THEN 5 ELSE 6 END,
      a.sequence, a.reference)
    FROM audits a WHERE a.tenant_id = pr.tenant_id AND a.programme_id = pr.id), '[]'::json),
  'findings', coalesce((SELECT json_agg(json_build_object(
      'id', f.id, 'reference', f.reference, 'auditId', f.audit_id, 'class', f.class, 'frameworkId', f.framework_id, 'ref', f.ref,
      'statement', f.statement, 'evidence', f.evidence, 'state', f.state, 'responseDueOn', f.response_due_on::text, 'closureDueOn', f.closure_due_on::text,
      'verificationDueOn', f.verification_due_on::text, 'verifiedAt', ${TS('f.verified_at')}, 'verifiedBy', f.verified_by,
      'verificationMethod', f.verification_method, 'verificationAuditId', f.verification_audit_id, 'verificationNotes', f.verification_notes,
      'closedAt', ${TS('f.closed_at')}, 'raisedAt', ${TS('f.raised_at')},
      'responses', coalesce((SELECT json_agg(json_build_object('version', rs.version, 'submittedAt', ${TS('rs.submitted_at')}, 'correction', rs.correction,
          'rootCause', rs.root_cause, 'correctiveAction', rs.corrective_action, 'plannedCompletionOn', rs.planned_completion_on::text,
          'verdict', rs.verdict, 'verdictReason', rs.verdict_reason, 'verdictAt', ${TS('rs.verdict_at')}) ORDER BY rs.version)
        FROM audit_finding_responses rs WHERE rs.tenant_id = f.tenant_id AND rs.finding_id = f.id), '[]'::json))
    ORDER BY f.reference)
    FROM audit_findings f WHERE f.tenant_id = pr.tenant_id AND f.programme_id = pr.id), '[]'::json)
) AS file
FROM audit_programmes pr
JOIN engagements e ON e.id = pr.engagement_id
JOIN clients c ON c.tenant_id = pr.tenant_id AND c.id = pr.client_id`;

/** sha256 of the file's canonical JSON (RFC 8785), lower-case hex. */
export function fileHash(snapshot: TCertificationFile): string {
  return createHash('sha256').update(canonicalize(snapshot) ?? '', 'utf8').digest('hex');
}

/** The programme's certification file and its hash; undefined when the programme is not this tenant's. */
export async function buildCertificationFile(db: Kysely<DB>, tenantId: string, programmeId: string): Promise<{ snapshot: TCertificationFile; sha256: string } | undefined> {
  const res = await sql<{ file: TCertificationFile | string }>`${sql.raw(FILE_SQL)} WHERE pr.tenant_id = ${tenantId} AND pr.id = ${programmeId}`.execute(db);
  const row = res.rows[0];
  if (!row) return undefined;
  // PGlite and pg both parse json, but a driver configured otherwise would hand back text.
  const snapshot = (typeof row.file === 'string' ? JSON.parse(row.file) : row.file) as TCertificationFile;
  return { snapshot, sha256: fileHash(snapshot) };
}
