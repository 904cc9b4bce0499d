import { AppError } from '../../../platform/errors/errors.ts';

/*
 * ISO/IEC 42001 9.2.2 asks that auditors be selected so that the audit is objective and impartial.
 * Our rule: a member never audits an area they own. It is refused, not warned: an organization too
 * small to find another member names an external auditor instead (always possible), so the rule
 * never blocks anyone, and an audit record never carries a self-audit an auditor would challenge.
 * An external auditor is a name we cannot match against owners: it is not checked.
 */
export function auditorConflict(auditorId: string | null, auditees: readonly { id: string; name: string }[]): AppError | null {
  if (!auditorId) return null;
  const own = auditees.find((a) => a.id === auditorId);
  if (!own) return null;
  return new AppError(
    409,
    'auditor_not_independent',
    `${own.name} owns an area this audit covers and cannot audit it: choose another member or an external auditor.`,
    { field: 'auditorId', auditor: own.name },
  );
}
