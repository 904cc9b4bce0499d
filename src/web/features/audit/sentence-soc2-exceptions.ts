import type { TSentenceBuilder } from './sentence-parts.ts';

/** SOC 2 exceptions, management's responses, the end of fieldwork, the engagement partner and the opinion. */
export const soc2ExceptionsSentence: TSentenceBuilder = (p) => {
  const { t, format, e, after, v, vars } = p;
  const tr = (k: string, o?: Record<string, unknown>) => t(k as never, o as never) as unknown as string;
  const common = () => Object.assign(vars, { examination: v('examinationReference'), reference: v('reference') });
  switch (e.action) {
    case 'soc2_exception.raised':
      common();
      Object.assign(vars, {
        test: v('testReference'),
        control: v('controlRef'),
        item: typeof after.sampleItemKey === 'string' ? tr('soc2Testing.audit.item', { key: after.sampleItemKey }) : '',
        description: v('description'),
      });
      return true;
    case 'soc2_exception.updated':
      common();
      return true;
    case 'soc2_exception.responded':
      common();
      vars.evidence = format.number(Number(after.evidence ?? 0));
      return true;
    case 'soc2_exception.concluded':
      common();
      Object.assign(vars, {
        conclusion: tr(`soc2Testing.exception.conclusion.${String(after.conclusion)}`),
        impact: tr(`soc2Testing.exception.impact.${String(after.criterionImpact)}`),
      });
      return true;
    case 'soc2_examination.reporting_started':
      Object.assign(vars, { examination: v('examinationReference'), tests: format.number(Number(after.tests ?? 0)), exceptions: format.number(Number(after.exceptions ?? 0)) });
      return true;
    case 'soc2_examination.partner_named':
      Object.assign(vars, { examination: v('examinationReference'), partner: v('partnerName') });
      return true;
    case 'soc2_opinion.recorded':
      Object.assign(vars, {
        examination: v('examinationReference'),
        opinion: tr(`soc2Testing.opinion.phrase.${String(after.opinion)}`),
        acknowledged: after.warningsAcknowledged === true ? tr('soc2Testing.audit.acknowledged', { count: format.number(Number(after.warnings ?? 0)) }) : '',
      });
      return true;
    default:
      return false;
  }
};
