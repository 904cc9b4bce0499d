import { rulesFor } from '../../../platform/authz/policy.ts';
import { ORG_MEMBERS } from '../../../platform/authz/role-sets.ts';
import type { TCertificateState } from '../../../../shared/contracts/certification-decisions.ts';

/**
 * Certificates: the body's members read them all (the register shows them to anyone anyway); a
 * decision maker issues them and changes their status, always through a certification decision
 * (17021-1 9.5, 9.6.5) — the decision service calls the certificate services in its transaction.
 * The organization's members read their own certificates.
 */
export type TCertificateSubject = { status: TCertificateState };

const certificate = rulesFor<TCertificateSubject>()('certificate');
const orgCertificate = rulesFor<TCertificateSubject>()('orgCertificate');

export const CERTIFICATES_POLICIES = [
  certificate.allow(['scheme_manager', 'auditor', 'technical_reviewer', 'decision_maker'], 'certificate.read'),
  certificate.allow(['decision_maker'], 'certificate.issue'),
  certificate.allow(['decision_maker'], 'certificate.changeStatus'),
  orgCertificate.allow(ORG_MEMBERS, 'orgCertificate.read'),
];
