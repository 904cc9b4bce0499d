import { rulesFor } from '../../../platform/authz/policy.ts';
import { forbidden } from '../../../platform/errors/errors.ts';

/**
 * Auditor competence records and declared conflicts: the body's records about its people (the
 * person the record is about; null for the body's own consultancy). The scheme manager keeps
 * them; technical reviewers and decision makers read them all (they review who audited, 17021-1
 * 9.5); an auditor reads their own.
 */
export type TAuditorRecordSubject = { userId: string | null };

const auditor = rulesFor<TAuditorRecordSubject>()('auditor');

export const AUDITORS_POLICIES = [
  auditor.allow(['scheme_manager', 'technical_reviewer', 'decision_maker'], 'auditor.read'),
  auditor.allow(
    ['auditor'],
    'auditor.read',
    (actor, r) => r.userId !== null && r.userId === actor.userId,
    () => forbidden('An auditor reads only their own competence records and declarations.'),
  ),
  auditor.allow(['scheme_manager', 'technical_reviewer', 'decision_maker'], 'auditor.readAll'),
  auditor.allow(['scheme_manager'], 'auditor.manage'),
];
