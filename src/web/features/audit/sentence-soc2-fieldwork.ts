import { day, type TSentenceBuilder } from './sentence-parts.ts';

const FIELDWORK = ['soc2_population.', 'soc2_sample.', 'soc2_sample_item.'];

/** SOC 2 fieldwork: populations frozen, samples drawn, item results and test conclusions. */
export const soc2FieldworkSentence: TSentenceBuilder = (p) => {
  const { t, format, e, after, v, vars } = p;
  if (!FIELDWORK.some((f) => e.action.startsWith(f)) && e.action !== 'soc2_test.concluded') return false;
  const result = (r: unknown) => t(`audit.soc2Results.${(typeof r === 'string' ? r : 'pending') as 'pending'}`);
  const sha = typeof after.fileSha256 === 'string' ? after.fileSha256.slice(0, 12) : '';
  Object.assign(vars, {
    examination: v('examinationReference'),
    test: v('testReference'),
    name: v('name'),
    population: v('population'),
    rows: format.number(Number(after.rowCount ?? 0)),
    first: day(format, after.firstDate),
    last: day(format, after.lastDate),
    sha,
    size: format.number(Number(after.size ?? 0)),
    extension: format.number(Number(after.extensionNo ?? 0)),
    seed: v('seed'),
    algorithm: v('algorithm'),
    count: format.number(Number(after.count ?? 0)),
    key: v('key'),
    date: day(format, after.date),
    result: result(after.result),
    conclusion: result(after.conclusion),
  });
  return true;
};
