import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZSoc2Examination } from '../../src/shared/contracts/soc2-examinations.ts';
import { as, buildMembership } from '../support/factories.ts';
import { createSoc2Examination } from '../support/soc2-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/* The firm edits the scope while scoping, confirms it (→ planning), and can no longer edit it. */
describe.skipIf(!backendAvailable)('SOC 2 scope', { timeout: 240_000 }, () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' });
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  it('edits while scoping, confirms into planning, then refuses edits; a reviewer cannot edit', async () => {
    const { firm, organization, examination } = await createSoc2Examination(t, { services: '' });
    const manager = await as(t.app, firm.owner);
    const reviewer = await as(t.app, await buildMembership(t.p, firm, 'technical_reviewer'));
    const url = `/api/tenants/${firm.id}/soc2/examinations/${examination.id}`;

    expect((await reviewer.patch(url, { services: 'x' })).statusCode).toBe(403);
    expect((await manager.post(`${url}/confirm-scope`)).json()).toMatchObject({ code: 'soc2_scope_incomplete', details: { missing: ['services'] } });
    expect((await manager.patch(url, { periodEnd: '2026-02-28' })).json().code).toBe('soc2_period_too_short');
    const edited = ZSoc2Examination.parse((await manager.patch(url, { services: 'Credit scoring API', categories: ['confidentiality'], periodEnd: '2026-12-31' })).json());
    expect(edited).toMatchObject({ services: 'Credit scoring API', categories: ['security', 'confidentiality'], periodEnd: '2026-12-31', state: 'scoping' });

    const confirmed = ZSoc2Examination.parse((await manager.post(`${url}/confirm-scope`)).json());
    expect(confirmed.state).toBe('planning');
    expect(confirmed.abilities['soc2Examination.scope']).toBe(false);
    const refused = await manager.patch(url, { services: 'Other' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('soc2_examination_state');

    for (const tenantId of [firm.id, organization.id]) {
      const events = await t.p.db.selectFrom('audit_events').select(['action', 'summary']).where('tenant_id', '=', tenantId).where('action', 'in', ['soc2_examination.scope_updated', 'soc2_examination.scope_confirmed']).execute();
      expect(events.map((e) => e.action).sort()).toEqual(['soc2_examination.scope_confirmed', 'soc2_examination.scope_updated']);
    }
  });
});
