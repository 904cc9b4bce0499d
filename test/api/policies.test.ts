import { describe, expect, it } from 'vitest';
import { updateTenant } from '../../src/server/modules/tenants/tenants-repo.ts';
import { as, buildApiToken, buildInvitation, buildMembership, buildTenant } from '../support/factories.ts';
import { backendAvailable, useTestApp } from '../support/test-app.ts';

/*
 * Record-level policies seen through the API: each record carries the abilities the server will
 * honour, and the server refuses exactly what they say no to.
 */
describe.skipIf(!backendAvailable)('policies over records, abilities per record', () => {
  const t = useTestApp();

  it('members: the last owner cannot be demoted or removed, an admin cannot touch an owner; the buttons say so', async () => {
    const tenant = await buildTenant(t.p);
    const admin = await buildMembership(t.p, tenant, 'admin');
    const viewer = await buildMembership(t.p, tenant, 'viewer');
    const url = `/api/tenants/${tenant.id}/members`;
    const owner = await as(t.app, tenant.owner);
    const abilities = async (c: typeof owner) =>
      Object.fromEntries(((await c.get(url)).json().items as { userId: string; abilities: Record<string, boolean> }[]).map((m) => [m.userId, m.abilities]));

    const byOwner = await abilities(owner);
    expect(byOwner[tenant.owner.id]).toMatchObject({ 'member.update': false, 'member.remove': false });
    expect(byOwner[admin.id]).toMatchObject({ 'member.update': true, 'member.remove': true });
    expect((await owner.delete(`${url}/${tenant.owner.id}`)).json()).toMatchObject({ code: 'last_owner_removed', message: 'The last owner cannot be removed.', details: { role: 'owner' } });

    const asAdmin = await as(t.app, admin);
    const byAdmin = await abilities(asAdmin);
    expect(byAdmin[tenant.owner.id]).toMatchObject({ 'member.update': false, 'member.remove': false });
    expect(byAdmin[viewer.id]).toMatchObject({ 'member.update': true, 'member.remove': true });
    expect((await asAdmin.delete(`${url}/${tenant.owner.id}`)).statusCode).toBe(403);
    expect((await asAdmin.patch(`${url}/${viewer.id}`, { role: 'owner' })).statusCode).toBe(403);

    // A second owner: now either may go, but only an owner may act on them.
    expect((await owner.patch(`${url}/${admin.id}`, { role: 'owner' })).statusCode).toBe(204);
    const twoOwners = await abilities(owner);
    expect(twoOwners[tenant.owner.id]).toMatchObject({ 'member.update': true, 'member.remove': true });
    expect((await owner.delete(`${url}/${admin.id}`)).statusCode).toBe(204);

    const byViewer = await abilities(await as(t.app, viewer));
    expect(Object.values(byViewer).every((a) => !a['member.update'] && !a['member.remove'])).toBe(true);
  });

  it('invitations and API tokens carry their revoke ability; a revoked token cannot be revoked twice', async () => {
    const tenant = await buildTenant(t.p);
    const owner = await as(t.app, tenant.owner);
    const inv = await buildInvitation(t.p, tenant);
    const invitations = (await owner.get(`/api/tenants/${tenant.id}/invitations`)).json().items;
    expect(invitations).toEqual([expect.objectContaining({ id: inv.id, abilities: { 'member.invite': true, 'invitation.revoke': true } })]);

    const token = await buildApiToken(t.p, tenant);
    const listed = async () => (await owner.get(`/api/tenants/${tenant.id}/api-tokens`)).json().items[0];
    expect((await listed()).abilities['apiToken.revoke']).toBe(true);
    expect((await owner.delete(`/api/tenants/${tenant.id}/api-tokens/${token.id}`)).statusCode).toBe(204);
    expect((await listed()).abilities['apiToken.revoke']).toBe(false);
    expect((await owner.delete(`/api/tenants/${tenant.id}/api-tokens/${token.id}`)).json()).toMatchObject({ code: 'api_token_revoked' });
  });

  it('the tenant detail carries tenant-wide abilities per role', async () => {
    const tenant = await buildTenant(t.p, { kind: 'certification_body' });
    const reviewer = await as(t.app, await buildMembership(t.p, tenant, 'technical_reviewer'));
    const detail = (await reviewer.get(`/api/tenants/${tenant.id}`)).json();
    expect(detail.abilities).toMatchObject({ 'tenant.read': true, 'tenant.update': false, 'audit.read': true, 'member.invite': false, 'file.upload': false });
  });

  it('catalog: a tenant requiring two-factor authentication hides its custom frameworks from a member without it, in the list and in search too', async () => {
    const tenant = await buildTenant(t.p);
    const owner = await as(t.app, tenant.owner);
    const id = `mfa-scheme-${tenant.id.slice(0, 8)}`;
    const yaml = `framework:
  id: ${id}
  version: "1"
  edition: { en: "MFA scheme 1", fr: "Référentiel MFA 1" }
  publisher: { en: "ACME", fr: "ACME" }
  title: { en: "Scheme behind two-factor", fr: "Référentiel derrière la double authentification" }
  description: { en: "Ours.", fr: "Le nôtre." }
requirements:
  - { ref: "Z9", kind: control, parent: null, title: { en: "Quokka oversight", fr: "Supervision des quokkas" } }
`;
    const imported = await owner.post(`/api/tenants/${tenant.id}/catalog/frameworks/import`, yaml, { 'content-type': 'application/yaml' });
    expect(imported.statusCode, imported.body).toBe(201);
    const listed = async () => ((await owner.get('/api/catalog/frameworks')).json().items as { id: string }[]).map((f) => f.id);
    const found = async () => ((await owner.get('/api/catalog/search?q=quokka')).json().items as { frameworkId: string }[]).map((r) => r.frameworkId);
    expect(await listed()).toContain(id);
    expect(await found()).toContain(id);

    await updateTenant(t.p.db, tenant.id, { require_mfa: true });
    expect(await listed()).not.toContain(id);
    expect(await listed()).toContain('iso-iec-42001-2023');
    expect(await found()).not.toContain(id);
    const tree = await owner.get(`/api/catalog/frameworks/${id}`);
    expect(tree.statusCode).toBe(403);
    expect(tree.json().code).toBe('mfa_required');
    expect((await owner.get(`/api/catalog/frameworks/${id}/requirements/Z9`)).json().code).toBe('mfa_required');

    // Another tenant's member never sees it, whatever its MFA.
    const stranger = await as(t.app, (await buildTenant(t.p)).owner);
    expect((await stranger.get(`/api/catalog/frameworks/${id}`)).statusCode).toBe(404);
  });
});
