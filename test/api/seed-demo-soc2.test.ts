import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/cli/seed-demo/index.ts';
import { soc2Period } from '../../src/cli/seed-demo/soc2.ts';
import { backendAvailable, createTestApp, signIn } from '../support/test-app.ts';

/*
 * The demo's SOC 2 workspace (issue 12): Delorme & Associés' finished Type II examination of
 * Lumière Crédit, read back through the API as the firm, the organization and the data show them,
 * then a second seed that changes nothing.
 */
describe.skipIf(!backendAvailable)('seed --demo: the SOC 2 examination', () => {
  it('is issued with a qualified opinion, two answered exceptions, a downloadable report and one reader; a second seed is a no-op', async () => {
    const t = await createTestApp();
    try {
      await seedDemo(t.p);
      const db = t.p.db;
      const firm = await db.selectFrom('tenants').select(['id', 'kind']).where('name', '=', 'Delorme & Associés').executeTakeFirstOrThrow();
      const org = await db.selectFrom('tenants').select('id').where('name', '=', 'Lumière Crédit').executeTakeFirstOrThrow();
      expect(firm.kind).toBe('certification_body');
      const settings = await db.selectFrom('body_settings').select(['cpa_firm', 'cpa_licence_authority', 'cpa_licence_number']).where('tenant_id', '=', firm.id).executeTakeFirstOrThrow();
      expect(settings.cpa_firm).toBe(true);
      expect(settings.cpa_licence_authority && settings.cpa_licence_number).toBeTruthy();

      const partner = await signIn(t.app, { email: 'olivier.castaing@delorme-associes.example', password: DEMO_PASSWORD });
      const F = `/api/tenants/${firm.id}/soc2/examinations`;
      const list = (await partner.get(F)).json() as { items: { id: string; reference: string; state: string; reportType: string; periodStart: string; periodEnd: string; categories: string[]; partner: { name: string } }[] };
      expect(list.items).toHaveLength(1);
      const ex = list.items[0]!;
      const period = soc2Period(new Date());
      expect(ex).toMatchObject({ state: 'issued', reportType: 'type2', periodStart: period.start, periodEnd: period.end, partner: { name: 'Olivier Castaing' } });
      expect([...ex.categories].sort()).toEqual(['availability', 'processing_integrity', 'security']);
      // Six months, all in the past.
      expect(new Date(`${ex.periodEnd}T00:00:00Z`) < new Date()).toBe(true);
      expect(Number(ex.periodEnd.slice(5, 7)) - Number(ex.periodStart.slice(5, 7)) + 12 * (Number(ex.periodEnd.slice(0, 4)) - Number(ex.periodStart.slice(0, 4)))).toBe(5);
      const E = `${F}/${ex.id}`;

      // Accepted through the proposals service: the proposal is accepted and names the engagement.
      const proposal = await db.selectFrom('proposals').select(['status', 'engagement_id']).where('tenant_id', '=', firm.id).executeTakeFirstOrThrow();
      expect(proposal.status).toBe('accepted');

      const opinion = (await partner.get(`${E}/opinion`)).json();
      expect(opinion).toMatchObject({ opinion: 'qualified', partner: { name: 'Olivier Castaing' } });
      expect(opinion.basis).toContain('CC6.2');

      const scope = (await partner.get(`${E}/scope`)).json() as { subserviceOrgs: { treatment: string }[]; complementaryControls: { kind: string; reference: string }[] };
      expect(scope.subserviceOrgs.map((s) => s.treatment)).toEqual(['carve_out']);
      expect(scope.complementaryControls.map((c) => c.reference).sort()).toEqual(['CSOC-01', 'CSOC-02', 'CUEC-01', 'CUEC-02']);

      const description = (await partner.get(`${E}/description`)).json() as { versions: { state: string; signedOff: { name: string } | null }[] };
      expect(description.versions.map((v) => v.state)).toEqual(['signed_off']);
      expect(description.versions[0]!.signedOff!.name).toBe('Claire Martin');

      const exceptions = (await partner.get(`${E}/exceptions`)).json() as { total: number; groups: { exceptions: { state: string; response: unknown; conclusion: { conclusion: string } | null; sampleItem: unknown }[] }[] };
      expect(exceptions.total).toBe(2);
      const all = exceptions.groups.flatMap((g) => g.exceptions);
      expect(all.every((e) => e.state === 'concluded' && e.response && e.sampleItem)).toBe(true);
      expect(all.map((e) => e.conclusion!.conclusion).sort()).toEqual(['isolated', 'systematic']);

      // Fieldwork: populations frozen with their completeness, samples with recorded seeds, every item tested.
      const samples = await db.selectFrom('soc2_samples').select(['id', 'seed', 'size', 'test_id']).where('tenant_id', '=', firm.id).orderBy('seed').execute();
      const tests = await db.selectFrom('soc2_tests').select(['id', 'conclusion']).where('tenant_id', '=', firm.id).execute();
      expect(new Set(samples.map((s) => s.test_id))).toEqual(new Set(tests.map((t) => t.id)));
      expect(samples.every((s) => /^lumiere-[a-z]+-\d\d$/.test(s.seed) && s.size > 0)).toBe(true);
      expect(tests.filter((t) => t.conclusion === 'exception')).toHaveLength(2);
      expect(tests.filter((t) => t.conclusion === 'pending')).toHaveLength(0);
      const items = await db.selectFrom('soc2_sample_items').select('result').where('tenant_id', '=', firm.id).execute();
      expect(items.filter((i) => i.result === 'pending')).toHaveLength(0);
      expect(items.filter((i) => i.result === 'exception')).toHaveLength(2);
      const requests = (await partner.get(`${E}/requests`)).json() as { items: { state: string; evidence: { id: string; title: string }[] }[] };
      expect(requests.items.length).toBeGreaterThan(0);
      expect(requests.items.every((r) => r.state === 'accepted')).toBe(true);
      // Every answer carries Lumière Crédit's own evidence record, an extraction of the period.
      expect(requests.items.every((r) => r.evidence.length === 1 && r.evidence[0]!.title.startsWith('Extraction pour '))).toBe(true);
      const orgEvidence = await db.selectFrom('evidence').select(['id', 'created_at']).where('tenant_id', '=', org.id).execute();
      expect(requests.items.every((r) => orgEvidence.some((e) => e.id === r.evidence[0]!.id))).toBe(true);

      // Sampled items inspected on that evidence: filed the day after the event, except one change
      // whose approval was reconstructed during fieldwork, which the contemporaneity check flags.
      type TItem = { key: string; date: string; evidence: { id: string }[]; evidenceCreatedOn: string | null; contemporaneity: { flagged: boolean; reason: string | null; lagDays: number | null } };
      const sampleViews = await Promise.all(samples.map(async (s) => (await partner.get(`${E}/samples/${s.id}`)).json() as { items: TItem[] }));
      const tested = sampleViews.flatMap((v) => v.items);
      const withEvidence = tested.filter((i) => i.evidence.length > 0);
      expect(withEvidence.length).toBeGreaterThanOrEqual(samples.length);
      // The item's creation day is the record's, from the seed's clock: never today.
      const today = new Date().toISOString().slice(0, 10);
      expect(withEvidence.every((i) => i.evidenceCreatedOn !== null && i.evidenceCreatedOn < today)).toBe(true);
      const flagged = tested.filter((i) => i.contemporaneity.flagged);
      expect(flagged).toHaveLength(1);
      expect(flagged[0]).toMatchObject({ key: expect.stringMatching(/^CHG-\d{4}$/), contemporaneity: { reason: 'created_late' } });
      expect(flagged[0]!.contemporaneity.lagDays!).toBeGreaterThan(30);
      expect(flagged[0]!.evidenceCreatedOn! > ex.periodEnd).toBe(true);
      // Every record of the organization lies in the past.
      expect(orgEvidence.every((e) => new Date(e.created_at) <= new Date())).toBe(true);

      // The issued report downloads, for the firm and for the organization.
      const status = (await partner.get(`${E}/report`)).json();
      expect(status.report).not.toBeNull();
      const pdf = await partner.get(`${E}/report/fr.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const claire = await signIn(t.app, { email: 'claire.martin@lumiere-credit.example', password: DEMO_PASSWORD });
      const O = `/api/tenants/${org.id}/soc2/org-examinations/${ex.id}`;
      expect((await claire.get(`${O}/report/en.pdf`)).statusCode).toBe(200);

      // One reader, who accepted the terms and downloaded a watermarked copy: the access log says so.
      const readers = (await claire.get(`${O}/readers`)).json() as { items: { name: string; state: string; nda: { name: string } | null; downloads: number; accesses: { kind: string; watermark: string | null }[] }[] };
      expect(readers.items).toHaveLength(1);
      const reader = readers.items[0]!;
      expect(reader).toMatchObject({ name: 'Marion Lambert', state: 'accepted', nda: { name: 'Marion Lambert' }, downloads: 1 });
      expect(reader.accesses.map((a) => a.kind)).toEqual(['invited', 'nda_accepted', 'download']);
      expect(reader.accesses[2]!.watermark).toContain('Marion Lambert');
      expect((await partner.get(`${E}/readers`)).json().items).toHaveLength(1);

      // Every event lies in the past, after the period for the fieldwork and the report.
      const events = await db.selectFrom('audit_events').select(['action', 'occurred_at']).where('tenant_id', '=', firm.id).execute();
      expect(events.every((e) => new Date(e.occurred_at) <= new Date())).toBe(true);
      const issued = events.find((e) => e.action === 'soc2_report.issued');
      expect(issued && new Date(issued.occurred_at) > new Date(`${ex.periodEnd}T23:59:59Z`)).toBe(true);
      // The screens' own dates agree: each population was frozen and each sample drawn during fieldwork, before the report.
      const frozen = (await partner.get(`${E}/populations`)).json() as { items: { importedAt: string }[] };
      expect(frozen.items).toHaveLength(samples.length);
      const drawn = await Promise.all(samples.map(async (s) => ((await partner.get(`${E}/samples/${s.id}`)).json() as { drawnAt: string }).drawnAt));
      for (const at of [...frozen.items.map((f) => f.importedAt), ...drawn]) {
        expect(at > `${ex.periodEnd}T23:59:59`, at).toBe(true);
        expect(new Date(at) < new Date(issued!.occurred_at), at).toBe(true);
      }

      // A second seed changes nothing.
      const count = async () => Number((await db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      await seedDemo(t.p);
      expect(await count()).toBe(before);
      expect(await db.selectFrom('soc2_examinations').select('id').execute()).toHaveLength(1);
    } finally {
      await t.close();
    }
  }, 600_000);
});
