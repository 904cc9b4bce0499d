import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZRegisterCertificate, ZRegisterPage, ZRegisterVerification, type TRegisterPage } from '../../src/shared/contracts/register.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { searchSql } from '../../src/server/modules/certification/register/register-repo.ts';
import { buildBody, buildCertificate, buildEngagement, buildIssuedCertificate, type TBuiltBody } from '../support/certification-factories.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { backend, backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * The public register through the API on a real database: search (number, name prefix, filters,
 * bounded, keyset pages), the certificate page with exactly its public fields, ETag/304, the
 * credential as stored, the per-address limit, and hostile input answered 4xx or empty, never 500.
 */
describe.skipIf(!backendAvailable)('public register', () => {
  let t: TTestApp;
  let body: TBuiltBody;
  const BUDGET = 40;
  beforeAll(async () => {
    t = await createTestApp({ REGISTER_REQUESTS_PER_MINUTE: String(BUDGET) });
    body = await buildBody(t.p, { name: 'Vérité Certification' });
  });
  afterAll(() => t?.close());

  // Each call from its own address, so that only the rate-limit test meets the budget.
  const ip = () => `10.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}.${1 + ((Math.random() * 250) | 0)}`;
  const get = (url: string, headers: Record<string, string> = {}, remoteAddress = ip()) => t.app.inject({ method: 'GET', url, headers, remoteAddress });
  const search = async (params: Record<string, string>) => {
    const res = await get(`/api/register/certificates?${new URLSearchParams(params)}`);
    expect(res.statusCode, res.body).toBe(200);
    return ZRegisterPage.parse(res.json());
  };
  const tag = () => randomUUID().slice(0, 6).toUpperCase();

  it('finds a certificate by its exact number, by the beginning of it in any case, and by the beginning of the name', async () => {
    const name = `Zéphyr ${tag()} Analytics`;
    const c = await buildCertificate(t.p, body, { holderName: name, number: `AIMS-2026-${tag()}` });
    expect((await search({ q: c.number })).items.map((i) => i.number)).toEqual([c.number]);
    expect((await search({ q: c.number.slice(0, 13).toLowerCase() })).items.map((i) => i.number)).toContain(c.number);
    const byName = await search({ q: name.slice(0, 12).toLowerCase() });
    expect(byName.items).toEqual([
      { number: c.number, holderName: name, status: 'valid', standard: 'ISO/IEC 42001:2023', effectiveDate: '2026-01-15', expiryDate: '2029-01-14', bodyName: body.settings.legal_name },
    ]);
    expect(byName.nextCursor).toBeNull();
  });

  it('filters by status and standard, lists number matches before name matches, and hides superseded revisions', async () => {
    const prefix = `Quartz${tag()}`;
    const valid = await buildCertificate(t.p, body, { holderName: `${prefix} Valid` });
    const suspended = await buildCertificate(t.p, body, { holderName: `${prefix} Suspended`, status: 'suspended' });
    const soc = await buildCertificate(t.p, body, { holderName: `${prefix} Other`, standard: 'ISO/IEC 27001:2022' });
    const numbers = (r: TRegisterPage) => r.items.map((i) => i.number);
    expect(numbers(await search({ q: prefix, status: 'suspended' }))).toEqual([suspended.number]);
    expect(numbers(await search({ q: prefix, standard: 'ISO/IEC 27001:2022' }))).toEqual([soc.number]);
    expect(numbers(await search({ q: prefix, status: 'withdrawn' }))).toEqual([]);
    // A holder whose name starts like a number: the number match comes first.
    const named = await buildCertificate(t.p, body, { holderName: `${valid.number} Holdings` });
    expect(numbers(await search({ q: valid.number }))).toEqual([valid.number, named.number]);
    // A renewal keeps the number: one hit, the current revision.
    await buildCertificate(t.p, body, { revise: { number: valid.number }, effectiveDate: '2027-01-10' });
    const hits = await search({ q: valid.number });
    expect(hits.items.filter((i) => i.number === valid.number)).toEqual([expect.objectContaining({ effectiveDate: '2027-01-10' })]);
  });

  it('pages by keyset cursor, 20 at a time, without repeating or losing a certificate', async () => {
    const prefix = `Keyset${tag()}`;
    const made = new Set<string>();
    for (let i = 0; i < 23; i++) made.add((await buildCertificate(t.p, body, { holderName: `${prefix} ${String(i).padStart(2, '0')}` })).number);
    const first = await search({ q: prefix.toLowerCase() });
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).toBeTruthy();
    const second = await search({ q: prefix.toLowerCase(), cursor: first.nextCursor! });
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    const seen = [...first.items, ...second.items].map((i) => i.number);
    expect(new Set(seen)).toEqual(made);
    expect([...first.items, ...second.items].map((i) => i.holderName)).toEqual([...first.items, ...second.items].map((i) => i.holderName).sort());
    // A cursor the register did not give is refused, not trusted.
    const bad = await get(`/api/register/certificates?q=${prefix}&cursor=bm90LWEtY3Vyc29y`);
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a query that is too short or too long, and answers odd characters without error', async () => {
    for (const q of ['', 'a', ' b ', 'x'.repeat(101), 'y'.repeat(5000)]) {
      const res = await get(`/api/register/certificates?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q.slice(0, 10)).toBe(400);
    }
    for (const q of ['%%', '__', '\\\\', "'; DROP TABLE certificates; --", 'ÉÀ😀', '%_\\x', '\u200b\u200b', '<script>']) {
      const res = await get(`/api/register/certificates?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.json().items).toEqual([]);
    }
    expect((await get(`/api/register/certificates?q=ab%00cd`)).statusCode).toBe(400);
    expect((await get(`/api/register/certificates?q=abc&status=superseded`)).statusCode).toBe(400);
    expect((await get(`/api/register/certificates?q=abc&tenantId=${body.id}`)).statusCode).toBe(400);
    expect((await get(`/api/register/certificates/${'N'.repeat(61)}`)).statusCode).toBe(400);
    expect((await get(`/api/register/certificates/${encodeURIComponent('AIMS%_\u00e9')}`)).statusCode).toBe(404);
  });

  it('shows a certificate with exactly its public fields, its revisions and its history', async () => {
    const first = await buildCertificate(t.p, body, {
      holderName: `Lumière ${tag()} SAS`,
      effectiveDate: '2026-01-15',
      sites: [
        { name: 'Siège', address: '12 rue de la Paix, 75002 Paris', isCentral: true, clientSiteId: randomUUID(), scope: { en: 'Credit scoring', fr: 'Notation de crédit' } },
        { name: 'Lyon', address: '3 quai Saint-Antoine, 69002 Lyon', personnel: 20 },
      ],
      aiSystems: [{ name: 'Credit scoring model', id: randomUUID(), tier: 'high' }],
    });
    const current = await buildCertificate(t.p, body, { revise: { number: first.number }, effectiveDate: '2026-06-01', status: 'suspended' });
    const res = await get(`/api/register/certificates/${encodeURIComponent(first.number)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = ZRegisterCertificate.strict().parse(res.json());
    expect(doc).toMatchObject({
      number: first.number,
      revision: 1,
      status: 'suspended',
      suspendedUntil: '2026-07-15',
      standard: 'ISO/IEC 42001:2023',
      holder: { name: first.holder_name, address: first.holder_address },
      scope: { en: current.scope_en, fr: current.scope_fr },
      originalIssueDate: '2026-01-15',
      effectiveDate: '2026-06-01',
      expiryDate: '2029-01-14',
      body: { name: body.settings.legal_name, address: body.settings.address, accreditation: null },
    });
    expect(doc.revisions.map((r) => [r.revision, r.status])).toEqual([
      [1, 'suspended'],
      [0, 'superseded'],
    ]);
    expect(doc.history.map((e) => [e.kind, e.effectiveOn, e.revision])).toEqual([
      ['issued', '2026-01-15', 0],
      ['superseded', '2026-06-01', 0],
      ['renewed', '2026-06-01', 1],
      ['suspended', '2026-06-01', 1],
    ]);
    expect(doc.history.find((e) => e.kind === 'suspended')!.reason).toEqual({ en: 'Certificate suspended.', fr: 'Certificat : suspended.' });
    // Current revision's sites (the factory's default) and AI systems; never an id.
    expect(doc.sites).toEqual([{ name: 'Siège', address: '8 avenue de l’Opéra, 75001 Paris, France', scope: { en: 'AI credit scoring', fr: 'Notation de crédit par IA' } }]);
    expect(doc.aiSystems).toEqual([{ name: 'Credit scoring model' }]);
    expect(res.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(res.body).not.toContain(body.id);
    // The first revision's sites went through the same reduction.
    const old = await buildCertificate(t.p, body, {
      sites: [{ name: 'Siège', address: 'Paris', clientSiteId: randomUUID(), scope: { en: 'A', fr: 'B', internal: 'x' } }, 'not an object'],
      aiSystems: ['Chatbot', { name: 'Fraud model', id: randomUUID() }],
    });
    const oldDoc = (await get(`/api/register/certificates/${old.number}`)).json();
    expect(oldDoc.sites).toEqual([
      { name: 'Siège', address: 'Paris', scope: { en: 'A', fr: 'B' } },
      { name: '', address: '', scope: null },
    ]);
    expect(oldDoc.aiSystems).toEqual([{ name: 'Chatbot' }, { name: 'Fraud model' }]);
  });

  it('reads a certificate in one round trip, cacheable: strong ETag, 304 while unchanged, a new tag after a status change', async () => {
    const c = await buildCertificate(t.p, body);
    const url = `/api/register/certificates/${c.number}`;
    const queries = await t.queriesDuring(() => get(url));
    expect(queries).toHaveLength(1);
    // Read again: the page held in memory is confirmed by its stamp, in the same one round trip.
    expect(await t.queriesDuring(() => get(url))).toHaveLength(1);
    const res = await get(url);
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    expect(res.headers['cache-control']).toBe('public, max-age=30');
    expect(res.headers['set-cookie']).toBeUndefined();
    const again = await get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get(url, { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
    expect((await get(url, { 'if-none-match': '"other"' })).statusCode).toBe(200);

    await t.p.db.updateTable('certificates').set({ status: 'withdrawn', status_changed_at: new Date() }).where('id', '=', c.id).execute();
    const changed = await get(url, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().status).toBe('withdrawn');
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('confirms lookups that arrive together in one statement, each answered with its own number’s current page', async () => {
    const a = await buildCertificate(t.p, body);
    const b = await buildCertificate(t.p, body);
    const page = (c: { number: string }) => `/api/register/certificates/${c.number}`;
    const heldTag = (await get(page(a))).headers.etag;
    // As another server process would: the status changes behind this process's back.
    await t.p.db.updateTable('certificates').set({ status: 'suspended', suspended_until: '2027-06-30', status_changed_at: new Date() }).where('id', '=', a.id).execute();
    let answers: Awaited<ReturnType<typeof get>>[] = [];
    const queries = await t.queriesDuring(async () => {
      answers = await Promise.all([get(page(a)), get(page(b)), get(page(a)), get('/api/register/certificates/AIMS-1999-NONE')]);
    });
    expect(queries).toHaveLength(1);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 404]);
    expect(answers.slice(0, 3).map((r) => [r.json().number, r.json().status])).toEqual([
      [a.number, 'suspended'],
      [b.number, 'valid'],
      [a.number, 'suspended'],
    ]);
    expect(answers[0]!.headers.etag).not.toBe(heldTag);
    expect(answers[2]!.headers.etag).toBe(answers[0]!.headers.etag);
  });

  it('confirms held pages by their body’s register counter alone, and shows an event written behind its back at the next lookup', async () => {
    const a = await buildCertificate(t.p, body);
    const url = `/api/register/certificates/${a.number}`;
    const first = await get(url);
    const before = first.json().history.length;
    // Steady: one statement, which reads the counter and not the certificate.
    const steady = await t.queriesDuring(() => get(url));
    expect(steady).toHaveLength(1);
    expect(steady[0]).toContain('register_versions');
    expect(steady[0]).not.toContain('certificate_events');
    // As another server process would: an event alone, the certificate row untouched.
    await t.p.db
      .insertInto('certificate_events')
      .values({ tenant_id: body.id, certificate_id: a.id, kind: 'maintained', effective_on: '2026-11-20', reason_en: 'Surveillance audit passed.', reason_fr: 'Audit de surveillance réussi.' })
      .execute();
    let changed: Awaited<ReturnType<typeof get>> | null = null;
    const queries = await t.queriesDuring(async () => {
      changed = await get(url, { 'if-none-match': first.headers.etag as string });
    });
    expect(changed!.statusCode).toBe(200);
    expect(changed!.json().history).toHaveLength(before + 1);
    expect(changed!.json().history.at(-1)).toMatchObject({ kind: 'maintained', effectiveOn: '2026-11-20', reason: { en: 'Surveillance audit passed.', fr: 'Audit de surveillance réussi.' } });
    // The counter moved: the page was re-checked by its stamp, once.
    expect(queries).toHaveLength(2);
    expect(await t.queriesDuring(() => get(url))).toHaveLength(1);
  });

  it('serves the signed credential as stored, and 404 for an unknown number', async () => {
    const credential = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'DigitalConformityCredential'], proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', proofValue: 'z58DAdFfa9' } };
    const c = await buildCertificate(t.p, body, { credential });
    const res = await get(`/api/register/certificates/${c.number}/credential`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(credential);
    expect((await get(`/api/register/certificates/${c.number}/credential`, { 'if-none-match': res.headers.etag as string })).statusCode).toBe(304);
    expect((await get('/api/register/certificates/AIMS-1999-NOPE')).statusCode).toBe(404);
    expect((await get('/api/register/certificates/AIMS-1999-NOPE/credential')).statusCode).toBe(404);
    expect((await get('/api/register/certificates/AIMS-1999-NOPE')).json().code).toBe('not_found');
  });

  it('verifies the stored credential against the published key: valid while the register and the signature agree, invalid after one changed byte', async () => {
    const c = await buildCertificate(t.p, body, { holderName: `Vérifiée ${tag()} SA` });
    const url = `/api/register/certificates/${c.number}/verification`;
    const ok = await get(url);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ZRegisterVerification.parse(ok.json())).toMatchObject({ signature: 'valid', reason: null, matchesRegister: true, status: 'valid' });
    expect(ok.json().verificationMethod).toContain(`/.well-known/attest-keys.json#${t.p.signer.kid}`);
    expect((await get(url, { 'if-none-match': ok.headers.etag as string })).statusCode).toBe(304);

    // Suspended: still signed, and the register says what it is now.
    await t.p.db.updateTable('certificates').set({ status: 'suspended', suspended_until: '2026-07-01' }).where('id', '=', c.id).execute();
    expect((await get(url)).json()).toMatchObject({ signature: 'valid', matchesRegister: true, status: 'suspended' });

    // One changed character in the signed holder name: the proof no longer holds.
    const vc = (await get(`/api/register/certificates/${c.number}/credential`)).json();
    vc.credentialSubject.certificate.holder.name = vc.credentialSubject.certificate.holder.name.replace('V', 'W');
    await t.p.db.updateTable('certificates').set({ credential: JSON.stringify(vc) }).where('id', '=', c.id).execute();
    expect((await get(url)).json()).toMatchObject({ signature: 'invalid', reason: 'bad_signature', matchesRegister: false });

    // A genuine credential that states another holder than the register row.
    const other = await buildCertificate(t.p, body);
    await t.p.db.updateTable('certificates').set({ holder_name: 'Someone Else SA' }).where('id', '=', other.id).execute();
    expect((await get(`/api/register/certificates/${other.number}/verification`)).json()).toMatchObject({ signature: 'valid', matchesRegister: false });
  });

  it('shows a certificate issued by the issue service, and verifies its credential', async () => {
    const built = await buildEngagement(t.p, body, await buildTenant(t.p, { kind: 'organization' }));
    const { certificate } = await buildIssuedCertificate(t.p, body, built);
    const res = await get(`/api/register/certificates/${encodeURIComponent(certificate.number)}`);
    expect(res.statusCode, res.body).toBe(200);
    const doc = ZRegisterCertificate.strict().parse(res.json());
    expect(doc).toMatchObject({ number: certificate.number, revision: 0, status: 'valid', holder: { name: built.client.legal_name }, standard: 'ISO/IEC 42001:2023' });
    expect(doc.sites.map((s) => s.name)).toEqual(['Siège']);
    expect(doc.history.map((e) => e.kind)).toEqual(['issued']);
    expect(res.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    const v = (await get(`/api/register/certificates/${encodeURIComponent(certificate.number)}/verification`)).json();
    expect(v).toMatchObject({ signature: 'valid', matchesRegister: true, status: 'valid' });
  });

  it('limits each address: 429 with Retry-After once its budget for the minute is spent', async () => {
    // The budget is per clock minute: a still clock keeps the whole run in one window on a slow machine.
    const realClock = t.p.clock;
    t.p.clock = createTestClock(new Date('2026-11-02T09:00:10Z'));
    try {
      const from = '198.51.100.7';
      for (let i = 0; i < BUDGET; i++) expect((await get('/api/register/certificates/AIMS-1999-NOPE', {}, from)).statusCode).toBe(404);
      const refused = await get('/api/register/certificates?q=abc', {}, from);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().code).toBe('too_many_requests');
      expect(Number(refused.headers['retry-after'])).toBe(50);
      // Another address is not affected.
      expect((await get('/api/register/certificates?q=abc', {}, '198.51.100.8')).statusCode).toBe(200);
    } finally {
      t.p.clock = realClock;
    }
  });

  it('exports the body’s certificates for IAF CertSearch as CSV and XLSX, for its scheme manager only', async () => {
    const b = await buildBody(t.p, { name: 'Export Body' });
    await t.p.db.updateTable('body_settings').set({ accredited: true, accreditation_body: 'COFRAC', accreditation_number: '4-0001' }).where('tenant_id', '=', b.id).execute();
    const a = await buildCertificate(t.p, b, {
      number: `AIMS-2026-EXA${tag()}`,
      holderName: '=HYPERLINK("http://evil.example","Click")',
      effectiveDate: '2026-03-02',
      expiryDate: '2029-03-01',
      sites: [
        { id: randomUUID(), name: 'Siège', address: '12 rue de la Paix, 75002 Paris', central: true, scope: { en: 'A', fr: 'B' } },
        { id: randomUUID(), name: 'Lyon', address: '3 quai Saint-Antoine, 69002 Lyon', central: false, scope: { en: 'A', fr: 'B' } },
      ],
    });
    const s = await buildCertificate(t.p, b, { number: `AIMS-2026-EXB${tag()}`, holderName: 'Lumière, "Crédit" SAS', status: 'suspended' });
    await buildCertificate(t.p, b, { revise: { number: a.number }, effectiveDate: '2027-03-02', expiryDate: '2030-03-01' });
    await buildCertificate(t.p, body); // another body's certificate: not in this export

    const manager = await as(t.app, b.owner);
    const auditor = await as(t.app, await buildMembership(t.p, b, 'auditor'));
    const url = `/api/tenants/${b.id}/register-export`;
    expect((await auditor.get(url)).statusCode).toBe(403);
    expect((await (await as(t.app, body.owner)).get(url.replace(b.id, randomUUID()))).statusCode).toBe(404);
    expect((await manager.get(`${url}?format=pdf`)).statusCode).toBe(400);

    const csv = await manager.get(url);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="certsearch-\d{8}\.csv"$/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.rawPayload.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'Certification Identity Number,Certificate Number,Revision,Certification Status,Accredited / Unaccredited,Accreditation Body,Accreditation Number,Certification Type,Standard,Issue Date (YYYYMMDD),Expiry Date (YYYYMMDD),Original Issue Date (YYYYMMDD),Certified Entity Name,Certified Entity Address,Site Addresses,Scope (English),Scope (French)',
    );
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(4);
    // The formula stays text; commas, quotes and line breaks are quoted as RFC 4180 says.
    expect(text).toContain(`${a.number},${a.number},1,Active,Accredited,COFRAC,4-0001,Management System,ISO/IEC 42001:2023,20270302,20300301,20260302,"'=HYPERLINK(""http://evil.example"",""Click"")",`);
    expect(text).toContain(`${s.number},${s.number},0,Suspended,Accredited,COFRAC,4-0001,Management System,ISO/IEC 42001:2023,20260115,20290114,20260115,"Lumière, ""Crédit"" SAS",`);

    const fr = await manager.get(`${url}?locale=fr`);
    expect(fr.rawPayload.subarray(3).toString('utf8').split('\r\n')[0]).toMatch(/^Numéro d’identification de la certification,Numéro de certificat,Révision,Statut de la certification,/);

    const xlsx = await manager.get(`${url}?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('CertSearch')!;
    const rows = ws.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v))));
    expect(rows).toHaveLength(3);
    expect(rows[0]!.slice(0, 4)).toEqual(['Certification Identity Number', 'Certificate Number', 'Revision', 'Certification Status']);
    const first = rows.find((r) => r[0] === a.number)!;
    expect(first.slice(1, 15)).toEqual([
      a.number, '1', 'Active', 'Accredited', 'COFRAC', '4-0001', 'Management System', 'ISO/IEC 42001:2023', '20270302', '20300301', '20260302',
      '=HYPERLINK("http://evil.example","Click")', '8 avenue de l’Opéra, 75001 Paris, France', 'Siège, 8 avenue de l’Opéra, 75001 Paris, France',
    ]);
    // A text cell, not a formula.
    expect(ws.getRow(rows.indexOf(first) + 1).getCell(13).type).toBe(ExcelJS.ValueType.String);
    expect(rows.find((r) => r[0] === s.number)![3]).toBe('Suspended');
  });

  it.skipIf(backend !== 'postgres')('searches through the prefix indexes, never by reading the table', async () => {
    const plan = async (cursor: { p: 0 | 1; k: string; n: string } | null) =>
      t.p.db.transaction().execute(async (tx) => {
        // The test table is tiny: the planner would rightly read it whole. The point is that the
        // indexes answer the statement's shape, which is what 10,000 certificates make it choose.
        await sql`SET LOCAL enable_seqscan = off`.execute(tx);
        const rows = (await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${searchSql({ text: 'Lum', cursor, limit: 20 })}`.execute(tx)).rows;
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    for (const p of [await plan(null), await plan({ p: 0, k: 'LUM', n: 'LUM' }), await plan({ p: 1, k: 'lumière', n: 'AIMS' })]) {
      expect(p).toContain('certificates_holder_idx');
      expect(p).not.toMatch(/Seq Scan|Sort Key: lower/);
    }
    expect(await plan(null)).toContain('certificates_number_prefix_idx');
  });
});
