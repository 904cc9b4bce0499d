import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as accounts from '../../src/shared/contracts/accounts.ts';
import * as aiSystems from '../../src/shared/contracts/ai-systems.ts';
import * as apiTokens from '../../src/shared/contracts/api-tokens.ts';
import * as audit from '../../src/shared/contracts/audit.ts';
import * as catalog from '../../src/shared/contracts/catalog.ts';
import * as risks from '../../src/shared/contracts/risks.ts';
import { ZErrorBody } from '../../src/shared/contracts/errors.ts';
import { ZFile } from '../../src/shared/contracts/files.ts';
import * as tenants from '../../src/shared/contracts/tenants.ts';
import { invitationToken } from '../../src/server/modules/tenants/invitations-service.ts';
import { backendAvailable, createClient, createTestApp, createUser, signIn, STRONG_PASSWORD, uniqueEmail, type TTestApp } from '../support/test-app.ts';

/**
 * Each body must parse with its shared schema AND parse to itself: a field the server adds or
 * renames without the contract (the web would never see it typed) fails as surely as a missing one.
 * `/api/me`, the catalog tree and the two AIMS lists (inventory, risk register) skip run-time
 * response validation for speed, so only this guards them.
 */
function expectContract<S extends z.ZodType>(res: LightMyRequestResponse, status: number, schema: S): z.infer<S> {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? [], `${res.raw.req.url}`).toEqual([]);
  expect(parsed.data).toEqual(body);
  return parsed.data as z.infer<S>;
}

