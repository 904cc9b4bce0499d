import { sql } from 'kysely';
import type { TDatabase } from '../../../db/client.ts';
import type { TRegisterHit, TRegisterStatus } from '../../../../shared/contracts/register.ts';

type TDb = TDatabase['db'];

/*
 * The public register's reads. These are the documented exception to "every query is filtered by
 * tenantId" (README beside this file): a certificate number is unique across the installation and
 * the register answers anyone. Every column sent is one the certificate states; the issuing body's
 * id is read only to key the held page to its register counter, and is never sent.
 */

/** A site or AI system of the certificate's jsonb, reduced to what the register shows. */
const SITES = `(SELECT coalesce(json_agg(json_build_object(
    'name', coalesce(s->>'name', ''),
    'address', coalesce(s->>'address', ''),
    'scope', CASE WHEN jsonb_typeof(s->'scope') = 'object' THEN json_build_object('en', coalesce(s->'scope'->>'en', ''), 'fr', coalesce(s->'scope'->>'fr', '')) END
  ) ORDER BY o), '[]')
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.sites) = 'array' THEN c.sites ELSE '[]'::jsonb END) WITH ORDINALITY AS x(s, o))`;
const AI_SYSTEMS = `(SELECT coalesce(json_agg(json_build_object('name', coalesce(a->>'name', a #>> '{}', '')) ORDER BY o), '[]')
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.ai_systems) = 'array' THEN c.ai_systems ELSE '[]'::jsonb END) WITH ORDINALITY AS y(a, o))`;

/**
 * Events of one revision at the same instant, in the order they happen. Revisions are ordered before
 * this rank, so 'superseded' — always a revision's last event — comes last: two scope changes on the
 * same day (and instant, under a test clock) read "extended, superseded", not the reverse.
 */
const EVENT_RANK = `array_position(ARRAY['issued','renewed','restored','scope_extended','scope_reduced','maintained','reinstated','suspended','withdrawn','expired','superseded']::text[], e.kind)`;

/**
 * The whole public page of a number as one JSON text, built by PostgreSQL in the one round trip:
 * the current revision (the unique partial index on number), every revision of the number (the
 * (number, revision) key) and the history of all of them. Node only hashes and sends the bytes.
 * The keys are ZRegisterCertificate's, in its order (the API test parses the answer with it).
 *
 * `stamp` names the page's state: the current row (a new revision is a new row), its status
 * fields (every status change sets status_changed_at) and its latest event; superseded revisions
 * and their events no longer change. The caller passes the stamp of the page it holds: when it is
 * still the same, the document is not built (CASE evaluates only the branch it takes) and the
 * answer is the stamp alone — the same single round trip, without PostgreSQL's JSON work.
 *
 * The statement takes several numbers at once (`$1`, with the stamps held in `$2` at the same
 * positions): lookups that arrive together are confirmed together (register-service.ts).
 */
const STAMP = `c.id::text || '|' || c.status || '|' || coalesce(c.status_changed_at::text, '') || '|' || coalesce(c.suspended_until::text, '') || '|' ||
  coalesce(ev.latest::text, '')`;
/** The latest event, joined once: the stamp is both returned and compared, and would otherwise run its subquery twice. */
const LATEST_EVENT = `LEFT JOIN LATERAL (SELECT max(e.created_at) AS latest FROM certificate_events e WHERE e.certificate_id = c.id AND e.tenant_id = c.tenant_id) ev ON true`;
/**
 * The accreditation as the certificate states it: read from its signed credential (UNTP
 * `authorisation`), not from the body's settings of today, so that the page says what was issued.
 */
const ACCREDITATION = `CASE WHEN jsonb_typeof(c.credential #> '{credentialSubject,authorisation,0}') = 'object'
    THEN json_build_object('body', c.credential #>> '{credentialSubject,authorisation,0,issuingAuthority,name}', 'number', c.credential #>> '{credentialSubject,authorisation,0,identifier}') END`;
