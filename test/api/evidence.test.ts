import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildApiToken, buildMembership, buildTenant } from '../support/factories.ts';
import { blobFiles, buildControl, multipartBody } from '../support/evidence.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe.skipIf(!backendAvailable)('evidence', () => {
  let t: TTestApp;
  const clock = createTestClock(new Date('2026-11-27T09:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp({ EVIDENCE_MAX_MB: '1' });
    t.p.clock = clock;
  });
  afterAll(() => t?.close());

  async function org() {
    clock.set(new Date('2026-11-27T09:00:00Z'));
    const tenant = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const T = `/api/tenants/${tenant.id}/evidence`;
    const owner = await as(t.app, tenant.owner);
    const contributorUser = await buildMembership(t.p, tenant, 'contributor');
    const adminUser = await buildMembership(t.p, tenant, 'admin');
    const viewerUser = await buildMembership(t.p, tenant, 'viewer');
    const control = await buildControl(t.p, tenant.id, { reference: 'OPS-7', title: 'Nightly backup restore test' });
    return {
      tenant,
      T,
      owner,
      contributor: await as(t.app, contributorUser),
      contributorUser,
      admin: await as(t.app, adminUser),
      viewer: await as(t.app, viewerUser),
      control,
    };
  }

  const link = (o: Record<string, unknown> = {}) => ({ kind: 'link', url: 'https://ci.example.com/runs/4812', title: 'Restore run 4812', effectiveDate: '2026-11-26', ...o });

  it('a link and a record: hashed, linked to controls and requirements, visible to a viewer; bad input refused field by field', async () => {
    const o = await org();
    const created = await o.contributor.post(o.T, link({ controlIds: [o.control.id], requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.1' }], validUntil: '2027-11-26', periodFrom: '2026-11-01', periodTo: '2026-11-26' }));
    expect(created.statusCode, created.body).toBe(201);
    const e = created.json();
    expect(e).toMatchObject({
      kind: 'link',
      status: 'submitted',
      revision: 1,
      current: true,
      effectiveDate: '2026-11-26',
      periodFrom: '2026-11-01',
      validUntil: '2027-11-26',
      notContemporaneous: false,
      daysAfterEffective: 1,
      contemporaneityDays: 30,
      sha256: sha('https://ci.example.com/runs/4812'),
      controls: [{ id: o.control.id, reference: 'OPS-7' }],
      requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.1' }],
      owner: { id: o.contributorUser.id },
      abilities: { 'evidence.read': true, 'evidence.update': false, 'evidence.review': false, 'evidence.revise': true },
    });
    expect(e.receivedAt).toBe('2026-11-27T09:00:00.000Z');

    const record = await o.contributor.post(o.T, { kind: 'record', title: 'Access review Q3', effectiveDate: '2026-09-30', record: { fields: [{ key: 'Accounts reviewed', value: 214 }, { key: 'Revoked', value: 3 }, { key: 'Signed off', value: true }] } });
    expect(record.statusCode, record.body).toBe(201);
    expect(record.json()).toMatchObject({ kind: 'record', record: { fields: [{ key: 'Accounts reviewed', value: 214 }, {}, {}] }, url: null, file: null });

    expect((await o.viewer.get(`${o.T}/control-choices`)).json()).toEqual({ items: [{ id: o.control.id, reference: 'OPS-7', title: 'Nightly backup restore test' }] });
    const viewerRead = await o.viewer.get(`${o.T}/${e.id}`);
    expect(viewerRead.statusCode).toBe(200);
    expect(viewerRead.json().abilities).toMatchObject({ 'evidence.read': true, 'evidence.create': false, 'evidence.revise': false });
    expect((await o.viewer.post(o.T, link())).statusCode).toBe(403);

    const bad = async (body: unknown) => (await o.contributor.post(o.T, body)).json();
    expect((await bad(link({ url: 'javascript:alert(1)' }))).details).toEqual([expect.objectContaining({ field: 'url' })]);
    expect((await bad(link({ url: 'file:///etc/passwd' }))).code).toBe('validation_failed');
    expect((await bad(link({ effectiveDate: '2026-11-27T10:00:00Z' }))).details).toEqual([expect.objectContaining({ field: 'effectiveDate' })]);
    expect((await bad(link({ periodFrom: '2026-11-26', periodTo: '2026-11-01' }))).details).toEqual([expect.objectContaining({ field: 'periodTo' })]);
    expect((await bad({ kind: 'record', title: 'x', effectiveDate: '2026-11-26', record: { fields: [{ key: 'a', value: { nested: 1 } }] } })).code).toBe('validation_failed');
    expect((await bad({ kind: 'record', title: 'x', effectiveDate: '2026-11-26', record: { fields: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: i })) } })).code).toBe('validation_failed');
    expect((await bad({ kind: 'record', title: 'x', effectiveDate: '2026-11-26', record: { fields: [{ key: 'A', value: 1 }, { key: 'a', value: 2 }] } })).details).toEqual([expect.objectContaining({ field: 'record.fields.1.key' })]);

    // Another organization's control or evidence: refused like an unknown one, never linked.
    const other = await org();
    expect(await bad(link({ controlIds: [other.control.id] }))).toMatchObject({ code: 'evidence_control_unknown', details: [{ field: 'controlIds.0' }] });
    expect(await bad(link({ requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '99.9' }] }))).toMatchObject({ code: 'evidence_requirement_unknown' });
    expect((await other.owner.get(`${o.T}/${e.id}`)).statusCode).toBe(404);
    expect((await other.owner.get(`${other.T}/${e.id}`)).statusCode).toBe(404);
    expect((await other.owner.get(`${other.T}/${e.id}/history`)).statusCode).toBe(404);
  });

  it('contemporaneity: judged when the content arrives, with the window then in force, kept when the window changes', async () => {
    const o = await org();
    // 30 days after 2026-10-28 is 2026-11-27 (today): still contemporaneous; one more day is not.
    const onTime = (await o.contributor.post(o.T, link({ title: 'On time', effectiveDate: '2026-10-28' }))).json();
    const late = (await o.contributor.post(o.T, link({ title: 'Late', effectiveDate: '2026-10-27', url: 'https://ci.example.com/runs/1' }))).json();
    expect([onTime.notContemporaneous, onTime.daysAfterEffective]).toEqual([false, 30]);
    expect([late.notContemporaneous, late.daysAfterEffective, late.contemporaneityDays]).toEqual([true, 31, 30]);

    // Only owners and administrators change the window; the change applies from now on.
    expect((await o.contributor.patch(`${o.T}/settings`, { contemporaneityDays: 60 })).statusCode).toBe(403);
    const s = await o.admin.patch(`${o.T}/settings`, { contemporaneityDays: 60 });
    expect(s.json()).toEqual({ contemporaneityDays: 60, abilities: { 'evidence.configure': true } });
    expect((await o.viewer.get(`${o.T}/settings`)).json()).toEqual({ contemporaneityDays: 60, abilities: { 'evidence.configure': false } });
    expect((await o.owner.get(`${o.T}/${late.id}`)).json()).toMatchObject({ notContemporaneous: true, contemporaneityDays: 30 });

    // Two months later, a correction with the same content and date keeps its first judgement;
    // a correction with new content is judged on its own arrival.
    clock.set(new Date('2026-12-28T09:00:00Z'));
    const sameContent = (await o.contributor.post(`${o.T}/${onTime.id}/revisions`, { title: 'On time (title corrected)', effectiveDate: '2026-10-28' })).json();
    expect(sameContent).toMatchObject({ revision: 2, notContemporaneous: false, receivedAt: '2026-11-27T09:00:00.000Z', contemporaneityDays: 30 });
    const newContent = (await o.contributor.post(`${o.T}/${sameContent.id}/revisions`, { title: 'On time', effectiveDate: '2026-10-28', url: 'https://ci.example.com/runs/2' })).json();
    expect(newContent).toMatchObject({ revision: 3, notContemporaneous: true, contemporaneityDays: 60, daysAfterEffective: 61 });

    const flagged = (await o.viewer.get(`${o.T}?notContemporaneous=true`)).json().items.map((x: { title: string }) => x.title).sort();
    expect(flagged).toEqual(['Late', 'On time']);
    // The spreadsheet carries the flag, the days late and the window applied, in the reader's language.
    const xlsx = await o.viewer.get(`${o.T}/export.xlsx?locale=fr`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Preuves')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['Titre', 'Date d’effet', 'Non contemporaine', 'Jours après la date d’effet']));
    const byTitle = new Map(sheet.getSheetValues().slice(2).map((r) => [(r as unknown[])[1], (r as unknown[]).slice(1)]));
    expect(byTitle.get('Late')).toEqual(expect.arrayContaining(['Oui', '31', '30', '27 octobre 2026']));
    expect(byTitle.get('On time')).toEqual(expect.arrayContaining(['Oui', '61', '60']));
    expect((await (await org()).owner.get(`${o.T}/export.xlsx`)).statusCode).toBe(404);

    const events = (await o.owner.get(`/api/tenants/${o.tenant.id}/audit-events?action=evidence.settings_updated`)).json().items;
    expect(events).toMatchObject([{ summary: { before: { contemporaneityDays: 30 }, after: { contemporaneityDays: 60 } } }]);
  });

  it('submitted evidence is immutable: a correction is a new revision and the old one stays readable, its file downloadable', async () => {
    const o = await org();
    const v1 = Buffer.from('%PDF-1.4 restore report v1');
    const up = await o.contributor.post(`${o.T}/files?title=Restore%20report&effectiveDate=2026-11-26&controlIds=${o.control.id}&filename=restore-report.pdf`, v1, { 'content-type': 'application/pdf' });
    expect(up.statusCode, up.body).toBe(201);
    const first = up.json();
    expect(first).toMatchObject({ kind: 'file', sha256: sha(v1), file: { filename: 'restore-report.pdf', size: v1.length, contentType: 'application/pdf' }, created: true });

    const edit = await o.contributor.patch(`${o.T}/${first.id}`, { title: 'Changed in place', effectiveDate: '2026-11-26' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('evidence_immutable');

    const v2 = Buffer.from('%PDF-1.4 restore report v2, corrected');
    const rev = await o.contributor.post(`${o.T}/${first.id}/revisions/files?title=Restore%20report&effectiveDate=2026-11-26&controlIds=${o.control.id}&filename=restore-report-v2.pdf`, v2, { 'content-type': 'application/pdf' });
    expect(rev.statusCode, rev.body).toBe(201);
    const second = rev.json();
    expect(second).toMatchObject({ revision: 2, seriesId: first.id, supersedesId: first.id, current: true, sha256: sha(v2) });
    expect(second.revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);

    const old = (await o.viewer.get(`${o.T}/${first.id}`)).json();
    expect(old).toMatchObject({ revision: 1, current: false, supersededById: second.id, status: 'submitted', sha256: sha(v1), title: 'Restore report' });
    expect(old.abilities).toMatchObject({ 'evidence.revise': false });
    const oldFile = await o.viewer.get(`${o.T}/${first.id}/file`);
    expect(oldFile.statusCode).toBe(200);
    expect(oldFile.rawPayload.equals(v1)).toBe(true);
    expect(oldFile.headers['x-content-sha256']).toBe(sha(v1));
    expect((await o.viewer.get(`${o.T}/${second.id}/file`)).rawPayload.equals(v2)).toBe(true);

    // The corrected revision cannot be revised or reviewed again: act on the current one.
    expect((await o.contributor.post(`${o.T}/${first.id}/revisions`, { title: 'x', effectiveDate: '2026-11-26' })).json().code).toBe('evidence_superseded');
    expect((await o.admin.post(`${o.T}/${first.id}/accept`, {})).json().code).toBe('evidence_superseded');

    // Lists show current revisions only.
    const list = (await o.viewer.get(o.T)).json().items;
    expect(list.map((x: { id: string }) => x.id)).toEqual([second.id]);

    // The series' history: created, then revised, each naming its revision.
    const history = (await o.viewer.get(`${o.T}/${second.id}/history`)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['evidence.revised', 'evidence.created']);

    // A file of another tenant's evidence answers 404, even through its own tenant's path.
    const other = await org();
    expect((await other.owner.get(`${other.T}/${first.id}/file`)).statusCode).toBe(404);
    expect((await other.owner.get(`${o.T}/${first.id}/file`)).statusCode).toBe(404);
  });

  it('drafts change in place until submitted; review is for owners and administrators, never their own upload', async () => {
    const o = await org();
    const draft = (await o.owner.post(o.T, link({ status: 'draft' }))).json();
    expect(draft).toMatchObject({ status: 'draft', abilities: { 'evidence.update': true, 'evidence.submit': true, 'evidence.review': false } });
    const edited = await o.owner.patch(`${o.T}/${draft.id}`, { title: 'Restore run 4813', effectiveDate: '2026-11-26', url: 'https://ci.example.com/runs/4813' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Restore run 4813', url: 'https://ci.example.com/runs/4813', sha256: sha('https://ci.example.com/runs/4813'), revision: 1 });
    expect((await o.owner.post(`${o.T}/${draft.id}/accept`, {})).json().code).toBe('evidence_not_submitted');
    expect((await o.owner.post(`${o.T}/${draft.id}/submit`)).json().status).toBe('submitted');

    // The owner uploaded and submitted it: another owner or administrator reviews.
    const own = await o.owner.post(`${o.T}/${draft.id}/accept`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('evidence_own_review');
    expect((await o.contributor.post(`${o.T}/${draft.id}/accept`, {})).statusCode).toBe(403);
    expect((await o.viewer.post(`${o.T}/${draft.id}/accept`, {})).statusCode).toBe(403);
    expect((await o.admin.post(`${o.T}/${draft.id}/reject`, {})).statusCode).toBe(400);
    const accepted = await o.admin.post(`${o.T}/${draft.id}/accept`, { comment: 'Matches the run log.' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', reviewComment: 'Matches the run log.', abilities: { 'evidence.review': false, 'evidence.revise': true } });
    expect((await o.admin.post(`${o.T}/${draft.id}/reject`, { comment: 'late' })).json().code).toBe('evidence_not_submitted');

    // Alone in an organization, the founder reviews their own evidence (nobody else could).
    const solo = await buildTenant(t.p);
    const soloC = await as(t.app, solo.owner);
    const mine = (await soloC.post(`/api/tenants/${solo.id}/evidence`, link())).json();
    expect((await soloC.post(`/api/tenants/${solo.id}/evidence/${mine.id}/accept`, {})).json().status).toBe('accepted');
  });

  it('lists: filters, keyset pages, one SQL statement per page', async () => {
    const o = await org();
    const c2 = await buildControl(t.p, o.tenant.id, { reference: 'GOV-2', title: 'AI policy review' });
    await sql`INSERT INTO control_requirements (tenant_id, control_id, framework_id, framework_version, ref, origin)
      SELECT ${o.tenant.id}, ${c2.id}, framework_id, framework_version, ref, 'manual' FROM catalog_requirements WHERE framework_id = 'iso-iec-42001-2023' AND ref = '5.2' LIMIT 1`.execute(t.p.db);
    const make = (title: string, o2: Record<string, unknown>) => o.contributor.post(o.T, link({ title, url: `https://ci.example.com/${encodeURIComponent(title)}`, ...o2 }));
    await make('E1', { effectiveDate: '2026-11-20', controlIds: [o.control.id], validUntil: '2026-12-10' });
    await make('E2', { effectiveDate: '2026-11-21', controlIds: [c2.id] });
    await make('E3', { effectiveDate: '2026-09-01' });
    await make('E4', { effectiveDate: '2026-11-22', requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.1' }], validUntil: '2027-06-01' });
    await o.contributor.post(o.T, { kind: 'record', title: 'E5', effectiveDate: '2026-11-23', record: { fields: [{ key: 'k', value: 'v' }] }, status: 'draft' });

    const titles = async (q: string) => (await o.viewer.get(`${o.T}?${q}`)).json().items.map((r: { title: string }) => r.title);
    expect(await titles('')).toEqual(['E5', 'E4', 'E2', 'E1', 'E3']);
    expect(await titles(`controlId=${o.control.id}`)).toEqual(['E1']);
    expect(await titles('frameworkId=iso-iec-42001-2023&ref=5.2')).toEqual(['E2']);
    expect(await titles('frameworkId=iso-iec-42001-2023&ref=9.1')).toEqual(['E4']);
    expect(await titles('notContemporaneous=true')).toEqual(['E3']);
    expect(await titles('expiringWithinDays=30')).toEqual(['E1']);
    expect(await titles('kind=record')).toEqual(['E5']);
    expect(await titles('status=draft')).toEqual(['E5']);
    expect(await titles('sort=title&direction=asc&q=e')).toEqual(['E1', 'E2', 'E3', 'E4', 'E5']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { title: string }[]; nextCursor: string | null } = (await o.viewer.get(`${o.T}?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((x) => x.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['E5', 'E4', 'E2', 'E1', 'E3']);

    // The session (one statement), then the page (one statement), whatever the filters.
    const statements = await t.queriesDuring(() => o.viewer.get(`${o.T}?limit=2&notContemporaneous=false&frameworkId=iso-iec-42001-2023&ref=5.2&expiringWithinDays=10&kind=link`));
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatch(/FROM evidence e/);
    const one = (await o.viewer.get(`${o.T}?limit=1`)).json().items[0].id;
    expect(await t.queriesDuring(() => o.viewer.get(`${o.T}/${one}`))).toHaveLength(2);
  });

  describe('file uploads and CI pushes', () => {
    it('the README’s curl, raw body: a contributor token pushes a file and gets its id and SHA-256; the same push again answers 200 with the same id', async () => {
      const o = await org();
      const token = await buildApiToken(t.p, o.tenant, { role: 'contributor', name: 'CI pipeline' });
      const report = Buffer.from('%PDF-1.7\nrestore test passed: 1200 records\n');
      // curl -sS -X POST "$ATTEST_URL/api/tenants/$TENANT/evidence/files?title=Nightly%20restore%20test&effectiveDate=2026-11-26&controlIds=$CONTROL&filename=restore-report.pdf"
      //   -H "Authorization: Bearer $ATTEST_TOKEN" -H "Content-Type: application/pdf" --data-binary @restore-report.pdf
      const push = () =>
        t.app.inject({
          method: 'POST',
          url: `/api/tenants/${o.tenant.id}/evidence/files?title=Nightly%20restore%20test&effectiveDate=2026-11-26&controlIds=${o.control.id}&filename=restore-report.pdf`,
          headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/pdf', 'user-agent': 'curl/8.5.0', accept: '*/*' },
          payload: report,
        });
      const first = await push();
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ created: true, sha256: sha(report), status: 'submitted', pushedByToken: { id: token.id, name: 'CI pipeline' }, createdBy: null, owner: { id: o.tenant.owner.id } });
      const again = await push();
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ id: first.json().id, created: false, sha256: sha(report) });

      // A different day, or the same day with other bytes, is new evidence.
      const otherDay = await t.app.inject({ method: 'POST', url: `/api/tenants/${o.tenant.id}/evidence/files?title=Nightly&effectiveDate=2026-11-27&controlIds=${o.control.id}&filename=r.pdf`, headers: token.bearer, payload: report });
      expect(otherDay.statusCode).toBe(201);
      const count = await t.p.db.selectFrom('evidence').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', o.tenant.id).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(2);

      // A viewer token reads but does not push; missing metadata is a field error.
      const viewerToken = await buildApiToken(t.p, o.tenant, { role: 'viewer' });
      expect((await t.app.inject({ method: 'POST', url: `/api/tenants/${o.tenant.id}/evidence/files?title=x&effectiveDate=2026-11-26&filename=r.pdf`, headers: viewerToken.bearer, payload: report })).statusCode).toBe(403);
      const noDate = await t.app.inject({ method: 'POST', url: `/api/tenants/${o.tenant.id}/evidence/files?title=x&filename=r.pdf`, headers: token.bearer, payload: report });
      expect(noDate.statusCode).toBe(400);
      expect(noDate.json().details).toEqual([expect.objectContaining({ field: 'effectiveDate', issue: 'required' })]);
      const noName = await t.app.inject({ method: 'POST', url: `/api/tenants/${o.tenant.id}/evidence/files?title=x&effectiveDate=2026-11-26`, headers: token.bearer, payload: report });
      expect(noName.json()).toMatchObject({ code: 'validation_failed', details: [{ field: 'filename' }] });
    });

    it('the README’s curl, multipart: fields then the file; idempotent too; a JSON report is stored as sent, not parsed', async () => {
      const o = await org();
      const token = await buildApiToken(t.p, o.tenant, { role: 'contributor' });
      const report = Buffer.from(JSON.stringify({ suite: 'bias-tests', passed: 48, failed: 0 }));
      // curl -sS "$ATTEST_URL/api/tenants/$TENANT/evidence/files" -H "Authorization: Bearer $ATTEST_TOKEN"
      //   -F title="Bias test suite" -F effectiveDate=2026-11-26 -F controlIds=$CONTROL -F "file=@bias-report.json;type=application/json"
      const form = () => multipartBody({ title: 'Bias test suite', effectiveDate: '2026-11-26', controlIds: o.control.id }, { name: 'bias-report.json', type: 'application/json', data: report });
      const push = () => {
        const f = form();
        return t.app.inject({ method: 'POST', url: `/api/tenants/${o.tenant.id}/evidence/files`, headers: { authorization: `Bearer ${token.token}`, ...f.headers }, payload: f.payload });
      };
      const first = await push();
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ created: true, sha256: sha(report), file: { filename: 'bias-report.json', contentType: 'application/json', size: report.length }, title: 'Bias test suite' });
      const again = await push();
      expect([again.statusCode, again.json().id]).toEqual([200, first.json().id]);
      const stored = await t.app.inject({ method: 'GET', url: `/api/tenants/${o.tenant.id}/evidence/${first.json().id}/file`, headers: token.bearer });
      expect(stored.rawPayload.equals(report)).toBe(true);

      // The raw body can be JSON too: it is the file.
      const raw = await t.app.inject({ method: 'POST', url: `/api/tenants/${o.tenant.id}/evidence/files?title=Raw%20JSON&effectiveDate=2026-11-25&filename=r.json`, headers: { ...token.bearer, 'content-type': 'application/json' }, payload: report });
      expect(raw.statusCode, raw.body).toBe(201);
      expect(raw.json().sha256).toBe(sha(report));

      // A form without the file part, or with the file before the fields, is refused with nothing stored.
      const noFile = multipartBody({ title: 'x', effectiveDate: '2026-11-26' }, null);
      expect((await t.app.inject({ method: 'POST', url: `/api/tenants/${o.tenant.id}/evidence/files`, headers: { ...token.bearer, ...noFile.headers }, payload: noFile.payload })).json().code).toBe('evidence_file_missing');
    });

    it('two identical pushes at the same moment end with one evidence (the push key is unique)', async () => {
      const o = await org();
      const token = await buildApiToken(t.p, o.tenant, { role: 'contributor' });
      const body = Buffer.from(`race ${Date.now()}`);
      const push = () => t.app.inject({ method: 'POST', url: `/api/tenants/${o.tenant.id}/evidence/files?title=Race&effectiveDate=2026-11-26&controlIds=${o.control.id}&filename=r.txt`, headers: { ...token.bearer, 'content-type': 'text/plain' }, payload: body });
      const answers = await Promise.all([push(), push(), push()]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
      expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
      const rows = await t.p.db.selectFrom('evidence').select('id').where('tenant_id', '=', o.tenant.id).execute();
      expect(rows).toHaveLength(1);
    });

    it('an oversized or aborted upload leaves no row and no object', async () => {
      const o = await org();
      const token = await buildApiToken(t.p, o.tenant, { role: 'contributor' });
      const before = blobFiles(t.dataDir);
      const url = `/api/tenants/${o.tenant.id}/evidence/files?title=Big&effectiveDate=2026-11-26&controlIds=${o.control.id}&filename=big.bin`;
      const big = Buffer.alloc(1024 * 1024 + 10, 7);
      const tooBig = await t.app.inject({ method: 'POST', url, headers: { ...token.bearer, 'content-type': 'application/octet-stream' }, payload: big });
      expect(tooBig.statusCode).toBe(413);
      expect(tooBig.json().code).toBe('payload_too_large');
      // Without a Content-Length (chunked), the stream itself is cut at the limit.
      const chunked = await t.app.inject({ method: 'POST', url, headers: { ...token.bearer, 'content-type': 'application/octet-stream' }, payload: Readable.from([big.subarray(0, 600_000), big.subarray(600_000)]) });
      expect(chunked.statusCode).toBe(413);
      const f = multipartBody({ title: 'Big', effectiveDate: '2026-11-26' }, { name: 'big.bin', type: 'application/octet-stream', data: big });
      const tooBigForm = await t.app.inject({ method: 'POST', url: `/api/tenants/${o.tenant.id}/evidence/files`, headers: { ...token.bearer, ...f.headers }, payload: f.payload });
      expect(tooBigForm.statusCode).toBe(413);

      // A client that goes away mid-body, over a real socket.
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (t.app.server.address() as AddressInfo).port;
      await new Promise<void>((resolve) => {
        const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: url, headers: { ...token.bearer, 'content-type': 'application/octet-stream', 'content-length': '500000' } });
        req.on('error', () => resolve());
        req.write(Buffer.alloc(200_000, 1), () => setTimeout(() => (req.destroy(), resolve()), 300));
      });
      await expect.poll(() => blobFiles(t.dataDir)).toEqual(before);

      expect(blobFiles(t.dataDir)).toEqual(before);
      const rows = await t.p.db.selectFrom('evidence').select('id').where('tenant_id', '=', o.tenant.id).execute();
      const files = await t.p.db.selectFrom('files').select('id').where('tenant_id', '=', o.tenant.id).execute();
      expect([rows.length, files.length]).toEqual([0, 0]);
    });

    it('a web upload with a session needs the CSRF header; a bearer token does not', async () => {
      const o = await org();
      const c = o.contributor;
      const url = `${o.T}/files?title=x&effectiveDate=2026-11-26&filename=x.txt`;
      const cookie = [...c.jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const noCsrf = await t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'text/plain' }, payload: 'x' });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json().code).toBe('csrf_failed');
    });
  });
});
