import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZDocumentDetail, ZDocumentList, ZMandatoryChecklist } from '../../src/shared/contracts/documents.ts';
import { as, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TClient, type TTestApp } from '../support/test-app.ts';

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const AI_POLICY = '# AI policy\n\nLumière Crédit uses AI systems only where a person stays accountable for each decision.\n';

describe.skipIf(!backendAvailable)('documents', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_MB: '1' });
  });
  afterAll(() => t?.close());

  /** An organization with an owner, an admin, a contributor (the compliance lead) and a viewer. */
  async function org() {
    const tenant = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const admin = await buildMembership(t.p, tenant, 'admin');
    const lead = await buildMembership(t.p, tenant, 'contributor');
    const viewer = await buildMembership(t.p, tenant, 'viewer');
    return {
      T: `/api/tenants/${tenant.id}`,
      tenant,
      adminId: admin.id,
      leadId: lead.id,
      owner: await as(t.app, tenant.owner),
      admin: await as(t.app, admin),
      lead: await as(t.app, lead),
      viewer: await as(t.app, viewer),
    };
  }

  const uploadRaw = (c: TClient, url: string, payload: Readable | Buffer, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: [...c.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': c.jar.get('attest_csrf')!, 'content-type': 'application/pdf', ...headers },
      payload,
    });

  it('creates the AI policy with a text version, links requirements, and reads it back with abilities', async () => {
    const { T, lead, viewer, leadId, owner } = await org();
    const res = await lead.post(`${T}/documents`, {
      title: 'AI policy',
      type: 'policy',
      kind: 'maintained',
      ownerId: leadId,
      nextReviewOn: '2027-11-30',
      mandatoryItem: 'ai-policy-5.2',
      requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '5.2' }],
      text: AI_POLICY,
    });
    expect(res.statusCode).toBe(201);
    const d = ZDocumentDetail.parse(res.json());
    expect(d).toMatchObject({ title: 'AI policy', latestVersion: 1, status: 'draft', publishedVersion: null, approvalQuorum: 1, owner: { id: leadId }, requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '5.2' }] });
    expect(d.versions[0]).toMatchObject({ version: 1, contentKind: 'text', sha256: sha(AI_POLICY), size: Buffer.byteLength(AI_POLICY), status: 'draft' });
    expect(d.versions[0]!.abilities['documentVersion.submit']).toBe(true);
    expect(d.abilities).toMatchObject({ 'document.update': true, 'document.addVersion': true });

    const text = (await viewer.get(`${T}/documents/${d.id}/versions/1/text`)).json();
    expect(text).toEqual({ version: 1, sha256: sha(AI_POLICY), text: AI_POLICY });
    const seen = ZDocumentDetail.parse((await viewer.get(`${T}/documents/${d.id}`)).json());
    expect(seen.abilities).toMatchObject({ 'document.read': true, 'document.update': false, 'document.addVersion': false });
    expect(seen.versions[0]!.abilities['documentVersion.submit']).toBe(false);

    const patched = (await lead.patch(`${T}/documents/${d.id}`, { nextReviewOn: '2027-06-30', approvalQuorum: 2 })).json();
    expect(patched).toMatchObject({ nextReviewOn: '2027-06-30', approvalQuorum: 2 });
    const events = (await owner.get(`${T}/audit-events?action=document.updated`)).json().items;
    expect(events[0].summary).toMatchObject({ before: { nextReviewOn: '2027-11-30', approvalQuorum: 1 }, after: { title: 'AI policy', nextReviewOn: '2027-06-30', approvalQuorum: 2 } });
  });

  it('refuses bad input with field errors: unknown requirement, owner from elsewhere, unknown mandatory item', async () => {
    const { T, lead } = await org();
    const stranger = await buildUser(t.p);
    const base = { title: 'Risk procedure', type: 'procedure', kind: 'maintained' };
    const r1 = await lead.post(`${T}/documents`, { ...base, requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: '99.9' }] });
    expect(r1.statusCode).toBe(400);
    expect(r1.json()).toMatchObject({ code: 'document_requirement_unknown', details: [{ field: 'requirements.0.ref' }] });
    const r2 = await lead.post(`${T}/documents`, { ...base, ownerId: stranger.id });
    expect(r2.json()).toMatchObject({ code: 'document_owner_not_member', details: [{ field: 'ownerId' }] });
    const r3 = await lead.post(`${T}/documents`, { ...base, mandatoryItem: 'coffee-policy' });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().details[0]).toMatchObject({ field: 'mandatoryItem', issue: 'invalid_option' });
    const r4 = await lead.post(`${T}/documents`, { ...base, type: 'memo' });
    expect(r4.json().details[0]).toMatchObject({ field: 'type' });
  });

  it('four eyes and a quorum of two: the author cannot approve, each approval carries the hash, the second approves, publishing supersedes', async () => {
    const { T, owner, admin, lead, adminId } = await org();
    const d = (await lead.post(`${T}/documents`, { title: 'AI policy', type: 'policy', kind: 'maintained', mandatoryItem: 'ai-policy-5.2', approvalQuorum: 2, text: AI_POLICY })).json();
    const h1 = sha(AI_POLICY);
    const V = `${T}/documents/${d.id}/versions`;
    expect((await admin.post(`${V}/1/approve`, { sha256: h1 })).json()).toMatchObject({ code: 'conflict' });
    expect((await lead.post(`${V}/1/submit`)).json().versions[0].status).toBe('in_review');
    // The contributor may not approve at all; the owner who wrote nothing may.
    expect((await lead.post(`${V}/1/approve`, { sha256: h1 })).statusCode).toBe(403);
    expect((await admin.post(`${V}/1/approve`, { sha256: 'f'.repeat(64) })).json()).toMatchObject({ code: 'document_hash_mismatch' });
    const first = (await admin.post(`${V}/1/approve`, { sha256: h1, comment: 'Reviewed with the DPO.' })).json();
    expect(first.versions[0]).toMatchObject({ status: 'in_review', approvals: [{ approver: { id: adminId }, sha256: h1, comment: 'Reviewed with the DPO.' }] });
    expect((await admin.post(`${V}/1/approve`, { sha256: h1 })).json()).toMatchObject({ code: 'document_already_approved' });
    const second = (await owner.post(`${V}/1/approve`, { sha256: h1 })).json();
    expect(second.versions[0].status).toBe('approved');
    expect(second.versions[0].approvals).toHaveLength(2);
    expect(second.versions[0].abilities).toMatchObject({ 'documentVersion.publish': true, 'documentVersion.approve': false });
    expect((await lead.post(`${V}/1/publish`)).statusCode).toBe(403);
    const published = (await owner.post(`${V}/1/publish`)).json();
    expect(published).toMatchObject({ publishedVersion: 1, status: 'published' });

    // An edit is a new version; the admin writes it, so the admin cannot approve it.
    const v2 = 'AI policy, version 2: section 4 rewritten.';
    expect((await admin.post(V, { text: v2, changeNote: 'Section 4' })).statusCode).toBe(201);
    await admin.post(`${V}/2/submit`);
    expect((await admin.post(`${V}/2/approve`, { sha256: sha(v2) })).json()).toMatchObject({ code: 'document_own_approval' });
    // The contributor who submitted nothing here still cannot approve (role); the owner's approval is one of two.
    await owner.post(`${V}/2/approve`, { sha256: sha(v2) });
    await lead.patch(`${T}/documents/${d.id}`, { approvalQuorum: 1 });
    // A frozen version is not edited: version 1 stays published while version 2 is in review.
    expect((await owner.post(`${V}/1/submit`)).json()).toMatchObject({ code: 'document_version_frozen' });
    const extra = await buildMembership(t.p, { id: d.id === '' ? '' : (await t.p.db.selectFrom('documents').select('tenant_id').where('id', '=', d.id).executeTakeFirstOrThrow()).tenant_id }, 'admin');
    const ex = await as(t.app, extra);
    expect((await ex.post(`${V}/2/approve`, { sha256: sha(v2) })).json().versions[0].status).toBe('approved');
    const after = (await owner.post(`${V}/2/publish`)).json();
    expect(after.publishedVersion).toBe(2);
    expect(after.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    const events = (await owner.get(`${T}/audit-events?action=document.published`)).json().items;
    expect(events[0].summary.after).toMatchObject({ version: 2, supersededVersion: 1, sha256: sha(v2) });
    const approvals = (await owner.get(`${T}/audit-events?action=document.approved`)).json().items;
    expect(approvals.map((e: { summary: { after: { status: string } } }) => e.summary.after.status)).toEqual(['approved', 'in_review', 'approved', 'in_review']);
  });

  it('a new version replaces the one under review, which keeps its approvals as history', async () => {
    const { T, admin, lead } = await org();
    const d = (await lead.post(`${T}/documents`, { title: 'Procedure', type: 'procedure', kind: 'maintained', approvalQuorum: 2, text: 'v1' })).json();
    const V = `${T}/documents/${d.id}/versions`;
    await lead.post(`${V}/1/submit`);
    await admin.post(`${V}/1/approve`, { sha256: sha('v1') });
    const next = (await lead.post(V, { text: 'v2' })).json();
    expect(next.versions.map((v: { status: string; approvals: unknown[] }) => [v.status, v.approvals.length])).toEqual([
      ['draft', 0],
      ['superseded', 1],
    ]);
    expect((await admin.post(`${V}/1/approve`, { sha256: sha('v1') })).json()).toMatchObject({ code: 'document_version_frozen' });
  });

  it('an organization with one member may approve and publish its own version', async () => {
    const tenant = await buildTenant(t.p);
    const c = await as(t.app, tenant.owner);
    const T = `/api/tenants/${tenant.id}`;
    const d = (await c.post(`${T}/documents`, { title: 'AI policy', type: 'policy', kind: 'maintained', text: AI_POLICY })).json();
    expect(d.soleMember).toBe(true);
    await c.post(`${T}/documents/${d.id}/versions/1/submit`);
    expect((await c.post(`${T}/documents/${d.id}/versions/1/approve`, { sha256: sha(AI_POLICY) })).json().versions[0].status).toBe('approved');
    expect((await c.post(`${T}/documents/${d.id}/versions/1/publish`)).json().status).toBe('published');
    // A second member arrives: the rule applies again to the next version.
    await buildMembership(t.p, tenant, 'admin');
    await c.post(`${T}/documents/${d.id}/versions`, { text: 'v2' });
    await c.post(`${T}/documents/${d.id}/versions/2/submit`);
    expect((await c.post(`${T}/documents/${d.id}/versions/2/approve`, { sha256: sha('v2') })).json()).toMatchObject({ code: 'document_own_approval' });
  });

  it('file versions: streamed with their SHA-256, downloaded as attachments; oversized or aborted uploads leave nothing', async () => {
    const { T, lead, viewer } = await org();
    const d = (await lead.post(`${T}/documents`, { title: 'Training record', type: 'record', kind: 'retained', mandatoryItem: 'competence-7.2' })).json();
    const pdf = Buffer.from('%PDF-1.7\n' + 'Formation IA — présence\n'.repeat(2000));
    const res = await uploadRaw(lead, `${T}/documents/${d.id}/versions/file?filename=${encodeURIComponent('Présences formation IA.pdf')}`, Readable.from([pdf.subarray(0, 10_000), pdf.subarray(10_000)]));
    expect(res.statusCode).toBe(201);
    expect(res.json().versions[0]).toMatchObject({ version: 1, contentKind: 'file', sha256: sha(pdf), size: pdf.length, filename: 'Présences formation IA.pdf', contentType: 'application/pdf' });
    const back = await viewer.get(`${T}/documents/${d.id}/versions/1/content`);
    expect(back.rawPayload.equals(pdf)).toBe(true);
    expect(back.headers['x-content-sha256']).toBe(sha(pdf));
    expect(back.headers['content-disposition']).toMatch(/^attachment;/);

    const filesBefore = (await t.p.db.selectFrom('files').select('id').where('tenant_id', '=', (await t.p.db.selectFrom('documents').select('tenant_id').where('id', '=', d.id).executeTakeFirstOrThrow()).tenant_id).execute()).length;
    const big = Buffer.alloc(1024 * 1024 + 10, 7);
    const tooBig = await uploadRaw(lead, `${T}/documents/${d.id}/versions/file?filename=big.pdf`, Readable.from([big.subarray(0, 600_000), big.subarray(600_000)]), { 'transfer-encoding': 'chunked' });
    expect(tooBig.statusCode).toBe(413);
    expect(await t.p.blobs.has(sha(big))).toBe(false);

    // A client that drops the connection mid-upload (a real socket): no version, no file row, no object, no temp file.
    const half = Buffer.alloc(300_000, 3);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `${T}/documents/${d.id}/versions/file?filename=half.pdf`,
        headers: { cookie: [...lead.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': lead.jar.get('attest_csrf')!, 'content-type': 'application/pdf', 'transfer-encoding': 'chunked' },
      });
      req.on('error', () => resolve());
      req.write(half, () => setTimeout(() => req.destroy(), 200));
    });
    // The server cleans up after the client has gone: give it a moment.
    for (let i = 0; i < 50 && fs.readdirSync(path.join(t.dataDir, 'blobs/tmp')).length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await t.p.blobs.has(sha(half))).toBe(false);
    const detail = (await lead.get(`${T}/documents/${d.id}`)).json();
    expect(detail.latestVersion).toBe(1);
    const tenantId = T.split('/')[3]!;
    expect((await t.p.db.selectFrom('files').select('id').where('tenant_id', '=', tenantId).execute()).length).toBe(filesBefore);
    expect(fs.readdirSync(path.join(t.dataDir, 'blobs/tmp'))).toEqual([]);
    // A viewer cannot upload.
    expect((await uploadRaw(viewer, `${T}/documents/${d.id}/versions/file?filename=v.pdf`, Buffer.from('x'))).statusCode).toBe(403);
  });

  it('another tenant’s document answers 404 on every route; a viewer changes nothing (403)', async () => {
    const a = await org();
    const b = await org();
    const d = (await a.lead.post(`${a.T}/documents`, { title: 'AI policy', type: 'policy', kind: 'maintained', text: 'x' })).json();
    const other = `${b.T}/documents/${d.id}`;
    expect((await b.owner.get(other)).statusCode).toBe(404);
    expect((await b.owner.patch(other, { title: 'Mine' })).statusCode).toBe(404);
    expect((await b.owner.post(`${other}/versions`, { text: 'y' })).statusCode).toBe(404);
    expect((await b.owner.post(`${other}/versions/1/submit`)).statusCode).toBe(404);
    expect((await b.owner.get(`${other}/versions/1/content`)).statusCode).toBe(404);
    expect((await uploadRaw(b.lead, `${other}/versions/file?filename=x.pdf`, Buffer.from('x'))).statusCode).toBe(404);
    // Through a's tenant path, b's owner is not a member: 404 for the tenant.
    expect((await b.owner.get(`${a.T}/documents/${d.id}`)).statusCode).toBe(404);
    expect((await a.viewer.post(`${a.T}/documents`, { title: 'x', type: 'other', kind: 'retained' })).statusCode).toBe(403);
    expect((await a.viewer.patch(`${a.T}/documents/${d.id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await a.viewer.post(`${a.T}/documents/${d.id}/versions`, { text: 'x' })).statusCode).toBe(403);
    expect((await a.viewer.post(`${a.T}/documents/${d.id}/versions/1/submit`)).statusCode).toBe(403);
  });

  it('the register: filters, keyset pages, one SQL statement per page', async () => {
    const { T, lead, owner, leadId } = await org();
    for (let i = 0; i < 5; i++)
      await lead.post(`${T}/documents`, { title: `Procedure ${i}`, type: i % 2 ? 'procedure' : 'record', kind: i % 2 ? 'maintained' : 'retained', ownerId: i < 2 ? leadId : null, text: `p${i}` });
    const pol = (await lead.post(`${T}/documents`, { title: 'AI policy', type: 'policy', kind: 'maintained', mandatoryItem: 'ai-policy-5.2', nextReviewOn: '2020-01-01', text: AI_POLICY })).json();
    await lead.post(`${T}/documents/${pol.id}/versions/1/submit`);
    await owner.post(`${T}/documents/${pol.id}/versions/1/approve`, { sha256: sha(AI_POLICY) });
    await owner.post(`${T}/documents/${pol.id}/versions/1/publish`);

    const all = ZDocumentList.parse((await lead.get(`${T}/documents?limit=4`)).json());
    expect(all.items).toHaveLength(4);
    const rest = ZDocumentList.parse((await lead.get(`${T}/documents?limit=4&cursor=${all.nextCursor}`)).json());
    expect(rest.items).toHaveLength(2);
    expect(rest.nextCursor).toBeNull();
    expect(new Set([...all.items, ...rest.items].map((d) => d.id)).size).toBe(6);
    const byTitle = (await lead.get(`${T}/documents?sort=title&limit=2`)).json();
    expect(byTitle.items.map((d: { title: string }) => d.title)).toEqual(['AI policy', 'Procedure 0']);
    expect((await lead.get(`${T}/documents?sort=title&limit=2&cursor=${byTitle.nextCursor}`)).json().items.map((d: { title: string }) => d.title)).toEqual(['Procedure 1', 'Procedure 2']);
    const titles = async (q: string) => (await lead.get(`${T}/documents?sort=title&${q}`)).json().items.map((d: { title: string }) => d.title);
    expect(await titles('type=procedure')).toEqual(['Procedure 1', 'Procedure 3']);
    expect(await titles('kind=retained')).toEqual(['Procedure 0', 'Procedure 2', 'Procedure 4']);
    expect(await titles('status=published')).toEqual(['AI policy']);
    expect(await titles(`ownerId=${leadId}`)).toEqual(['Procedure 0', 'Procedure 1']);
    expect(await titles('mandatoryItem=ai-policy-5.2')).toEqual(['AI policy']);
    expect(await titles('reviewOverdue=true')).toEqual(['AI policy']);
    expect((await lead.get(`${T}/documents?status=approved-ish`)).statusCode).toBe(400);

    // Each request: the session (one statement), then the page (one statement).
    const q = await t.queriesDuring(() => lead.get(`${T}/documents?limit=3&type=record&kind=retained&reviewOverdue=false&ownerId=${leadId}&sort=review`));
    expect(q).toHaveLength(2);
    expect(await t.queriesDuring(() => lead.get(`${T}/documents/${pol.id}`))).toHaveLength(2);
    expect(await t.queriesDuring(() => lead.get(`${T}/documents/mandatory`))).toHaveLength(2);
  });

  it('the mandatory checklist: missing, current, overdue; records from the risk register and impact assessments', async () => {
    const { T, lead, owner } = await org();
    const first = ZMandatoryChecklist.parse((await lead.get(`${T}/documents/mandatory`)).json());
    expect(first.items).toHaveLength(15);
    expect(first.totals).toEqual({ current: 0, overdue: 0, missing: 15 });
    // The SoA reports from its own module: missing until a version is approved.
    expect(first.items.find((i) => i.key === 'soa-6.1.3')!.record).toEqual({ source: 'soa', state: 'missing', count: 0 });

    const publish = async (body: Record<string, unknown>) => {
      const d = (await lead.post(`${T}/documents`, { type: 'policy', kind: 'maintained', text: String(body.title), ...body })).json();
      await lead.post(`${T}/documents/${d.id}/versions/1/submit`);
      await owner.post(`${T}/documents/${d.id}/versions/1/approve`, { sha256: sha(String(body.title)) });
      await owner.post(`${T}/documents/${d.id}/versions/1/publish`);
      return d;
    };
    const policy = await publish({ title: 'AI policy', mandatoryItem: 'ai-policy-5.2', nextReviewOn: '2999-01-01' });
    await publish({ title: 'Scope statement', mandatoryItem: 'scope-4.3', nextReviewOn: '2001-01-01' });
    // A draft does not count.
    await lead.post(`${T}/documents`, { title: 'Monitoring results', type: 'record', kind: 'retained', mandatoryItem: 'monitoring-results-9.1', text: 'draft' });
    await lead.post(`${T}/risks`, { title: 'Model drift', source: 'ai_system', inherentLikelihood: 3, inherentImpact: 3, treatment: 'mitigate' });

    const list = ZMandatoryChecklist.parse((await lead.get(`${T}/documents/mandatory`)).json());
    const item = (k: string) => list.items.find((i) => i.key === k)!;
    expect(item('ai-policy-5.2')).toMatchObject({ state: 'current', clause: '5.2', kind: 'maintained', label: { en: 'AI policy', fr: 'Politique IA' }, documents: [{ id: policy.id, version: 1, state: 'current' }] });
    expect(item('scope-4.3')).toMatchObject({ state: 'overdue', documents: [{ title: 'Scope statement', state: 'overdue' }] });
    expect(item('monitoring-results-9.1')).toMatchObject({ state: 'missing', documents: [] });
    expect(item('risk-results-8.2')).toMatchObject({ state: 'current', record: { source: 'risks', state: 'current', count: 1 } });
    expect(item('risk-treatment-plan-6.1.3')).toMatchObject({ state: 'current', record: { source: 'risks', state: 'current', count: 1 } });
    expect(item('impact-assessment-results-6.1.4')).toMatchObject({ state: 'missing', record: { source: 'impact-assessments', state: 'missing', count: 0 } });
    expect(list.totals).toEqual({ current: 3, overdue: 1, missing: 11 });
  });
});
