import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { createHash } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildMembership, buildTenant, type TBuiltTenant } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TClient, type TTestApp } from '../support/test-app.ts';

type TEntry = { frameworkId: string; ref: string; applicable: boolean | null; justification: string; implementationStatus: string | null; controls: { id: string; reference: string; title: string }[] };
type TVersion = { id: string; number: number | null; status: string; entries: TEntry[]; abilities: Record<string, boolean>; counts: { total: number; decided: number; applicable: number } };

const ANNEX_A_42001 = 38;

describe.skipIf(!backendAvailable)('Statement of Applicability', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  /** An organization with an owner, an admin, a contributor (the compliance lead) and a viewer, each signed in. */
  async function org(name = 'Lumière Crédit') {
    const tenant = await buildTenant(t.p, { name });
    const admin = await buildMembership(t.p, tenant, 'admin');
    const contributor = await buildMembership(t.p, tenant, 'contributor');
    const viewer = await buildMembership(t.p, tenant, 'viewer');
    return {
      tenant,
      S: `/api/tenants/${tenant.id}/soa`,
      owner: await as(t.app, tenant.owner),
      admin: await as(t.app, admin),
      contributor: await as(t.app, contributor),
      viewer: await as(t.app, viewer),
      ids: { owner: tenant.owner.id, admin: admin.id, contributor: contributor.id },
    };
  }

  const control = async (tenant: TBuiltTenant, reference: string, title: string) =>
    (
      await t.p.db
        .insertInto('controls')
        .values({ tenant_id: tenant.id, reference, title, frequency: 'quarterly', automation: 'manual', status: 'operating', created_by: tenant.owner.id })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const ok = async <T = TVersion>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };

  /** Decides every entry: one in five excluded, the others implemented, with a justification each way. */
  async function decideAll(c: TClient, S: string, v: TVersion, controlId?: string) {
    for (const [i, e] of v.entries.entries()) {
      const excluded = i % 5 === 4;
      await ok(
        c.patch(`${S}/draft/entries/${e.frameworkId}/${e.ref}`, {
          applicable: !excluded,
          justification: excluded ? `Pas de fournisseur tiers pour ${e.ref} : « sans objet ».` : `Needed for credit scoring (${e.ref}).`,
          implementationStatus: excluded ? null : 'implemented',
          ...(controlId && i === 0 ? { controlIds: [controlId] } : {}),
        }),
      );
    }
  }

  /** The same decisions written straight to the table, for tests about what follows a draft. */
  async function decideAllInDb(tenant: TBuiltTenant, v: TVersion, controlId?: string) {
    await t.p.db
      .updateTable('soa_entries')
      .set({ applicable: true, justification: 'Needed for credit scoring.', implementation_status: 'implemented' })
      .where('tenant_id', '=', tenant.id)
      .where('version_id', '=', v.id)
      .execute();
    if (controlId) {
      const e = v.entries[0]!;
      const c = await t.p.db.selectFrom('controls').select(['reference', 'title']).where('tenant_id', '=', tenant.id).where('id', '=', controlId).executeTakeFirstOrThrow();
      await t.p.db
        .insertInto('soa_entry_controls')
        .values({ tenant_id: tenant.id, version_id: v.id, framework_id: e.frameworkId, ref: e.ref, control_id: controlId, control_reference: c.reference, control_title: c.title })
        .execute();
    }
  }

  it('drafts, refuses an incomplete submission with the refs, freezes in review, applies four eyes, numbers approvals and supersedes', async () => {
    const o = await org();
    const ctl = await control(o.tenant, 'CTL-01', 'AI policy approved by the board');

    const empty = await ok<{ open: null; inForce: null; versions: []; frameworks: { id: string; controls: number }[]; abilities: Record<string, boolean> }>(o.viewer.get(o.S));
    expect(empty).toMatchObject({ open: null, inForce: null, versions: [], frameworks: [{ id: 'iso-iec-42001-2023', controls: ANNEX_A_42001 }] });
    expect(empty.abilities).toMatchObject({ 'soa.read': true, 'soa.create': false });
    expect((await o.viewer.post(`${o.S}/draft`, { from: 'blank' })).statusCode).toBe(403);

    const draft = await ok(o.contributor.post(`${o.S}/draft`, { from: 'blank' }), 201);
    expect(draft).toMatchObject({ number: null, status: 'draft', counts: { total: ANNEX_A_42001, decided: 0 } });
    expect(draft.entries[0]).toMatchObject({ frameworkId: 'iso-iec-42001-2023', ref: 'A.2.2', applicable: null, justification: '' });
    expect(draft.entries.map((e) => e.ref)).toContain('A.10.4');
    expect(draft.abilities).toMatchObject({ 'soa.update': true, 'soa.submit': true, 'soa.approve': false });
    const second = await o.admin.post(`${o.S}/draft`, {});
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('soa_open_version');

    const incomplete = await o.contributor.post(`${o.S}/draft/submit`);
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json()).toMatchObject({ code: 'soa_incomplete', details: { count: ANNEX_A_42001 } });
    expect(incomplete.json().message).toContain('decide applicability of A.2.2, A.2.3');
    expect(incomplete.json().details.undecided).toHaveLength(ANNEX_A_42001);

    // A viewer cannot change anything; another organization's control does not link.
    const E = `${o.S}/draft/entries/iso-iec-42001-2023/A.2.2`;
    expect((await o.viewer.patch(E, { applicable: true })).statusCode).toBe(403);
    const other = await org('Autre Banque');
    const foreign = await control(other.tenant, 'CTL-01', 'Not yours');
    const refused = await o.contributor.patch(E, { controlIds: [foreign] });
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: 'soa_control_unknown', details: { controlIds: [foreign] } });
    expect((await o.contributor.patch(`${o.S}/draft/entries/iso-iec-42001-2023/Z.9`, { applicable: true })).statusCode).toBe(404);
    const tooLong = await o.contributor.patch(E, { justification: 'x'.repeat(2001) });
    expect(tooLong.statusCode).toBe(400);

    // Not applicable clears the implementation status.
    const entry = await ok<TEntry>(o.contributor.patch(E, { applicable: true, implementationStatus: 'in_progress', justification: 'We write the policy.', controlIds: [ctl, ctl] }));
    expect(entry).toMatchObject({ applicable: true, implementationStatus: 'in_progress', controls: [{ id: ctl, reference: 'CTL-01', title: 'AI policy approved by the board' }] });
    expect(await ok<TEntry>(o.contributor.patch(E, { applicable: false }))).toMatchObject({ applicable: false, implementationStatus: null });

    await decideAll(o.contributor, o.S, draft, ctl);
    const review = await ok(o.contributor.post(`${o.S}/draft/submit`));
    expect(review).toMatchObject({ status: 'in_review', counts: { total: ANNEX_A_42001, decided: ANNEX_A_42001 } });

    const frozen = await o.contributor.patch(E, { justification: 'Changed.' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('soa_frozen');

    // Rejected with a comment, resubmitted.
    expect((await o.owner.post(`${o.S}/draft/reject`, { comment: '' })).statusCode).toBe(400);
    expect(await ok(o.owner.post(`${o.S}/draft/reject`, { comment: 'A.2.2 : préciser le comité.' }))).toMatchObject({ status: 'draft', rejectComment: 'A.2.2 : préciser le comité.' });
    await ok(o.contributor.post(`${o.S}/draft/submit`));

    // The contributor cannot approve (role); the owner, who did not draft it, can.
    expect((await o.contributor.post(`${o.S}/draft/approve`, {})).json().code).toBe('forbidden');
    const v1 = await ok(o.owner.post(`${o.S}/draft/approve`, { comment: 'Management review of 23 November 2026.' }));
    expect(v1).toMatchObject({ number: 1, status: 'approved', approvedBy: { id: o.ids.owner }, abilities: { 'soa.update': false, 'soa.approve': false } });

    const afterApproval = await o.contributor.patch(E, { justification: 'Changed.' });
    expect(afterApproval.statusCode).toBe(404);

    // Version 2 from version 1, drafted and submitted by the admin: the admin cannot approve it.
    const d2 = await ok(o.admin.post(`${o.S}/draft`, {}), 201);
    expect(d2).toMatchObject({ status: 'draft', basedOnNumber: 1, counts: { decided: ANNEX_A_42001 } });
    expect(d2.entries[0]).toMatchObject({ ref: 'A.2.2', applicable: true, controls: [{ id: ctl }] });
    await ok(o.admin.post(`${o.S}/draft/submit`));
    const own = await o.admin.post(`${o.S}/draft/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('soa_own_approval');
    const v2 = await ok(o.owner.post(`${o.S}/draft/approve`, {}));
    expect(v2).toMatchObject({ number: 2, status: 'approved' });

    const overview = await ok<{ inForce: { number: number }; versions: { number: number; status: string }[]; open: null }>(o.viewer.get(o.S));
    expect(overview).toMatchObject({ open: null, inForce: { number: 2 }, versions: [{ number: 2, status: 'approved' }, { number: 1, status: 'superseded' }] });
    expect(await ok(o.viewer.get(`${o.S}/versions/1`))).toMatchObject({ number: 1, status: 'superseded', entries: expect.any(Array) });

    const actions = await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', o.tenant.id).where('action', 'like', 'soa.%').orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['soa.draft_started', 'soa.entry_updated', 'soa.submitted', 'soa.rejected', 'soa.approved']),
    );
    expect(actions.filter((a) => a.action === 'soa.approved')).toHaveLength(2);
  });

  it('an approved version keeps its implementing controls as they were approved', async () => {
    const o = await org();
    const ctl = await control(o.tenant, 'CTL-07', 'Model inventory');
    const draft = await ok(o.contributor.post(`${o.S}/draft`, { from: 'blank' }), 201);
    await decideAllInDb(o.tenant, draft, ctl);
    await ok(o.contributor.post(`${o.S}/draft/submit`));
    await ok(o.owner.post(`${o.S}/draft/approve`, {}));
    await t.p.db.updateTable('controls').set({ title: 'Renamed later' }).where('tenant_id', '=', o.tenant.id).where('id', '=', ctl).execute();
    const v1 = await ok(o.viewer.get(`${o.S}/versions/1`));
    expect(v1.entries[0]!.controls).toEqual([{ id: ctl, reference: 'CTL-07', title: 'Model inventory' }]);
  });

  it('the only member of an organization approves their own version', async () => {
    const tenant = await buildTenant(t.p, { name: 'Solo Conseil' });
    const owner = await as(t.app, tenant.owner);
    const S = `/api/tenants/${tenant.id}/soa`;
    const draft = await ok(owner.post(`${S}/draft`, { from: 'blank' }), 201);
    expect(draft.abilities['soa.approve']).toBe(false);
    await decideAllInDb(tenant, draft);
    const review = await ok(owner.post(`${S}/draft/submit`));
    expect(review.abilities['soa.approve']).toBe(true);
    expect(await ok(owner.post(`${S}/draft/approve`, {}))).toMatchObject({ number: 1, status: 'approved' });
  });

  it('covers ISO/IEC 27001 Annex A too once the organization adopts it', async () => {
    const o = await org();
    await t.p.db.insertInto('tenant_frameworks').values({ tenant_id: o.tenant.id, framework_id: 'iso-iec-27001-2022', framework_version: '2022-r2', adopted_by: o.ids.owner }).execute();
    const overview = await ok<{ frameworks: { id: string; controls: number }[] }>(o.viewer.get(o.S));
    expect(overview.frameworks).toEqual([
      { id: 'iso-iec-42001-2023', version: expect.any(String), controls: 38 },
      { id: 'iso-iec-27001-2022', version: '2022-r2', controls: 93 },
    ]);
    const draft = await ok(o.contributor.post(`${o.S}/draft`, { from: 'blank' }), 201);
    expect(draft.counts.total).toBe(38 + 93);
    expect(draft.entries[0]!.frameworkId).toBe('iso-iec-42001-2023');
    expect(draft.entries.at(-1)).toMatchObject({ frameworkId: 'iso-iec-27001-2022', ref: 'A.8.34' });
  });

  it('reads the draft in a bounded number of statements, whatever the number of entries', async () => {
    const o = await org();
    await ok(o.contributor.post(`${o.S}/draft`, { from: 'blank' }), 201);
    const statements = await t.queriesDuring(() => o.viewer.get(`${o.S}/draft`));
    // Session lookup, the version row, its entries with their controls.
    expect(statements.length).toBeLessThanOrEqual(4);
  });

  it('another organization reads, changes and exports nothing of this one (404)', async () => {
    const o = await org();
    const draft = await ok(o.contributor.post(`${o.S}/draft`, { from: 'blank' }), 201);
    await decideAllInDb(o.tenant, draft);
    await ok(o.contributor.post(`${o.S}/draft/submit`));
    await ok(o.owner.post(`${o.S}/draft/approve`, {}));
    const stranger = await org('Autre Banque');
    for (const res of [
      await stranger.owner.get(o.S),
      await stranger.owner.get(`${o.S}/versions/1`),
      await stranger.owner.get(`${o.S}/versions/1/export?format=xlsx&locale=en`),
      await stranger.owner.post(`${o.S}/draft`, {}),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    expect((await o.viewer.get(`${o.S}/versions/2/export?format=pdf&locale=en`)).statusCode).toBe(404);
    expect((await o.viewer.get(`${o.S}/versions/1/export?format=odt&locale=en`)).statusCode).toBe(400);
  });

  describe('exports of an approved version', () => {
    let o: Awaited<ReturnType<typeof org>>;
    let refs: string[];
    beforeAll(async () => {
      o = await org('Lumière Crédit & Associés');
      const ctl = await control(o.tenant, 'CTL-01', 'Politique IA approuvée');
      const draft = await ok(o.contributor.post(`${o.S}/draft`, { from: 'blank' }), 201);
      refs = draft.entries.map((e) => e.ref);
      await decideAll(o.contributor, o.S, draft, ctl);
      await ok(o.contributor.post(`${o.S}/draft/submit`));
      await ok(o.owner.post(`${o.S}/draft/approve`, {}));
    });

    const download = async (format: string, locale: string) => {
      const res = await o.viewer.get(`${o.S}/versions/1/export?format=${format}&locale=${locale}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="SoA-v1-${locale}.${format}"`);
      expect(res.headers['x-content-sha256']).toBe(createHash('sha256').update(res.rawPayload).digest('hex'));
      return res;
    };

    it('XLSX: the 38 refs on their sheet, frozen header, French labels and page header in fr', async () => {
      for (const locale of ['en', 'fr'] as const) {
        const res = await download('xlsx', locale);
        expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
        const sheet = wb.worksheets[1]!;
        const col = sheet.getColumn(1).values.slice(2) as string[];
        expect(col).toEqual(refs);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        const cover = wb.worksheets[0]!;
        if (locale === 'fr') {
          expect(wb.worksheets.map((w) => w.name)).toEqual(['Synthèse', 'ISO IEC 42001 2023 annexe A']);
          expect(sheet.getRow(1).values).toEqual([undefined, 'Réf.', 'Mesure de l’annexe A', 'Applicable', 'Justification', 'Mise en œuvre', 'Contrôles associés']);
          expect(sheet.getCell('C2').value).toBe('Oui');
          expect(sheet.getCell('E2').value).toBe('Mise en œuvre');
          expect(sheet.getCell('F2').value).toBe('CTL-01 Politique IA approuvée');
          expect(cover.getCell('A1').value).toBe('Déclaration d’applicabilité');
          expect(sheet.headerFooter.oddHeader).toMatch(/^&LLumière Crédit && Associés — Déclaration d’applicabilité, version 1, approuvée le \d{1,2}(er)? \p{L}+ \d{4} par /u);
          expect(sheet.headerFooter.oddFooter).toContain('Page &P sur &N');
        } else {
          expect(sheet.getRow(1).values).toContain('Annex A control');
          expect(sheet.headerFooter.oddHeader).toContain('Statement of Applicability, version 1, approved on');
        }
      }
    });

    it('DOCX: the 38 refs and the French labels in fr', async () => {
      const res = await download('docx', 'fr');
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const { value } = await mammoth.extractRawText({ buffer: res.rawPayload });
      for (const ref of refs) expect(value).toContain(ref);
      for (const label of ['Déclaration d’applicabilité', 'Mesure de l’annexe A', 'Contrôles associés', 'Approuvée le', 'Organisation', 'Lumière Crédit & Associés']) expect(value).toContain(label);
      const en = await mammoth.extractRawText({ buffer: (await download('docx', 'en')).rawPayload });
      expect(en.value).toContain('Statement of Applicability');
      expect(en.value).not.toContain('Déclaration');
    });

    it('PDF: the 38 refs, French labels and the header with organization, version, approval date and approver on every page', async () => {
      const res = await download('pdf', 'fr');
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = await getDocumentProxy(new Uint8Array(res.rawPayload));
      const { text } = await extractText(pdf, { mergePages: false });
      const pages = text.map((p) => p.replace(/\s+/g, ' '));
      const all = pages.join(' ');
      for (const ref of refs) expect(all).toContain(`${ref} `);
      for (const label of ['Déclaration d’applicabilité', 'Mesure de l’annexe A', 'Justification', 'Mise en œuvre', 'Approuvée le']) expect(all).toContain(label);
      pages.forEach((p, i) => {
        expect(p).toMatch(/Lumière Crédit & Associés — Déclaration d’applicabilité, version 1, approuvée le/);
        expect(p).toContain(`Page ${i + 1} sur ${pages.length}`);
      });
    });
  });
});
