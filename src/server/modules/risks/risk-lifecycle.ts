import type { TRiskStatus } from '../../../shared/contracts/risks.ts';
import type { TRole } from '../../../shared/contracts/roles.ts';
import { AppError, badRequest, conflict, forbidden } from '../../platform/errors/errors.ts';
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.ts';

/*
 * open ──accept──▶ accepted ──reopen / expire──▶ open
 *   └──close──▶ closed ──reopen──▶ open
 * An accepted risk is frozen: editing needs a re-open first, so what was signed off is what the
 * register shows. Expiry is the daily job re-opening an acceptance whose date has come.
 */

export type TAcceptanceContext = {
  /** The residual score on the risk's own matrix version; null when not yet assessed. */
  residualScore: number | null;
  threshold: number;
  allowedRoles: readonly TRole[];
  role: TRole;
  /** Dates as YYYY-MM-DD: the acceptance's review date must be after today. */
  expiresOn: string | null;
  today: string;
};

export type TRiskLifecycleContext = { acceptance?: TAcceptanceContext };

/** Why this role may not accept this residual level: null when it may. Shared by guard and policy. */
export function acceptanceRefusal(a: TAcceptanceContext): AppError | null {
  if (a.residualScore === null) {
    return new AppError(409, 'risk_not_assessed', 'Score the residual likelihood and impact before accepting this risk.');
  }
  if (a.residualScore > a.threshold && !a.allowedRoles.includes(a.role)) {
    return new AppError(403, 'risk_acceptance_role', `The residual score ${a.residualScore} is above the acceptance threshold ${a.threshold}: only ${a.allowedRoles.join(', ')} may accept it.`, {
      score: a.residualScore,
      threshold: a.threshold,
      roles: a.allowedRoles,
    });
  }
  return null;
}

const acceptGuard = (ctx: TRiskLifecycleContext) => {
  const a = ctx.acceptance;
  if (!a) return forbidden();
  const refusal = acceptanceRefusal(a);
  if (refusal) return refusal;
  if (a.expiresOn !== null && a.expiresOn <= a.today) {
    return badRequest('The acceptance’s review date must be after today.', [{ field: 'expiresOn', issue: 'invalid', message: 'Must be after today.' }]);
  }
  return null;
};

const REASON: Record<TRiskStatus, string> = {
  open: 'This risk is open.',
  accepted: 'This risk is accepted and frozen: re-open it to change it.',
  closed: 'This risk is closed: re-open it to change it.',
};

export const riskLifecycle = defineLifecycle<TRiskStatus, 'edit' | 'accept' | 'reopen' | 'expire' | 'close', TRiskLifecycleContext>({
  name: 'risk',
  states: ['open', 'accepted', 'closed'],
  transitions: {
    edit: { from: ['open'], to: 'open', audit: 'risk.updated' },
    accept: { from: ['open'], to: 'accepted', audit: 'risk.accepted', guards: [acceptGuard] },
    reopen: { from: ['accepted', 'closed'], to: 'open', audit: 'risk.reopened' },
    expire: { from: ['accepted'], to: 'open', audit: 'risk.acceptance_expired' },
    close: { from: ['open'], to: 'closed', audit: 'risk.closed' },
  },
  refusal: (state) => (state === 'open' ? conflict('This risk is not accepted or closed: there is nothing to re-open.', { status: state }) : new AppError(409, 'risk_frozen', REASON[state], { status: state })),
});

/** An acceptance lapses on its expiry date: from that day the job re-opens the risk. */
export const acceptanceExpired = (expiresOn: string, today: string) => expiresOn <= today;
