import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZAdoptedFrameworks, ZControl, ZControlPage, ZControlSuggestions, ZLibraryResult } from '../../src/shared/contracts/controls.ts';
import { as, buildMembership, buildTenant, buildUser } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TClient, type TTestApp } from '../support/test-app.ts';

const control = (o: Record<string, unknown> = {}) => ({
  reference: 'AC-01',
  title: 'Quarterly access review of the scoring platform',
  frequency: 'quarterly',
  ...o,
});

describe.skipIf(!backendAvailable)('controls', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  /** An organization with an owner, a contributor and a viewer, each signed in. */
  async function org(locale: 'en' | 'fr' = 'en') {
    const tenant = await buildTenant(t.p, { owner: await buildUser(t.p, { locale }) });
    const contributorUser = await buildMembership(t.p, tenant, 'contributor');
    const viewerUser = await buildMembership(t.p, tenant, 'viewer');
    return {
      tenant,
      T: `/api/tenants/${tenant.id}`,
      owner: await as(t.app, tenant.owner),
      contributor: await as(t.app, contributorUser),
      contributorId: contributorUser.id,
      viewer: await as(t.app, viewerUser),
    };
  }

  const create = async (c: TClient, T: string, body: object) => {
    const res = await c.post(`${T}/controls`, body);
    expect(res.statusCode, res.body).toBe(201);
    // Parses to itself: a field the server sends outside the shared contract fails here.
    return ZControl.parse(res.json());
  };

  it('creates, reads and changes a control; a viewer reads only; abilities say so', async () => {
    const o = await org();
    const c = await create(o.contributor, o.T, control({ ownerId: o.contributorId, description: 'Remove access no longer needed.', requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: 'A.3.2' }] }));
    expect(c).toMatchObject({
      reference: 'AC-01',
      status: 'planned',
      automation: 'manual',
      owner: { id: o.contributorId },
      abilities: { 'control.read': true, 'control.update': true, 'control.link': true },
      requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: 'A.3.2', title: 'AI roles and responsibilities', origin: 'manual', linkedBy: { id: o.contributorId } }],
    });
    const seen = ZControl.parse((await o.viewer.get(`${o.T}/controls/${c.id}`)).json());
    expect(seen.abilities).toEqual({ 'control.read': true, 'control.update': false, 'control.link': false });
    expect((await o.viewer.post(`${o.T}/controls`, control({ reference: 'X-1' }))).statusCode).toBe(403);
    expect((await o.viewer.patch(`${o.T}/controls/${c.id}`, { title: 'No' })).statusCode).toBe(403);
    expect((await o.viewer.post(`${o.T}/controls/${c.id}/requirements`, { frameworkId: 'iso-iec-42001-2023', ref: 'A.2.2' })).statusCode).toBe(403);

    const res = await o.contributor.patch(`${o.T}/controls/${c.id}`, { status: 'implemented', automation: 'automated' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'implemented', automation: 'automated' });
    const op = await o.contributor.patch(`${o.T}/controls/${c.id}`, { status: 'operating' });
    expect(op.json().status).toBe('operating');
    const back = await o.contributor.patch(`${o.T}/controls/${c.id}`, { status: 'planned' });
    expect([back.statusCode, back.json().code, back.json().details]).toEqual([409, 'control_status_refused', { from: 'operating', to: 'planned' }]);

    // Retired: kept as it was; only re-planning is accepted, and links are frozen.
    expect((await o.contributor.patch(`${o.T}/controls/${c.id}`, { status: 'retired' })).json()).toMatchObject({ status: 'retired', abilities: { 'control.update': true, 'control.link': false } });
    expect((await o.contributor.patch(`${o.T}/controls/${c.id}`, { title: 'Renamed' })).json().code).toBe('control_retired');
    expect((await o.contributor.post(`${o.T}/controls/${c.id}/requirements`, { frameworkId: 'iso-iec-42001-2023', ref: 'A.2.2' })).json().code).toBe('control_retired');
    const replanned = (await o.contributor.patch(`${o.T}/controls/${c.id}`, { status: 'planned' })).json();
    expect(replanned.status).toBe('planned');

    // Saving the same values changes nothing and records nothing.
    const same = await o.contributor.patch(`${o.T}/controls/${c.id}`, { status: 'planned', reference: 'AC-01' });
    expect([same.statusCode, same.json().updatedAt]).toEqual([200, replanned.updatedAt]);
    const history = (await o.viewer.get(`${o.T}/controls/${c.id}/history`)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual([
      'control.updated',
      'control.updated',
      'control.updated',
      'control.updated',
      'control.created',
    ]);
    expect(history.items[0].summary).toEqual({ before: { status: 'retired' }, after: { status: 'planned' } });
    expect(history.items.at(-1).summary.after).toMatchObject({ reference: 'AC-01', requirements: ['iso-iec-42001-2023 A.3.2'] });
  });

  it('refuses a duplicate reference (case aside), an owner who is not a member, an unknown requirement and bad input', async () => {
    const o = await org();
    await create(o.owner, o.T, control({ reference: 'AC-02' }));
    const dup = await o.owner.post(`${o.T}/controls`, control({ reference: 'ac-02' }));
    expect([dup.statusCode, dup.json().code, dup.json().details]).toEqual([409, 'control_reference_taken', { field: 'reference' }]);
    const other = await create(o.owner, o.T, control({ reference: 'AC-03' }));
    expect((await o.owner.patch(`${o.T}/controls/${other.id}`, { reference: 'AC-02' })).json().code).toBe('control_reference_taken');
    const stranger = await buildUser(t.p);
    const notMember = await o.owner.post(`${o.T}/controls`, control({ reference: 'AC-04', ownerId: stranger.id }));
    expect([notMember.statusCode, notMember.json().code]).toEqual([400, 'control_owner_not_member']);
    const unknown = await o.owner.post(`${o.T}/controls`, control({ reference: 'AC-05', requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: 'A.99' }] }));
    expect([unknown.statusCode, unknown.json().code, unknown.json().details[0].field]).toEqual([400, 'control_requirement_unknown', 'requirements.0.ref']);
    const bad = await o.owner.post(`${o.T}/controls`, { reference: '', title: 'x'.repeat(201), frequency: 'hourly', status: 'retired' });
    expect(bad.statusCode).toBe(400);
    expect([...new Set(bad.json().details.map((d: { field: string }) => d.field))].sort()).toEqual(['frequency', 'reference', 'status', 'title']);
    expect((await o.owner.patch(`${o.T}/controls/${other.id}`, {})).statusCode).toBe(400);
  });

  it('another organization’s control answers 404 everywhere; another organization’s custom framework is invisible', async () => {
    const a = await org();
    const b = await org();
    const c = await create(a.owner, a.T, control());
    const urls = ['', '/history', '/suggestions'];
    for (const u of urls) expect((await b.owner.get(`${b.T}/controls/${c.id}${u}`)).statusCode, u).toBe(404);
    expect((await b.owner.patch(`${b.T}/controls/${c.id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await b.owner.post(`${b.T}/controls/${c.id}/requirements`, { frameworkId: 'iso-iec-42001-2023', ref: 'A.2.2' })).statusCode).toBe(404);
    expect((await b.owner.post(`${b.T}/controls/${c.id}/suggestions/accept`, { frameworkId: 'eu-ai-act-2024', ref: 'Art. 9' })).statusCode).toBe(404);
    expect((await b.owner.get(`${a.T}/controls`)).statusCode).toBe(404);

    const yaml = `framework:
  id: acme-private-${b.tenant.id.slice(0, 8)}
  version: "1"
  edition: { en: "ACME 1", fr: "ACME 1" }
  publisher: { en: "ACME", fr: "ACME" }
  title: { en: "ACME scheme", fr: "Référentiel ACME" }
  description: { en: "Ours.", fr: "Le nôtre." }
requirements:
  - ref: "G1"
    kind: control
    parent: null
    title: { en: "Board oversight", fr: "Supervision par le conseil" }
`;
    const imported = await b.owner.post(`${b.T}/catalog/frameworks/import`, yaml, { 'content-type': 'application/yaml' });
    expect(imported.statusCode, imported.body).toBe(201);
    const fwId = `acme-private-${b.tenant.id.slice(0, 8)}`;
    const theirs = await create(b.owner, b.T, control());
    expect((await b.owner.post(`${b.T}/controls/${theirs.id}/requirements`, { frameworkId: fwId, ref: 'G1' })).statusCode).toBe(201);
    const mine = await a.owner.post(`${a.T}/controls/${c.id}/requirements`, { frameworkId: fwId, ref: 'G1' });
    expect([mine.statusCode, mine.json().code]).toEqual([404, 'not_found']);
    expect((await a.owner.post(`${a.T}/frameworks`, { frameworkId: fwId })).statusCode).toBe(404);
  });

  it('links and unlinks requirements, by hand, with who and when; the history says so', async () => {
    const o = await org();
    const c = await create(o.contributor, o.T, control());
    const linked = await o.contributor.post(`${o.T}/controls/${c.id}/requirements`, { frameworkId: 'eu-ai-act-2024', ref: 'Art. 9' });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(ZControl.parse(linked.json()).requirements).toMatchObject([{ frameworkId: 'eu-ai-act-2024', ref: 'Art. 9', origin: 'manual', linkedBy: { id: o.contributorId } }]);
    const again = await o.contributor.post(`${o.T}/controls/${c.id}/requirements`, { frameworkId: 'eu-ai-act-2024', ref: 'Art. 9' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'control_link_exists']);
    expect((await o.contributor.post(`${o.T}/controls/${c.id}/requirements`, { frameworkId: 'eu-ai-act-2024', ref: 'Art. 999' })).statusCode).toBe(404);
    expect((await o.contributor.post(`${o.T}/controls/${c.id}/requirements`, { frameworkId: 'no-such-framework', ref: '1' })).statusCode).toBe(404);
    const removed = await o.contributor.delete(`${o.T}/controls/${c.id}/requirements/eu-ai-act-2024/${encodeURIComponent('Art. 9')}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().requirements).toEqual([]);
    expect((await o.contributor.delete(`${o.T}/controls/${c.id}/requirements/eu-ai-act-2024/${encodeURIComponent('Art. 9')}`)).statusCode).toBe(404);
    const history = (await o.owner.get(`${o.T}/controls/${c.id}/history`)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['control.requirement_unlinked', 'control.requirement_linked', 'control.created']);
    expect(history.items[1].summary.after).toMatchObject({ frameworkId: 'eu-ai-act-2024', ref: 'Art. 9', origin: 'manual' });
  });

  it('adopted frameworks: owner or admin adopt and drop them, with audit events; others read', async () => {
    const o = await org();
    expect(ZAdoptedFrameworks.parse((await o.viewer.get(`${o.T}/frameworks`)).json())).toEqual({ items: [], abilities: { 'adoptedFramework.read': true, 'adoptedFramework.manage': false } });
    expect((await o.contributor.post(`${o.T}/frameworks`, { frameworkId: 'eu-ai-act-2024' })).statusCode).toBe(403);
    const res = await o.owner.post(`${o.T}/frameworks`, { frameworkId: 'eu-ai-act-2024' });
    expect(res.statusCode, res.body).toBe(201);
    expect(ZAdoptedFrameworks.parse(res.json()).items).toMatchObject([{ frameworkId: 'eu-ai-act-2024', version: '2024-omnibus-2026-r3', currentVersion: '2024-omnibus-2026-r3', adoptedBy: { id: o.tenant.owner.id } }]);
    const again = await o.owner.post(`${o.T}/frameworks`, { frameworkId: 'eu-ai-act-2024' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'framework_already_adopted']);
    expect((await o.owner.post(`${o.T}/frameworks`, { frameworkId: 'nope' })).statusCode).toBe(404);
    expect((await o.contributor.delete(`${o.T}/frameworks/eu-ai-act-2024`)).statusCode).toBe(403);
    expect((await o.owner.delete(`${o.T}/frameworks/eu-ai-act-2024`)).json().items).toEqual([]);
    expect((await o.owner.delete(`${o.T}/frameworks/eu-ai-act-2024`)).statusCode).toBe(404);
    const events = await t.p.db.selectFrom('audit_events').select(['action', 'subject_id']).where('tenant_id', '=', o.tenant.id).where('action', 'like', 'framework.%').orderBy('seq').execute();
    expect(events).toEqual([
      { action: 'framework.adopted', subject_id: 'eu-ai-act-2024' },
      { action: 'framework.unadopted', subject_id: 'eu-ai-act-2024' },
    ]);
  });

  it('crosswalk suggestions towards adopted frameworks, accepted or dismissed by a person, never applied silently', async () => {
    const o = await org();
    const c = await create(o.contributor, o.T, control({ reference: 'DEV-04', requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: 'A.6.2.4' }] }));
    // Nothing adopted: nothing suggested.
    expect(ZControlSuggestions.parse((await o.viewer.get(`${o.T}/controls/${c.id}/suggestions`)).json())).toEqual({ items: [] });
    await o.owner.post(`${o.T}/frameworks`, { frameworkId: 'eu-ai-act-2024' });

    let statements: string[] = [];
    let body: unknown;
    statements = await t.queriesDuring(async () => {
      body = (await o.viewer.get(`${o.T}/controls/${c.id}/suggestions`)).json();
    });
    expect(statements.filter((s) => !/FROM sessions/.test(s))).toHaveLength(1);
    const s = ZControlSuggestions.parse(body).items;
    expect(s.map((x) => `${x.frameworkId} ${x.ref}`)).toEqual(['eu-ai-act-2024 Art. 9', 'eu-ai-act-2024 Art. 15']);
    expect(s[0]!.sources).toEqual([
      expect.objectContaining({ viaFrameworkId: 'iso-iec-42001-2023', viaRef: 'A.6.2.4', sourceFrameworkId: 'iso-iec-42001-2023', sourceRef: 'A.6.2.4', targetFrameworkId: 'eu-ai-act-2024', targetRef: 'Art. 9', relation: 'intersects' }),
    ]);
    expect(s[0]!.sources[0]!.rationale.length).toBeGreaterThan(10);
    // The control itself was not touched by reading suggestions.
    expect((await o.viewer.get(`${o.T}/controls/${c.id}`)).json().requirements).toHaveLength(1);

    expect((await o.viewer.post(`${o.T}/controls/${c.id}/suggestions/accept`, { frameworkId: 'eu-ai-act-2024', ref: 'Art. 9' })).statusCode).toBe(403);
    const accepted = await o.contributor.post(`${o.T}/controls/${c.id}/suggestions/accept`, { frameworkId: 'eu-ai-act-2024', ref: 'Art. 9' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(ZControl.parse(accepted.json()).requirements.find((r) => r.ref === 'Art. 9')).toMatchObject({ origin: 'crosswalk', linkedBy: { id: o.contributorId } });
    const twice = await o.contributor.post(`${o.T}/controls/${c.id}/suggestions/accept`, { frameworkId: 'eu-ai-act-2024', ref: 'Art. 9' });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'control_suggestion_unavailable']);
    // Not a suggestion at all: refused rather than linked with a crosswalk origin it never had.
    expect((await o.contributor.post(`${o.T}/controls/${c.id}/suggestions/accept`, { frameworkId: 'eu-ai-act-2024', ref: 'Art. 5' })).json().code).toBe('control_suggestion_unavailable');

    const dismissed = await o.contributor.post(`${o.T}/controls/${c.id}/suggestions/dismiss`, { frameworkId: 'eu-ai-act-2024', ref: 'Art. 15' });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    // Art. 9 is now linked, so it reaches further: what it maps to among adopted frameworks would show; Art. 15 stays dismissed.
    expect(ZControlSuggestions.parse(dismissed.json()).items.map((x) => x.ref)).not.toContain('Art. 15');
    expect((await o.viewer.get(`${o.T}/controls/${c.id}/suggestions`)).json().items.map((x: { ref: string }) => x.ref)).not.toContain('Art. 15');

    const history = (await o.viewer.get(`${o.T}/controls/${c.id}/history`)).json();
    expect(history.items.slice(0, 2).map((e: { action: string; summary: { after: unknown } }) => [e.action, e.summary.after])).toEqual([
      ['control.suggestion_dismissed', { reference: 'DEV-04', frameworkId: 'eu-ai-act-2024', ref: 'Art. 15' }],
      [
        'control.requirement_linked',
        { reference: 'DEV-04', frameworkId: 'eu-ai-act-2024', frameworkVersion: '2024-omnibus-2026-r3', ref: 'Art. 9', origin: 'crosswalk', via: { frameworkId: 'iso-iec-42001-2023', ref: 'A.6.2.4', relation: 'intersects' } },
      ],
    ]);
  });

  it('suggestions follow mappings in both directions (NIST AI RMF → ISO/IEC 42001), in the reader’s language', async () => {
    const o = await org('fr');
    await o.owner.post(`${o.T}/frameworks`, { frameworkId: 'iso-iec-42001-2023' });
    const c = await create(o.owner, o.T, control({ reference: 'GOV-1', requirements: [{ frameworkId: 'nist-ai-rmf-1.0', ref: 'GOVERN 1.2' }] }));
    const s = ZControlSuggestions.parse((await o.owner.get(`${o.T}/controls/${c.id}/suggestions`)).json()).items;
    const policy = s.find((x) => x.ref === 'A.2.2')!;
    expect(policy).toMatchObject({ frameworkId: 'iso-iec-42001-2023', title: 'Politique IA', frameworkTitle: 'ISO/IEC 42001' });
    expect(policy.sources[0]).toMatchObject({ viaFrameworkId: 'nist-ai-rmf-1.0', viaRef: 'GOVERN 1.2', sourceFrameworkId: 'nist-ai-rmf-1.0', targetFrameworkId: 'iso-iec-42001-2023', targetRef: 'A.2.2' });
  });

  it('the ISO/IEC 42001 library creates 38 planned controls in the person’s language, linked to Annex A, then none', async () => {
    const o = await org('fr');
    expect((await o.contributor.post(`${o.T}/controls/library`, { framework: 'iso-iec-42001-2023' })).statusCode).toBe(403);
    expect((await o.owner.post(`${o.T}/controls/library`, { framework: 'soc2' })).statusCode).toBe(400);
    const first = await o.owner.post(`${o.T}/controls/library`, { framework: 'iso-iec-42001-2023' });
    expect(first.statusCode, first.body).toBe(200);
    expect(ZLibraryResult.parse(first.json())).toEqual({ created: 38, skipped: 0, adopted: true });
    const second = await o.owner.post(`${o.T}/controls/library`, { framework: 'iso-iec-42001-2023' });
    expect(second.json()).toEqual({ created: 0, skipped: 38, adopted: false });

    const page = ZControlPage.parse((await o.viewer.get(`${o.T}/controls?limit=100&frameworkId=iso-iec-42001-2023`)).json());
    expect(page.items).toHaveLength(38);
    expect(page.items.every((c) => c.status === 'planned' && c.requirementCount === 1 && c.libraryRef !== null)).toBe(true);
    const policy = page.items.find((c) => c.libraryRef === 'A.2.2')!;
    expect(policy).toMatchObject({ reference: 'AIMS-A.2.2', title: 'Politique IA approuvée', frameworkIds: ['iso-iec-42001-2023'] });
    // The catalog's titles come in the reader's language: French for the owner, English for the viewer.
    const detail = ZControl.parse((await o.owner.get(`${o.T}/controls/${policy.id}`)).json());
    expect(detail.requirements).toMatchObject([{ frameworkId: 'iso-iec-42001-2023', ref: 'A.2.2', origin: 'library', title: 'Politique IA' }]);
    expect((await o.viewer.get(`${o.T}/controls/${policy.id}`)).json().requirements[0].title).toBe('AI policy');
    const events = await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', o.tenant.id).where('action', '=', 'control.created').execute();
    expect(events).toHaveLength(38);
    expect((await o.viewer.get(`${o.T}/frameworks`)).json().items.map((f: { frameworkId: string }) => f.frameworkId)).toEqual(['iso-iec-42001-2023']);

    // A library control renamed, then the library applied again: still not duplicated.
    await o.owner.patch(`${o.T}/controls/${policy.id}`, { reference: 'POL-01' });
    expect((await o.owner.post(`${o.T}/controls/library`, { framework: 'iso-iec-42001-2023' })).json()).toMatchObject({ created: 0, skipped: 38 });
  });

  it('two clicks at once on the library still create each control once, and adopt once', async () => {
    const o = await org();
    const body = { framework: 'iso-iec-42001-2023' };
    const [a, b] = await Promise.all([o.owner.post(`${o.T}/controls/library`, body), o.owner.post(`${o.T}/controls/library`, body)]);
    expect([a.statusCode, b.statusCode], `${a.body} ${b.body}`).toEqual([200, 200]);
    const results = [a.json(), b.json()].sort((x, y) => y.created - x.created);
    expect(results).toEqual([
      { created: 38, skipped: 0, adopted: true },
      { created: 0, skipped: 38, adopted: false },
    ]);
    const actions = await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', o.tenant.id).execute();
    expect(actions.filter((e) => e.action === 'control.created')).toHaveLength(38);
    expect(actions.filter((e) => e.action === 'framework.adopted')).toHaveLength(1);
  });

  it('the library in English, for an organization that already has one of its references', async () => {
    const o = await org('en');
    await create(o.owner, o.T, control({ reference: 'aims-a.9.4' }));
    const res = (await o.owner.post(`${o.T}/controls/library`, { framework: 'iso-iec-42001-2023' })).json();
    expect(res).toEqual({ created: 37, skipped: 1, adopted: true });
    const list = ZControlPage.parse((await o.owner.get(`${o.T}/controls?q=Approved%20AI%20policy`)).json());
    expect(list.items.map((c) => c.reference)).toEqual(['AIMS-A.2.2']);
  });
});
