import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';

/**
 * The sample's size trace in words: which method of the firm set the size (conventional table with
 * its version, percentage with its bounds, fixed size, or an extension after an exception), from
 * which frequency and risk, and whether the population capped it. The trace is the server's record.
 */
export function useSizeTrace() {
  const { t } = useTranslation();
  const format = useFormat();
  return (trace: Record<string, unknown>): string => {
    const n = (k: string) => (typeof trace[k] === 'number' ? format.number(trace[k] as number) : '?');
    /** The raw number, for the plural form. */
    const c = (k: string) => (typeof trace[k] === 'number' ? (trace[k] as number) : 0);
    const s = (k: string) => (typeof trace[k] === 'string' ? (trace[k] as string) : '');
    let text: string;
    switch (trace.method) {
      case 'frequency-table':
        text = t('soc2Testing.work.trace.table', {
          version: s('tableVersion'),
          frequency: t(`soc2Testing.frequency.${s('frequency') || 'annual'}` as 'soc2Testing.frequency.annual'),
          risk: t(`soc2Testing.risk.${s('risk') || 'moderate'}` as 'soc2Testing.risk.moderate'),
          size: n('tableSize'),
          count: c('tableSize'),
        });
        if (trace.priorFailure === true) text += ` ${t('soc2Testing.work.trace.priorFailure')}`;
        if (typeof trace.configurations === 'number' && trace.configurations > 1) text += ` ${t('soc2Testing.work.trace.configurations', { count: trace.configurations })}`;
        break;
      case 'percentage':
        text = t('soc2Testing.work.trace.percentage', { percent: n('percent'), population: n('populationSize'), min: n('min'), max: n('max'), size: n('computed'), count: c('computed') });
        break;
      case 'fixed':
        text = t('soc2Testing.work.trace.fixed', { size: n('requested'), count: c('requested') });
        break;
      case 'extension':
        text = t('soc2Testing.work.trace.extension', { size: n('requested'), count: c('requested') });
        break;
      default:
        text = t('soc2Testing.work.trace.unknown');
    }
    if (trace.cappedByPopulation === true) text += ` ${t('soc2Testing.work.trace.capped', { population: n('populationSize') })}`;
    if (s('policyVersion')) text += ` ${t('soc2Testing.work.trace.policy', { version: s('policyVersion') })}`;
    return text;
  };
}
