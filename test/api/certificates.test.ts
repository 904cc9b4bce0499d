import { extractText, getDocumentProxy } from 'unpdf';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireCertificates } from '../../src/server/modules/certification/certificates/jobs/expire-certificates.ts';
import { sendCertificateStatusMail } from '../../src/server/modules/certification/certificates/jobs/send-certificate-status-mail.ts';
import { changeCertificateStatus } from '../../src/server/modules/certification/certificates/certificate-status.ts';
import { issueCertificate } from '../../src/server/modules/certification/certificates/certificate-issue.ts';
import { verifyCertificateCredential } from '../../src/server/modules/certification/certificates/certificate-credential.ts';
import { readAll } from '../../src/server/modules/certification/proposals/proposal-common.ts';
import { loadUserActor } from '../../src/server/platform/auth/sessions.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { buildBody, buildIssuedCertificate, buildClient, buildDecision, buildEngagement } from '../support/certification-factories.ts';
import { as, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

async function pdfText(bytes: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

const CTX = { requestId: null, ip: null, userAgent: null };

/*
 * Certificates on a real database: issued on a decision (number from the body's pattern, the fields
 * of 17021-1 8.2, PDFs in English and French stored once, a credential that verifies with the
 * published key and fails after one changed byte), revised (same number, next revision, the old
 * row superseded), suspended / reinstated / withdrawn on decisions with their events, audit events
 * and mails, and expired by the daily job when the clock passes the last valid day.
 */
describe.skipIf(!backendAvailable)('certificates', { timeout: 240_000 }, () => {
  let t: TTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const clock = createTestClock(new Date('2026-11-23T09:00:00Z'));
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://attest.example' });
    t.p.clock = clock;
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  async function setup(o: { pattern?: string } = {}) {
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const orgAdmin = await buildUser(t.p, { name: 'Claire Martin', email: `claire-${org.id.slice(0, 6)}@lumiere-credit.example` });
    await buildMembership(t.p, org, 'admin', orgAdmin);
    const body = await buildBody(t.p, { name: 'Vérité Certification' });
    await t.p.db
      .updateTable('body_settings')
      .set({ accredited: true, accreditation_body: 'COFRAC', accreditation_number: '4-0123', ...(o.pattern ? { certificate_number_pattern: o.pattern } : {}) })
      .where('tenant_id', '=', body.id)
      .execute();
    const client = await buildClient(t.p, body, { legalName: 'Lumière Crédit SA', sites: 2, organizationTenantId: org.id });
    await t.p.db.updateTable('client_sites').set({ activities: 'Notation de crédit' }).where('tenant_id', '=', body.id).where('client_id', '=', client.id).where('is_central', '=', false).execute();
    await t.p.db
      .insertInto('client_ai_systems')
      .values([
        { tenant_id: body.id, client_id: client.id, name: 'Score crédit', tier: 'high', role: 'provider' },
        { tenant_id: body.id, client_id: client.id, name: 'Détection de fraude', tier: 'limited', role: 'provider' },
      ])
      .execute();
    const built = await buildEngagement(t.p, body, org, { client });
    return { org, orgAdmin, body, client, built };
  }

  const jwks = async () => (await t.app.inject('/.well-known/attest-keys.json')).json();

  it('issues a certificate on a grant: number, 8.2 fields, both PDFs, a credential that verifies and fails after one changed byte', async () => {
    const s = await setup({ pattern: '{BODY}-AIMS-{YYYY}-{SEQ:4}' });
    const { certificate: c, decision } = await buildIssuedCertificate(t.p, s.body, s.built, { scope: { en: 'Credit scoring with AI', fr: 'Notation de crédit par IA' } });

    expect(c.number).toBe(`${s.body.settings.public_slug.toUpperCase()}-AIMS-2026-0001`);
    expect(c).toMatchObject({ revision: 0, status: 'valid', standard: 'ISO/IEC 42001:2023', holder_name: 'Lumière Crédit SA', effective_date: '2026-11-23', expiry_date: '2029-11-22', original_issue_date: '2026-11-23', decision_date: '2026-11-23' });
    expect((c.sites as unknown[]).length).toBe(2);
    expect(c.ai_systems).toEqual([expect.objectContaining({ name: 'Détection de fraude' }), expect.objectContaining({ name: 'Score crédit' })]);
    const decisionRow = await t.p.db.selectFrom('certification_decisions').select('certificate_id').where('id', '=', decision.id).executeTakeFirstOrThrow();
    expect(decisionRow.certificate_id).toBe(c.id);

    // The PDFs: stored by SHA-256, English and French.
    const docs = c.documents as { en: { sha256: string }; fr: { sha256: string } };
    const en = await pdfText(await readAll((await t.p.blobs.get(docs.en.sha256))!));
    const fr = await pdfText(await readAll((await t.p.blobs.get(docs.fr.sha256))!));
    for (const label of ['Certificate number', 'Effective date', 'Expiry date', 'Original certification date', 'Statement of Applicability', 'AI systems covered', 'Sites and scope per site', 'COFRAC, no. 4-0123', '23 November 2026', '22 November 2029', 'ISO/IEC 42001:2023', c.number, 'Credit scoring with AI', 'Siège (head office)', 'Notation de crédit', 'Score crédit'])
      expect(en, label).toContain(label);
    for (const label of ['Numéro du certificat', 'Date d’effet', 'Date d’expiration', 'Date de certification initiale', 'Déclaration d’applicabilité', 'Systèmes d’IA couverts', '23 novembre 2026', '22 novembre 2029', 'Notation de crédit par IA', 'Siège (siège)', 'COFRAC, nº 4-0123'])
      expect(fr, label).toContain(label);
    expect(en.replace(/ /g, '')).toContain(`https://attest.example/register/${c.number}`);

    // The credential verifies with the published key, and not after one changed byte.
    const keys = await jwks();
    expect(keys.verificationMethod[0]).toMatchObject({ type: 'Multikey', id: `https://attest.example/.well-known/attest-keys.json#${t.p.signer.kid}`, publicKeyMultibase: t.p.signer.publicKeyMultibase });
    const vc = c.credential as Record<string, unknown>;
    expect((vc.proof as { verificationMethod: string }).verificationMethod).toBe(keys.verificationMethod[0].id);
    const ok = verifyCertificateCredential(vc, keys);
    expect(ok.signature).toBe('valid');
    expect(ok.certificate).toMatchObject({ number: c.number, holder: { name: 'Lumière Crédit SA' }, expiryDate: '2029-11-22', scope: { en: 'Credit scoring with AI' } });
    const text = JSON.stringify(vc);
    const at = text.indexOf('Lumière');
    const tampered = JSON.parse(text.slice(0, at) + 'M' + text.slice(at + 1));
    expect(verifyCertificateCredential(tampered, keys).signature).toBe('invalid');

    // The public history and the body's audit log.
    const events = await t.p.db.selectFrom('certificate_events').select(['kind', 'decision_id']).where('certificate_id', '=', c.id).execute();
    expect(events).toEqual([{ kind: 'issued', decision_id: decision.id }]);
    const audit = await t.p.db.selectFrom('audit_events').select(['action']).where('tenant_id', '=', s.body.id).where('action', '=', 'certificate.issued').execute();
    expect(audit).toHaveLength(1);

    // The next grant of the same body continues the series.
    const org2 = await buildTenant(t.p, { name: 'Banque Horizon' });
    const built2 = await buildEngagement(t.p, s.body, org2);
    const d2 = await buildDecision(t.p, s.body, built2);
    const actor2 = (await loadUserActor(t.p.database, d2.decidedBy.id))!;
    const started = performance.now();
    const second = { certificate: await t.p.db.transaction().execute((tx) => issueCertificate(tx, t.p, actor2, CTX, { tenantId: s.body.id, decisionId: d2.id, kind: 'grant', effectiveDate: d2.decided_on })) };
    const ms = performance.now() - started;
    console.info(`certificateIssue (decision row → both PDFs + signed credential, in its transaction, ${process.env.ATTEST_TEST_DB ?? 'pglite'}): ${ms.toFixed(0)} ms`);
    expect(second.certificate.number).toBe(`${s.body.settings.public_slug.toUpperCase()}-AIMS-2026-0002`);
  });

  it('refuses an effective date before the decision, a second grant, a decision of another kind, and a role that does not decide', async () => {
    const s = await setup();
    const maker = await buildMembership(t.p, s.body, 'decision_maker');
    const actor = (await loadUserActor(t.p.database, maker.id))!;
    const d = await buildDecision(t.p, s.body, s.built, { decidedBy: maker, decidedOn: '2026-11-23' });
    const issue = (input: Partial<Parameters<typeof issueCertificate>[4]>, who = actor) =>
      t.p.db.transaction().execute((tx) => issueCertificate(tx, t.p, who, CTX, { tenantId: s.body.id, decisionId: d.id, kind: 'grant', effectiveDate: '2026-11-23', ...input }));
    await expect(issue({ effectiveDate: '2026-11-22' })).rejects.toMatchObject({ status: 422, code: 'certificate_effective_before_decision', details: { decisionDate: '2026-11-23' } });
    await expect(issue({ kind: 'renew' })).rejects.toMatchObject({ status: 409, code: 'certificate_decision_mismatch' });
    const auditor = await buildMembership(t.p, s.body, 'auditor');
    await expect(issue({}, (await loadUserActor(t.p.database, auditor.id))!)).rejects.toMatchObject({ status: 403 });
    const other = await buildBody(t.p);
    const stranger = (await loadUserActor(t.p.database, (await buildMembership(t.p, other, 'decision_maker')).id))!;
    await expect(issue({}, stranger)).rejects.toMatchObject({ status: 404 });
    await issue({ effectiveDate: '2026-12-01' });
    await expect(issue({})).rejects.toMatchObject({ status: 409, code: 'certificate_decision_mismatch' });
    await expect(buildIssuedCertificate(t.p, s.body, s.built)).rejects.toMatchObject({ status: 409, code: 'certificate_already_current' });
  });

  it('revises: same number, next revision, the original date kept, the previous row superseded with its event', async () => {
    const s = await setup();
    const first = await buildIssuedCertificate(t.p, s.body, s.built, { scope: { en: 'Credit scoring', fr: 'Notation de crédit' } });
    clock.set(new Date('2027-03-01T09:00:00Z'));
    try {
      const ext = await buildIssuedCertificate(t.p, s.body, s.built, { kind: 'extend_scope', scope: { en: 'Credit scoring and fraud detection', fr: 'Notation de crédit et détection de fraude' } });
      expect(ext.certificate).toMatchObject({ number: first.certificate.number, revision: 1, supersedes_id: first.certificate.id, original_issue_date: '2026-11-23', effective_date: '2027-03-01', expiry_date: '2029-11-22', status: 'valid' });
      const old = await t.p.db.selectFrom('certificates').select('status').where('id', '=', first.certificate.id).executeTakeFirstOrThrow();
      expect(old.status).toBe('superseded');
      const kinds = await t.p.db.selectFrom('certificate_events').select('kind').where('certificate_id', 'in', [first.certificate.id, ext.certificate.id]).orderBy('created_at').orderBy('kind').execute();
      expect(kinds.map((k) => k.kind).sort()).toEqual(['issued', 'scope_extended', 'superseded']);
      const fr = await pdfText(await readAll((await t.p.blobs.get((ext.certificate.documents as { fr: { sha256: string } }).fr.sha256))!));
      expect(fr).toContain('Révision 1 du certificat');
      expect(fr).toContain('1er mars 2027');
    } finally {
      clock.set(new Date('2026-11-23T09:00:00Z'));
    }
  });

  it('suspends within the body’s maximum, mails the organization to stop claiming it, reinstates, withdraws; the credential still verifies as signed', async () => {
    const s = await setup();
    const { certificate: c, decisionMaker } = await buildIssuedCertificate(t.p, s.body, s.built);
    const actor = (await loadUserActor(t.p.database, decisionMaker.id))!;
    const change = async (kind: 'suspend' | 'reinstate' | 'withdraw', extra: { suspendedUntil?: string; decidedOn?: string } = {}) => {
      const d = await buildDecision(t.p, s.body, s.built, { kind, decidedBy: decisionMaker, certificateId: c.id, decidedOn: extra.decidedOn ?? '2027-01-10' });
      return t.p.db.transaction().execute((tx) =>
        changeCertificateStatus(tx, t.p, actor, CTX, {
          tenantId: s.body.id,
          certificateId: c.id,
          change: kind,
          decisionId: d.id,
          reason: { en: 'Surveillance audit refused', fr: 'Audit de surveillance refusé' },
          ...(extra.suspendedUntil ? { suspendedUntil: extra.suspendedUntil } : {}),
        }),
      );
    };
    await expect(change('suspend', { suspendedUntil: '2027-07-11' })).rejects.toMatchObject({ status: 422, code: 'certificate_suspension_too_long', details: { lastDay: '2027-07-10', maxMonths: 6 } });
    await expect(change('suspend')).rejects.toMatchObject({ code: 'certificate_suspension_too_long' });
    await expect(change('reinstate')).rejects.toMatchObject({ status: 409, code: 'certificate_state' });
    const suspended = await change('suspend', { suspendedUntil: '2027-07-10' });
    expect(suspended).toMatchObject({ status: 'suspended', suspended_until: '2027-07-10', status_reason: 'Surveillance audit refused' });

    const ev = await t.p.db.selectFrom('certificate_events').select(['id', 'kind', 'reason_fr']).where('certificate_id', '=', c.id).where('kind', '=', 'suspended').executeTakeFirstOrThrow();
    expect(ev.reason_fr).toBe('Audit de surveillance refusé');
    await sendCertificateStatusMail.handler({ tenantId: s.body.id, certificateId: c.id, eventId: ev.id }, { platform: t.p, jobId: 'test' });
    const body = mailText((await smtp.waitFor(s.orgAdmin.email)).raw);
    expect(body).toContain('stop claiming certification');
    expect(body).toContain('cessez de vous prévaloir de la certification');
    expect(body).toContain('10 juillet 2027');
    expect(body).toContain(`https://attest.example/register/${c.number}`);

    expect(verifyCertificateCredential(suspended.credential, await jwks()).signature).toBe('valid');
    expect((await change('reinstate')).status).toBe('valid');
    const withdrawn = await change('withdraw');
    expect(withdrawn).toMatchObject({ status: 'withdrawn', suspended_until: null });
    expect(verifyCertificateCredential(withdrawn.credential, await jwks())).toMatchObject({ signature: 'valid', certificate: { status: 'valid' } });
    const actions = await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', s.body.id).where('subject_id', '=', c.id).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['certificate.issued', 'certificate.suspended', 'certificate.reinstated', 'certificate.withdrawn']);
  });

  it('expires certificates the day after their last valid day, once, by the daily job', async () => {
    const s = await setup();
    const { certificate: c } = await buildIssuedCertificate(t.p, s.body, s.built);
    const run = () => expireCertificates.handler({}, { platform: t.p, jobId: 'test' });
    clock.set(new Date('2029-11-22T23:00:00Z'));
    try {
      await run();
      expect((await t.p.db.selectFrom('certificates').select('status').where('id', '=', c.id).executeTakeFirstOrThrow()).status).toBe('valid');
      clock.set(new Date('2029-11-23T00:30:00Z'));
      await run();
      await run();
      expect((await t.p.db.selectFrom('certificates').select('status').where('id', '=', c.id).executeTakeFirstOrThrow()).status).toBe('expired');
      const events = await t.p.db.selectFrom('certificate_events').select(['kind', sql`effective_on::text`.as('on')]).where('certificate_id', '=', c.id).where('kind', '=', 'expired').execute();
      expect(events).toEqual([{ kind: 'expired', on: '2029-11-23' }]);
      const audit = await t.p.db.selectFrom('audit_events').select('action').where('subject_id', '=', c.id).where('action', '=', 'certificate.expired').execute();
      expect(audit).toHaveLength(1);
      expect(verifyCertificateCredential((await t.p.db.selectFrom('certificates').select('credential').where('id', '=', c.id).executeTakeFirstOrThrow()).credential, await jwks()).signature).toBe('valid');
    } finally {
      clock.set(new Date('2026-11-23T09:00:00Z'));
    }
  });

  it('routes: the body lists and reads its certificates, downloads PDFs and the credential; the organization reads its own; others get 404', async () => {
    const s = await setup();
    const { certificate: c, decisionMaker } = await buildIssuedCertificate(t.p, s.body, s.built);
    const maker = await as(t.app, decisionMaker);
    const list = (await maker.get(`/api/tenants/${s.body.id}/certificates?limit=10`)).json();
    expect(list.items.map((i: { number: string }) => i.number)).toEqual([c.number]);
    const detail = await maker.get(`/api/tenants/${s.body.id}/certificates/${c.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ number: c.number, status: 'valid', events: [{ kind: 'issued' }], nextChanges: expect.arrayContaining(['suspend', 'withdraw', 'renew']), abilities: { 'certificate.changeStatus': true } });
    const pdf = await maker.get(`/api/tenants/${s.body.id}/certificates/${c.id}/pdf/fr`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await pdfText(pdf.rawPayload)).toContain('Numéro du certificat');
    const vcRes = await maker.get(`/api/tenants/${s.body.id}/certificates/${c.id}/credential`);
    expect(verifyCertificateCredential(JSON.parse(vcRes.body), await jwks()).signature).toBe('valid');

    const admin = await as(t.app, s.orgAdmin);
    const mine = (await admin.get(`/api/tenants/${s.org.id}/certification/certificates`)).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    expect((await admin.get(`/api/tenants/${s.org.id}/certification/certificates/${c.id}`)).json()).toMatchObject({ nextChanges: [], abilities: { 'certificate.changeStatus': false } });
    expect((await admin.get(`/api/tenants/${s.org.id}/certification/certificates/${c.id}/pdf/en`)).statusCode).toBe(200);

    const other = await setup();
    const otherAdmin = await as(t.app, other.orgAdmin);
    expect((await otherAdmin.get(`/api/tenants/${other.org.id}/certification/certificates/${c.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.get(`/api/tenants/${s.org.id}/certification/certificates`)).statusCode).toBe(404);
    const otherBody = await as(t.app, other.body.owner);
    expect((await otherBody.get(`/api/tenants/${other.body.id}/certificates/${c.id}`)).statusCode).toBe(404);
    expect((await otherBody.get(`/api/tenants/${s.body.id}/certificates`)).statusCode).toBe(404);
  });
});
