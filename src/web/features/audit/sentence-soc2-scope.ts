import type { TSentenceBuilder } from './sentence-parts.ts';

/** SOC 2 subservice organizations, complementary controls (CUECs, CSOCs) and renewals. */
export const soc2ScopeSentence: TSentenceBuilder = (p) => {
  const { t, format, e, before, after, v, vars } = p;
  const day = (d: unknown) => (typeof d === 'string' && d ? (format.date ? format.date(d) : d) : '');
  const tr = (k: string) => t(k as never) as unknown as string;
  const list = (x: unknown) => (Array.isArray(x) && x.length ? x.map(String).join(', ') : tr('common.none'));
  const from = e.action.endsWith('.removed') ? before : after;
  if (e.action.startsWith('soc2_subservice_org.')) {
    Object.assign(vars, {
      reference: v('reference', from),
      name: v('name', from),
      treatment: tr(`soc2Engagements.treatment.${String(from.treatment ?? after.treatment ?? 'carve_out')}`),
      csocs: list(before.csocs),
      names: list(after.names),
    });
    return true;
  }
  if (e.action.startsWith('soc2_complementary_control.')) {
    Object.assign(vars, {
      reference: v('reference', from),
      control: v('controlReference', from),
      criteria: list(from.criteria),
      references: list(after.controlReferences),
    });
    return true;
  }
  if (e.action === 'soc2_examination.renewed') {
    Object.assign(vars, {
      reference: v('reference'),
      next: v('nextReference'),
      period: after.asOfDate
        ? (t('soc2Engagements.asOf' as never, { date: day(after.asOfDate) } as never) as unknown as string)
        : (t('soc2Engagements.period' as never, { start: day(after.periodStart), end: day(after.periodEnd) } as never) as unknown as string),
      tests: format.number(Number(after.tests ?? 0)),
      links: format.number(Number(after.matrixLinks ?? 0)),
    });
    return true;
  }
  return false;
};