const DETAIL_SQL = `SELECT s.number, s.stamp, s.tenant_id::text AS tenant, s.version, CASE WHEN s.stamp = s.known THEN NULL ELSE (SELECT json_build_object(
  'number', c.number,
  'revision', c.revision,
  'status', c.status,
  'suspendedUntil', c.suspended_until::text,
  'standard', c.standard,
  'holder', json_build_object('name', c.holder_name, 'address', c.holder_address),
  'scope', json_build_object('en', c.scope_en, 'fr', c.scope_fr),
  'sites', ${SITES},
  'aiSystems', ${AI_SYSTEMS},
  'soaVersion', c.soa_version,
  'originalIssueDate', c.original_issue_date::text,
  'effectiveDate', c.effective_date::text,
  'expiryDate', c.expiry_date::text,
  'decisionDate', c.decision_date::text,
  'body', json_build_object('name', c.body_name, 'address', c.body_address, 'accreditation', ${ACCREDITATION}),
  'revisions', (SELECT coalesce(json_agg(json_build_object('revision', r.revision, 'status', r.status, 'effectiveDate', r.effective_date::text,
      'expiryDate', r.expiry_date::text, 'decisionDate', r.decision_date::text) ORDER BY r.revision DESC), '[]')
    FROM certificates r WHERE r.number = c.number),
  'history', (SELECT coalesce(json_agg(json_build_object('kind', e.kind, 'effectiveOn', e.effective_on::text, 'revision', r.revision,
      'reason', json_build_object('en', e.reason_en, 'fr', e.reason_fr)) ORDER BY e.effective_on, e.created_at, r.revision, ${EVENT_RANK}), '[]')
    FROM certificates r JOIN certificate_events e ON e.tenant_id = r.tenant_id AND e.certificate_id = r.id WHERE r.number = c.number)
)::text FROM certificates c WHERE c.tenant_id = s.tenant_id AND c.id = s.id) END AS doc
FROM (SELECT q.number, q.known, c.tenant_id, c.id, ${STAMP} AS stamp,
    (SELECT rv.version::text FROM register_versions rv WHERE rv.tenant_id = c.tenant_id) AS version
  FROM unnest($1::text[], $2::text[]) AS q(number, known) JOIN certificates c ON c.number = q.number AND c.status <> 'superseded' ${LATEST_EVENT}) s`;

/**
 * `tenant` and `version` are the body's register counter (migration 0033) as of this statement:
 * the page is current at that version. They key the held page; they are never sent.
 */
export type TDocumentRow = { number: string; stamp: string; doc: string | null; tenant: string; version: string | null };

/**
 * One row per number that exists (a missing number has none); `doc` is null when the stamp given
 * for it (`''` for none) is still current.
 */
const VERSIONS_SQL = `SELECT tenant_id::text AS tenant, version::text AS version FROM register_versions WHERE tenant_id = ANY($1::uuid[])`;

/** The register counters of these bodies: one small row each, read by primary key. */
export async function registerVersions(database: Pick<TDatabase, 'hot'>, tenants: readonly string[]): Promise<Map<string, string>> {
  const rows = await database.hot<{ tenant: string; version: string }>('attest_register_versions', VERSIONS_SQL, [tenants]);
  return new Map(rows.map((r) => [r.tenant, r.version]));
}

export async function certificateDocuments(database: Pick<TDatabase, 'hot'>, lookups: readonly { number: string; knownStamp: string }[]): Promise<TDocumentRow[]> {
  return database.hot<TDocumentRow>(
    'attest_register_certificates',
    DETAIL_SQL,
    [lookups.map((l) => l.number), lookups.map((l) => l.knownStamp)],
  );
}

const CREDENTIAL_SQL = `SELECT c.credential::text AS credential FROM certificates c WHERE c.number = $1 AND c.status <> 'superseded'`;

export async function certificateCredential(database: Pick<TDatabase, 'hot'>, number: string): Promise<string | null> {
  const [row] = await database.hot<{ credential: string }>('attest_register_credential', CREDENTIAL_SQL, [number]);
  return row?.credential ?? null;
}

