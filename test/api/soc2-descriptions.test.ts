import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ZSoc2Description, type TSoc2Description } from '../../src/shared/contracts/soc2-descriptions.ts';
import { SOC2_DESCRIPTION_SECTIONS } from '../../src/shared/contracts/soc2.ts';
import { canonicalContent } from '../../src/server/modules/soc2/descriptions/description-content.ts';
import { as, buildMembership } from '../support/factories.ts';
import { createSoc2Examination } from '../support/soc2-factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * Management's system description through the API: written by the organization (partial saves),
 * signed off by an owner with name and title on the hash it read, frozen; writing again starts the
 * next version and the previous signed one is superseded only when the next is signed. The firm
 * reads every version; a viewer writes nothing; another tenant gets 404; both logs record it.
 */
describe.skipIf(!backendAvailable)('SOC 2 system description', { timeout: 240_000 }, () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' });
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  const full = Object.fromEntries(SOC2_DESCRIPTION_SECTIONS.map((s) => [s, `Section ${s} de Lumière Crédit.`]));

  it('drafts, signs off, starts version 2, supersedes version 1 on its sign-off', async () => {
    const { firm, organization, examination } = await createSoc2Examination(t);
    const owner = await as(t.app, organization.owner);
    const contributor = await as(t.app, await buildMembership(t.p, organization, 'contributor'));
    const viewer = await as(t.app, await buildMembership(t.p, organization, 'viewer'));
    const url = `/api/tenants/${organization.id}/soc2/org-examinations/${examination.id}/description`;
    const read = async (c = owner): Promise<TSoc2Description> => ZSoc2Description.parse((await c.get(url)).json());

    expect((await read()).versions).toEqual([]);
    expect((await viewer.put(url, { sections: { services: 'x' } })).statusCode).toBe(403);
    const first = ZSoc2Description.parse((await contributor.put(url, { sections: { services: full.services } })).json());
    expect(first.versions).toHaveLength(1);
    expect(first.versions[0]).toMatchObject({ version: 1, state: 'draft', signedOff: null });
    expect(first.versions[0]!.sections.services).toBe(full.services);
    expect(first.abilities).toEqual({ 'soc2Description.write': true, 'soc2Description.signOff': false });

    // Incomplete: refused with what is missing.
    const sha1 = first.versions[0]!.contentSha256;
    const incomplete = await owner.post(`${url}/sign-off`, { name: 'Claire Martin', title: 'Directrice générale', contentSha256: sha1 });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json()).toMatchObject({ code: 'soc2_description_incomplete' });
    expect(incomplete.json().details.missing).toContain('assertion');

    const complete = ZSoc2Description.parse((await contributor.put(url, { sections: full, assertion: 'Nous avons préparé la description ci-jointe.' })).json());
    const draft = complete.versions[0]!;
    expect(draft.version).toBe(1);
    expect(draft.contentSha256).toBe(createHash('sha256').update(canonicalContent(full, 'Nous avons préparé la description ci-jointe.')).digest('hex'));
    // A contributor cannot sign off; a stale hash is refused.
    expect((await contributor.post(`${url}/sign-off`, { name: 'X', title: 'Y', contentSha256: draft.contentSha256 })).statusCode).toBe(403);
    expect((await owner.post(`${url}/sign-off`, { name: 'Claire Martin', title: 'CEO', contentSha256: sha1 })).json().code).toBe('soc2_description_changed');

    const signed = ZSoc2Description.parse((await owner.post(`${url}/sign-off`, { name: 'Claire Martin', title: 'Directrice générale', contentSha256: draft.contentSha256 })).json());
    expect(signed.versions[0]).toMatchObject({ version: 1, state: 'signed_off', contentSha256: draft.contentSha256, signedOff: { name: 'Claire Martin', title: 'Directrice générale', by: { id: organization.owner.id } } });
    expect((await owner.post(`${url}/sign-off`, { name: 'Claire Martin', title: 'CEO', contentSha256: draft.contentSha256 })).json().code).toBe('soc2_description_signed_off');

    // Editing again starts version 2 from version 1's text; version 1 stays signed until 2 is.
    const v2 = ZSoc2Description.parse((await contributor.put(url, { sections: { changes: 'Migration du entrepôt de données en mars.' } })).json());
    expect(v2.versions.map((v) => [v.version, v.state])).toEqual([
      [2, 'draft'],
      [1, 'signed_off'],
    ]);
    expect(v2.versions[0]!.sections.services).toBe(full.services);
    expect(v2.versions[1]!.contentSha256).toBe(draft.contentSha256);
    const after = ZSoc2Description.parse((await owner.post(`${url}/sign-off`, { name: 'Claire Martin', title: 'Directrice générale', contentSha256: v2.versions[0]!.contentSha256 })).json());
    expect(after.versions.map((v) => [v.version, v.state])).toEqual([
      [2, 'signed_off'],
      [1, 'superseded'],
    ]);

    // The firm reads every version; another organization gets 404.
    const manager = await as(t.app, firm.owner);
    const firmView = ZSoc2Description.parse((await manager.get(`/api/tenants/${firm.id}/soc2/examinations/${examination.id}/description`)).json());
    expect(firmView.versions).toHaveLength(2);
    expect(firmView.abilities).toEqual({ 'soc2Description.write': false, 'soc2Description.signOff': false });
    const other = await createSoc2Examination(t);
    const otherOwner = await as(t.app, other.organization.owner);
    expect((await otherOwner.get(url.replace(organization.id, other.organization.id))).statusCode).toBe(404);
    expect((await otherOwner.put(url.replace(organization.id, other.organization.id), { sections: {} })).statusCode).toBe(404);

    for (const tenantId of [firm.id, organization.id]) {
      const events = await t.p.db.selectFrom('audit_events').select('action').where('tenant_id', '=', tenantId).where('action', 'like', 'soc2_description.%').execute();
      expect(events.filter((e) => e.action === 'soc2_description.signed_off')).toHaveLength(2);
      expect(events.filter((e) => e.action === 'soc2_description.saved')).toHaveLength(3);
    }
  });
});
