import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertRenewable, assessRenewal, openNextCycle } from '../../src/server/modules/certification/index.ts';
import { buildTenant } from '../support/factories.ts';
import { buildBody, buildEngagement, buildFindingRow } from '../support/certification-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * A renewal decision and the programme: the renewed certificate's expiry is chained from the old
 * one before expiry, restored within 6 months after it only when the recertification is reported
 * and its nonconformities cleared, otherwise a new stage 2 is required; cycle n+1 opens with its
 * three slots and cycle n is completed.
 */
describe.skipIf(!backendAvailable)('recertification: renewal outcome and the next cycle', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 240_000);
  afterAll(() => t?.close());
  const ctx = { requestId: null, ip: null, userAgent: null };

  async function certified() {
    const body = await buildBody(t.p, { name: 'Vérité Certification' });
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const e = await buildEngagement(t.p, body, org);
    await t.p.db.updateTable('audit_programmes').set({ decision_date: '2027-03-15', expiry_date: '2030-03-14' }).where('tenant_id', '=', body.id).where('id', '=', e.programme.id).execute();
    const setState = (auditId: string, state: string) => t.p.db.updateTable('audits').set({ state: state as 'planned' }).where('tenant_id', '=', body.id).where('id', '=', auditId).execute();
    return { body, org, e, setState };
  }

  it('chains before expiry, restores after it once the outstanding activities are done, and requires a new stage 2 otherwise', async () => {
    const s = await certified();
    expect(await assessRenewal(t.p.db, s.body.id, s.e.programme.id, '2030-01-10')).toMatchObject({ outcome: 'chain', expiryDate: '2033-03-14', oldExpiry: '2030-03-14' });

    // After expiry, the recertification not yet reported: refused, with the window's last day.
    const refused = await assertRenewable(t.p.db, s.body.id, s.e.programme.id, '2030-04-01').catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 409, code: 'cycle_new_stage2_required', details: { reason: 'activities_outstanding', restoreBy: '2030-09-14', recertificationReported: false } });

    await s.setState(s.e.audits.recertification.id, 'reported');
    const major = await buildFindingRow(t.p, s.body, s.e, { auditId: s.e.audits.recertification.id, class: 'major' });
    await buildFindingRow(t.p, s.body, s.e, { auditId: s.e.audits.recertification.id, class: 'minor', state: 'accepted' });
    await buildFindingRow(t.p, s.body, s.e, { auditId: s.e.audits.recertification.id, class: 'observation' });
    expect(await assessRenewal(t.p.db, s.body.id, s.e.programme.id, '2030-04-01')).toMatchObject({ outcome: 'new_stage2_required', reason: 'activities_outstanding', recertificationReported: true, nonconformitiesCleared: false });

    await t.p.db.updateTable('audit_findings').set({ state: 'verified', verified_at: new Date(), verified_by: s.body.owner.id, verification_method: 'on_site' }).where('tenant_id', '=', s.body.id).where('id', '=', major.id).execute();
    expect(await assertRenewable(t.p.db, s.body.id, s.e.programme.id, '2030-04-01')).toMatchObject({ outcome: 'restore', effectiveDate: '2030-04-01', expiryDate: '2033-03-14', lapsedFrom: '2030-03-15', lapsedTo: '2030-03-31' });
    expect(await assessRenewal(t.p.db, s.body.id, s.e.programme.id, '2030-09-15')).toMatchObject({ outcome: 'new_stage2_required', reason: 'restoration_window_passed' });

    // Another body's programme is not found; a programme never certified has nothing to renew.
    const other = await buildBody(t.p);
    await expect(assessRenewal(t.p.db, other.id, s.e.programme.id, '2030-01-10')).rejects.toMatchObject({ status: 404 });
    const fresh = await buildEngagement(t.p, other, await buildTenant(t.p));
    await expect(assessRenewal(t.p.db, other.id, fresh.programme.id, '2030-01-10')).rejects.toMatchObject({ status: 409, code: 'cycle_not_certified' });
  });

  it('opens cycle 2 with surveillance 1, surveillance 2 and recertification dated from the renewal, completes cycle 1, once', async () => {
    const s = await certified();
    const next = await t.p.db.transaction().execute((tx) => openNextCycle(tx, null, ctx, { tenantId: s.body.id, programmeId: s.e.programme.id, decisionDate: '2030-01-10', expiryDate: '2033-03-14' }));
    expect(next).toMatchObject({ cycle: 2, previousProgrammeId: s.e.programme.id });
    const programmes = await t.p.db
      .selectFrom('audit_programmes')
      .select(['id', 'cycle', 'status', (eb) => eb.cast<string>('decision_date', 'text').as('decision'), (eb) => eb.cast<string>('expiry_date', 'text').as('expiry')])
      .where('tenant_id', '=', s.body.id)
      .where('engagement_id', '=', s.e.engagement.id)
      .orderBy('cycle')
      .execute();
    expect(programmes).toMatchObject([
      { cycle: 1, status: 'completed' },
      { cycle: 2, status: 'active', decision: '2030-01-10', expiry: '2033-03-14', id: next.programmeId },
    ]);
    const audits = await t.p.db
      .selectFrom('audits')
      .select(['type', 'sequence', 'state', 'planned_days', 'reference', (eb) => eb.cast<string>('due_by', 'text').as('due')])
      .where('tenant_id', '=', s.body.id)
      .where('programme_id', '=', next.programmeId)
      .orderBy('reference')
      .execute();
    expect(audits.map((a) => [a.type, a.sequence, a.state, Number(a.planned_days), a.due])).toEqual([
      ['surveillance', 1, 'planned', 1.5, '2031-01-09'],
      ['surveillance', 2, 'planned', 1.5, '2032-01-09'],
      ['recertification', 1, 'planned', 3, '2033-03-13'],
    ]);
    expect(audits[0]!.reference).toMatch(/^AUD-2030-\d{4}$/);

    // Both sides' logs say so.
    for (const tenantId of [s.body.id, s.org.id]) {
      const events = await t.p.db.selectFrom('audit_events').select(['action', 'subject_id']).where('tenant_id', '=', tenantId).where('action', '=', 'programme.cycle_opened').execute();
      expect(events).toEqual([{ action: 'programme.cycle_opened', subject_id: next.programmeId }]);
    }

    // Cycle 1 is completed: it cannot open a cycle again; another body's programme is not found.
    await expect(t.p.db.transaction().execute((tx) => openNextCycle(tx, null, ctx, { tenantId: s.body.id, programmeId: s.e.programme.id, decisionDate: '2030-01-10', expiryDate: '2033-03-14' }))).rejects.toMatchObject({
      status: 409,
      code: 'cycle_programme_closed',
    });
    const other = await buildBody(t.p);
    await expect(t.p.db.transaction().execute((tx) => openNextCycle(tx, null, ctx, { tenantId: other.id, programmeId: next.programmeId, decisionDate: '2030-01-10', expiryDate: '2033-03-14' }))).rejects.toMatchObject({ status: 404 });
  });
});
