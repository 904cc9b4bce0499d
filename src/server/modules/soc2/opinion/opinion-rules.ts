import type { TSoc2CriterionImpact, TSoc2ExceptionConclusion, TSoc2Opinion } from '../../../../shared/contracts/soc2.ts';
import { AppError } from '../../../platform/errors/errors.ts';

/*
 * The opinion's rules, pure (facts sheet, "Opinion types"). An unmodified opinion may still list
 * exceptions, but an exception concluded systematic, or one that leaves its criterion not met or
 * only partly met, makes it doubtful; so does a criterion that no tested control addresses. The
 * partner may still record it, acknowledging the warnings (kept in the audit event). Every other
 * opinion states its basis.
 */

export type TWarningFacts = {
  exceptions: { conclusion: TSoc2ExceptionConclusion | null; criterionImpact: TSoc2CriterionImpact | null }[];
};

/** An exception that makes an unmodified opinion doubtful. */
export const isDoubtful = (e: { conclusion: TSoc2ExceptionConclusion | null; criterionImpact: TSoc2CriterionImpact | null }) =>
  e.conclusion === 'systematic' || e.criterionImpact === 'partial' || e.criterionImpact === 'not_met';

/** Applicable criteria none of whose accepted controls has a concluded test, in the order given. */
export function untestedCriteria(criteria: readonly string[], links: readonly { criterionRef: string; controlId: string }[], concludedControls: ReadonlySet<string>): string[] {
  const tested = new Set(links.filter((l) => concludedControls.has(l.controlId)).map((l) => l.criterionRef));
  return criteria.filter((c) => !tested.has(c));
}

/** Refuses an opinion without its basis, or an unmodified one over unacknowledged warnings. */
export function checkOpinion(body: { opinion: TSoc2Opinion; basis: string; acknowledgeWarnings: boolean }, warnings: number) {
  if (body.opinion !== 'unmodified' && !body.basis.trim())
    throw new AppError(400, 'soc2_opinion_basis_required', `A ${body.opinion} opinion states its basis.`, [{ field: 'basis', issue: 'required', message: 'State the basis for this opinion.' }]);
  if (body.opinion === 'unmodified' && warnings > 0 && !body.acknowledgeWarnings)
    throw new AppError(409, 'soc2_opinion_warnings', `${warnings} warnings make an unmodified opinion doubtful: review them and acknowledge them to record it.`, { warnings, field: 'acknowledgeWarnings' });
}

type TFacts = {
  criteria: readonly string[];
  links: readonly { criterionRef: string; controlId: string }[];
  tests: readonly { id: string; reference: string; controlId: string; controlRef: string; conclusion: string; exceptions: number }[];
  exceptions: readonly { id: string; reference: string; testReference: string; controlId: string; controlRef: string; conclusion: TSoc2ExceptionConclusion | null; criterionImpact: TSoc2CriterionImpact | null }[];
};

/** The opinion's warnings from the examination's facts (opinion-repo `examinationFacts`). */
export function opinionWarnings(examinationId: string, f: TFacts) {
  const criteriaOf = (controlId: string) => [...new Set(f.links.filter((l) => l.controlId === controlId).map((l) => l.criterionRef))].sort();
  const doubtfulExceptions = f.exceptions
    .filter(isDoubtful)
    .map((e) => ({ id: e.id, reference: e.reference, testReference: e.testReference, controlRef: e.controlRef, criteria: criteriaOf(e.controlId), conclusion: e.conclusion!, criterionImpact: e.criterionImpact! }));
  const concluded = new Set(f.tests.filter((t) => t.conclusion !== 'pending').map((t) => t.controlId));
  const untested = untestedCriteria(f.criteria, f.links, concluded);
  const unconcludedTests = f.tests.filter((t) => t.exceptions > 0 && t.conclusion === 'pending').map((t) => ({ id: t.id, reference: t.reference, controlRef: t.controlRef, exceptions: t.exceptions }));
  return { examinationId, count: doubtfulExceptions.length + untested.length + unconcludedTests.length, doubtfulExceptions, untestedCriteria: untested, unconcludedTests };
}
