import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionBlockers } from '../../src/server/modules/certification/index.ts';
import type { TFindingClass, TFindingState } from '../../src/shared/contracts/certification-decisions.ts';
import { buildBody, buildEngagement } from '../support/certification-factories.ts';
import { buildTenant } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * The decision gate on a real database: which of a programme's findings stop a certification
 * decision on a given day, read from the audit's dates as they are now and the body's setting.
 */
describe.skipIf(!backendAvailable)('certification findings: the decision gate', { timeout: 120_000 }, () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lists unverified majors, minors without an accepted plan, and majors past their window; nothing else, nothing from elsewhere', async () => {
    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const body = await buildBody(t.p);
    const e = await buildEngagement(t.p, body, org);
    const other = await buildEngagement(t.p, await buildBody(t.p), await buildTenant(t.p));
    await t.p.db.updateTable('audits').set({ state: 'reported', planned_start: '2027-03-08', planned_end: '2027-03-10', actual_start: '2027-03-08', actual_end: '2027-03-11' }).where('tenant_id', '=', body.id).where('id', '=', e.audits.stage2.id).execute();
    const version = (await t.p.db.selectFrom('catalog_frameworks').select('version').where('id', '=', 'iso-iec-42001-2023').where('is_current', '=', true).executeTakeFirstOrThrow()).version;
    let n = 0;
    const add = async (cls: TFindingClass, state: TFindingState, tenant = body.id, eng = e) => {
      const nc = cls === 'major' || cls === 'minor';
      const row = await t.p.db
        .insertInto('audit_findings')
        .values({
          tenant_id: tenant,
          audit_id: eng.audits.stage2.id,
          programme_id: eng.programme.id,
          engagement_id: eng.engagement.id,
          client_id: eng.client.id,
          reference: `NC-2027-${String(++n).padStart(4, '0')}`,
          class: cls,
          framework_id: nc ? 'iso-iec-42001-2023' : null,
          framework_version: nc ? version : null,
          ref: nc ? '8.1' : null,
          statement: 'A statement.',
          state,
          response_due_on: nc ? '2027-04-10' : null,
          // Stored when raised from the planned end; the gate reads the actual end instead.
          verification_due_on: cls === 'major' ? '2027-09-10' : null,
          verified_at: state === 'verified' ? new Date() : null,
          verified_by: state === 'verified' ? body.owner.id : null,
          verification_method: state === 'verified' ? 'remote' : null,
          closed_at: state === 'closed' ? new Date() : null,
        })
        .returning(['id', 'reference'])
        .executeTakeFirstOrThrow();
      return row;
    };
    const major = await add('major', 'accepted');
    await add('major', 'verified');
    const minorOpen = await add('minor', 'open');
    const minorSubmitted = await add('minor', 'submitted');
    await add('minor', 'accepted');
    await add('minor', 'closed');
    await add('observation', 'noted');
    await add('opportunity', 'noted');
    await add('major', 'open', other.engagement.body_tenant_id, other);

    const blockers = await decisionBlockers(t.p.db, body.id, e.programme.id, '2027-05-01');
    expect(blockers).toEqual([
      { code: 'major_unverified', findingId: major.id, reference: major.reference, class: 'major', dueOn: '2027-09-11' },
      { code: 'minor_plan_not_accepted', findingId: minorOpen.id, reference: minorOpen.reference, class: 'minor', dueOn: '2027-04-10' },
      { code: 'minor_plan_not_accepted', findingId: minorSubmitted.id, reference: minorSubmitted.reference, class: 'minor', dueOn: '2027-04-10' },
    ]);
    // The last day of the window still counts; the day after, a new stage 2 is required.
    expect((await decisionBlockers(t.p.db, body.id, e.programme.id, '2027-09-11'))[0]!.code).toBe('major_unverified');
    expect((await decisionBlockers(t.p.db, body.id, e.programme.id, '2027-09-12'))[0]).toMatchObject({ code: 'major_window_expired', dueOn: '2027-09-11' });
    // The body's own window.
    await t.p.db.updateTable('body_settings').set({ major_verification_months: 3 }).where('tenant_id', '=', body.id).execute();
    expect((await decisionBlockers(t.p.db, body.id, e.programme.id, '2027-06-12'))[0]).toMatchObject({ code: 'major_window_expired', dueOn: '2027-06-11' });
    // Another tenant reading this programme sees nothing.
    expect(await decisionBlockers(t.p.db, other.engagement.body_tenant_id, e.programme.id, '2027-05-01')).toEqual([]);
  });
});
