import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const R = '/api/tenants/{tenantId}/technical-reviews';
const D = '/api/tenants/{tenantId}/decisions';

export const technicalReviewsDocs: TApiDocs = {
  [`GET ${R}`]: {
    summary: 'List technical reviews',
    description: 'Latest first, one query per page. Filters: `state`, `programmeId`, `clientId`. Keyset-paginated: pass `nextCursor` back as `cursor`. Scheme managers, technical reviewers and decision makers.',
    returns: 'The reviews, without their checklists.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${R}`]: {
    summary: 'Open the technical review of a certification file',
    description:
      'For a programme and the reported audit that concludes it (stage 2, surveillance, recertification or special; 409 `cert_review_audit_not_concluding` otherwise). A technical reviewer opens it for themself; a scheme manager names one (`reviewerId`, 400 `cert_review_not_reviewer` if that person is not a technical reviewer). The reviewer must not be on any audit team of this client in the current cycle (ISO/IEC 17021-1 9.5): 403 `cert_review_not_independent`, with the audits and roles in `details.audits`. The checklist’s fixed items come with the facts computed from the file.',
    returns: 'The review, a draft.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { programmeId: '5f0c3a52-8d1e-4c8e-9a4f-2b9b7d1e6c10', auditId: '0b4e7d0a-2f53-4f3a-9c1e-7a8d5e2f6b11' },
  },
  [`GET ${R}/{reviewId}`]: {
    summary: 'Read a technical review',
    description: 'A draft shows the facts recomputed from the file as it is now; a completed review shows what was frozen, and `stale` when the file has changed since (its hash differs).',
    returns: 'The review with its checklist.',
    errors: [400, 401, 403, 404],
  },
  [`PATCH ${R}/{reviewId}`]: {
    summary: 'Fill in a technical review',
    description: 'Confirm checklist items (with a note), give the recommendation (a decision kind) and notes. Only the reviewer named on it, while it is a draft (409 `cert_review_completed` after).',
    returns: 'The review.',
    errors: [400, 401, 403, 404, 409],
    body: { items: [{ item: 'majors_verified', confirmed: true, note: 'Follow-up report read.' }], recommendation: 'grant' },
  },
  [`POST ${R}/{reviewId}/complete`]: {
    summary: 'Complete a technical review',
    description:
      'Every item confirmed or explained by a note, and a recommendation (409 `cert_review_incomplete` otherwise, with the items in `details.items`). Freezes the certification file: its canonical JSON and SHA-256 are stored; a grant or renewal later checks the file has not changed since.',
    returns: 'The completed review.',
    errors: [400, 401, 403, 404, 409],
  },
};

export const decisionsDocs: TApiDocs = {
  [`GET ${D}`]: {
    summary: 'List certification decisions',
    description: 'Latest first, one query per page. Filters: `kind`, `programmeId`, `clientId`. Keyset-paginated. Scheme managers, technical reviewers and decision makers.',
    returns: 'The decisions.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${D}/preview`]: {
    summary: 'What a decision would be taken on',
    description:
      'For a programme (`programmeId`) or the programme of a certificate (`certificateId`): the certification file and its hash, the findings that block a grant, renewal or maintenance, the caller’s seats on the cycle’s audit teams (a seat bars them from deciding), the latest technical review (and whether the file changed since), and the client’s current certificate.',
    returns: 'The preview.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${D}`]: {
    summary: 'Take a certification decision',
    description:
      'Grant, refuse, maintain, suspend, reinstate, withdraw, reduce or extend the scope, or renew (ISO/IEC 17021-1 9.5, 9.6). Decision makers only, and only one who is on no audit team of this client in the current cycle, follow-up audits included: 403 `cert_decision_not_independent` with the audits and roles in `details.audits`. Grant, renewal and maintenance are refused while a major nonconformity is unverified, a minor has no accepted plan, or a major’s verification window has passed (409 `cert_decision_blocked`, each blocker in `details.blockers`). Grant and renewal need a completed technical review of the file as it is now (409 `cert_decision_no_review`, or `cert_decision_file_changed` when the file changed since the review). The decision stores the reasoning and the file with its SHA-256, and in the same transaction: a grant dates the programme (surveillance 1 within 12 months of the decision) and issues the certificate; suspension, reinstatement and withdrawal change the certificate’s status; a scope change issues a revision; a renewal opens the next cycle and issues the renewed certificate.',
    returns: 'The decision.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { programmeId: '5f0c3a52-8d1e-4c8e-9a4f-2b9b7d1e6c10', kind: 'grant', reasoning: 'Stage 2 conclusive; the major nonconformity was verified on site.' },
  },
  [`GET ${D}/{decisionId}`]: {
    summary: 'Read a certification decision',
    description: 'With the certification file as decided (the snapshot whose SHA-256 the decision records).',
    returns: 'The decision and its file.',
    errors: [400, 401, 403, 404],
  },
};
