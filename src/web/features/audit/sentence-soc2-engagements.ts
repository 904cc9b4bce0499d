import type { TSentenceBuilder } from './sentence-parts.ts';

/** SOC 2 examinations, their scope and management's system description. */
export const soc2EngagementsSentence: TSentenceBuilder = (p) => {
  const { t, format, e, after, v, vars } = p;
  const day = (d: unknown) => (typeof d === 'string' && d ? (format.date ? format.date(d) : d) : '');
  const tr = (k: string) => t(k as never) as unknown as string;
  switch (e.action) {
    case 'soc2_examination.opened':
      Object.assign(vars, {
        reference: v('reference'),
        firm: v('firmName'),
        organization: v('organizationName'),
        reportType: tr(`soc2Engagements.reportType.${String(after.reportType ?? 'type2')}`),
        period: after.asOfDate
          ? (t('soc2Engagements.asOf' as never, { date: day(after.asOfDate) } as never) as unknown as string)
          : (t('soc2Engagements.period' as never, { start: day(after.periodStart), end: day(after.periodEnd) } as never) as unknown as string),
      });
      return true;
    case 'soc2_examination.scope_updated':
      Object.assign(vars, { reference: v('reference'), fields: Object.keys(after).filter((k) => !['reference', 'engagementId', 'firmName', 'organizationName'].includes(k)).map((k) => tr(`soc2Engagements.scopeField.${k}`)).join(', ') });
      return true;
    case 'soc2_examination.scope_confirmed':
      vars.reference = v('reference');
      return true;
    case 'soc2_description.saved':
      Object.assign(vars, {
        reference: v('reference'),
        firm: v('firmName'),
        organization: v('organizationName'),
        version: format.number(Number(after.version ?? 0)),
        sections:
          [...(Array.isArray(after.sections) ? after.sections : []).map((s) => tr(`soc2Engagements.section.${String(s)}`)), ...(after.assertion === true ? [tr('soc2Engagements.section.assertion')] : [])].join(', ') ||
          tr('common.none'),
      });
      return true;
    case 'soc2_description.signed_off':
      Object.assign(vars, {
        reference: v('reference'),
        version: format.number(Number(after.version ?? 0)),
        name: v('name'),
        title: v('title'),
        sha: String(after.contentSha256 ?? '').slice(0, 12),
      });
      return true;
    default:
      return false;
  }
};
