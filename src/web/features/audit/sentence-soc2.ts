import type { TSentenceBuilder } from './sentence-parts.ts';

/** SOC 2 audit programme: matrix, test procedures, fieldwork and the information request list. */
export const soc2Sentence: TSentenceBuilder = (p) => {
  const { format, e, before, after, v, vars } = p;
  if (!e.action.startsWith('soc2_matrix.') && !e.action.startsWith('soc2_test.') && !e.action.startsWith('soc2_request.') && e.action !== 'soc2_examination.fieldwork_started') return false;
  const from = e.action.endsWith('.deleted') || e.action === 'soc2_matrix.unlinked' ? before : after;
  Object.assign(vars, {
    examination: v('examinationReference', from),
    criterion: v('criterionRef', from),
    control: v('controlRef', from),
    reference: v('reference', from),
    reason: v('reason'),
    count: format.number(Number(after.count ?? 0)),
    criteria: format.number(Number(after.criteria ?? 0)),
    tests: format.number(Number(after.tests ?? 0)),
  });
  return true;
};
