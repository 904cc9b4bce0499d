import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import { ISO42001_STANDARD, type TDecisionKind } from '../../../../shared/contracts/certification-decisions.ts';
import { cycleDates } from '../engagements/programme-rules.ts';
import { publicBaseUrl } from '../proposals/proposal-common.ts';
import { produceCertificateArtifacts } from './certificate-artifacts.ts';
import type { TBilingual, TCertificateFacts } from './certificate-credential.ts';
import { certificateLifecycle, EVENT_OF, type TIssueKind } from './certificate-lifecycle.ts';
import { formatNumber, numberParts, numberRegex } from './certificate-number.ts';
import * as repo from './certificates-repo.ts';

/*
 * Issuing a certificate on a certification decision (ISO/IEC 17021-1 8.2, 9.5, 9.6.3–9.6.5). The
 * decision service calls this inside its own transaction, after recording the decision: the
 * certificate, its public event, its superseded predecessor, the decision's link to it and the audit
 * event commit or roll back with the decision. The PDFs are rendered and stored (by SHA-256) before
 * the rows are written; a rolled-back decision leaves only unreferenced blobs.
 */

export type TCertificateDeps = Pick<TPlatform, 'authz' | 'blobs' | 'signer' | 'config' | 'clock' | 'jobs'>;

export type TIssueCertificateInput = {
  tenantId: string;
  decisionId: string;
  kind: TIssueKind;
  /** Never before the decision (8.2 b). */
  effectiveDate: string;
  /** Given for a renewal chained from the previous expiry (cert-cycle's rule); else 3 years from the decision, or unchanged for a scope change. */
  expiryDate?: string;
  scope?: TBilingual;
};

