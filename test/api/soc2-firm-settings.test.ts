import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SOC2_FEE_PARAMETERS } from '../../src/server/modules/soc2/fees/fee-estimate.ts';
import { getSoc2FirmSettings } from '../../src/server/modules/soc2/firm-settings.ts';
import { ZBodySettings } from '../../src/shared/contracts/intake.ts';
import { DEFAULT_SAMPLE_SIZE_TABLE } from '../../src/shared/contracts/soc2-sampling.ts';
import { buildBody } from '../support/certification-factories.ts';
import { as, buildMembership } from '../support/factories.ts';
import { backendAvailable, createTestApp, type TTestApp } from '../support/test-app.ts';

/*
 * A CPA firm's licence and SOC 2 policies in its body settings: a firm without its complete licence
 * is refused on the missing field, fee parameters and sampling go through their schemas, the delays
 * stay within bounds, fields left out keep what is stored, and the values other services read
 * (`getSoc2FirmSettings`) are the ones saved.
 */
describe.skipIf(!backendAvailable)('SOC 2 firm settings', { timeout: 240_000 }, () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  const LICENCE = { cpaFirm: true, cpaLicenceAuthority: 'New York State Board of Public Accountancy', cpaLicenceNumber: 'CPA-123456', cpaLicenceJurisdiction: 'New York, USA' };

  it('shows the defaults, refuses an incomplete licence and bad policies on their fields, keeps what is left out', async () => {
    const firm = await buildBody(t.p, { name: 'Cabinet Lafayette CPA' });
    const manager = await as(t.app, firm.owner);
    const url = `/api/tenants/${firm.id}/body-settings`;
    const base = { publicSlug: firm.settings.public_slug, legalName: 'Cabinet Lafayette CPA LLP' };

    const initial = ZBodySettings.parse((await manager.get(url)).json());
    expect(initial).toMatchObject({ cpaFirm: false, cpaLicenceNumber: '', soc2FeeParameters: DEFAULT_SOC2_FEE_PARAMETERS, soc2FeeParametersCustom: false, soc2Sampling: { method: 'frequency-table', table: DEFAULT_SAMPLE_SIZE_TABLE }, soc2SamplingCustom: false, soc2ContemporaneityDays: 30, soc2RequestReminderDays: 3, soc2ReaderAccessDays: 365 });

    for (const field of ['cpaLicenceAuthority', 'cpaLicenceNumber', 'cpaLicenceJurisdiction'] as const) {
      const res = await manager.put(url, { ...base, ...LICENCE, [field]: '' });
      expect(res.statusCode, field).toBe(400);
      expect(res.json(), field).toMatchObject({ code: 'cpa_licence_incomplete', details: { field } });
    }
    const badFee = await manager.put(url, { ...base, soc2FeeParameters: { ...DEFAULT_SOC2_FEE_PARAMETERS, dayRateCents: 0 } });
    expect(badFee.statusCode).toBe(400);
    expect(badFee.json()).toMatchObject({ code: 'validation_failed' });
    expect(JSON.stringify(badFee.json().details)).toContain('dayRateCents');
    const badTable = await manager.put(url, { ...base, soc2Sampling: { method: 'frequency-table', table: { ...DEFAULT_SAMPLE_SIZE_TABLE, rows: { ...DEFAULT_SAMPLE_SIZE_TABLE.rows, daily: { lower: 40, moderate: 25, higher: 25 } } } } });
    expect(badTable.statusCode).toBe(400);
    expect((await manager.put(url, { ...base, soc2Sampling: { method: 'percentage', version: 'v1', percent: 10, min: 30, max: 20 } })).statusCode).toBe(400);
    for (const [field, value] of [['soc2ContemporaneityDays', 0], ['soc2RequestReminderDays', 61], ['soc2ReaderAccessDays', 1096]] as const) {
      expect((await manager.put(url, { ...base, [field]: value })).statusCode, field).toBe(400);
    }
    // Nothing refused was kept.
    expect((await getSoc2FirmSettings(t.p.db, firm.id)).licensed).toBe(false);

    const fee = { ...DEFAULT_SOC2_FEE_PARAMETERS, version: 2, dayRateCents: 140_000 };
    const sampling = { method: 'percentage', version: 'lafayette-2026', percent: 10, min: 25, max: 60 } as const;
    const saved = await manager.put(url, { ...base, ...LICENCE, soc2FeeParameters: fee, soc2Sampling: sampling, soc2ContemporaneityDays: 14, soc2RequestReminderDays: 0, soc2ReaderAccessDays: 180 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(ZBodySettings.parse(saved.json())).toMatchObject({ ...LICENCE, soc2FeeParameters: fee, soc2FeeParametersCustom: true, soc2Sampling: sampling, soc2SamplingCustom: true, soc2ContemporaneityDays: 14 });
    expect(await getSoc2FirmSettings(t.p.db, firm.id)).toEqual({
      licensed: true,
      licence: { authority: LICENCE.cpaLicenceAuthority, number: 'CPA-123456', jurisdiction: 'New York, USA' },
      feeParameters: fee,
      feeParametersCustom: true,
      sampling,
      samplingCustom: true,
      contemporaneityDays: 14,
      requestReminderDays: 0,
      readerAccessDays: 180,
    });

    // The certification page's save (no SOC 2 fields) keeps the licence and the policies.
    expect((await manager.put(url, { ...base, coolingOffMonths: 12 })).statusCode).toBe(200);
    expect(await getSoc2FirmSettings(t.p.db, firm.id)).toMatchObject({ licensed: true, feeParameters: fee, readerAccessDays: 180 });
    // null goes back to the defaults; no longer a CPA firm clears the licence.
    const reset = ZBodySettings.parse((await manager.put(url, { ...base, cpaFirm: false, soc2FeeParameters: null, soc2Sampling: null })).json());
    expect(reset).toMatchObject({ cpaFirm: false, cpaLicenceAuthority: '', cpaLicenceNumber: '', soc2FeeParameters: DEFAULT_SOC2_FEE_PARAMETERS, soc2FeeParametersCustom: false, soc2SamplingCustom: false });

    const events = await t.p.db.selectFrom('audit_events').select(['summary']).where('tenant_id', '=', firm.id).where('action', '=', 'body_settings.updated').orderBy('seq').execute();
    expect(events.map((e) => Object.keys(e.summary.after ?? {}).sort())).toEqual([
      ['address', 'cpaFirm', 'cpaLicenceAuthority', 'cpaLicenceJurisdiction', 'cpaLicenceNumber', 'legalName', 'soc2ContemporaneityDays', 'soc2FeeParameters', 'soc2ReaderAccessDays', 'soc2RequestReminderDays', 'soc2Sampling'],
      ['coolingOffMonths'],
      // The certification fields are the whole set each time: coolingOffMonths went back to its default.
      ['coolingOffMonths', 'cpaFirm', 'cpaLicenceAuthority', 'cpaLicenceJurisdiction', 'cpaLicenceNumber', 'soc2FeeParameters', 'soc2Sampling'],
    ]);
  });

  it('is the firm’s own: a member who only reads cannot change it, another tenant gets 404', async () => {
    const firm = await buildBody(t.p);
    const url = `/api/tenants/${firm.id}/body-settings`;
    const body = { publicSlug: firm.settings.public_slug, legalName: 'Firm LLP', ...LICENCE };
    const viewer = await as(t.app, await buildMembership(t.p, firm, 'technical_reviewer'));
    expect(ZBodySettings.parse((await viewer.get(url)).json()).abilities['bodySettings.update']).toBe(false);
    expect((await viewer.put(url, body)).statusCode).toBe(403);
    const other = await buildBody(t.p);
    const outsider = await as(t.app, other.owner);
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await outsider.put(url, body)).statusCode).toBe(404);
    expect((await getSoc2FirmSettings(t.p.db, firm.id)).licensed).toBe(false);
  });
});
