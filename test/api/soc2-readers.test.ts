import { createHash, randomBytes } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZPublicSoc2Reader, ZSoc2NdaTexts, ZSoc2Reader, ZSoc2ReaderList } from '../../src/shared/contracts/soc2-readers.ts';
import { ZSoc2ReportStatus } from '../../src/shared/contracts/soc2-report.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { DEFAULT_NDA_FR, ndaSha256 } from '../../src/server/modules/soc2/readers/nda-texts.ts';
import { READER_REQUESTS_PER_MINUTE } from '../../src/server/modules/soc2/readers/reader-link-service.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { buildSoc2ReportReady, issueSoc2Report } from '../support/soc2-factories.ts';
import { startSmtp, utf8 as mailText } from '../support/smtp.ts';
import { backendAvailable, createClient, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * Report readers through the API: the organization invites a reader to its issued report, the link
 * arrives by mail, the reader accepts the firm's terms by typing their name, then downloads copies
 * stamped with their name, company and the date; every access is logged, in both tenants' logs too.
 * Expired and revoked links are refused (and the refusal logged); another report or an unknown link
 * answers 404; tokens never reach the server's log.
 */

const pdfText = async (bytes: Buffer) => {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
  return text.map((t) => t.replace(/\s+/g, ' '));
};

describe.skipIf(!backendAvailable)('SOC 2 report readers', { timeout: 300_000 }, () => {
  let t: TTestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const clock = createTestClock(new Date('2026-11-23T10:00:00Z'));
  const log: string[] = [];
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(
      { LOG_LEVEL: 'debug', SMTP_URL: smtp.url, JOBS_ENABLED: 'true', PUBLIC_URL: 'https://attest.example' },
      { logStream: { write: (line: string) => void log.push(line) } },
    );
    t.p.clock = clock;
  }, 240_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const linkIn = async (email: string) => {
    const text = mailText((await smtp.waitFor(email)).raw);
    const m = /https:\/\/attest\.example\/reader\/([A-Za-z0-9_-]{43})/.exec(text);
    expect(m, text).not.toBeNull();
    return { token: m![1]!, text };
  };

  it('a French reader: invited by mail, accepts the terms, downloads a stamped copy that keeps the issued bytes; every access logged', async () => {
    clock.set(new Date('2026-11-23T10:00:00Z'));
    // Ready for its report (signed-off description, fieldwork, qualified opinion), not issued yet.
    const built = await buildSoc2ReportReady(t);
    const { firm, organization, examination } = built;
    const owner = await as(t.app, organization.owner);
    const contributor = await as(t.app, await buildMembership(t.p, organization, 'contributor'));
    const url = `/api/tenants/${organization.id}/soc2/org-examinations/${examination.id}/readers`;
    const invite = { email: `rssi-${randomBytes(3).toString('hex')}@banque-oree.example`, name: 'Éloïse Durand', company: 'Banque Orée', locale: 'fr' };

    // No issued report yet: nothing to invite anyone to.
    const early = await owner.post(url, invite);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('soc2_report_not_issued');
    expect(ZSoc2ReaderList.parse((await owner.get(url)).json())).toMatchObject({ report: null, items: [], abilities: { 'orgSoc2Reader.manage': false } });

    // The engagement partner issues it through the API: the readers' copies start from these bytes.
    const issuedRes = await (await as(t.app, firm.owner)).post(`/api/tenants/${firm.id}/soc2/examinations/${examination.id}/report/issue`);
    expect(issuedRes.statusCode, issuedRes.body).toBe(201);
    const report = ZSoc2ReportStatus.parse(issuedRes.json()).report!;
    expect((await contributor.post(url, invite)).statusCode).toBe(403);
    const res = await owner.post(url, invite);
    expect(res.statusCode, res.body).toBe(201);
    const reader = ZSoc2Reader.parse(res.json());
    // The firm's default access: 365 days.
    expect(reader).toMatchObject({ state: 'invited', name: 'Éloïse Durand', company: 'Banque Orée', locale: 'fr', expiresAt: '2027-11-23T10:00:00.000Z', nda: null, downloads: 0 });
    expect((await owner.post(url, { ...invite, email: invite.email.toUpperCase() })).json().code).toBe('soc2_reader_exists');

    // The mail, in French, carries the link; only its SHA-256 is stored.
    const { token, text } = await linkIn(invite.email);
    expect(text).toContain('Bonjour Éloïse Durand');
    expect(text).toContain('23 novembre 2027');
    const stored = await t.p.db.selectFrom('soc2_readers').select('token_sha256').where('id', '=', reader.id).executeTakeFirstOrThrow();
    expect(stored.token_sha256).toBe(createHash('sha256').update(token).digest('hex'));

    const visitor = createClient(t.app);
    const R = `/api/soc2-readers/${token}`;
    const page = ZPublicSoc2Reader.parse((await visitor.get(R)).json());
    expect(page).toMatchObject({
      name: 'Éloïse Durand',
      company: 'Banque Orée',
      locale: 'fr',
      report: { reference: report.reference, organizationName: organization.name, reportType: 'type2', periodStart: '2026-01-01', periodEnd: '2026-06-30', locales: ['en', 'fr'] },
      nda: { version: 1, textFr: DEFAULT_NDA_FR, sha256: ndaSha256(page.nda.textEn, DEFAULT_NDA_FR) },
      accepted: null,
    });

    // Download before accepting: refused.
    const before = await visitor.get(`${R}/download?locale=fr`);
    expect(before.statusCode).toBe(409);
    expect(before.json().code).toBe('soc2_nda_not_accepted');
    // The terms changed since the page was read: refused.
    expect((await visitor.post(`${R}/accept`, { name: 'Éloïse Durand', ndaVersion: 1, ndaSha256: 'a'.repeat(64) })).json().code).toBe('soc2_nda_changed');

    clock.set(new Date('2026-11-28T09:30:00Z'));
    const accepted = await visitor.post(`${R}/accept`, { name: 'Éloïse Durand', ndaVersion: page.nda.version, ndaSha256: page.nda.sha256 }, { 'user-agent': 'Lecteur/1.0' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(ZPublicSoc2Reader.parse(accepted.json()).accepted).toEqual({ name: 'Éloïse Durand', at: '2026-11-28T09:30:00.000Z' });

    clock.set(new Date('2026-11-28T10:00:00Z'));
    const dl = await visitor.get(`${R}/download?locale=fr`, { 'user-agent': 'Lecteur/1.0' });
    expect(dl.statusCode, dl.body).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    const copy = dl.rawPayload;
    // The issued SHA-256 verifies on the copy's first bytes.
    const issued = report.files.find((f) => f.locale === 'fr' && f.format === 'pdf')!;
    expect(dl.headers['x-issued-sha256']).toBe(issued.sha256);
    expect(createHash('sha256').update(copy.subarray(0, issued.size)).digest('hex')).toBe(issued.sha256);
    expect(copy.length).toBeGreaterThan(issued.size);
    const pages = await pdfText(copy);
    pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain('Exemplaire de Éloïse Durand (Banque Orée) — 28 novembre 2026'));
    expect(pages[0]).toContain('Rapport de l’auditeur indépendant');

    // English copy on request, stamped in English.
    clock.set(new Date('2026-11-28T10:05:00Z'));
    const en = await visitor.get(`${R}/download?locale=en`);
    expect((await pdfText(en.rawPayload))[0]).toContain('Copy for Éloïse Durand (Banque Orée) — 28 November 2026');

    // The access log: one row per access, with the watermark, address and user agent of each download.
    const list = ZSoc2ReaderList.parse((await owner.get(url)).json());
    expect(list.report).toMatchObject({ id: report.id, reference: report.reference, locales: ['en', 'fr'] });
    const row = list.items.find((r) => r.id === reader.id)!;
    expect(row.state).toBe('accepted');
    expect(row.nda).toMatchObject({ version: 1, sha256: page.nda.sha256, name: 'Éloïse Durand', at: '2026-11-28T09:30:00.000Z' });
    expect(row.downloads).toBe(2);
    expect(row.accesses.map((a) => a.kind)).toEqual(['invited', 'nda_accepted', 'download', 'download']);
    expect(row.accesses[2]).toMatchObject({ locale: 'fr', userAgent: 'Lecteur/1.0', watermark: 'Confidentiel — distribution restreinte — Exemplaire de Éloïse Durand (Banque Orée) — 28 novembre 2026' });
    expect(row.accesses[2]!.ip).toMatch(/^127\./);

    // The firm sees the same readers; another organization does not.
    const firmList = ZSoc2ReaderList.parse((await (await as(t.app, firm.owner)).get(`/api/tenants/${firm.id}/soc2/examinations/${examination.id}/readers`)).json());
    expect(firmList.items.map((r) => r.id)).toContain(reader.id);
    const stranger = await buildTenant(t.p, { name: 'Autre Organisation' });
    const strangerClient = await as(t.app, stranger.owner);
    expect((await strangerClient.get(`/api/tenants/${stranger.id}/soc2/org-examinations/${examination.id}/readers`)).statusCode).toBe(404);
    expect((await strangerClient.post(`/api/tenants/${stranger.id}/soc2/org-examinations/${examination.id}/readers`, invite)).statusCode).toBe(404);

    // Both tenants' logs.
    for (const tenantId of [firm.id, organization.id]) {
      const actions = (await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', tenantId).where('action', 'like', 'soc2_reader.%').execute()).map((e) => e.action);
      expect(actions.sort()).toEqual(['soc2_reader.downloaded', 'soc2_reader.downloaded', 'soc2_reader.invited', 'soc2_reader.nda_accepted']);
    }

    // Expiry: refused, and the refusal logged.
    clock.set(new Date('2027-11-23T10:00:00Z'));
    const late = await visitor.get(R);
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe('soc2_reader_expired');
    expect((await visitor.get(`${R}/download?locale=fr`)).json().code).toBe('soc2_reader_expired');
    const afterExpiry = ZSoc2ReaderList.parse((await owner.get(url)).json()).items.find((r) => r.id === reader.id)!;
    expect(afterExpiry.state).toBe('expired');
    expect(afterExpiry.accesses.map((a) => a.kind)).toEqual(['invited', 'nda_accepted', 'download', 'download', 'refused_expired', 'refused_expired']);

    // No token in the server's log (request lines are written at debug level).
    const logged = log.join('');
    expect(logged).toContain('/api/soc2-readers/[redacted]');
    expect(logged).not.toContain(token);
  });

  it('revoked: refused from then on; an unknown or another report’s link answers 404; a name outside Latin-1 gets a rendered copy', async () => {
    clock.set(new Date('2026-11-23T10:00:00Z'));
    const built = await issueSoc2Report(t);
    const owner = await as(t.app, built.organization.owner);
    const url = `/api/tenants/${built.organization.id}/soc2/org-examinations/${built.examination.id}/readers`;
    const email = `cto-${randomBytes(3).toString('hex')}@example.test`;
    const reader = ZSoc2Reader.parse((await owner.post(url, { email, name: 'Zoë Łukasiewicz', company: 'Kraków Pay', locale: 'en' })).json());
    const { token } = await linkIn(email);
    const visitor = createClient(t.app);
    const R = `/api/soc2-readers/${token}`;
    const page = ZPublicSoc2Reader.parse((await visitor.get(R)).json());
    expect((await visitor.post(`${R}/accept`, { name: 'Zoë Łukasiewicz', ndaVersion: page.nda.version, ndaSha256: page.nda.sha256 })).statusCode).toBe(200);
    const dl = await visitor.get(`${R}/download`);
    expect(dl.statusCode, dl.body).toBe(200);
    // « Ł » is not in WinAnsi: the copy is rendered again from the issued model, with the name as written.
    const pages = await pdfText(dl.rawPayload);
    pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain('Copy for Zoë Łukasiewicz (Kraków Pay) — 23 November 2026'));

    // Unknown token, malformed token.
    expect((await visitor.get(`/api/soc2-readers/${randomBytes(32).toString('base64url')}`)).statusCode).toBe(404);
    expect((await visitor.get('/api/soc2-readers/not-a-token')).statusCode).toBe(400);
    // Revoked by a viewer: no. By the owner: yes, once.
    const viewer = await as(t.app, await buildMembership(t.p, built.organization, 'viewer'));
    expect((await viewer.post(`${url}/${reader.id}/revoke`)).statusCode).toBe(403);
    const revoked = await owner.post(`${url}/${reader.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(ZSoc2Reader.parse(revoked.json())).toMatchObject({ state: 'revoked', abilities: { 'orgSoc2Reader.manage': false } });
    expect((await owner.post(`${url}/${reader.id}/revoke`)).json().code).toBe('soc2_reader_revoked');
    const refused = await visitor.get(`${R}/download`);
    expect(refused.statusCode).toBe(410);
    expect(refused.json().code).toBe('soc2_reader_revoked');
    const row = ZSoc2ReaderList.parse((await owner.get(url)).json()).items.find((r) => r.id === reader.id)!;
    expect(row.accesses.map((a) => a.kind)).toEqual(['invited', 'nda_accepted', 'download', 'revoked']);

    // The same address can be invited again once revoked; a reader of another report cannot reach this one.
    expect((await owner.post(url, { email, name: 'Zoë Łukasiewicz', company: 'Kraków Pay', locale: 'en' })).statusCode).toBe(201);
    const other = await issueSoc2Report(t);
    const otherOwner = await as(t.app, other.organization.owner);
    const otherUrl = `/api/tenants/${other.organization.id}/soc2/org-examinations/${other.examination.id}/readers`;
    const otherReader = ZSoc2Reader.parse((await otherOwner.post(otherUrl, { email: `x-${email}`, name: 'Jean Autre', company: 'Autre SA', locale: 'fr' })).json());
    expect((await owner.get(`/api/tenants/${built.organization.id}/soc2/org-examinations/${other.examination.id}/readers`)).statusCode).toBe(404);
    expect((await owner.post(`${url}/${otherReader.id}/revoke`)).statusCode).toBe(404);
  });

  it('the firm’s terms: version 1 in Attest’s words, a new version published by the scheme manager; readers see it until they accept', async () => {
    const built = await issueSoc2Report(t);
    const firmOwner = await as(t.app, built.firm.owner);
    const auditor = await as(t.app, await buildMembership(t.p, built.firm, 'auditor'));
    const nda = `/api/tenants/${built.firm.id}/soc2/nda`;
    const v1 = ZSoc2NdaTexts.parse((await auditor.get(nda)).json());
    expect(v1.versions.map((v) => v.version)).toEqual([1]);
    expect(v1.abilities['soc2Nda.publish']).toBe(false);
    const body = { textEn: 'Restricted use. '.repeat(5) + 'Version two of our own terms.', textFr: 'Diffusion restreinte. '.repeat(4) + 'Deuxième version de nos conditions.' };
    expect((await auditor.post(nda, body)).statusCode).toBe(403);
    const v2 = ZSoc2NdaTexts.parse((await firmOwner.post(nda, body)).json());
    expect(v2.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(v2.versions[0]).toMatchObject({ sha256: ndaSha256(body.textEn, body.textFr), createdBy: { id: built.firm.owner.id } });
    const audit = await t.p.db.selectFrom('audit_events').select(['action']).where('tenant_id', '=', built.firm.id).where('action', '=', 'soc2_nda.published').execute();
    expect(audit).toHaveLength(1);

    const owner = await as(t.app, built.organization.owner);
    const email = `dpo-${randomBytes(3).toString('hex')}@example.test`;
    await owner.post(`/api/tenants/${built.organization.id}/soc2/org-examinations/${built.examination.id}/readers`, { email, name: 'Paul Bernard', company: 'Assur Est', locale: 'en' });
    const { token } = await linkIn(email);
    const page = ZPublicSoc2Reader.parse((await createClient(t.app).get(`/api/soc2-readers/${token}`)).json());
    expect(page.nda).toMatchObject({ version: 2, textEn: body.textEn });
  });

  it('each address has a per-minute budget on the reader’s links', async () => {
    clock.set(new Date('2026-11-23T10:00:30Z'));
    const visitor = createClient(t.app);
    const unknown = `/api/soc2-readers/${randomBytes(32).toString('base64url')}`;
    for (let i = 0; i < READER_REQUESTS_PER_MINUTE; i++) expect((await visitor.get(unknown)).statusCode).toBe(404);
    const over = await visitor.get(unknown);
    expect(over.statusCode).toBe(429);
    expect(over.headers['retry-after']).toBe('30');
  });
});
