import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { TPlatform } from '../../src/server/platform/platform.ts';
import { nextReference } from '../../src/server/modules/certification/common/next-reference.ts';
import { signCertificateCredential, type TCertificateFacts } from '../../src/server/modules/certification/certificates/certificate-credential.ts';
import type { TAuditTeamRole, TAuditType, TScheme, TSectorRisk } from '../../src/shared/contracts/certification.ts';
import type { TDecisionKind } from '../../src/shared/contracts/certification-decisions.ts';
import { loadUserActor } from '../../src/server/platform/auth/sessions.ts';
import { issueCertificate } from '../../src/server/modules/certification/certificates/certificate-issue.ts';
import type { TIssueKind } from '../../src/server/modules/certification/certificates/certificate-lifecycle.ts';
import { buildMembership, buildTenant, type TBuiltTenant } from './factories.ts';

/*
 * A certification body and its records for one test. These insert straight into the tables of
 * migration 0018 because the certification modules are being built side by side; once a module's
 * repository exists, its factory should go through it (as factories.ts does for tenants).
 */

type TUser = TBuiltTenant['owner'];

/** A certification body with its settings (public slug, cooling-off, day rate); its founder is a scheme manager. */
export async function buildBody(p: TPlatform, o: { name?: string; slug?: string; coolingOffMonths?: number; rotationMaxCycles?: number } = {}) {
  const tenant = await buildTenant(p, { kind: 'certification_body', name: o.name ?? `Body ${randomUUID().slice(0, 6)}` });
  const settings = await p.db
    .insertInto('body_settings')
    .values({
      tenant_id: tenant.id,
      public_slug: o.slug ?? `body-${randomUUID().slice(0, 8)}`,
      legal_name: `${tenant.name} SAS`,
      address: '12 rue de la Paix, 75002 Paris, France',
      ...(o.coolingOffMonths === undefined ? {} : { cooling_off_months: o.coolingOffMonths }),
      ...(o.rotationMaxCycles === undefined ? {} : { rotation_max_cycles: o.rotationMaxCycles }),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...tenant, settings };
}
export type TBuiltBody = Awaited<ReturnType<typeof buildBody>>;

/** A client of the body with a central site (and more sites if asked). */
export async function buildClient(
  p: TPlatform,
  body: { id: string },
  o: { legalName?: string; employees?: number; sites?: number; aiSystems?: number; highRisk?: number; sectorRisk?: TSectorRisk; organizationTenantId?: string } = {},
) {
  return p.db.transaction().execute(async (tx) => {
    const reference = await nextReference(tx, body.id, { table: 'clients', prefix: 'CLI' });
    const client = await tx
      .insertInto('clients')
      .values({
        tenant_id: body.id,
        reference,
        legal_name: o.legalName ?? `Client ${randomUUID().slice(0, 6)} SA`,
        registered_address: '8 avenue de l’Opéra, 75001 Paris, France',
        sector: 'Financial services',
        sector_risk: o.sectorRisk ?? 'high',
        employees_full_time: o.employees ?? 40,
        ai_systems_count: o.aiSystems ?? 2,
        high_risk_ai_systems: o.highRisk ?? 1,
        ai_roles: ['provider'],
        organization_tenant_id: o.organizationTenantId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const sites = Math.max(1, o.sites ?? 1);
    for (let i = 0; i < sites; i++) {
      await tx
        .insertInto('client_sites')
        .values({ tenant_id: body.id, client_id: client.id, name: i === 0 ? 'Siège' : `Site ${i + 1}`, address: 'Paris', is_central: i === 0, personnel: 10 })
        .execute();
    }
    return client;
  });
}
export type TBuiltClient = Awaited<ReturnType<typeof buildClient>>;

const SLOTS: { type: TAuditType; sequence: number; days: number }[] = [
  { type: 'stage1', sequence: 1, days: 1.5 },
  { type: 'stage2', sequence: 1, days: 3 },
  { type: 'surveillance', sequence: 1, days: 1.5 },
  { type: 'surveillance', sequence: 2, days: 1.5 },
  { type: 'recertification', sequence: 1, days: 3 },
];

/**
 * An active engagement between `body` and `organization`, with its first programme and the five
 * audit slots (stage 1, stage 2, surveillance 1 and 2, recertification) planned. The client is made
 * unless one is given, and is linked to the organization's tenant.
 */
export async function buildEngagement(
  p: TPlatform,
  body: TBuiltBody,
  organization: { id: string },
  o: { client?: TBuiltClient; scheme?: TScheme; status?: 'active' | 'suspended' | 'closed' } = {},
) {
  const client = o.client ?? (await buildClient(p, body, { organizationTenantId: organization.id }));
  return p.db.transaction().execute(async (tx) => {
    await tx.updateTable('clients').set({ organization_tenant_id: organization.id }).where('tenant_id', '=', body.id).where('id', '=', client.id).execute();
    const status = o.status ?? 'active';
    const engagement = await tx
      .insertInto('engagements')
      .values({
        body_tenant_id: body.id,
        organization_tenant_id: organization.id,
        client_id: client.id,
        scheme: o.scheme ?? 'iso42001',
        status,
        closed_at: status === 'closed' ? new Date() : null,
        created_by: body.owner.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const programme = await tx
      .insertInto('audit_programmes')
      .values({ tenant_id: body.id, engagement_id: engagement.id, client_id: client.id, created_by: body.owner.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    const audits: Record<string, { id: string; reference: string; type: TAuditType; sequence: number }> = {};
    const year = new Date(p.clock.now()).getUTCFullYear();
    for (const slot of SLOTS) {
      const reference = await nextReference(tx, body.id, { table: 'audits', prefix: 'AUD', year });
      const audit = await tx
        .insertInto('audits')
        .values({
          tenant_id: body.id,
          programme_id: programme.id,
          engagement_id: engagement.id,
          client_id: client.id,
          reference,
          type: slot.type,
          sequence: slot.sequence,
          planned_days: slot.days,
          created_by: body.owner.id,
        })
        .returning(['id', 'reference', 'type', 'sequence'])
        .executeTakeFirstOrThrow();
      audits[slot.type === 'surveillance' ? `surveillance${slot.sequence}` : slot.type] = audit;
    }
    return {
      client,
      engagement,
      programme,
      audits: audits as Record<'stage1' | 'stage2' | 'surveillance1' | 'surveillance2' | 'recertification', (typeof audits)[string]>,
    };
  });
}
export type TBuiltEngagement = Awaited<ReturnType<typeof buildEngagement>>;

/**
 * Puts people on an audit's team; a member of the body is made for each entry without a user. By
 * default each person also gets a competence record that fits any role (ISO/IEC 42001, lead-
 * qualified, valid 2000–2999) and signs the impartiality declaration, so the audit can be
 * confirmed; `competent: false` / `declared: false` leave those out.
 */
export async function buildAuditTeam(
  p: TPlatform,
  body: TBuiltBody,
  auditId: string,
  members: { role: TAuditTeamRole; user?: TUser; plannedDays?: number; competent?: boolean; declared?: boolean }[],
) {
  const out: { user: TUser; role: TAuditTeamRole }[] = [];
  for (const m of members) {
    const user = m.user ?? (await buildMembership(p, body, 'auditor'));
    await p.db
      .insertInto('audit_team_members')
      .values({ tenant_id: body.id, audit_id: auditId, user_id: user.id, role: m.role, planned_days: m.plannedDays ?? 1, assigned_by: body.owner.id })
      .execute();
    if (m.competent !== false) {
      await p.db
        .insertInto('auditor_competences')
        .values({
          tenant_id: body.id,
          user_id: user.id,
          scheme: 'iso42001',
          qualification: 'ISO/IEC 42001 Lead Auditor',
          iso42001_trained_on: '2000-01-01',
          ai_domain_areas: ['Machine learning'],
          lead_qualified: true,
          valid_from: '2000-01-01',
          valid_until: '2999-12-31',
        })
        .execute();
    }
    if (m.declared !== false) {
      await p.db
        .insertInto('audit_impartiality_declarations')
        .values({ tenant_id: body.id, audit_id: auditId, user_id: user.id, statement_version: 'test', locale: 'en', statement: 'Test declaration.' })
        .execute();
    }
    out.push({ user, role: m.role });
  }
  return out;
}

/**
 * A finding row of an audit (migration 0025), straight into the table, with its answers if asked:
 * each answer is a submission (version 1, 2, …) with its verdict. A nonconformity defaults to
 * ISO/IEC 42001 clause 6.1.2 and a response due in 30 days; observations are 'noted'.
 */
export async function buildFindingRow(
  p: TPlatform,
  body: { id: string; owner: { id: string } },
  e: Pick<TBuiltEngagement, 'engagement' | 'programme' | 'client'>,
  o: {
    auditId: string;
    class: 'major' | 'minor' | 'observation' | 'opportunity';
    state?: 'open' | 'submitted' | 'accepted' | 'verified' | 'closed' | 'noted';
    ref?: string;
    statement?: string;
    evidence?: string;
    responseDueOn?: string;
    closureDueOn?: string | null;
    raisedAt?: string;
    responses?: { correction: string; rootCause: string; correctiveAction: string; plannedCompletionOn?: string | null; verdict?: 'accepted' | 'rejected' | null; verdictReason?: string }[];
  },
) {
  const nc = o.class === 'major' || o.class === 'minor';
  const state = o.state ?? (nc ? 'open' : 'noted');
  return p.db.transaction().execute(async (tx) => {
    const reference = await nextReference(tx, body.id, { table: 'audit_findings', prefix: 'FND', year: new Date(p.clock.now()).getUTCFullYear() });
    const finding = await tx
      .insertInto('audit_findings')
      .values({
        tenant_id: body.id,
        audit_id: o.auditId,
        programme_id: e.programme.id,
        engagement_id: e.engagement.id,
        client_id: e.client.id,
        reference,
        class: o.class,
        framework_id: nc || o.ref ? 'iso-iec-42001-2023' : null,
        framework_version: nc || o.ref ? '2023-r2' : null,
        ref: nc || o.ref ? (o.ref ?? '6.1.2') : null,
        statement: o.statement ?? `Finding ${reference}`,
        evidence: o.evidence ?? 'Interviewed the risk owner; sampled three risk records.',
        state,
        response_due_on: nc ? (o.responseDueOn ?? '2027-01-30') : null,
        closure_due_on: o.closureDueOn ?? null,
        verified_at: state === 'verified' ? new Date(p.clock.now()) : null,
        verified_by: state === 'verified' ? body.owner.id : null,
        verification_method: state === 'verified' ? 'remote' : null,
        closed_at: state === 'closed' ? new Date(p.clock.now()) : null,
        closed_by: state === 'closed' ? body.owner.id : null,
        raised_by: body.owner.id,
        ...(o.raisedAt ? { raised_at: o.raisedAt } : {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const responses = [];
    for (const [i, r] of (o.responses ?? []).entries()) {
      responses.push(
        await tx
          .insertInto('audit_finding_responses')
          .values({
            tenant_id: body.id,
            finding_id: finding.id,
            version: i + 1,
            correction: r.correction,
            root_cause: r.rootCause,
            corrective_action: r.correctiveAction,
            planned_completion_on: r.plannedCompletionOn ?? null,
            submitted_by: body.owner.id,
            verdict: r.verdict ?? null,
            verdict_reason: r.verdictReason ?? '',
            verdict_by: r.verdict ? body.owner.id : null,
            verdict_at: r.verdict ? new Date(p.clock.now()) : null,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    }
    return { ...finding, responses };
  });
}

/**
 * A certificate as the register reads it, inserted straight into the tables of migration 0025 (a
 * minimal stand-in until cert-certificates' issue service exists), with its decision and its
 * 'issued' event, its credential signed by the platform key. `revise` makes the next revision of an existing number: the old row becomes
 * superseded, as a renewal or a scope change does. `credential` is stored as given.
 */
export async function buildCertificate(
  p: TPlatform,
  body: TBuiltBody,
  o: {
    engagement?: TBuiltEngagement;
    number?: string;
    holderName?: string;
    status?: 'valid' | 'suspended' | 'withdrawn' | 'expired';
    standard?: string;
    effectiveDate?: string;
    expiryDate?: string;
    originalIssueDate?: string;
    sites?: unknown[];
    aiSystems?: unknown[];
    credential?: unknown;
    revise?: { number: string };
  } = {},
) {
  const engagement = o.engagement ?? (await buildEngagement(p, body, await buildTenant(p, { kind: 'organization' })));
  const effectiveDate = o.effectiveDate ?? '2026-01-15';
  return p.db.transaction().execute(async (tx) => {
    const decision = await tx
      .insertInto('certification_decisions')
      .values({
        tenant_id: body.id,
        reference: `DEC-${randomUUID().slice(0, 8)}`,
        programme_id: engagement.programme.id,
        engagement_id: engagement.engagement.id,
        client_id: engagement.client.id,
        kind: o.revise ? 'renew' : 'grant',
        decided_by: body.owner.id,
        decided_on: effectiveDate,
        reasoning: 'Test decision.',
        file_sha256: '0'.repeat(64),
        file_snapshot: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const previous = o.revise
      ? await tx
          .selectFrom('certificates')
          .select(['id', 'number', 'revision', 'holder_name', sql<string>`original_issue_date::text`.as('original_issue_date')])
          .where('number', '=', o.revise.number).where('status', '<>', 'superseded').executeTakeFirstOrThrow()
      : null;
    if (previous) await tx.updateTable('certificates').set({ status: 'superseded', suspended_until: null }).where('tenant_id', '=', body.id).where('id', '=', previous.id).execute();
    const status = o.status ?? 'valid';
    const number = previous?.number ?? o.number ?? `AIMS-2026-${randomUUID().slice(0, 8).toUpperCase()}`;
    const id = randomUUID();
    const holderName = o.holderName ?? previous?.holder_name ?? engagement.client.legal_name;
    const sites = o.sites ?? [{ id: randomUUID(), name: 'Siège', address: '8 avenue de l’Opéra, 75001 Paris, France', central: true, scope: { en: 'AI credit scoring', fr: 'Notation de crédit par IA' } }];
    const aiSystems = o.aiSystems ?? [{ id: randomUUID(), name: 'Credit scoring model' }];
    const dates = { originalIssueDate: previous?.original_issue_date ?? o.originalIssueDate ?? effectiveDate, effectiveDate, expiryDate: o.expiryDate ?? '2029-01-14', decisionDate: effectiveDate };
    const scope = { en: 'Design and operation of AI credit-scoring systems', fr: 'Conception et exploitation de systèmes d’IA de notation de crédit' };
    const standard = o.standard ?? 'ISO/IEC 42001:2023';
    const revision = previous ? previous.revision + 1 : 0;
    // Signed as the issue service signs it, unless the test brings its own credential.
    const credential =
      o.credential ??
      signCertificateCredential(
        {
          certificateId: id,
          number,
          revision,
          standard,
          holder: { id: engagement.client.id, name: holderName, address: engagement.client.registered_address },
          sites: sites as TCertificateFacts['sites'],
          aiSystems: aiSystems as TCertificateFacts['aiSystems'],
          scope,
          soaVersion: '1',
          body: { slug: body.settings.public_slug, name: body.settings.legal_name, address: body.settings.address, accredited: false, accreditationBody: '', accreditationNumber: '' },
          ...dates,
          status: 'valid',
        },
        p.signer,
        { publicUrl: p.config.PUBLIC_URL ?? 'http://localhost:3000', created: p.clock.now() },
      );
    const cert = await tx
      .insertInto('certificates')
      .values({
        tenant_id: body.id,
        id,
        number,
        revision,
        supersedes_id: previous?.id ?? null,
        engagement_id: engagement.engagement.id,
        client_id: engagement.client.id,
        programme_id: engagement.programme.id,
        decision_id: decision.id,
        status,
        standard,
        holder_name: holderName,
        holder_address: engagement.client.registered_address,
        sites: JSON.stringify(sites),
        ai_systems: JSON.stringify(aiSystems),
        scope_en: scope.en,
        scope_fr: scope.fr,
        soa_version: '1',
        body_name: body.settings.legal_name,
        body_address: body.settings.address,
        original_issue_date: dates.originalIssueDate,
        effective_date: effectiveDate,
        expiry_date: dates.expiryDate,
        decision_date: effectiveDate,
        suspended_until: status === 'suspended' ? '2026-07-15' : null,
        status_changed_at: status === 'valid' ? null : new Date(),
        credential: JSON.stringify(credential),
        credential_sha256: 'a'.repeat(64),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (previous) await tx.insertInto('certificate_events').values({ tenant_id: body.id, certificate_id: previous.id, kind: 'superseded', effective_on: effectiveDate }).execute();
    await tx.insertInto('certificate_events').values({ tenant_id: body.id, certificate_id: cert.id, kind: previous ? 'renewed' : 'issued', effective_on: effectiveDate, decision_id: decision.id }).execute();
    if (status !== 'valid') {
      await tx
        .insertInto('certificate_events')
        .values({ tenant_id: body.id, certificate_id: cert.id, kind: status, effective_on: effectiveDate, reason_en: `Certificate ${status}.`, reason_fr: `Certificat : ${status}.` })
        .execute();
    }
    return { ...cert, engagement };
  });
}

/**
 * A certification decision row as the decision service would write it (the file's hash and
 * snapshot are placeholders): for the certificate, register and cycle tests, which start from a
 * decision. The decision maker is made unless given.
 */
export async function buildDecision(
  p: TPlatform,
  body: TBuiltBody,
  built: Pick<TBuiltEngagement, 'engagement' | 'programme' | 'client'>,
  o: { kind?: TDecisionKind; decidedOn?: string; decidedBy?: TUser; certificateId?: string | null; reasoning?: string } = {},
) {
  const decidedBy = o.decidedBy ?? (await buildMembership(p, body, 'decision_maker'));
  return p.db.transaction().execute(async (tx) => {
    const decidedOn = o.decidedOn ?? p.clock.now().toISOString().slice(0, 10);
    const reference = await nextReference(tx, body.id, { table: 'certification_decisions', prefix: 'DEC', year: Number(decidedOn.slice(0, 4)) });
    const decision = await tx
      .insertInto('certification_decisions')
      .values({
        tenant_id: body.id,
        reference,
        programme_id: built.programme.id,
        engagement_id: built.engagement.id,
        client_id: built.client.id,
        certificate_id: o.certificateId ?? null,
        kind: o.kind ?? 'grant',
        decided_by: decidedBy.id,
        decided_on: decidedOn,
        reasoning: o.reasoning ?? 'The file shows the requirements are met.',
        file_sha256: '0'.repeat(64),
        file_snapshot: JSON.stringify({ test: true }),
      })
      .returning(['id', 'reference', 'kind', sql<string>`decided_on::text`.as('decided_on')])
      .executeTakeFirstOrThrow();
    return { ...decision, decidedBy };
  });
}

/**
 * A certificate issued through the real issue service (buildCertificate above inserts a row directly) on a decision of `kind` (a grant by default),
 * by a decision maker of the body: PDFs stored, credential signed.
 */
export async function buildIssuedCertificate(
  p: TPlatform,
  body: TBuiltBody,
  built: Pick<TBuiltEngagement, 'engagement' | 'programme' | 'client'>,
  o: { kind?: TIssueKind; decidedOn?: string; effectiveDate?: string; expiryDate?: string; scope?: { en: string; fr: string }; decidedBy?: TUser; certificateId?: string } = {},
) {
  const kind = o.kind ?? 'grant';
  const decision = await buildDecision(p, body, built, {
    kind: kind === 'restore' ? 'renew' : kind,
    ...(o.decidedOn ? { decidedOn: o.decidedOn } : {}),
    ...(o.decidedBy ? { decidedBy: o.decidedBy } : {}),
    certificateId: o.certificateId ?? null,
  });
  const actor = (await loadUserActor(p.database, decision.decidedBy.id))!;
  const certificate = await p.db.transaction().execute((tx) =>
    issueCertificate(tx, p, actor, { requestId: null, ip: null, userAgent: null }, {
      tenantId: body.id,
      decisionId: decision.id,
      kind,
      effectiveDate: o.effectiveDate ?? decision.decided_on,
      ...(o.expiryDate ? { expiryDate: o.expiryDate } : {}),
      ...(o.scope ? { scope: o.scope } : {}),
    }),
  );
  return { certificate, decision, decisionMaker: decision.decidedBy, actor };
}
