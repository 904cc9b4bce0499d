import { describe, expect, it } from 'vitest';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { backendAvailable, STRONG_PASSWORD, useTestApp } from '../support/test-app.ts';

/*
 * The web words an error from its code and details, in the reader's language: each refusal a
 * person can meet says precisely what went wrong (not a generic "conflict"), and on which field.
 */
describe.skipIf(!backendAvailable)('specific error codes with structured details', () => {
  const t = useTestApp();

  it('passwords: too short on the field with its limit, too common, the current one wrong or unchanged', async () => {
    const tenant = await buildTenant(t.p);
    const me = await as(t.app, tenant.owner);
    const short = await me.post('/api/me/password', { currentPassword: STRONG_PASSWORD, newPassword: 'Sh0rt!' });
    expect(short.json()).toMatchObject({ code: 'validation_failed', details: [{ field: 'newPassword', issue: 'too_short', limit: 12 }] });
    const common = await me.post('/api/me/password', { currentPassword: STRONG_PASSWORD, newPassword: 'password1234' });
    expect(common.statusCode).toBe(400);
    expect(common.json()).toMatchObject({ code: 'password_too_common', details: { field: 'newPassword' } });
    const wrong = await me.post('/api/me/password', { currentPassword: 'Not-my-password-42', newPassword: 'Lumière-scoring-42' });
    expect(wrong.json()).toMatchObject({ code: 'current_password_wrong', details: { field: 'currentPassword' } });
    const same = await me.post('/api/me/password', { currentPassword: STRONG_PASSWORD, newPassword: STRONG_PASSWORD });
    expect(same.json()).toMatchObject({ code: 'password_unchanged', details: { field: 'newPassword' } });
  });

  it('members and invitations: already a member, a role of the other tenant kind, the owner role reserved, the last owner', async () => {
    const tenant = await buildTenant(t.p);
    const admin = await buildMembership(t.p, tenant, 'admin');
    const owner = await as(t.app, tenant.owner);
    const asAdmin = await as(t.app, admin);
    const invitations = `/api/tenants/${tenant.id}/invitations`;

    expect((await owner.post(invitations, { email: admin.email, role: 'viewer' })).json()).toMatchObject({
      code: 'already_member',
      details: { field: 'email', email: admin.email },
    });
    expect((await owner.post(invitations, { email: 'new@test.example', role: 'auditor' })).json()).toMatchObject({
      code: 'role_not_for_tenant_kind',
      details: { field: 'role', role: 'auditor', kind: 'organization', allowed: ['owner', 'admin', 'contributor', 'viewer'] },
    });
    const reserved = await asAdmin.post(invitations, { email: 'new@test.example', role: 'owner' });
    expect(reserved.statusCode).toBe(403);
    expect(reserved.json()).toMatchObject({ code: 'owner_role_reserved', details: { field: 'role' } });
    expect((await owner.patch(`/api/tenants/${tenant.id}/members/${tenant.owner.id}`, { role: 'admin' })).json()).toMatchObject({
      code: 'last_owner_demoted',
      details: { role: 'owner' },
    });
  });

  it('the role pickers offer only the roles the caller may give', async () => {
    const tenant = await buildTenant(t.p);
    const admin = await buildMembership(t.p, tenant, 'admin');
    const viewer = await buildMembership(t.p, tenant, 'viewer');
    const rolesOf = async (user: typeof admin, tenantId = tenant.id) => (await (await as(t.app, user)).get(`/api/tenants/${tenantId}`)).json().grantableRoles;
    expect(await rolesOf(tenant.owner)).toEqual(['owner', 'admin', 'contributor', 'viewer']);
    expect(await rolesOf(admin)).toEqual(['admin', 'contributor', 'viewer']);
    expect(await rolesOf(viewer)).toEqual([]);
    const body = await buildTenant(t.p, { kind: 'certification_body' });
    expect(await rolesOf(body.owner, body.id)).toEqual(['scheme_manager', 'auditor', 'technical_reviewer', 'decision_maker']);
  });
});
