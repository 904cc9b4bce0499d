import { z } from 'zod';

/*
 * The closed lists of certification's second half (ISO/IEC 17021-1 9.4.5–9.6): audit findings and the
 * organization's answers, the technical review, the certification decision and the certificate. They
 * are here so that migration 0025's CHECK constraints, the server and the web read the same values.
 */

/** 17021-1 3.12 / 3.13 and the usual two informative classes. Only nonconformities need an answer. */
export const FINDING_CLASSES = ['major', 'minor', 'observation', 'opportunity'] as const;
export const ZFindingClass = z.enum(FINDING_CLASSES);
export type TFindingClass = z.infer<typeof ZFindingClass>;

/**
 * Where a finding stands:
 *  - open: waiting for the organization's answer (also after a rejected answer: the history says so);
 *  - submitted: an answer waits for the auditor;
 *  - accepted: the auditor accepted the correction, root cause and corrective-action plan;
 *  - verified: a major's correction and corrective action were verified effective (follow-up);
 *  - closed: done (a minor's action implemented and checked, or a verified major closed out);
 *  - noted: an observation or an opportunity for improvement, which asks for no answer.
 */
export const FINDING_STATES = ['open', 'submitted', 'accepted', 'verified', 'closed', 'noted'] as const;
export const ZFindingState = z.enum(FINDING_STATES);
export type TFindingState = z.infer<typeof ZFindingState>;

export const FINDING_RESPONSE_VERDICTS = ['accepted', 'rejected'] as const;
export const ZFindingResponseVerdict = z.enum(FINDING_RESPONSE_VERDICTS);
export type TFindingResponseVerdict = z.infer<typeof ZFindingResponseVerdict>;

/** How a major's fixes were verified: a follow-up visit, or remotely on the evidence sent. */
export const VERIFICATION_METHODS = ['on_site', 'remote'] as const;
export const ZVerificationMethod = z.enum(VERIFICATION_METHODS);
export type TVerificationMethod = z.infer<typeof ZVerificationMethod>;

/** 17021-1 9.5 / 9.6: the decisions a decision maker takes on a client's certification. */
export const DECISION_KINDS = ['grant', 'refuse', 'maintain', 'suspend', 'reinstate', 'withdraw', 'reduce_scope', 'extend_scope', 'renew'] as const;
export const ZDecisionKind = z.enum(DECISION_KINDS);
export type TDecisionKind = z.infer<typeof ZDecisionKind>;

export const TECHNICAL_REVIEW_STATES = ['draft', 'completed'] as const;
export const ZTechnicalReviewState = z.enum(TECHNICAL_REVIEW_STATES);
export type TTechnicalReviewState = z.infer<typeof ZTechnicalReviewState>;

/**
 * A certificate's status as the register shows it. 'superseded' is a revision replaced by a later
 * one (a renewal, a scope change): the register shows the current revision and lists the others.
 */
export const CERTIFICATE_STATES = ['valid', 'suspended', 'withdrawn', 'expired', 'superseded'] as const;
export const ZCertificateState = z.enum(CERTIFICATE_STATES);
export type TCertificateState = z.infer<typeof ZCertificateState>;

/** What happened to a certificate, in its public history. */
export const CERTIFICATE_EVENT_KINDS = ['issued', 'suspended', 'reinstated', 'withdrawn', 'scope_reduced', 'scope_extended', 'renewed', 'restored', 'expired', 'superseded', 'maintained'] as const;
export const ZCertificateEventKind = z.enum(CERTIFICATE_EVENT_KINDS);
export type TCertificateEventKind = z.infer<typeof ZCertificateEventKind>;

/** The standard and edition a certificate states (17021-1 8.2 e). */
export const ISO42001_STANDARD = 'ISO/IEC 42001:2023';
