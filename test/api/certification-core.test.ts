import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextReference } from '../../src/server/modules/certification/common/next-reference.ts';
import { buildTenant } from '../support/factories.ts';
import { buildAuditTeam, buildBody, buildClient, buildEngagement } from '../support/certification-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/* The certification core tables' own rules (migration 0018), checked by the database itself. */
describe.skipIf(!backendAvailable)('certification core records', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('numbers clients per body without gaps or duplicates when several are created at once', async () => {
    const body = await buildBody(t.p);
    const other = await buildBody(t.p);
    const clients = await Promise.all(Array.from({ length: 6 }, () => buildClient(t.p, body)));
    await buildClient(t.p, other);
    expect(clients.map((c) => c.reference).sort()).toEqual(['CLI-0001', 'CLI-0002', 'CLI-0003', 'CLI-0004', 'CLI-0005', 'CLI-0006']);
    // Another body's series is its own.
    const next = await t.p.db.transaction().execute((tx) => nextReference(tx, other.id, { table: 'clients', prefix: 'CLI' }));
    expect(next).toBe('CLI-0002');
  });

  it('keeps one live engagement per body, organization and scheme; a closed one does not block the next', async () => {
    const body = await buildBody(t.p);
    const org = await buildTenant(t.p);
    const first = await buildEngagement(t.p, body, org);
    expect(Object.keys(first.audits).sort()).toEqual(['recertification', 'stage1', 'stage2', 'surveillance1', 'surveillance2']);
    expect(first.audits.stage1.reference).toMatch(/^AUD-\d{4}-0001$/);
    await expect(buildEngagement(t.p, body, org, { client: first.client })).rejects.toThrow(/engagements_live_key/);
    await t.p.db.updateTable('engagements').set({ status: 'closed', closed_at: new Date() }).where('id', '=', first.engagement.id).execute();
    const second = await buildEngagement(t.p, body, org, { client: first.client });
    expect(second.engagement.id).not.toBe(first.engagement.id);
    // An engagement cannot link a tenant to itself.
    await expect(buildEngagement(t.p, body, body)).rejects.toThrow();
  });

  it('allows one lead auditor per audit', async () => {
    const body = await buildBody(t.p);
    const org = await buildTenant(t.p);
    const { audits } = await buildEngagement(t.p, body, org);
    await buildAuditTeam(t.p, body, audits.stage1.id, [{ role: 'lead_auditor' }, { role: 'auditor' }]);
    await expect(buildAuditTeam(t.p, body, audits.stage1.id, [{ role: 'lead_auditor' }])).rejects.toThrow(/audit_team_lead_key/);
  });
});
