import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const B = '/api/tenants/{tenantId}/audits';

export const auditsDocs: TApiDocs = {
  [`GET ${B}`]: {
    summary: 'List the body’s audits (the programme calendar)',
    description:
      'Every audit of every programme of the certification body, ordered by date (planned start, else the deadline; undated last), one query per page. Filters: `state`, `type`, `clientId`, `engagementId` (one client’s programme), `from`/`to` (a calendar window, inclusive), `overdue` (not yet reported and its deadline is past, on the platform clock), `mine` (audits whose team the caller is on). Each audit carries its client, its team with planned days, and the caller’s abilities. Keyset-paginated: pass `nextCursor` back as `cursor`.',
    returns: 'A page of audits.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${B}`]: {
    summary: 'Add a pre-audit, special audit or follow-up verification to a programme',
    description:
      'A scheme manager adds an audit beside the five slots the engagement opened, to the engagement’s current programme, with the `reason` kept in the audit log: a `pre_audit` (« audit à blanc », optional, before stage 1 starts, one per programme), a `special` audit (17021-1 9.6.4: short notice, scope extension, a complaint; once stage 2 is reported) or a `follow_up` verification of corrections (once a stage 2, surveillance, recertification or special audit is reported). Refusals answer 409 `cert_audit_not_addable` with `details.reason` (`pre_audit_after_stage1`, `pre_audit_exists`, `not_yet_certified`, `nothing_to_follow_up`, `inactive`). Another body’s engagement answers 404. The audit starts `planned`, numbered like the others.',
    returns: 'The new audit.',
    errors: [400, 401, 403, 404, 409],
    body: { engagementId: '0b6f5a2e-3c1d-4e8f-9a7b-2c3d4e5f6a7b', type: 'pre_audit', reason: 'Asked for in the quote request: a rehearsal before stage 1.', dueBy: '2027-01-15', plannedDays: 1 },
  },
  [`GET ${B}/{auditId}`]: {
    summary: 'Read one audit',
    description: 'The audit with its client, programme, dates, days, team and abilities. Another body’s audit answers 404.',
    returns: 'The audit.',
    errors: [400, 401, 403, 404],
  },
  [`PATCH ${B}/{auditId}`]: {
    summary: 'Schedule an audit',
    description:
      'The deadline (`dueBy`), planned start and end, planned days and on-site days (half days). Only a scheme manager, only while the audit is planned or confirmed (409 `cert_audit_state` afterwards). The end cannot precede the start (400 `cert_audit_dates_order`) and on-site days cannot exceed planned days. `null` clears a date.',
    returns: 'The audit.',
    errors: [400, 401, 403, 404, 409],
    body: { plannedStart: '2027-01-11', plannedEnd: '2027-01-12', plannedDays: 2, onSiteDays: 2 },
  },
  [`POST ${B}/{auditId}/transitions`]: {
    summary: 'Move an audit through its lifecycle',
    description:
      '`confirm` (planned → confirmed: needs the planned dates, 409 `cert_audit_dates_missing`, and a lead auditor, 409 `cert_audit_no_lead`; every team member’s impartiality declaration, 409 `cert_audit_declarations_missing`; and the team checked again on the planned start, the codes of team assignment), `start` (→ in progress, declarations again for anyone added since; `date` is the first day, today by default), `report` (→ reported; `date` is the last day), `close` (reported → closed), `cancel` (before the report, with a `reason`). A stage 2 is neither confirmed nor started before the programme’s stage 1 is reported: 409 `cert_audit_stage1_not_reported`. A step out of order answers 409 `cert_audit_state`. A scheme manager moves any audit; an auditor only the audits they lead.',
    returns: 'The audit in its new state.',
    errors: [400, 401, 403, 404, 409],
    body: { event: 'confirm' },
  },
  [`PUT ${B}/{auditId}/team/{userId}`]: {
    summary: 'Put a person on the audit team',
    description:
      'With a role (`lead_auditor`, `auditor`, `technical_expert`, `observer`) and planned days; again to change them. Checked on the audit’s first day (its planned start, today if unscheduled — and again on confirmation). Refused when the person is not a member of the body (400 `cert_team_not_member`); when the body itself consulted for the client (409 `cert_team_body_consultancy`, ISO/IEC 17021-1 5.2); when the person consulted for or was employed by the client, ongoing or ended within the body’s `cooling_off_months` before that day (409 `cert_team_cooling_off`, details `kind`, `endedOn`, `coolingOffMonths`, `eligibleFrom`); when they declared another interest still ongoing (409 `cert_team_conflict`); or when they are not competent for the role (409 `cert_team_not_competent`, details `reason`: `no_record`, `expired`, `not_yet_valid`, `no_42001_training` — auditors and leads on ISO/IEC 42001 —, `not_lead_qualified`, `no_ai_domain` — technical experts; observers need no record). A second lead answers 409 `cert_team_lead_taken`. A lead who has led this client’s audits in more programmes (cycles) than the body’s `rotation_max_cycles` is assigned with a `rotation` warning. Scheme managers only, until the audit is reported (409 `cert_audit_team_frozen`).',
    returns: 'The audit with its team, and the warnings.',
    errors: [400, 401, 403, 404, 409],
    body: { role: 'lead_auditor', plannedDays: 2 },
  },
  [`DELETE ${B}/{auditId}/team/{userId}`]: {
    summary: 'Take a person off the audit team',
    description: 'Their declaration for this audit goes with them. Scheme managers only, until the audit is reported.',
    returns: 'The audit with its team.',
    errors: [400, 401, 403, 404, 409],
  },
  [`GET ${B}/{auditId}/team-check`]: {
    summary: 'Check the audit team',
    description:
      'For each team member on the audit’s first day: the competence gap for their role (null when competent) and the latest end of their records, what bars them from the client (body consultancy, cooling-off, ongoing interest), their declaration (when, which statement version); the lead’s rotation warning; and whether the caller still has a declaration to sign. Every member of the body reads it.',
    returns: 'The checks.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${B}/{auditId}/declaration`]: {
    summary: 'Sign my impartiality declaration for this audit',
    description:
      'The caller, a member of the audit’s team, signs the current impartiality statement (`statementVersion`; an older one answers 409 `cert_declaration_outdated`) in the language they read it in; the text, when and from which address are kept. The first signature stands. Until every team member has signed, the audit is neither confirmed nor started (409 `cert_audit_declarations_missing`). Not after the report (409 `cert_audit_team_frozen`).',
    returns: 'The audit, with the signature on the team member.',
    errors: [400, 401, 403, 404, 409],
    body: { statementVersion: '2026-11', locale: 'fr' },
  },
};
