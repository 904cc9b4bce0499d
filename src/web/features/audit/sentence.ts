import type { TFunction } from 'i18next';
import { AUDIT_ACTIONS, type TAuditAction } from '../../../shared/contracts/audit-actions.ts';
import type { TAuditEvent } from '../../../shared/contracts/audit';

type TPayload = Record<string, unknown>;
type TFormat = { number(n: number): string; date?(value: string): string };

const isAction = (a: string): a is TAuditAction => (AUDIT_ACTIONS as readonly string[]).includes(a);

/** The action's translated name; an action this build does not know is shown as recorded. */
export function actionLabel(t: TFunction, action: string): string {
  return isAction(action) ? (t(`audit.actions.${action}` as never) as unknown as string) : action;
}

/**
 * A payload value in the reader's language: roles, languages and yes/no translated, the rest as
 * recorded (names and e-mail addresses are evidence, never rewritten).
 */
function value(t: TFunction, key: string, v: unknown): string {
  if (v === null || v === undefined) return t('common.none');
  if (typeof v === 'boolean') return v ? t('audit.yes') : t('audit.no');
  if (key === 'role' || key === 'founderRole') return t(`roles.${v as 'owner'}`);
  if (key === 'roles' && Array.isArray(v)) return v.map((r) => t(`aiSystems.role.${r as 'provider'}`)).join(', ') || t('common.none');
  if (Array.isArray(v)) return v.join(', ') || t('common.none');
  if (key === 'locale') return t(`language.name.${v as 'en'}`);
  if (key === 'kind') return t(`tenantKinds.short.${v as 'organization'}`);
  if (key === 'tier') return t(`aiSystems.tier.${v as 'minimal'}`);
  if (key === 'lifecycleStage') return t(`aiSystems.stage.${v as 'design'}`);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** "name: A → B · two-factor authentication required: no → yes", fields translated. */
function changes(t: TFunction, before: TPayload, after: TPayload): string {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .map((k) =>
      t('audit.change', {
        field: k in { name: 1, locale: 1, requireMfa: 1, significantSeverity: 1, publicBodyOrService: 1 } ? t(`audit.fields.${k as 'name'}`) : t(`aiSystems.fields.${k as 'purpose'}`, { defaultValue: k }),
        from: value(t, k, before[k]),
        to: value(t, k, after[k]),
        interpolation: { escapeValue: false },
      }),
    )
    .join(' · ');
}

/** A calendar day ('2026-12-15') in the reader's language, read at noon UTC so no time zone moves it. */
const day = (format: TFormat, d: unknown) => (typeof d === 'string' ? (format.date?.(`${d}T12:00:00Z`) ?? d) : '');

/** One event as a sentence in the reader's language: « Marie Curie a invité jean@exemple.fr comme Contributeur ». */
export function auditSentence(t: TFunction, format: TFormat, e: TAuditEvent): string {
  const before = (e.summary?.before ?? {}) as TPayload;
  const after = (e.summary?.after ?? {}) as TPayload;
  if (!isAction(e.action)) return e.action;
  const actor = e.actorName ?? e.actorEmail ?? (e.actorType === 'system' ? t('audit.system') : t('audit.someone'));
  const v = (k: string, from: TPayload = after) => value(t, k, from[k]);
  const vars: Record<string, string | number> = { actor };
  let key: string = e.action;
  switch (e.action) {
    case 'user.admin_created':
    case 'user.created':
    case 'member.invited':
      Object.assign(vars, { email: v('email'), role: v('role') });
      break;
    case 'user.updated':
    case 'tenant.updated':
      vars.changes = changes(t, before, after);
      break;
    case 'session.revoked':
      vars.count = Number(after.count ?? 1);
      break;
    case 'tenant.created':
      Object.assign(vars, { name: v('name'), kind: v('kind') });
      break;
    case 'member.added':
    case 'invitation.accepted':
    case 'api_token.created':
      Object.assign(vars, { role: v('role'), name: v('name') });
      break;
    case 'member.removed':
      vars.role = v('role', before);
      break;
    case 'member.renamed':
      Object.assign(vars, { from: v('name', before), to: v('name') });
      break;
    case 'member.role_changed':
    case 'api_token.role_lowered':
      Object.assign(vars, { from: v('role', before), to: v('role'), name: v('name', before) });
      break;
    case 'invitation.revoked':
    case 'invitation.replaced':
      if (typeof before.email === 'string') vars.email = before.email;
      else key = 'invitation.revoked_unnamed';
      break;
    case 'api_token.revoked':
      if (typeof before.name === 'string') vars.name = before.name;
      else key = 'api_token.revoked_unnamed';
      break;
    case 'file.uploaded':
      Object.assign(vars, { filename: v('filename'), size: format.number(Number(after.size ?? 0)) });
      break;
    case 'ai_system.created':
      vars.name = v('name');
      break;
    case 'ai_system.updated':
      vars.changes = changes(t, before, after);
      break;
    case 'ai_system.classified':
      // An unchanged tier is left out of `after` (only changes are recorded): read it from before.
      Object.assign(vars, { tier: v('tier', 'tier' in after ? after : before), version: v('version') });
      break;
    case 'catalog.framework_imported':
    case 'catalog.framework_made_current':
      Object.assign(vars, { id: v('id'), version: v('version'), requirements: format.number(Number(after.requirements ?? 0)) });
      break;
    case 'impact_assessment.created':
    case 'impact_assessment.updated':
    case 'impact_assessment.submitted':
    case 'impact_assessment.returned':
    case 'impact_assessment.approved':
    case 'impact_assessment.version_started':
    case 'impact_assessment.risk_linked':
      // An edit records only what changed: the title and version come from either side.
      Object.assign(vars, { title: v('title', 'title' in after ? after : before), version: v('version', 'version' in after ? after : before), comment: v('comment') });
      break;
    case 'soa.draft_started':
    case 'soa.submitted':
    case 'soa.rejected':
    case 'soa.approved':
      Object.assign(vars, { number: v('number'), basedOn: v('basedOnNumber'), comment: v('comment') });
      if (e.action === 'soa.draft_started' && after.basedOnNumber === null) key = 'soa.draft_started_blank';
      break;
    case 'soa.entry_updated':
      vars.ref = v('ref');
      break;
    case 'impact_assessment.settings_updated':
      vars.changes = changes(t, before, after);
      break;
    case 'impact_assessment.review_due':
      Object.assign(vars, { title: v('title'), version: v('version'), nextReviewOn: day(format, after.nextReviewOn) });
      break;
    case 'risk.created':
      vars.title = v('title');
      break;
    case 'risk.updated':
      // The changed fields, named in the reader's language (the register's own labels).
      vars.fields = Object.keys(after)
        .map((k) => t(`risks.fields.${k}` as never, { defaultValue: k } as never) as unknown as string)
        .join(', ');
      break;
    case 'risk.accepted':
      Object.assign(vars, { title: v('title'), score: format.number(Number((after.residual as TPayload | undefined)?.score ?? 0)), expiresOn: day(format, after.expiresOn) });
      break;
    case 'risk.reopened':
    case 'risk.closed':
      Object.assign(vars, { title: v('title', before), reason: v('reason') });
      break;
    case 'risk.acceptance_expired':
      Object.assign(vars, { title: v('title', before), expiresOn: day(format, after.expiresOn) });
      break;
    case 'document.created':
    case 'document.submitted':
    case 'document.published':
      Object.assign(vars, { title: v('title'), version: v('version') });
      break;
    case 'document.updated':
      // The changed fields, named in the reader's language (the documents' own labels).
      vars.title = v('title', 'title' in after ? after : before);
      vars.fields = Object.keys(after)
        .filter((k) => k !== 'title' || before.title !== undefined)
        .map((k) => t(`documents.fields.${k}` as never, { defaultValue: k } as never) as unknown as string)
        .join(', ');
      break;
    case 'document.version_added':
    case 'document.approved':
      Object.assign(vars, {
        title: v('title'),
        version: v('version'),
        sha256: String(after.sha256 ?? '').slice(0, 12),
        approvals: format.number(Number(after.approvals ?? 0)),
        quorum: format.number(Number(after.quorum ?? 0)),
      });
      break;
    case 'document.review_overdue':
      Object.assign(vars, { title: v('title'), nextReviewOn: day(format, after.nextReviewOn) });
      break;
    case 'risk_matrix.updated':
      vars.version = format.number(Number(after.version ?? 0));
      break;
    case 'control.created':
      Object.assign(vars, { reference: v('reference'), title: v('title') });
      break;
    case 'control.updated':
      // The changed fields, named in the reader's language (the controls' own labels).
      vars.fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .map((k) => t(`controls.fields.${k}` as never, { defaultValue: k } as never) as unknown as string)
        .join(', ');
      break;
    case 'control.requirement_linked':
    case 'control.requirement_unlinked':
    case 'control.suggestion_dismissed': {
      const side = e.action === 'control.requirement_unlinked' ? before : after;
      Object.assign(vars, { reference: v('reference', side), framework: v('frameworkId', side), ref: v('ref', side) });
      const via = after.via as TPayload | undefined;
      if (e.action === 'control.requirement_linked' && after.origin === 'crosswalk' && via) {
        key = 'control.requirement_linked_crosswalk';
        vars.via = `${String(via.frameworkId)} ${String(via.ref)}`;
      }
      break;
    }
    case 'framework.adopted':
    case 'framework.unadopted': {
      const side = e.action === 'framework.unadopted' ? before : after;
      Object.assign(vars, { framework: v('frameworkId', side), version: v('version', side) });
      break;
    }
    case 'evidence.created':
    case 'evidence.updated':
    case 'evidence.submitted':
    case 'evidence.accepted':
    case 'evidence.rejected':
    case 'evidence.revised':
      Object.assign(vars, { title: v('title'), revision: format.number(Number(after.revision ?? 0)), comment: v('comment') });
      break;
    case 'evidence.expired':
      Object.assign(vars, { title: v('title'), validUntil: day(format, after.validUntil) });
      break;
    case 'evidence.settings_updated':
      Object.assign(vars, { from: format.number(Number(before.contemporaneityDays ?? 0)), to: format.number(Number(after.contemporaneityDays ?? 0)) });
      break;
    case 'audit_programme.created':
    case 'internal_audit.created':
    case 'management_review.created':
    case 'nonconformity.created':
    case 'ai_incident.created':
      vars.title = v('title');
      break;
    case 'internal_audit.started':
    case 'internal_audit.completed':
    case 'management_review.completed':
    case 'nonconformity.correction_recorded':
    case 'nonconformity.action_planned':
    case 'nonconformity.verification_started':
    case 'ai_incident.investigation_started':
    case 'ai_incident.resolved':
    case 'ai_incident.reopened':
      vars.title = v('title', before);
      break;
    case 'nonconformity.closed':
    case 'nonconformity.action_not_effective':
      Object.assign(vars, { title: v('title', before), checkedOn: day(format, after.checkedOn) });
      break;
    case 'internal_audit.finding_recorded':
      Object.assign(vars, { title: v('auditTitle'), type: t(`records.audits.findingType.${String(after.type)}` as never, { defaultValue: String(after.type) } as never) as unknown as string });
      break;
    case 'audit_programme.updated':
    case 'internal_audit.updated':
    case 'management_review.updated':
    case 'nonconformity.updated':
    case 'ai_incident.updated': {
      // The changed fields, named in the reader's language (the records' own labels).
      const ns = { audit_programme: 'audits', internal_audit: 'audits', management_review: 'reviews', nonconformity: 'nonconformities', ai_incident: 'incidents' }[e.action.split('.')[0]!];
      vars.fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .map((k) => t(`records.${ns}.fields.${k}` as never, { defaultValue: k } as never) as unknown as string)
        .join(', ');
      break;
    }
    case 'ai_incident.settings_updated':
      vars.days = after.seriousReportDays === null || after.seriousReportDays === undefined ? t('common.none') : format.number(Number(after.seriousReportDays));
      break;
    case 'aims_scope.version_started':
    case 'aims_scope.updated':
      vars.version = format.number(Number(after.version ?? 0));
      break;
    case 'aims_scope.approved':
      Object.assign(vars, { version: format.number(Number(after.version ?? 0)), count: format.number(Array.isArray(after.aiSystems) ? after.aiSystems.length : 0) });
      break;
    case 'interested_party.created':
    case 'interested_party.updated':
      // An edit records only what changed: the name comes from either side.
      vars.name = v('name', 'name' in after ? after : before);
      break;
    case 'aims_objective.created':
    case 'aims_objective.updated':
      vars.title = v('title', 'title' in after ? after : before);
      break;
    case 'aims_objective.result_recorded':
      Object.assign(vars, {
        title: v('title'),
        value: `${format.number(Number(after.value ?? 0))}${after.unit ? ` ${String(after.unit)}` : ''}`,
        measuredOn: day(format, after.measuredOn),
        outcome: after.met ? t('audit.targetOutcome.met') : t('audit.targetOutcome.notMet'),
      });
      break;
    case 'competence_record.created':
    case 'competence_record.updated':
      Object.assign(vars, { person: v('person', 'person' in after ? after : before), role: v('role', 'role' in after ? after : before) });
      break;
    case 'audit_time.table_version_created':
      Object.assign(vars, { version: format.number(Number(after.version ?? 0)), name: v('name') });
      break;
    case 'audit_time.calculation_recorded':
      Object.assign(vars, {
        initialDays: format.number(Number(after.initialDays ?? 0)),
        cycleDays: format.number(Number(after.cycleDays ?? 0)),
        client: v('clientReference'),
        table: t(`auditTime.tableRef.${after.tableSource === 'body' ? 'body' : 'default'}` as never, { version: format.number(Number(after.tableVersion ?? 0)) } as never) as unknown as string,
      });
      break;
    case 'audit_checklist.generated':
      Object.assign(vars, { reference: v('auditReference'), count: format.number(Number(after.items ?? 0)) });
      break;
    case 'audit_checklist.item_recorded':
      Object.assign(vars, {
        reference: v('auditReference'),
        ref: v('ref'),
        verdict: t(`auditWork.verdict.${after.verdict === undefined ? 'unchanged' : after.verdict === null ? 'open' : String(after.verdict)}` as never) as unknown as string,
      });
      break;
    case 'audit_report.updated':
      vars.reference = v('auditReference');
      break;
    case 'audit_report.issued':
      vars.reference = v('auditReference');
      break;
    case 'audit_plan.updated':
    case 'audit_plan.revised':
    case 'audit_plan.issued':
    case 'audit_plan.acknowledged':
      Object.assign(vars, { reference: v('auditReference'), version: format.number(Number(after.version ?? 0)), body: v('bodyName'), organization: v('organizationName') });
      break;
    case 'audit_finding.raised':
    case 'audit_finding.updated':
    case 'audit_finding.response_submitted':
    case 'audit_finding.response_accepted':
    case 'audit_finding.response_rejected':
    case 'audit_finding.verified':
    case 'audit_finding.closed':
      Object.assign(vars, {
        reference: v('reference'),
        audit: v('auditReference'),
        class: t(`findings.class.${String(after.class ?? before.class ?? '')}` as never, { defaultValue: String(after.class ?? '') } as never) as unknown as string,
        version: format.number(Number(after.version ?? 0)),
        reason: v('reason'),
        method: t(`findings.method.${String(after.method ?? '')}` as never, { defaultValue: String(after.method ?? '') } as never) as unknown as string,
        body: v('bodyName'),
        organization: v('organizationName'),
      });
      break;
    case 'proposal.created':
    case 'proposal.updated':
    case 'proposal.sent':
    case 'proposal.withdrawn':
    case 'proposal.accepted':
    case 'proposal.declined':
      Object.assign(vars, { reference: v('reference'), client: v('client'), email: v('recipientEmail'), reason: v('reason'), organization: v('organization'), ip: v('ip') });
      break;
    case 'engagement.opened':
      Object.assign(vars, { scheme: v('scheme'), body: v('body'), organization: v('organization'), proposal: v('proposal'), count: format.number(Number(after.audits ?? 0)) });
      break;
    case 'body_settings.updated':
      vars.fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].map((k) => t(`intake.settings.fields.${k}` as never, { defaultValue: k } as never) as unknown as string).join(', ');
      break;
    case 'quote_request.received':
      Object.assign(vars, { organization: v('organizationName'), standards: (Array.isArray(after.standards) ? after.standards : []).map((x) => t(`intake.standards.${String(x)}` as never, { defaultValue: String(x) } as never) as unknown as string).join(', ') });
      break;
    case 'quote_request.converted':
      Object.assign(vars, { organization: v('organizationName'), reference: v('clientReference') });
      break;
    case 'quote_request.declined':
      Object.assign(vars, { organization: v('organizationName'), reason: v('reason') });
      break;
    case 'client.created':
      Object.assign(vars, { reference: v('reference'), name: v('legalName') });
      break;
    case 'client.updated':
      Object.assign(vars, {
        name: v('legalName', 'legalName' in after ? after : before),
        fields: [...new Set([...Object.keys(before), ...Object.keys(after)])]
          .filter((k) => k !== 'legalName' || 'legalName' in before)
          .map((k) => t(`intake.client.fields.${k}` as never, { defaultValue: k } as never) as unknown as string)
          .join(', '),
      });
      break;
    case 'client_site.added':
    case 'client_site.updated':
    case 'client_site.removed': {
      const side = e.action === 'client_site.removed' ? before : after;
      Object.assign(vars, { name: v('clientName', side), site: v('name', side) });
      break;
    }
    case 'client_ai_system.added':
    case 'client_ai_system.updated':
    case 'client_ai_system.removed': {
      const side = e.action === 'client_ai_system.removed' ? before : after;
      Object.assign(vars, { name: v('clientName', side), system: v('name', side) });
      break;
    }
    case 'cert_audit.added':
    case 'cert_audit.scheduled':
    case 'cert_audit.confirmed':
    case 'cert_audit.started':
    case 'cert_audit.reported':
    case 'cert_audit.closed':
    case 'cert_audit.cancelled':
    case 'cert_audit.team_assigned':
    case 'cert_audit.team_removed':
    case 'cert_audit.declaration_signed': {
      // A schedule change records only what changed: the reference and type come from either side.
      const side = 'reference' in after ? after : before;
      const start = after.plannedStart as string | null | undefined;
      const end = after.plannedEnd as string | null | undefined;
      Object.assign(vars, {
        reference: v('reference', side),
        type: side.type ? (t(`audits.type.${side.type as 'stage1'}`) as string) : '',
        date: day(format, after.date),
        reason: v('reason'),
        dates: start || end ? `${day(format, start ?? null)} – ${day(format, end ?? null)}` : changes(t, before, after),
        name: v('name', side),
        role: side.role ? (t(`audits.teamRole.${side.role as 'auditor'}`) as string) : '',
        days: format.number(Number(side.plannedDays ?? 0)),
      });
      break;
    }
    case 'auditor.competence_updated':
      Object.assign(vars, {
        name: v('name'),
        scheme: after.scheme ? (t(`audits.scheme.${after.scheme as 'iso42001'}`) as string) : '',
        changes: Object.keys(before)
          .map((k) => {
            const show = (x: unknown) => (Array.isArray(x) ? x.join(', ') : typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x) ? day(format, x) : value(t, k, x));
            return t('audit.change', { field: t(`auditors.fields.${k as 'qualification'}`, { defaultValue: k }), from: show(before[k]), to: show(after[k]), interpolation: { escapeValue: false } });
          })
          .join(', '),
      });
      break;
    case 'auditor.competence_recorded':
    case 'auditor.competence_deleted': {
      const side = e.action === 'auditor.competence_deleted' ? before : after;
      Object.assign(vars, {
        name: v('name', side),
        scheme: side.scheme ? (t(`audits.scheme.${side.scheme as 'iso42001'}`) as string) : '',
        qualification: v('qualification', side),
        from: day(format, side.validFrom as string | null),
        until: day(format, side.validUntil as string | null),
      });
      break;
    }
    case 'auditor.conflict_declared':
    case 'auditor.conflict_withdrawn': {
      const side = e.action === 'auditor.conflict_withdrawn' ? before : after;
      Object.assign(vars, {
        client: v('clientName', side),
        who: side.userId ? v('name', side) : (t('auditors.conflicts.theBody') as string),
        kind: t(`auditors.kind.${side.kind as 'consultancy'}`) as string,
      });
      break;
    }
    case 'technical_review.created':
    case 'technical_review.updated':
    case 'technical_review.completed':
      Object.assign(vars, {
        client: v('clientName'),
        audit: v('auditReference'),
        reviewer: v('reviewerName'),
        recommendation: after.recommendation ? (t(`decisions.kind.${after.recommendation as 'grant'}`) as string) : '',
      });
      break;
    case 'cert_decision.taken':
      Object.assign(vars, {
        reference: v('reference'),
        client: v('clientName'),
        kind: t(`decisions.kind.${after.kind as 'grant'}`) as string,
        certificate: after.certificateNumber ? ` (${String(after.certificateNumber)})` : '',
      });
      break;
    case 'certificate.issued':
      Object.assign(vars, {
        number: v('number'),
        revision: String(after.revision ?? 0),
        holder: v('holderName'),
        how: t(`certificates.audit.kind.${after.kind as 'grant'}`),
        from: day(format, after.effectiveDate),
        until: day(format, after.expiryDate),
      });
      break;
    case 'certificate.suspended':
    case 'certificate.reinstated':
    case 'certificate.withdrawn':
    case 'certificate.expired':
      Object.assign(vars, {
        number: v('number'),
        holder: v('holderName'),
        from: day(format, after.effectiveOn),
        until: day(format, after.suspendedUntil),
        reason: String(after[t('certificates.audit.reasonField')] ?? after.reasonEn ?? ''),
      });
      break;
    case 'engagement.aims_read':
      Object.assign(vars, {
        body: v('bodyName'),
        organization: v('organizationName'),
        resource: t(`audits.resource.${after.resource as 'soa'}`),
        record: after.recordId ? ` (${String(after.recordId)})` : '',
      });
      break;
    case 'programme.alert_raised':
      Object.assign(vars, { kind: t(`cycle.alertKind.${after.kind as 'surveillance_overdue'}`) as string, dueOn: day(format, after.dueOn) });
      break;
    case 'programme.cycle_opened':
      Object.assign(vars, {
        cycle: format.number(Number(after.cycle ?? 0)),
        body: v('body'),
        organization: v('organization'),
        decisionDate: day(format, after.decisionDate),
        expiryDate: day(format, after.expiryDate),
      });
      break;
  }
  // React escapes on render: i18next must not escape a second time (« l’équipe » stays readable).
  return t(`audit.sentences.${key}` as never, { ...vars, interpolation: { escapeValue: false } } as never) as unknown as string;
}
