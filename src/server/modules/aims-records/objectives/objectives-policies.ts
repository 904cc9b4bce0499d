import type { TObjectiveStatus } from '../../../../shared/contracts/aims-records-context.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../../platform/authz/role-sets.ts';
import { AppError } from '../../../platform/errors/errors.ts';

/*
 * AI objectives (6.2): every member reads, a viewer changes nothing. A cancelled objective keeps
 * its results as they are: results are refused until it is made active again.
 */
export type TObjectiveSubject = { status: TObjectiveStatus };
const objective = rulesFor<TObjectiveSubject>()('aimsObjective');

export const OBJECTIVE_POLICIES = [
  objective.allow(ORG_MEMBERS, 'aimsObjective.read'),
  objective.allow(ORG_WRITERS, 'aimsObjective.create'),
  objective.allow(ORG_WRITERS, 'aimsObjective.update'),
  objective.allow(ORG_WRITERS, 'aimsObjective.recordResult'),
  objective.deny(
    'aimsObjective.recordResult',
    (_, o) => o.status === 'cancelled',
    () => new AppError(409, 'objective_cancelled', 'This objective is cancelled: make it active again before recording a result.'),
  ),
];