/** Which decisions may issue which certificates: a restoration after expiry is decided as a renewal (or a new grant). */
const DECISION_FOR: Record<TIssueKind, readonly TDecisionKind[]> = {
  grant: ['grant'],
  renew: ['renew'],
  reduce_scope: ['reduce_scope'],
  extend_scope: ['extend_scope'],
  restore: ['renew', 'grant'],
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function issueCertificate(tx: Transaction<DB>, deps: TCertificateDeps, actor: TActor | null, ctx: TRequestContext, input: TIssueCertificateInput) {
  const { tenantId } = input;
  await deps.authz.assert(actor, 'certificate.issue', { tenantId });
  if (!DAY.test(input.effectiveDate) || (input.expiryDate !== undefined && !DAY.test(input.expiryDate))) {
    throw new AppError(422, 'validation_failed', 'Dates are calendar days (YYYY-MM-DD).', { field: 'effectiveDate' });
  }
  const decision = await repo.getDecision(tx, tenantId, input.decisionId);
  if (!decision) throw notFound('Decision');
  if (!DECISION_FOR[input.kind].includes(decision.kind)) {
    throw new AppError(409, 'certificate_decision_mismatch', `A ${decision.kind} decision does not issue a certificate by ${input.kind}.`, { decisionKind: decision.kind, kind: input.kind });
  }
  const already = await repo.certificateOfDecision(tx, tenantId, decision.id);
  if (already) throw new AppError(409, 'certificate_decision_mismatch', `This decision already issued certificate ${already.number}.`, { number: already.number });
  if (input.effectiveDate < decision.decided_on) {
    throw new AppError(422, 'certificate_effective_before_decision', 'The effective date cannot be before the decision.', { decisionDate: decision.decided_on, field: 'effectiveDate' });
  }

  const info = await repo.issueContext(tx, tenantId, decision.client_id, decision.engagement_id);
  if (!info) throw notFound('Client');
  if (!info.sites.length) throw new AppError(409, 'certificate_no_site', 'The client has no site to certify.', {});

  const previous =
    input.kind === 'grant'
      ? null
      : ((decision.certificate_id ? await repo.getCertificate(tx, tenantId, decision.certificate_id, true) : undefined) ??
        (await repo.currentOfClient(tx, tenantId, decision.client_id, true)) ??
        null);
  if (input.kind === 'grant') {
    const current = await repo.currentOfClient(tx, tenantId, decision.client_id);
    if (current && (current.status === 'valid' || current.status === 'suspended')) {
      throw new AppError(409, 'certificate_already_current', `The client already holds certificate ${current.number}.`, { number: current.number });
    }
  } else if (!previous || previous.client_id !== decision.client_id) {
    throw new AppError(409, 'certificate_no_previous', 'There is no certificate of this client to revise.', {});
  }
  const step = previous ? certificateLifecycle.transition(previous.status, input.kind as Exclude<TIssueKind, 'grant'>, undefined) : null;

  const expiryDate =
    input.expiryDate ?? (previous && (input.kind === 'reduce_scope' || input.kind === 'extend_scope') ? previous.expiry_date : cycleDates(decision.decided_on).expiryDate);
  if (expiryDate <= input.effectiveDate) throw new AppError(422, 'certificate_expiry_order', 'The expiry date must come after the effective date.', { field: 'expiryDate' });

  const now = deps.clock.now();
  const id = randomUUID();
  let number: string;
  if (previous) number = previous.number;
  else {
    const parts = numberParts(info.pattern, { year: Number(input.effectiveDate.slice(0, 4)), bodySlug: info.body_slug });
    number = formatNumber(parts, await repo.nextCounter(tx, parts.prefix, parts.suffix, numberRegex(parts)));
  }
  const scope = input.scope ?? (previous ? { en: previous.scope_en, fr: previous.scope_fr } : defaultScope(info));
  const facts: TCertificateFacts = {
    certificateId: id,
    number,
    revision: previous ? previous.revision + 1 : 0,
    standard: ISO42001_STANDARD,
    holder: { id: decision.client_id, name: info.holder_name, address: info.holder_address },
    sites: info.sites.map((s) => ({ id: s.id, name: s.name, address: s.address, central: s.central, scope: s.activities.trim() ? { en: s.activities.trim(), fr: s.activities.trim() } : scope })),
    aiSystems: info.ai_systems,
    scope,
    soaVersion: info.soa_version === null ? '' : String(info.soa_version),
    body: {
      slug: info.body_slug,
      name: info.body_name,
      address: info.body_address,
      accredited: info.accredited,
      accreditationBody: info.accreditation_body,
      accreditationNumber: info.accreditation_number,
    },
    // 17021-1 8.2: the original certification date may be kept across revisions.
    originalIssueDate: previous ? previous.original_issue_date : input.effectiveDate,
    effectiveDate: input.effectiveDate,
    expiryDate,
    decisionDate: decision.decided_on,
    status: 'valid',
  };
  const artifacts = await produceCertificateArtifacts(facts, deps, { publicUrl: publicBaseUrl(deps.config), issuedAt: now });

  if (previous && step) {
    // Superseded first: the register's unique index allows one current row per number.
    await repo.markStatus(tx, tenantId, previous.id, { status: step.to, suspended_until: null, status_reason: previous.status_reason, status_changed_at: now });
    await repo.insertEvent(tx, { tenant_id: tenantId, certificate_id: previous.id, kind: 'superseded', effective_on: input.effectiveDate, decision_id: decision.id, created_at: now });
  }
  await repo.insertCertificate(tx, {
    tenant_id: tenantId,
    id,
    number,
    revision: facts.revision,
    supersedes_id: previous?.id ?? null,
    engagement_id: decision.engagement_id,
    client_id: decision.client_id,
    programme_id: decision.programme_id,
    decision_id: decision.id,
    standard: facts.standard,
    holder_name: facts.holder.name,
    holder_address: facts.holder.address,
    sites: facts.sites,
    ai_systems: facts.aiSystems,
    scope_en: scope.en,
    scope_fr: scope.fr,
    soa_version: facts.soaVersion,
    body_name: facts.body.name,
    body_address: facts.body.address,
    original_issue_date: facts.originalIssueDate,
    effective_date: facts.effectiveDate,
    expiry_date: facts.expiryDate,
    decision_date: facts.decisionDate,
    credential: artifacts.credential,
    credential_sha256: artifacts.credentialSha256,
    documents: artifacts.documents,
    created_at: now,
  });
  await repo.insertEvent(tx, { tenant_id: tenantId, certificate_id: id, kind: EVENT_OF[input.kind], effective_on: input.effectiveDate, decision_id: decision.id, created_at: now });
  await repo.linkDecision(tx, tenantId, decision.id, id);
  await recordAudit(tx, actor, ctx, {
    tenantId,
    action: 'certificate.issued',
    subjectType: 'certificate',
    subjectId: id,
    after: {
      number,
      revision: facts.revision,
      kind: input.kind,
      holderName: facts.holder.name,
      effectiveDate: facts.effectiveDate,
      expiryDate: facts.expiryDate,
      decisionId: decision.id,
      supersedesId: previous?.id ?? null,
      credentialSha256: artifacts.credentialSha256,
    },
  });
  return (await repo.getCertificate(tx, tenantId, id))!;
}

/**
 * No scope given and nothing to carry over: the organization's approved AIMS scope statement (in
 * the words it wrote), else the plain name of the management system.
 */
function defaultScope(info: { aims_scope: string | null }): TBilingual {
  const own = info.aims_scope?.trim();
  if (own) return { en: own, fr: own };
  return { en: 'Artificial intelligence management system', fr: 'Système de management de l’intelligence artificielle' };
}
