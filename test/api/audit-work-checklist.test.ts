import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZChecklist, ZChecklistItem, ZReport, type TChecklist, type TReport } from '../../src/shared/contracts/audit-work.ts';
import type { TAuditState, TAuditTeamRole, TAuditType } from '../../src/shared/contracts/certification.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { as, buildMembership, buildTenant, type TBuiltTenant } from '../support/factories.ts';
import { buildControl } from '../support/evidence.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * The audit checklist of a certification audit through the API, on a real database: generated from
 * the catalog and the client's records read through the engagement, worked by the team, refused to
 * everyone else.
 */
describe.skipIf(!backendAvailable)('certification audit checklist', () => {
  let t: TTestApp;
  const clock = createTestClock(new Date('2026-11-27T09:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp();
    t.p.clock = clock;
    // Migrations and catalogs on a busy machine can outlast the default hook timeout.
  }, 240_000);
  afterAll(() => t?.close());

  const ok = async <T = TChecklist>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as T;
  };

  /** The organization being certified, with an approved SoA (every fifth Annex A control excluded) and a submitted evidence. */
  async function organization() {
    const tenant = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const adminUser = await buildMembership(t.p, tenant, 'admin');
    const contributor = await as(t.app, await buildMembership(t.p, tenant, 'contributor'));
    const owner = await as(t.app, tenant.owner);
    const S = `/api/tenants/${tenant.id}/soa`;
    const draft = (await contributor.post(`${S}/draft`, { from: 'blank' })).json() as { id: string; entries: { ref: string }[] };
    const excluded = draft.entries.filter((_, i) => i % 5 === 4).map((e) => e.ref);
    await t.p.db.updateTable('soa_entries').set({ applicable: true, justification: 'Needed for credit scoring.', implementation_status: 'implemented' }).where('tenant_id', '=', tenant.id).where('version_id', '=', draft.id).execute();
    await t.p.db.updateTable('soa_entries').set({ applicable: false, justification: 'Sans objet.', implementation_status: null }).where('tenant_id', '=', tenant.id).where('version_id', '=', draft.id).where('ref', 'in', excluded).execute();
    await ok(contributor.post(`${S}/draft/submit`), 200);
    await ok(owner.post(`${S}/draft/approve`, {}), 200);
    const control = await buildControl(t.p, tenant.id, { reference: 'GOV-1', title: 'AI policy approved by the board' });
    const evidence = await ok<{ id: string; title: string }>(
      contributor.post(`/api/tenants/${tenant.id}/evidence`, { kind: 'link', url: 'https://intranet.example/ai-policy', title: 'AI policy v2, signed', effectiveDate: '2026-11-20', controlIds: [control.id] }),
      201,
    );
    const draftEvidence = await t.p.db
      .insertInto('evidence')
      .values({ tenant_id: tenant.id, series_id: crypto.randomUUID(), kind: 'link', title: 'Not yet submitted', sha256: 'a'.repeat(64), url: 'https://x.example', effective_date: '2026-11-20', status: 'draft', received_at: new Date(), contemporaneity_days: 30, not_contemporaneous: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { tenant, owner, admin: await as(t.app, adminUser), excluded, evidence, draftEvidenceId: draftEvidence.id, soaControls: draft.entries.length };
  }

  let seq = 0;
  /**
   * A certification body with a client engaged with `org`, a programme and one audit per type asked
   * for, with its team: lead auditor, auditor, observer; plus an auditor on no team, a scheme
   * manager and a technical reviewer. Direct inserts: the services that create these belong to
   * other sub-modules.
   */
  async function body(org: TBuiltTenant, audits: { type: TAuditType; state?: TAuditState }[]) {
    const tenant = await buildTenant(t.p, { kind: 'certification_body', name: 'Vérité Certification' });
    const people = {
      lead: await buildMembership(t.p, tenant, 'auditor'),
      auditor: await buildMembership(t.p, tenant, 'auditor'),
      observer: await buildMembership(t.p, tenant, 'auditor'),
      outsider: await buildMembership(t.p, tenant, 'auditor'),
      reviewer: await buildMembership(t.p, tenant, 'technical_reviewer'),
    };
    const db = t.p.db;
    const client = await db
      .insertInto('clients')
      .values({ tenant_id: tenant.id, reference: `CLI-${++seq}`, legal_name: 'Lumière Crédit SAS', registered_address: '12 rue de la Paix, 75002 Paris', sector_risk: 'high', employees_full_time: 120, organization_tenant_id: org.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const engagement = await db
      .insertInto('engagements')
      .values({ body_tenant_id: tenant.id, organization_tenant_id: org.id, client_id: client.id, scheme: 'iso42001' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const programme = await db.insertInto('audit_programmes').values({ tenant_id: tenant.id, engagement_id: engagement.id, client_id: client.id }).returning('id').executeTakeFirstOrThrow();
    const ids: string[] = [];
    for (const [i, a] of audits.entries()) {
      const row = await db
        .insertInto('audits')
        .values({ tenant_id: tenant.id, programme_id: programme.id, engagement_id: engagement.id, client_id: client.id, reference: `AUD-2026-${String(++seq).padStart(4, '0')}`, type: a.type, state: a.state ?? 'in_progress', planned_start: `2026-12-0${i + 1}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      const team: [string, TAuditTeamRole][] = [
        [people.lead.id, 'lead_auditor'],
        [people.auditor.id, 'auditor'],
        [people.observer.id, 'observer'],
      ];
      await db.insertInto('audit_team_members').values(team.map(([user_id, role]) => ({ tenant_id: tenant.id, audit_id: row.id, user_id, role, planned_days: 1 }))).execute();
      ids.push(row.id);
    }
    return {
      tenant,
      engagementId: engagement.id,
      url: (i: number) => `/api/tenants/${tenant.id}/audits/${ids[i]}/checklist`,
      ids,
      manager: await as(t.app, tenant.owner),
      lead: await as(t.app, people.lead),
      auditor: await as(t.app, people.auditor),
      observer: await as(t.app, people.observer),
      outsider: await as(t.app, people.outsider),
      reviewer: await as(t.app, people.reviewer),
      leadId: people.lead.id,
      auditorId: people.auditor.id,
    };
  }

  const refs = (c: TChecklist) => c.items.map((i) => i.ref);

  it('stage 2 covers every leaf clause 4–10 and exactly the Annex A controls applicable in the approved SoA; the read is logged in both tenants', async () => {
    const o = await organization();
    const b = await body(o.tenant, [{ type: 'stage2', state: 'confirmed' }]);
    const empty = await ok(b.lead.get(b.url(0)));
    expect(empty).toMatchObject({ generated: false, items: [], abilities: { 'auditChecklist.generate': true, 'auditChecklist.record': false } });

    const res = await b.lead.post(b.url(0), {});
    const c = ZChecklist.parse(await ok(Promise.resolve(res), 201));
    expect(res.json()).toEqual(c);
    expect(c).toMatchObject({ basis: 'full', soaVersion: 1, framework: { id: 'iso-iec-42001-2023' }, generatedBy: { id: b.leadId } });
    const clauses = c.items.filter((i) => i.section === 'clause').map((i) => i.ref);
    expect(clauses[0]).toBe('4.1');
    expect(clauses).toContain('6.1.2');
    expect(clauses).toContain('10.2');
    // Umbrella clauses are audited through their sub-clauses.
    expect(clauses).not.toContain('6.1');
    expect(clauses).not.toContain('4');
    const controls = c.items.filter((i) => i.section === 'control');
    expect(controls).toHaveLength(o.soaControls - o.excluded.length);
    expect(controls.some((i) => o.excluded.includes(i.ref))).toBe(false);
    expect(c.items.find((i) => i.ref === '6.1.2')!.group).toEqual({ ref: '6', title: { en: 'Planning', fr: expect.any(String) } });
    expect(controls[0]).toMatchObject({ ref: 'A.2.2', group: { ref: 'A.2', title: { en: 'Policies related to AI', fr: 'Politiques relatives à l’IA' } }, kind: 'control', soaImplementationStatus: 'implemented', verdict: null, title: { en: expect.any(String), fr: expect.any(String) } });
    expect(c.totals).toEqual({ items: c.items.length, open: c.items.length, conforming: 0, nonconforming: 0, observation: 0, not_audited: 0 });
    expect(c.items.map((i) => i.position)).toEqual(c.items.map((_, i) => i + 1));

    // No query per item: the checklist of ~80 items reads in the same few statements as an empty one.
    const o2 = await body(o.tenant, [{ type: 'stage2', state: 'confirmed' }]);
    const emptyReads = await t.queriesDuring(() => o2.reviewer.get(o2.url(0)));
    const fullReads = await t.queriesDuring(() => b.reviewer.get(b.url(0)));
    expect(fullReads.length).toBe(emptyReads.length);
    expect(fullReads.length).toBeLessThanOrEqual(5);

    const again = await b.auditor.post(b.url(0), {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('checklist_exists');

    const bodyLog = (await ok<{ items: { action: string; summary?: unknown }[] }>(b.manager.get(`/api/tenants/${b.tenant.id}/audit-events?action=audit_checklist.generated`))).items;
    expect(bodyLog).toHaveLength(1);
    // The SoA was read through the engagement door: the same record in the organization's log and the body's.
    for (const tenantId of [o.tenant.id, b.tenant.id]) {
      const reads = await t.p.db.selectFrom('audit_events').select(['summary', 'actor_id', 'subject_id']).where('tenant_id', '=', tenantId).where('action', '=', 'engagement.aims_read').execute();
      expect(reads).toEqual([{ actor_id: b.leadId, subject_id: b.engagementId, summary: { before: null, after: expect.objectContaining({ resource: 'soa', recordId: '1', bodyTenantId: b.tenant.id, organizationTenantId: o.tenant.id }) } }]);
    }
    // The organization sees it in its "who read what".
    const whoRead = await ok<{ items: { resource: string; recordId: string | null; bodyName: string }[] }>(o.owner.get(`/api/tenants/${o.tenant.id}/certification/engagement-reads`));
    expect(whoRead.items).toEqual([expect.objectContaining({ resource: 'soa', recordId: '1', bodyName: 'Vérité Certification' })]);
  });

  it('records verdicts, notes and the client’s submitted evidence while in progress; observers, outsiders, other bodies and bad input are refused', async () => {
    const o = await organization();
    const b = await body(o.tenant, [{ type: 'stage2' }]);
    const other = await body(o.tenant, []);
    const c = await ok(b.lead.post(b.url(0), {}), 201);
    const item = c.items.find((i) => i.ref === '6.1.2')!;
    const itemUrl = `${b.url(0)}/items/${item.id}`;

    const rec = await b.auditor.patch(itemUrl, { verdict: 'nonconforming', notes: 'Risk criteria not approved by management.', evidenceIds: [o.evidence.id] });
    expect(rec.statusCode, rec.body).toBe(200);
    const recorded = ZChecklistItem.parse(rec.json());
    expect(recorded).toMatchObject({ verdict: 'nonconforming', evidence: [{ id: o.evidence.id, title: 'AI policy v2, signed' }], updatedAt: '2026-11-27T09:00:00.000Z' });
    expect((await b.auditor.patch(itemUrl, { notes: '   ' })).json()).toMatchObject({ code: 'checklist_notes_required', details: { field: 'notes' } });
    expect((await b.auditor.patch(itemUrl, { verdict: 'conforming', notes: '' })).statusCode).toBe(200);
    expect((await b.lead.patch(itemUrl, { evidenceIds: [o.evidence.id, o.draftEvidenceId] })).json()).toMatchObject({ code: 'checklist_evidence_unknown', details: { field: 'evidenceIds.1' } });
    expect((await b.lead.patch(itemUrl, { evidenceIds: [crypto.randomUUID()] })).json().code).toBe('checklist_evidence_unknown');
    expect((await b.lead.patch(itemUrl, {})).statusCode).toBe(400);
    expect((await b.lead.patch(itemUrl, { verdict: 'fine' })).json()).toMatchObject({ code: 'validation_failed', details: [{ field: 'verdict' }] });
    expect((await b.lead.patch(itemUrl, { notes: 'x'.repeat(8001) })).json()).toMatchObject({ details: [{ field: 'notes', issue: 'too_long' }] });
    expect((await b.lead.patch(`${b.url(0)}/items/${crypto.randomUUID()}`, { verdict: 'conforming' })).statusCode).toBe(404);

    // Observers read but do not record; an auditor on no team, and the organization's own members, see nothing.
    expect((await b.observer.get(b.url(0))).statusCode).toBe(200);
    expect((await b.observer.patch(itemUrl, { verdict: 'conforming' })).statusCode).toBe(403);
    expect((await b.outsider.get(b.url(0))).statusCode).toBe(404);
    expect((await b.outsider.patch(itemUrl, { verdict: 'conforming' })).statusCode).toBe(404);
    expect((await o.owner.get(b.url(0))).statusCode).toBe(404);
    // The scheme manager and a technical reviewer read every audit, and change nothing.
    const read = await ok(b.reviewer.get(`${b.url(0)}?verdict=conforming`));
    expect(read.items.map((i) => i.ref)).toEqual(['6.1.2']);
    expect(read.abilities).toMatchObject({ 'auditChecklist.read': true, 'auditChecklist.record': false });
    expect(read.totals).toMatchObject({ conforming: 1, open: c.items.length - 1 });
    expect((await b.manager.patch(itemUrl, { verdict: 'observation', notes: 'x' })).statusCode).toBe(403);
    expect((await b.manager.get(`${b.url(0)}?section=control`)).json().items.every((i: { section: string }) => i.section === 'control')).toBe(true);
    // Another body's id answers 404; so does this audit under another body's tenant.
    expect((await other.manager.get(b.url(0))).statusCode).toBe(404);
    expect((await other.manager.get(`/api/tenants/${other.tenant.id}/audits/${b.ids[0]}/checklist`)).statusCode).toBe(404);

    const events = await t.p.db.selectFrom('audit_events').select('summary').where('tenant_id', '=', b.tenant.id).where('action', '=', 'audit_checklist.item_recorded').orderBy('seq').execute();
    expect(events[0]!.summary).toEqual({
      before: { verdict: null, notes: '', evidenceIds: [] },
      after: { auditReference: c.auditReference, ref: '6.1.2', verdict: 'nonconforming', notes: 'Risk criteria not approved by management.', evidenceIds: [o.evidence.id] },
    });

    // Once the audit is reported, the checklist is frozen.
    await t.p.db.updateTable('audits').set({ state: 'reported' }).where('id', '=', b.ids[0]!).execute();
    const frozen = await b.lead.patch(itemUrl, { verdict: 'observation', notes: 'Late' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json()).toMatchObject({ code: 'audit_work_state', details: { state: 'reported' } });
  });

  it('an auditor not on the team gets 404; citing the client’s evidence goes through the engagement door and is logged in both tenants', async () => {
    const o = await organization();
    const b = await body(o.tenant, [{ type: 'stage2' }]);
    expect((await b.outsider.get(b.url(0))).statusCode).toBe(404);
    expect((await b.outsider.post(b.url(0), {})).statusCode).toBe(404);
    const c = await ok(b.lead.post(b.url(0), {}), 201);
    const item = c.items.find((i) => i.section === 'control')!;
    expect((await b.outsider.patch(`${b.url(0)}/items/${item.id}`, { evidenceIds: [o.evidence.id] })).statusCode).toBe(404);

    const readsOf = (tenantId: string) =>
      t.p.db.selectFrom('audit_events').select(['summary', 'actor_id']).where('tenant_id', '=', tenantId).where('action', '=', 'engagement.aims_read').orderBy('seq').execute();
    const before = { org: (await readsOf(o.tenant.id)).length, body: (await readsOf(b.tenant.id)).length };
    await ok(b.auditor.patch(`${b.url(0)}/items/${item.id}`, { verdict: 'nonconforming', notes: 'No verification record.', evidenceIds: [o.evidence.id] }));
    for (const [tenantId, n] of [[o.tenant.id, before.org], [b.tenant.id, before.body]] as const) {
      const reads = await readsOf(tenantId);
      expect(reads).toHaveLength(n + 1);
      expect(reads.at(-1)).toMatchObject({ actor_id: b.auditorId, summary: { after: { resource: 'evidence', recordId: o.evidence.id, engagementId: b.engagementId } } });
    }
    // Notes alone read nothing of the client's.
    await ok(b.auditor.patch(`${b.url(0)}/items/${item.id}`, { notes: 'No verification record for the quarterly review.' }));
    expect(await readsOf(o.tenant.id)).toHaveLength(before.org + 1);
  });

  it('stage 1 reviews documented information beside the organization’s readiness view; stage 2 without an approved SoA and a closed engagement are refused', async () => {
    const o = await organization();
    const b = await body(o.tenant, [{ type: 'stage1', state: 'planned' }, { type: 'stage1' }, { type: 'stage2' }]);
    const planned = await b.lead.post(b.url(0), {});
    expect(planned.json()).toMatchObject({ code: 'audit_work_state', details: { state: 'planned' } });
    expect((await b.observer.post(b.url(1), {})).statusCode).toBe(403);
    expect((await b.lead.post(b.url(1), { sample: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.2' }] })).json()).toMatchObject({ code: 'validation_failed', details: [{ field: 'sample' }] });

    const c = await ok(b.lead.post(b.url(1), {}), 201);
    expect(c.basis).toBe('stage1');
    expect(c.items.every((i) => i.section === 'documented_information')).toBe(true);
    expect(refs(c)).toEqual(expect.arrayContaining(['4.3', '6.1.2', '9.2.2', 'A.6.2.4']));
    expect(c.items.every((i) => i.readinessStatus !== undefined)).toBe(true);
    expect(c.readiness).toMatchObject({ asOf: '2026-11-27', coveredPercent: expect.any(Number) });
    expect(c.soaVersion).toBeNull();
    const readinessReads = await t.p.db.selectFrom('audit_events').select('summary').where('tenant_id', '=', o.tenant.id).where('action', '=', 'engagement.aims_read').execute();
    expect(readinessReads.map((r) => r.summary.after?.resource)).toEqual(['readiness']);

    // Stage 2 of an organization whose SoA is not approved.
    const o2 = await buildTenant(t.p, { name: 'Sans SoA' });
    const b2 = await body(o2, [{ type: 'stage2' }]);
    expect((await b2.lead.post(b2.url(0), {})).json().code).toBe('checklist_soa_missing');

    await t.p.db.updateTable('engagements').set({ status: 'closed', closed_at: new Date() }).where('id', '=', b.engagementId).execute();
    const closed = await b.lead.post(b.url(2), {});
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('audit_work_engagement_inactive');
  });

  it('surveillance revisits the requirements an earlier audit found nonconforming, then the sample (default or named)', async () => {
    const o = await organization();
    const b = await body(o.tenant, [{ type: 'stage2' }, { type: 'surveillance' }, { type: 'surveillance' }]);
    const s2 = await ok(b.lead.post(b.url(0), {}), 201);
    const nc = s2.items.find((i) => i.ref === 'A.6.2.4') ?? s2.items.find((i) => i.section === 'control')!;
    await ok(b.lead.patch(`${b.url(0)}/items/${nc.id}`, { verdict: 'nonconforming', notes: 'Verification records missing.' }), 200);
    // A minor raised as a finding in stage 2 is an area of prior nonconformity too.
    await ok(b.lead.post(b.url(0).replace(/checklist$/, 'findings'), { class: 'minor', ref: '7.2', statement: 'Competence records missing for two data scientists.' }), 201);

    const unknown = await b.lead.post(b.url(1), { sample: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.2.2' }, { frameworkId: 'iso-iec-42001-2023', ref: '99.9' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'checklist_requirement_unknown', details: { field: 'sample.1', refs: ['99.9'] } });

    const named = await ok(b.lead.post(b.url(1), { sample: [{ frameworkId: 'iso-iec-42001-2023', ref: '9.2.2' }, { frameworkId: 'iso-iec-42001-2023', ref: nc.ref }] }), 201);
    expect(named.items.map((i) => [i.section, i.ref, i.priorAuditReference])).toEqual([
      ['prior_nonconformity', '7.2', s2.auditReference],
      ['prior_nonconformity', nc.ref, s2.auditReference],
      ['sample', '9.2.2', null],
    ]);
    const byDefault = await ok(b.auditor.post(b.url(2), {}), 201);
    expect(refs(byDefault)).toEqual(['7.2', nc.ref, '6.2', '6.3', '8.1', '9.2.1', '9.2.2', '9.3.1', '9.3.2', '9.3.3', '10.1', '10.2']);
  });
  const pdfText = async (bytes: Buffer) => (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text.replace(/\s+/g, ' ');

  it('reports: stage 1 concludes on readiness, stage 2 on a recommendation after the closing meeting; issued once by the lead in EN and FR, PDF and DOCX, stored and frozen', async () => {
    const o = await organization();
    const b = await body(o.tenant, [{ type: 'stage1' }, { type: 'stage2' }]);
    const R = (i: number) => b.url(i).replace(/checklist$/, 'report');
    const blank = ZReport.parse(await ok<TReport>(b.reviewer.get(R(0))));
    expect(blank).toMatchObject({ kind: 'stage1', status: 'draft', summary: '', files: [], abilities: { 'auditReport.write': false } });
    expect((await b.outsider.get(R(0))).statusCode).toBe(404);
    expect((await o.owner.get(R(0))).statusCode).toBe(404);

    const early = await b.lead.post(`${R(0)}/issue`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'report_incomplete', details: { missing: ['checklist', 'summary', 'readyForStage2'] } });

    expect((await b.auditor.patch(R(0), { conclusions: 'x', recommendation: 'grant' })).json()).toMatchObject({ code: 'validation_failed', details: [{ field: 'conclusions' }, { field: 'recommendation' }] });
    expect((await b.observer.patch(R(0), { summary: 'x' })).statusCode).toBe(403);
    expect((await b.auditor.patch(R(0), {})).statusCode).toBe(400);
    const draft = await ok<TReport>(
      b.auditor.patch(R(0), {
        summary: 'Documented information reviewed on 1 December 2026.',
        conformities: 'Scope, AI policy and risk criteria documented.',
        observations: 'The AI impact assessment procedure is recent.',
        readyForStage2: 'not_yet',
      }),
    );
    expect(draft).toMatchObject({ status: 'draft', readyForStage2: 'not_yet', updatedAt: '2026-11-27T09:00:00.000Z' });
    await ok(b.lead.post(b.url(0), {}), 201);
    await t.p.db.updateTable('audit_checklist_items').set({ verdict: 'conforming' }).where('audit_id', '=', b.ids[0]!).execute();
    // "Not yet" needs the areas to clarify.
    expect((await b.lead.post(`${R(0)}/issue`)).json()).toMatchObject({ code: 'report_incomplete', details: { missing: ['areasToClarify'] } });
    await ok(b.lead.patch(R(0), { readyForStage2: 'yes' }));
    expect((await b.auditor.post(`${R(0)}/issue`)).statusCode).toBe(403);
    expect((await b.lead.get(`${R(0)}/files/fr/pdf`)).statusCode).toBe(404);

    const issued = ZReport.parse(await ok<TReport>(b.lead.post(`${R(0)}/issue`)));
    expect(issued).toMatchObject({ status: 'issued', issuedBy: { id: b.leadId }, issuedAt: '2026-11-27T09:00:00.000Z', abilities: { 'auditReport.write': false, 'auditReport.issue': false } });
    expect(issued.files.map((f) => `${f.locale}.${f.format}`)).toEqual(['en.docx', 'en.pdf', 'fr.docx', 'fr.pdf']);

    const fr = await b.reviewer.get(`${R(0)}/files/fr/pdf`);
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-type']).toBe('application/pdf');
    expect(fr.headers['x-content-sha256']).toBe(createHash('sha256').update(fr.rawPayload).digest('hex'));
    expect(fr.headers['x-content-sha256']).toBe(issued.files.find((f) => f.locale === 'fr' && f.format === 'pdf')!.sha256);
    const frText = await pdfText(fr.rawPayload);
    for (const s of ['Rapport d’audit d’étape 1', 'Lumière Crédit SAS', 'Points de conformité', 'Oui : l’organisation est prête pour l’étape 2.', 'Liste de contrôle', 'Conforme', 'Page 1 sur']) expect(frText.replace(/\u00a0/g, ' ')).toContain(s);
    const en = await b.lead.get(`${R(0)}/files/en/docx`);
    const enText = (await mammoth.extractRawText({ buffer: en.rawPayload })).value;
    for (const s of ['Stage 1 audit report', 'Readiness for stage 2', 'Yes: the organization is ready for stage 2.', 'Scope, AI policy and risk criteria documented.']) expect(enText).toContain(s);
    // Issued means frozen: the same bytes are served again, and nothing can be rewritten.
    expect((await b.lead.get(`${R(0)}/files/fr/pdf`)).headers['x-content-sha256']).toBe(fr.headers['x-content-sha256']);
    expect((await b.lead.patch(R(0), { summary: 'Rewritten' })).json().code).toBe('report_issued');
    expect((await b.lead.post(`${R(0)}/issue`)).json().code).toBe('report_issued');

    // Stage 2: the closing meeting and the recommendation.
    expect((await b.lead.patch(R(1), { readyForStage2: 'yes' })).json()).toMatchObject({ details: [{ field: 'readyForStage2' }] });
    expect((await b.lead.patch(R(1), { closingMeetingDate: '2026-02-30' })).json()).toMatchObject({ details: [{ field: 'closingMeetingDate' }] });
    expect((await b.lead.patch(R(1), { attendees: [{ name: '', organization: 'x', role: 'y' }] })).json()).toMatchObject({ details: [{ field: 'attendees.0.name' }] });
    await ok(b.lead.post(b.url(1), {}), 201);
    await t.p.db.updateTable('audit_checklist_items').set({ verdict: 'conforming' }).where('audit_id', '=', b.ids[1]!).execute();
    await ok(
      b.lead.patch(R(1), {
        summary: 'The AIMS is implemented for the credit-scoring system.',
        conclusions: 'One minor nonconformity on 6.1.2.',
        closingMeetingDate: '2026-12-04',
        attendees: [
          { name: 'Claire Martin', organization: 'Lumière Crédit', role: 'Directrice conformité' },
          { name: 'Hugo Bernard', organization: 'Vérité Certification', role: 'Responsable d’audit' },
        ],
        recommendation: 'grant_after_corrections',
      }),
    );
    const s2 = await ok<TReport>(b.lead.post(`${R(1)}/issue`));
    expect(s2).toMatchObject({ kind: 'audit', status: 'issued', recommendation: 'grant_after_corrections', closingMeetingDate: '2026-12-04' });
    const s2en = await pdfText((await b.manager.get(`${R(1)}/files/en/pdf`)).rawPayload);
    for (const s of ['Audit report — stage 2', 'Closing meeting', '4 December 2026', 'Claire Martin', 'The team recommends certification once the corrective actions for the nonconformities are accepted.', 'Statement of Applicability version']) expect(s2en).toContain(s);
    const s2fr = (await pdfText((await b.manager.get(`${R(1)}/files/fr/pdf`)).rawPayload)).replace(/\u00a0/g, ' ');
    for (const s of ['Rapport d’audit — étape 2', 'Réunion de clôture', '4 décembre 2026', 'L’équipe recommande la certification une fois les actions correctives']) expect(s2fr).toContain(s);

    const log = await t.p.db.selectFrom('audit_events').select(['action', 'summary']).where('tenant_id', '=', b.tenant.id).where('action', 'in', ['audit_report.updated', 'audit_report.issued']).orderBy('seq').execute();
    expect(log.map((e) => e.action)).toEqual(['audit_report.updated', 'audit_report.updated', 'audit_report.issued', 'audit_report.updated', 'audit_report.issued']);
    expect(log[1]!.summary).toEqual({ before: { readyForStage2: 'not_yet' }, after: { auditReference: issued.auditReference, readyForStage2: 'yes' } });
  });

  it('recommendations: each audit type recommends what fits it (stage 2 grant, surveillance maintain or suspend, recertification renew or not, special a scope change), in the report and its PDFs', async () => {
    const o = await organization();
    const b = await body(o.tenant, [{ type: 'stage2' }, { type: 'surveillance' }, { type: 'recertification' }, { type: 'special' }, { type: 'follow_up' }]);
    const R = (i: number) => b.url(i).replace(/checklist$/, 'report');
    const refused = async (i: number, recommendation: string) => {
      const res = await b.lead.patch(R(i), { recommendation });
      expect(res.statusCode, `${i} ${recommendation}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', details: [{ field: 'recommendation', issue: 'invalid' }] });
    };
    await refused(0, 'maintain');
    await refused(1, 'grant');
    await refused(1, 'renew');
    await refused(2, 'grant_after_corrections');
    await refused(2, 'suspend');
    await refused(3, 'grant');
    await refused(4, 'extend_scope');
    expect((await b.lead.patch(R(0), { recommendation: 'grant' })).statusCode).toBe(200);
    expect((await b.lead.patch(R(2), { recommendation: 'not_renewed' })).statusCode).toBe(200);
    expect((await b.lead.patch(R(3), { recommendation: 'extend_scope' })).statusCode).toBe(200);
    expect((await b.lead.patch(R(4), { recommendation: 'maintain' })).statusCode).toBe(200);

    // A surveillance that found the certificate no longer deserved recommends suspending it; the PDFs say so in both languages.
    await ok(b.lead.post(b.url(1), {}), 201);
    await t.p.db.updateTable('audit_checklist_items').set({ verdict: 'conforming' }).where('audit_id', '=', b.ids[1]!).execute();
    await ok(
      b.lead.patch(R(1), {
        summary: 'Surveillance 1.',
        conclusions: 'The impact assessments are no longer kept up to date.',
        closingMeetingDate: '2027-10-04',
        attendees: [{ name: 'Claire Martin', organization: 'Lumière Crédit', role: 'Directrice conformité' }],
        recommendation: 'suspend',
      }),
    );
    const issued = await ok<TReport>(b.lead.post(`${R(1)}/issue`));
    expect(issued).toMatchObject({ auditType: 'surveillance', recommendation: 'suspend', status: 'issued' });
    expect(await pdfText((await b.manager.get(`${R(1)}/files/en/pdf`)).rawPayload)).toContain('The team recommends suspending certification.');
    expect((await pdfText((await b.manager.get(`${R(1)}/files/fr/pdf`)).rawPayload)).replace(/\u00a0/g, ' ')).toContain('L’équipe recommande la suspension de la certification.');
  });
});
