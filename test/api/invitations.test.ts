import { describe, expect, it } from 'vitest';
import { invitationToken } from '../../src/server/modules/tenants/invitations-service.ts';
import { as, buildInvitation, buildTenant } from '../support/factories.ts';
import { backendAvailable, createClient, uniqueEmail, useTestApp } from '../support/test-app.ts';

describe.skipIf(!backendAvailable)('invitation lifecycle through the API', () => {
  const t = useTestApp();

  it('a second invitation to the same address replaces the first: its link says "replaced", the log records it', async () => {
    const tenant = await buildTenant(t.p);
    const owner = await as(t.app, tenant.owner);
    const email = uniqueEmail('twice');
    const send = async (role: string) => {
      const res = await owner.post(`/api/tenants/${tenant.id}/invitations`, { email, role, locale: 'fr' });
      expect(res.statusCode, res.body).toBe(201);
      const inv = res.json().invitation;
      return { ...inv, token: invitationToken(t.p.secretKey, tenant.id, inv.id, new Date(inv.expiresAt)) };
    };
    const first = await send('viewer');
    const second = await send('contributor');
    const pending = (await owner.get(`/api/tenants/${tenant.id}/invitations`)).json().items;
    expect(pending.map((i: { id: string }) => i.id)).toEqual([second.id]);

    const invitee = createClient(t.app);
    const old = await invitee.get(`/api/invitations/${first.token}`);
    expect(old.statusCode).toBe(410);
    expect(old.json()).toMatchObject({ message: expect.stringMatching(/replaced by a newer one/), details: { state: 'replaced' } });
    expect((await invitee.post(`/api/invitations/${first.token}/accept`, { name: 'Zoé', password: 'Une-Phrase-Solide-2026' })).json().details).toEqual({ state: 'replaced' });

    const events = (await owner.get(`/api/tenants/${tenant.id}/audit-events?action=invitation.replaced`)).json().items;
    expect(events).toEqual([expect.objectContaining({ subjectType: 'invitation', subjectId: first.id, summary: { before: { email, role: 'viewer', locale: 'fr' }, after: { replacedBy: second.id } } })]);

    expect((await invitee.post(`/api/invitations/${second.token}/accept`, { name: 'Zoé', password: 'Une-Phrase-Solide-2026' })).statusCode).toBe(200);
    const used = await createClient(t.app).get(`/api/invitations/${second.token}`);
    expect(used.statusCode).toBe(410);
    expect(used.json()).toMatchObject({ message: 'This invitation has already been used.', details: { state: 'accepted' } });
  });

  it('an expired link says "expired", a withdrawn one "withdrawn"; a settled invitation cannot be revoked', async () => {
    const tenant = await buildTenant(t.p);
    const owner = await as(t.app, tenant.owner);
    const expired = await buildInvitation(t.p, tenant, { expiresAt: new Date(Date.now() - 1000) });
    expect((await createClient(t.app).get(`/api/invitations/${expired.token}`)).json()).toMatchObject({ details: { state: 'expired' } });
    expect((await owner.delete(`/api/tenants/${tenant.id}/invitations/${expired.id}`)).statusCode).toBe(409);

    const withdrawn = await buildInvitation(t.p, tenant);
    expect((await owner.delete(`/api/tenants/${tenant.id}/invitations/${withdrawn.id}`)).statusCode).toBe(204);
    expect((await createClient(t.app).get(`/api/invitations/${withdrawn.token}`)).json()).toMatchObject({ details: { state: 'revoked' }, message: expect.stringMatching(/withdrawn/) });
    expect((await owner.delete(`/api/tenants/${tenant.id}/invitations/${withdrawn.id}`)).json()).toMatchObject({ code: 'invitation_revoked', details: { state: 'revoked' } });
  });
});
