import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.ts';
import { newestFirstPage } from '../common/keyset-page.ts';
import type { TCertificationFile, TDecisionListQuery, TReviewChecklistEntry, TTechnicalReviewListQuery } from '../../../../shared/contracts/cert-decisions.ts';
import type { TDecisionKind, TTechnicalReviewState } from '../../../../shared/contracts/certification-decisions.ts';
import type { TAuditType } from '../../../../shared/contracts/certification.ts';

/* Technical reviews and certification decisions (migration 0025): every function takes the body's tenantId and filters by it. */

export type TProgrammeHead = {
  id: string;
  engagement_id: string;
  client_id: string;
  cycle: number;
  status: string;
  decision_date: string | null;
  expiry_date: string | null;
  client_reference: string;
  client_name: string;
  organization_tenant_id: string;
  body_name: string;
  suspension_max_months: number;
};

/** The programme with its client and engagement; `forUpdate` locks the programme row (decisions on one programme queue behind each other). */
export async function programmeHead(db: Kysely<DB>, tenantId: string, programmeId: string, forUpdate = false) {
  const { rows } = await sql<TProgrammeHead>`
    SELECT pr.id, pr.engagement_id, pr.client_id, pr.cycle, pr.status, pr.decision_date::text AS decision_date, pr.expiry_date::text AS expiry_date,
      c.reference AS client_reference, c.legal_name AS client_name, e.organization_tenant_id,
      coalesce(bs.legal_name, t.name) AS body_name, coalesce(bs.suspension_max_months, 6) AS suspension_max_months
    FROM audit_programmes pr
    JOIN clients c ON c.tenant_id = pr.tenant_id AND c.id = pr.client_id
    JOIN engagements e ON e.id = pr.engagement_id
    JOIN tenants t ON t.id = pr.tenant_id
    LEFT JOIN body_settings bs ON bs.tenant_id = pr.tenant_id
    WHERE pr.tenant_id = ${tenantId} AND pr.id = ${programmeId}
    ${forUpdate ? sql`FOR UPDATE OF pr` : sql``}`.execute(db);
  return rows[0];
}

export const auditOf = (db: Kysely<DB>, tenantId: string, auditId: string) =>
  db.selectFrom('audits').select(['id', 'programme_id', 'type', 'state', 'reference']).where('tenant_id', '=', tenantId).where('id', '=', auditId).executeTakeFirst();

/** Whether the person holds this role in the body. */
export async function hasRole(db: Kysely<DB>, tenantId: string, userId: string, role: 'technical_reviewer' | 'decision_maker') {
  const row = await db.selectFrom('memberships').select('user_id').where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('role', '=', role).executeTakeFirst();
  return !!row;
}

// ---------------------------------------------------------------------------------------------
// Technical reviews

export type TReviewRow = {
  id: string;
  programme_id: string;
  cycle: number;
  engagement_id: string;
  client_id: string;
  client_reference: string;
  client_name: string;
  audit_id: string;
  audit_reference: string;
  audit_type: TAuditType;
  reviewer_id: string;
  reviewer_name: string;
  state: TTechnicalReviewState;
  checklist: TReviewChecklistEntry[];
  recommendation: TDecisionKind | null;
  notes: string;
  file_sha256: string | null;
  completed_at: Date | string | null;
  created_at: Date | string;
  /** The day the first decision citing this review was taken, if any. */
  decided_on: string | null;
  /** The body's target for deciding after a completed review, in business days (migration 0031). */
  decision_target_days: number | null;
  sort_key: string;
};