const VERIFY_SQL = `SELECT c.credential::text AS credential, c.number, c.revision, c.status, c.standard, c.holder_name, c.effective_date::text AS effective_date,
  c.expiry_date::text AS expiry_date FROM certificates c WHERE c.number = $1 AND c.status <> 'superseded'`;

export type TVerifyRow = { credential: string; number: string; revision: number; status: TRegisterStatus; standard: string; holder_name: string; effective_date: string; expiry_date: string };

export async function certificateForVerification(database: Pick<TDatabase, 'hot'>, number: string): Promise<TVerifyRow | null> {
  const [row] = await database.hot<TVerifyRow>('attest_register_verify', VERIFY_SQL, [number]);
  return row ?? null;
}

/** Where the previous page stopped: phase 0 walks number matches, phase 1 holder-name matches. */
export type TSearchCursor = { p: 0 | 1; k: string; n: string };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

type THitRow = TRegisterHit & { phase: 0 | 1; k1: string };

/**
 * Number matches first (prefix of the number, case-insensitive: certificates_number_prefix_idx),
 * then holder-name matches that are not number matches (prefix of lower(holder_name):
 * certificates_holder_idx). Both indexes are text_pattern_ops, ordered byte by byte: the branches
 * sort `USING ~<~` and compare with `~>~` so that each is one ordered index range cut at limit+1
 * rows, and the merge sorts the keys COLLATE "C" (the same order). A keystroke reads at most about
 * 2 × (limit + 1) index entries when no filter is given; a status or standard filter is checked on
 * the rows of the range. UNION ALL of the two: one round trip.
 */
export type TSearch = { text: string; status?: TRegisterStatus | undefined; standard?: string | undefined; cursor: TSearchCursor | null; limit: number };

export async function searchCertificates(db: TDb, q: TSearch): Promise<THitRow[]> {
  return (await searchSql(q).execute(db)).rows;
}

/** The search statement itself (the API test EXPLAINs it on PostgreSQL). */
export function searchSql(q: TSearch) {
  const numberPrefix = `${escapeLike(q.text.toUpperCase())}%`;
  const holderPrefix = `${escapeLike(q.text.toLowerCase())}%`;
  const filters = sql`${q.status ? sql`AND c.status = ${q.status}` : sql``} ${q.standard ? sql`AND c.standard = ${q.standard}` : sql``}`;
  const cols = sql`c.number, c.holder_name AS "holderName", c.status, c.standard, c.effective_date::text AS "effectiveDate", c.expiry_date::text AS "expiryDate", c.body_name AS "bodyName"`;
  const after = (key: ReturnType<typeof sql.raw>) =>
    q.cursor ? sql`AND (${key} ~>~ ${q.cursor.k} OR (${key} = ${q.cursor.k} AND c.number > ${q.cursor.n}))` : sql``;
  const numbers = sql`(SELECT ${cols}, 0 AS phase, upper(c.number) AS k1 FROM certificates c
      WHERE c.status <> 'superseded' AND upper(c.number) LIKE ${numberPrefix} ${filters}
      ${q.cursor?.p === 0 ? after(sql.raw('upper(c.number)')) : sql``}
      ORDER BY upper(c.number) USING ~<~, c.number LIMIT ${q.limit + 1})`;
  const holders = sql`(SELECT ${cols}, 1 AS phase, lower(c.holder_name) AS k1 FROM certificates c
      WHERE c.status <> 'superseded' AND lower(c.holder_name) LIKE ${holderPrefix} AND upper(c.number) NOT LIKE ${numberPrefix} ${filters}
      ${q.cursor?.p === 1 ? after(sql.raw('lower(c.holder_name)')) : sql``}
      ORDER BY lower(c.holder_name) USING ~<~, c.number LIMIT ${q.limit + 1})`;
  return q.cursor?.p === 1
    ? sql<THitRow>`${holders}`
    : sql<THitRow>`SELECT * FROM (${numbers} UNION ALL ${holders}) hits ORDER BY phase, k1 COLLATE "C", number LIMIT ${q.limit + 1}`;
}