describe.skipIf(!backendAvailable)('responses match the shared contracts', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('accounts: setup status, sign-in, /api/me, profile, sessions, MFA enrolment', async () => {
    const anon = createClient(t.app);
    expectContract(await anon.get('/api/setup/status'), 200, accounts.ZSetupStatus);
    const user = await createUser(t.p);
    const c = createClient(t.app);
    expectContract(await c.post('/api/auth/login', { email: user.email, password: user.password }), 200, accounts.ZLoginResponse);
    await c.post('/api/tenants', { name: 'Contrats SAS', kind: 'organization' });
    const me = expectContract(await c.get('/api/me'), 200, accounts.ZMeResponse);
    expect(me.memberships).toHaveLength(1);
    expect(me.memberships[0]!.abilities['member.invite']).toBe(true);
    expectContract(await c.patch('/api/me', { name: 'Camille Durand', locale: 'fr' }), 200, accounts.ZUserResponse);
    expectContract(await c.get('/api/me/sessions'), 200, accounts.ZSessionList);
    expectContract(await c.post('/api/me/mfa/enrol'), 200, accounts.ZMfaEnrolResponse);
    expectContract(await c.get('/api/auth/csrf'), 200, accounts.ZCsrfResponse);
  });

  it('tenants, members and invitations, through acceptance', async () => {
    const owner = await signIn(t.app, await createUser(t.p));
    const { tenant } = expectContract(await owner.post('/api/tenants', { name: 'Lumière Crédit', kind: 'organization' }), 201, tenants.ZCreatedTenant);
    expect(tenant.abilities['tenant.update']).toBe(true);
    expectContract(await owner.get('/api/tenants'), 200, tenants.ZTenantList);
    expectContract(await owner.get(`/api/tenants/${tenant.id}`), 200, tenants.ZTenantDetail);
    expectContract(await owner.patch(`/api/tenants/${tenant.id}`, { name: 'Lumière Crédit SAS' }), 200, tenants.ZTenantDetail);
    expectContract(await owner.get(`/api/tenants/${tenant.id}/members`), 200, tenants.ZMemberList);
    const email = uniqueEmail('invitee');
    const { invitation } = expectContract(await owner.post(`/api/tenants/${tenant.id}/invitations`, { email, role: 'viewer', locale: 'fr' }), 201, tenants.ZCreatedInvitation);
    expectContract(await owner.get(`/api/tenants/${tenant.id}/invitations`), 200, tenants.ZInvitationList);

    const row = await t.p.db.selectFrom('invitations').select(['expires_at']).where('tenant_id', '=', tenant.id).where('id', '=', invitation.id).executeTakeFirstOrThrow();
    const token = invitationToken(t.p.secretKey, tenant.id, invitation.id, row.expires_at);
    const guest = createClient(t.app);
    expectContract(await guest.get(`/api/invitations/${token}`), 200, tenants.ZInvitationPreview);
    expectContract(await guest.post(`/api/invitations/${token}/accept`, { name: 'Inès Martin', password: STRONG_PASSWORD }), 200, tenants.ZAcceptedInvitation);
  });

  it('API tokens, audit events, files', async () => {
    const owner = await signIn(t.app, await createUser(t.p));
    const { tenant } = (await owner.post('/api/tenants', { name: 'Preuves SAS', kind: 'organization' })).json() as tenants.TCreatedTenant;
    expectContract(await owner.post(`/api/tenants/${tenant.id}/api-tokens`, { name: 'CI runner', role: 'viewer', expiresInDays: 30 }), 201, apiTokens.ZCreatedApiToken);
    expectContract(await owner.get(`/api/tenants/${tenant.id}/api-tokens`), 200, apiTokens.ZApiTokenList);
    const page = expectContract(await owner.get(`/api/tenants/${tenant.id}/audit-events`), 200, audit.ZAuditPage);
    expect(page.items.length).toBeGreaterThan(0);
    expectContract(await owner.get(`/api/tenants/${tenant.id}/audit-events/${page.items[0]!.id}`), 200, audit.ZAuditEvent);
    expectContract(await owner.get(`/api/tenants/${tenant.id}/audit-events/verify`), 200, audit.ZAuditVerify);
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/tenants/${tenant.id}/files?filename=policy.txt`,
      payload: 'Politique IA',
      headers: { 'content-type': 'text/plain', cookie: [...owner.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': owner.jar.get('attest_csrf')! },
      remoteAddress: owner.ip,
    });
    const file = expectContract(upload, 201, ZFile);
    expectContract(await owner.get(`/api/tenants/${tenant.id}/files/${file.id}`), 200, ZFile);
  });

  it('catalog: frameworks, tree, requirement, search', async () => {
    const c = await signIn(t.app, await createUser(t.p));
    const list = expectContract(await c.get('/api/catalog/frameworks'), 200, catalog.ZFrameworkList);
    const iso = list.items.find((f) => f.id === 'iso-iec-42001-2023')!;
    const tree = expectContract(await c.get(`/api/catalog/frameworks/${iso.id}`), 200, catalog.ZFrameworkTree);
    expectContract(await c.get(`/api/catalog/frameworks/${iso.id}/requirements/${encodeURIComponent(tree.requirements[0]!.ref)}`), 200, catalog.ZRequirementDetail);
    expectContract(await c.get('/api/catalog/search?q=risk'), 200, catalog.ZSearchResults);
  });

  it('AIMS lists: the inventory and the risk register pages, with null and filled fields', async () => {
    const owner = await signIn(t.app, await createUser(t.p));
    const { tenant } = (await owner.post('/api/tenants', { name: 'Registre SAS', kind: 'organization' })).json() as tenants.TCreatedTenant;
    const T = `/api/tenants/${tenant.id}`;
    const me = (await owner.get('/api/me')).json() as accounts.TMeResponse;
    const credit = (await owner.post(`${T}/ai-systems`, { name: 'Credit scoring', lifecycleStage: 'deployed', roles: ['provider'], businessOwnerId: me.user.id, bomRef: 'pkg:x/credit@1', supplier: 'In-house' })).json() as aiSystems.TAiSystem;
    await owner.post(`${T}/ai-systems`, { name: 'Chatbot', lifecycleStage: 'retired' });
    expect((await owner.post(`${T}/ai-systems/${credit.id}/classifications`, { answers: { annexIIIRef: 'Annex III(5)(b)', profiling: true } })).statusCode).toBe(201);
    const inventory = expectContract(await owner.get(`${T}/ai-systems`), 200, aiSystems.ZAiSystemPage);
    expect(inventory.items.map((i) => [i.name, i.classification?.tier ?? null, i.businessOwner?.id ?? null, i.abilities['aiSystem.update']])).toEqual([
      ['Chatbot', null, null, false],
      ['Credit scoring', 'high-risk', me.user.id, true],
    ]);
    expectContract(await owner.get(`${T}/ai-systems/${credit.id}`), 200, aiSystems.ZAiSystem);
    const base = { source: 'ai_system', inherentLikelihood: 4, inherentImpact: 4, treatment: 'mitigate' };
    expect((await owner.post(`${T}/risks`, { ...base, title: 'Drift', aiSystemIds: [credit.id], ownerId: me.user.id, residualLikelihood: 2, residualImpact: 2, reviewDate: '2026-01-31' })).statusCode).toBe(201);
    expect((await owner.post(`${T}/risks`, { ...base, title: 'Bias', source: 'process' })).statusCode).toBe(201);
    const register = expectContract(await owner.get(`${T}/risks?levelOf=inherent&level=high`), 200, risks.ZRiskList);
    expect(register.items.map((r) => [r.title, r.residual?.score ?? null, r.aiSystems.length, r.owner?.id ?? null])).toEqual([
      ['Bias', null, 0, null],
      ['Drift', 4, 1, me.user.id],
    ]);
  });

  it('errors: every error body has a known code', async () => {
    const c = createClient(t.app);
    expectContract(await c.get('/api/me'), 401, ZErrorBody);
    expectContract(await c.post('/api/auth/login', { email: 'not-an-address', password: 'x' }), 400, ZErrorBody);
    expectContract(await c.get('/api/nowhere'), 404, ZErrorBody);
  });
});