/** The order of the review list, as text the cursor keeps (microseconds, UTC). */
const REVIEW_SORT = sql`to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

const reviewSelect = sql`
  SELECT r.id, r.programme_id, pr.cycle, r.engagement_id, r.client_id, c.reference AS client_reference, c.legal_name AS client_name,
    r.audit_id, a.reference AS audit_reference, a.type AS audit_type, r.reviewer_id, u.name AS reviewer_name, r.state, r.checklist,
    r.recommendation, r.notes, r.file_sha256, r.completed_at, r.created_at,
    (SELECT min(d.decided_on)::text FROM certification_decisions d WHERE d.tenant_id = r.tenant_id AND d.technical_review_id = r.id) AS decided_on,
    (SELECT bs.decision_days FROM body_settings bs WHERE bs.tenant_id = r.tenant_id) AS decision_target_days,
    ${REVIEW_SORT} AS sort_key
  FROM technical_reviews r
  JOIN audit_programmes pr ON pr.tenant_id = r.tenant_id AND pr.id = r.programme_id
  JOIN clients c ON c.tenant_id = r.tenant_id AND c.id = r.client_id
  JOIN audits a ON a.tenant_id = r.tenant_id AND a.id = r.audit_id
  JOIN users u ON u.id = r.reviewer_id`;

export async function getReview(db: Kysely<DB>, tenantId: string, reviewId: string, forUpdate = false) {
  const { rows } = await sql<TReviewRow>`${reviewSelect} WHERE r.tenant_id = ${tenantId} AND r.id = ${reviewId} ${forUpdate ? sql`FOR UPDATE OF r` : sql``}`.execute(db);
  return rows[0];
}

/** The latest completed review of the programme, for a decision that does not name one. */
export async function latestCompletedReview(db: Kysely<DB>, tenantId: string, programmeId: string) {
  const { rows } = await sql<TReviewRow>`${reviewSelect} WHERE r.tenant_id = ${tenantId} AND r.programme_id = ${programmeId} AND r.state = 'completed'
    ORDER BY r.completed_at DESC, r.id DESC LIMIT 1`.execute(db);
  return rows[0];
}

/** The latest review of the programme, draft or completed, for the decision form. */
export async function latestReview(db: Kysely<DB>, tenantId: string, programmeId: string) {
  const { rows } = await sql<TReviewRow>`${reviewSelect} WHERE r.tenant_id = ${tenantId} AND r.programme_id = ${programmeId}
    ORDER BY (r.state = 'completed') DESC, coalesce(r.completed_at, r.created_at) DESC, r.id DESC LIMIT 1`.execute(db);
  return rows[0];
}

/** Latest first; one statement. */
export async function listReviews(db: Kysely<DB>, tenantId: string, q: TTechnicalReviewListQuery) {
  const statement = sql`${reviewSelect}
    WHERE r.tenant_id = ${tenantId}
      ${q.state ? sql`AND r.state = ${q.state}` : sql``}
      ${q.programmeId ? sql`AND r.programme_id = ${q.programmeId}` : sql``}
      ${q.clientId ? sql`AND r.client_id = ${q.clientId}` : sql``}`;
  return newestFirstPage<TReviewRow>(db, statement, { sortKey: REVIEW_SORT, id: sql`r.id`, cursor: q.cursor, limit: q.limit });
}

export async function insertReview(
  db: Kysely<DB>,
  tenantId: string,
  v: { programmeId: string; engagementId: string; clientId: string; auditId: string; reviewerId: string; checklist: TReviewChecklistEntry[]; now: Date },
) {
  const row = await db
    .insertInto('technical_reviews')
    .values({
      tenant_id: tenantId,
      programme_id: v.programmeId,
      engagement_id: v.engagementId,
      client_id: v.clientId,
      audit_id: v.auditId,
      reviewer_id: v.reviewerId,
      checklist: JSON.stringify(v.checklist),
      created_at: v.now,
      updated_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReview(
  db: Kysely<DB>,
  tenantId: string,
  reviewId: string,
  v: { checklist: TReviewChecklistEntry[]; recommendation: TDecisionKind | null; notes: string; now: Date; complete?: { sha256: string; snapshot: TCertificationFile } },
) {
  await db
    .updateTable('technical_reviews')
    .set({
      checklist: JSON.stringify(v.checklist),
      recommendation: v.recommendation,
      notes: v.notes,
      updated_at: v.now,
      ...(v.complete ? { state: 'completed' as const, file_sha256: v.complete.sha256, file_snapshot: JSON.stringify(v.complete.snapshot), completed_at: v.now } : {}),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', reviewId)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Decisions

export type TDecisionRow = {
  id: string;
  reference: string;
  kind: TDecisionKind;
  programme_id: string;
  cycle: number;
  engagement_id: string;
  client_id: string;
  client_reference: string;
  client_name: string;
  technical_review_id: string | null;
  certificate_id: string | null;
  certificate_number: string | null;
  decided_by: string;
  decided_by_name: string;
  decided_on: string;
  decided_at: Date | string;
  reasoning: string;
  details: Record<string, unknown>;
  file_sha256: string;
  sort_key: string;
};

/** The order of the decision list, as text the cursor keeps (microseconds, UTC). */
const DECISION_SORT = sql`to_char(d.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

const decisionSelect = (withFile: boolean) => sql`
  SELECT d.id, d.reference, d.kind, d.programme_id, pr.cycle, d.engagement_id, d.client_id, c.reference AS client_reference, c.legal_name AS client_name,
    d.technical_review_id, d.certificate_id, ce.number AS certificate_number, d.decided_by, u.name AS decided_by_name, d.decided_on::text AS decided_on,
    d.decided_at, d.reasoning, d.details, d.file_sha256,
    ${DECISION_SORT} AS sort_key
    ${withFile ? sql`, d.file_snapshot` : sql``}
  FROM certification_decisions d
  JOIN audit_programmes pr ON pr.tenant_id = d.tenant_id AND pr.id = d.programme_id
  JOIN clients c ON c.tenant_id = d.tenant_id AND c.id = d.client_id
  JOIN users u ON u.id = d.decided_by
  LEFT JOIN certificates ce ON ce.tenant_id = d.tenant_id AND ce.id = d.certificate_id`;

export async function getDecision(db: Kysely<DB>, tenantId: string, decisionId: string) {
  const { rows } = await sql<TDecisionRow & { file_snapshot: TCertificationFile }>`${decisionSelect(true)} WHERE d.tenant_id = ${tenantId} AND d.id = ${decisionId}`.execute(db);
  return rows[0];
}

/** Latest first; one statement. */
export async function listDecisions(db: Kysely<DB>, tenantId: string, q: TDecisionListQuery) {
  const statement = sql`${decisionSelect(false)}
    WHERE d.tenant_id = ${tenantId}
      ${q.kind ? sql`AND d.kind = ${q.kind}` : sql``}
      ${q.programmeId ? sql`AND d.programme_id = ${q.programmeId}` : sql``}
      ${q.clientId ? sql`AND d.client_id = ${q.clientId}` : sql``}`;
  return newestFirstPage<TDecisionRow>(db, statement, { sortKey: DECISION_SORT, id: sql`d.id`, cursor: q.cursor, limit: q.limit });
}

export async function insertDecision(
  db: Kysely<DB>,
  tenantId: string,
  v: {
    reference: string;
    programmeId: string;
    engagementId: string;
    clientId: string;
    technicalReviewId: string | null;
    certificateId: string | null;
    kind: TDecisionKind;
    decidedBy: string;
    decidedOn: string;
    decidedAt: Date;
    reasoning: string;
    details: Record<string, unknown>;
    fileSha256: string;
    fileSnapshot: TCertificationFile;
  },
) {
  const row = await db
    .insertInto('certification_decisions')
    .values({
      tenant_id: tenantId,
      reference: v.reference,
      programme_id: v.programmeId,
      engagement_id: v.engagementId,
      client_id: v.clientId,
      technical_review_id: v.technicalReviewId,
      certificate_id: v.certificateId,
      kind: v.kind,
      decided_by: v.decidedBy,
      decided_on: v.decidedOn,
      decided_at: v.decidedAt,
      reasoning: v.reasoning,
      details: JSON.stringify(v.details),
      file_sha256: v.fileSha256,
      file_snapshot: JSON.stringify(v.fileSnapshot),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const setDecisionCertificate = (db: Kysely<DB>, tenantId: string, decisionId: string, certificateId: string) =>
  db.updateTable('certification_decisions').set({ certificate_id: certificateId }).where('tenant_id', '=', tenantId).where('id', '=', decisionId).execute();

/** On a grant: the cycle starts at the decision (17021-1 9.1.3). */
export const setProgrammeDates = (db: Kysely<DB>, tenantId: string, programmeId: string, decisionDate: string, expiryDate: string) =>
  db.updateTable('audit_programmes').set({ decision_date: decisionDate, expiry_date: expiryDate }).where('tenant_id', '=', tenantId).where('id', '=', programmeId).execute();

/** The programme's surveillance and recertification slots that are still to be done. */
export const openSlots = (db: Kysely<DB>, tenantId: string, programmeId: string) =>
  db
    .selectFrom('audits')
    .select(['id', 'reference', 'type', 'sequence', sql<string | null>`due_by::text`.as('due_by')])
    .where('tenant_id', '=', tenantId)
    .where('programme_id', '=', programmeId)
    .where('type', 'in', ['surveillance', 'recertification'])
    .where('state', 'in', ['planned', 'confirmed', 'in_progress'])
    .execute();

export const setAuditDueBy = (db: Kysely<DB>, tenantId: string, auditId: string, dueBy: string | null) =>
  db.updateTable('audits').set({ due_by: dueBy }).where('tenant_id', '=', tenantId).where('id', '=', auditId).execute();

export type TCertificateHead = { id: string; number: string; status: string; expiry_date: string; programme_id: string; client_id: string; engagement_id: string };

/** A certificate of the client, read for the decision acting on it (the certificates module owns the row and changes it). */
export async function certificateHead(db: Kysely<DB>, tenantId: string, certificateId: string) {
  const { rows } = await sql<TCertificateHead>`
    SELECT id, number, status, expiry_date::text AS expiry_date, programme_id, client_id, engagement_id FROM certificates WHERE tenant_id = ${tenantId} AND id = ${certificateId}`.execute(db);
  return rows[0];
}

/** The client's current certificate (not superseded), latest first. */
export async function currentCertificate(db: Kysely<DB>, tenantId: string, clientId: string) {
  const { rows } = await sql<TCertificateHead>`
    SELECT id, number, status, expiry_date::text AS expiry_date, programme_id, client_id, engagement_id FROM certificates
    WHERE tenant_id = ${tenantId} AND client_id = ${clientId} AND status <> 'superseded' ORDER BY created_at DESC, id DESC LIMIT 1`.execute(db);
  return rows[0];
}

/** The engagement's current cycle: the programme a decision on its certificate is taken in. */
export async function currentProgrammeId(db: Kysely<DB>, tenantId: string, engagementId: string) {
  const row = await db
    .selectFrom('audit_programmes')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('engagement_id', '=', engagementId)
    .orderBy('cycle', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}
