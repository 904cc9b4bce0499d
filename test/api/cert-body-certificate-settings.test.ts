import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll } from '../../src/server/modules/certification/proposals/proposal-common.ts';
import { createTestClock } from '../../src/server/platform/clock/clock.ts';
import { ZBodySettings } from '../../src/shared/contracts/intake.ts';
import { buildBody, buildEngagement, buildIssuedCertificate } from '../support/certification-factories.ts';
import { as, buildMembership, buildTenant } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

async function pdfText(bytes: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/*
 * What the body's settings put on its certificates: the numbering pattern (checked so that a number
 * is one segment of the register's address) and the accreditation (ISO/IEC 17021-1 8.2: named with
 * its body and number when there is one, never when there is none, in the PDFs, the credential and
 * the public register). Issued certificates keep their
 * number and their PDFs; a change reaches the next certificate only.
 */
describe.skipIf(!backendAvailable)('body settings for certificates', { timeout: 240_000 }, () => {
  let t: TTestApp;
  const clock = createTestClock(new Date('2026-11-23T09:00:00Z'));
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://attest.example' });
    t.p.clock = clock;
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  const docText = async (c: { documents: unknown }, lang: 'en' | 'fr') => pdfText(await readAll((await t.p.blobs.get((c.documents as Record<string, { sha256: string }>)[lang]!.sha256))!));

  it('refuses a pattern that cannot make a number of the register’s address, and an accreditation without its body and number', async () => {
    const body = await buildBody(t.p, { name: 'Vérité Certification' });
    const manager = await as(t.app, body.owner);
    const url = `/api/tenants/${body.id}/body-settings`;
    const base = { publicSlug: body.settings.public_slug, legalName: 'Vérité Certification SAS' };

    for (const [pattern, problem] of [
      ['{BODY}/42001/{SEQ:4}', 'bad_literal'],
      ['AIMS {YYYY}-{SEQ:5}', 'bad_literal'],
      ['AIMS-%{SEQ:5}', 'bad_literal'],
      ['AIMS-{YYYY}', 'no_sequence'],
      ['AIMS-{SEQ:2}', 'sequence_width'],
      ['AIMS-{MONTH}-{SEQ:4}', 'unknown_token'],
    ] as const) {
      const res = await manager.put(url, { ...base, certificateNumberPattern: pattern });
      expect(res.statusCode, pattern).toBe(400);
      expect(res.json(), pattern).toMatchObject({ code: 'cert_number_pattern_invalid', details: { field: 'certificateNumberPattern', problem } });
    }
    const incomplete = await manager.put(url, { ...base, accredited: true, accreditationBody: 'COFRAC' });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json()).toMatchObject({ code: 'accreditation_incomplete', details: { field: 'accreditationNumber' } });
    expect((await manager.put(url, { ...base, accredited: true, accreditationNumber: '4-0123' })).json()).toMatchObject({ code: 'accreditation_incomplete', details: { field: 'accreditationBody' } });
    // Nothing of the refused saves was kept.
    const row = await t.p.db.selectFrom('body_settings').select(['certificate_number_pattern', 'accredited']).where('tenant_id', '=', body.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ certificate_number_pattern: 'AIMS-{YYYY}-{SEQ:5}', accredited: false });

    // An auditor reads them and cannot change them; another body's manager does not see them.
    const auditor = await as(t.app, await buildMembership(t.p, body, 'auditor'));
    expect(ZBodySettings.parse((await auditor.get(url)).json())).toMatchObject({ certificateNumberPattern: 'AIMS-{YYYY}-{SEQ:5}', accredited: false, accreditationBody: '', abilities: { 'bodySettings.update': false } });
    expect((await auditor.put(url, { ...base, certificateNumberPattern: 'VC-{SEQ:4}' })).statusCode).toBe(403);
    const other = await buildBody(t.p);
    expect((await (await as(t.app, other.owner)).put(url, { ...base, certificateNumberPattern: 'VC-{SEQ:4}' })).statusCode).toBe(404);
  });

  it('numbers and marks new certificates from the settings; issued certificates keep their number, PDFs and revision line', async () => {
    const body = await buildBody(t.p, { name: 'Vérité Certification' });
    const manager = await as(t.app, body.owner);
    const url = `/api/tenants/${body.id}/body-settings`;
    const base = { publicSlug: body.settings.public_slug, legalName: body.settings.legal_name, address: body.settings.address };

    const saved = await manager.put(url, { ...base, certificateNumberPattern: 'VC-{YY}.{SEQ:4}', accredited: true, accreditationBody: 'COFRAC', accreditationNumber: '4-0123' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(ZBodySettings.parse(saved.json())).toMatchObject({ certificateNumberPattern: 'VC-{YY}.{SEQ:4}', accredited: true, accreditationBody: 'COFRAC', accreditationNumber: '4-0123' });

    const org = await buildTenant(t.p, { name: 'Lumière Crédit' });
    const built = await buildEngagement(t.p, body, org);
    const { certificate: first } = await buildIssuedCertificate(t.p, body, built);
    expect(first.number).toBe('VC-26.0001');
    expect(await docText(first, 'en')).toContain('COFRAC, no. 4-0123');
    expect(await docText(first, 'fr')).toContain('COFRAC, nº 4-0123');
    const vc = first.credential as { credentialSubject: { assessmentLevel: string; authorisation?: { identifier: string }[] } };
    expect(vc.credentialSubject.assessmentLevel).toBe('accredited');
    expect(vc.credentialSubject.authorisation?.[0]?.identifier).toBe('4-0123');
    const registered = async (n: string) => (await t.app.inject(`/api/register/certificates/${n}`)).json().body;
    expect(await registered(first.number)).toMatchObject({ accreditation: { body: 'COFRAC', number: '4-0123' } });

    // The body loses its accreditation and changes its numbering.
    const changed = await manager.put(url, { ...base, certificateNumberPattern: 'AIMS-{YYYY}-{SEQ:5}', accredited: false, accreditationBody: 'COFRAC', accreditationNumber: '4-0123' });
    expect(changed.json()).toMatchObject({ certificateNumberPattern: 'AIMS-{YYYY}-{SEQ:5}', accredited: false, accreditationBody: '', accreditationNumber: '' });
    const events = await t.p.db.selectFrom('audit_events').select(['summary']).where('tenant_id', '=', body.id).where('action', '=', 'body_settings.updated').orderBy('seq').execute();
    expect(events).toHaveLength(2);
    expect(events[1]!.summary).toEqual({
      before: { certificateNumberPattern: 'VC-{YY}.{SEQ:4}', accredited: true, accreditationBody: 'COFRAC', accreditationNumber: '4-0123' },
      after: { certificateNumberPattern: 'AIMS-{YYYY}-{SEQ:5}', accredited: false, accreditationBody: '', accreditationNumber: '' },
    });

    // The certificate already issued is unchanged: its number, its stored PDFs.
    const kept = await t.p.db.selectFrom('certificates').select(['number', 'documents']).where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(kept).toEqual({ number: 'VC-26.0001', documents: first.documents });

    // Its next revision keeps the number, and states the body's accreditation as it now is.
    clock.set(new Date('2027-03-01T09:00:00Z'));
    try {
      const { certificate: revised } = await buildIssuedCertificate(t.p, body, built, { kind: 'extend_scope', scope: { en: 'Credit scoring and fraud detection', fr: 'Notation de crédit et détection de fraude' } });
      expect(revised).toMatchObject({ number: 'VC-26.0001', revision: 1 });
      const en = await docText(revised, 'en');
      expect(en).toContain('not accredited for this scheme');
      expect(en).not.toContain('COFRAC');
      // The register states what the current revision states.
      expect((await registered('VC-26.0001')).accreditation).toBeNull();

      // A new certificate takes the new pattern; a body that is not accredited shows no accreditation anywhere.
      const built2 = await buildEngagement(t.p, body, await buildTenant(t.p, { name: 'Banque Horizon' }));
      const { certificate: second } = await buildIssuedCertificate(t.p, body, built2);
      expect(second.number).toMatch(/^AIMS-2027-\d{5}$/);
      const fr = await docText(second, 'fr');
      expect(fr).toContain('non accrédité pour ce schéma');
      expect(fr).not.toContain('COFRAC');
      const vc2 = second.credential as { credentialSubject: { assessmentLevel: string; authorisation?: unknown } };
      expect(vc2.credentialSubject.assessmentLevel).toBe('unspecified');
      expect(vc2.credentialSubject.authorisation).toEqual([]);
    } finally {
      clock.set(new Date('2026-11-23T09:00:00Z'));
    }
  });
});
