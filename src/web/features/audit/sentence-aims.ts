import { changes, day, type TPayload, type TSentenceBuilder } from './sentence-parts.ts';

/** The organization's AIMS: AI systems, catalogs, impact assessments, SoA, risks, documents, controls, evidence and the records. */
export const aimsSentence: TSentenceBuilder = (p) => {
  const { t, format, e, before, after, v, vars } = p;
  switch (e.action) {
    case 'ai_system.created':
      vars.name = v('name');
      return true;
    case 'ai_system.updated':
      vars.changes = changes(t, before, after);
      return true;
    case 'ai_system.classified':
      // An unchanged tier is left out of `after` (only changes are recorded): read it from before.
      Object.assign(vars, { tier: v('tier', 'tier' in after ? after : before), version: v('version') });
      return true;
    case 'catalog.framework_imported':
    case 'catalog.framework_made_current':
      Object.assign(vars, { id: v('id'), version: v('version'), requirements: format.number(Number(after.requirements ?? 0)) });
      return true;
    case 'impact_assessment.created':
    case 'impact_assessment.updated':
    case 'impact_assessment.submitted':
    case 'impact_assessment.returned':
    case 'impact_assessment.approved':
    case 'impact_assessment.version_started':
    case 'impact_assessment.risk_linked':
      // An edit records only what changed: the title and version come from either side.
      Object.assign(vars, { title: v('title', 'title' in after ? after : before), version: v('version', 'version' in after ? after : before), comment: v('comment') });
      return true;
    case 'soa.draft_started':
    case 'soa.submitted':
    case 'soa.rejected':
    case 'soa.approved':
      Object.assign(vars, { number: v('number'), basedOn: v('basedOnNumber'), comment: v('comment') });
      if (e.action === 'soa.draft_started' && after.basedOnNumber === null) p.key = 'soa.draft_started_blank';
      return true;
    case 'soa.entry_updated':
      vars.ref = v('ref');
      return true;
    case 'impact_assessment.settings_updated':
      vars.changes = changes(t, before, after);
      return true;
    case 'impact_assessment.review_due':
      Object.assign(vars, { title: v('title'), version: v('version'), nextReviewOn: day(format, after.nextReviewOn) });
      return true;
    case 'risk.created':
      vars.title = v('title');
      return true;
    case 'risk.updated':
      // The changed fields, named in the reader's language (the register's own labels).
      vars.fields = Object.keys(after)
        .map((k) => t(`risks.fields.${k}` as never, { defaultValue: k } as never) as unknown as string)
        .join(', ');
      return true;
    case 'risk.accepted':
      Object.assign(vars, { title: v('title'), score: format.number(Number((after.residual as TPayload | undefined)?.score ?? 0)), expiresOn: day(format, after.expiresOn) });
      return true;
    case 'risk.reopened':
    case 'risk.closed':
      Object.assign(vars, { title: v('title', before), reason: v('reason') });
      return true;
    case 'risk.acceptance_expired':
      Object.assign(vars, { title: v('title', before), expiresOn: day(format, after.expiresOn) });
      return true;
    case 'document.created':
    case 'document.submitted':
    case 'document.published':
      Object.assign(vars, { title: v('title'), version: v('version') });
      return true;
    case 'document.updated':
      // The changed fields, named in the reader's language (the documents' own labels).
      vars.title = v('title', 'title' in after ? after : before);
      vars.fields = Object.keys(after)
        .filter((k) => k !== 'title' || before.title !== undefined)
        .map((k) => t(`documents.fields.${k}` as never, { defaultValue: k } as never) as unknown as string)
        .join(', ');
      return true;
    case 'document.version_added':
    case 'document.approved':
      Object.assign(vars, {
        title: v('title'),
        version: v('version'),
        sha256: String(after.sha256 ?? '').slice(0, 12),
        approvals: format.number(Number(after.approvals ?? 0)),
        quorum: format.number(Number(after.quorum ?? 0)),
      });
      return true;
    case 'document.review_overdue':
      Object.assign(vars, { title: v('title'), nextReviewOn: day(format, after.nextReviewOn) });
      return true;
    case 'risk_matrix.updated':
      vars.version = format.number(Number(after.version ?? 0));
      return true;
    case 'control.created':
      Object.assign(vars, { reference: v('reference'), title: v('title') });
      return true;
    case 'control.updated':
      // The changed fields, named in the reader's language (the controls' own labels).
      vars.fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .map((k) => t(`controls.fields.${k}` as never, { defaultValue: k } as never) as unknown as string)
        .join(', ');
      return true;
    case 'control.requirement_linked':
    case 'control.requirement_unlinked':
    case 'control.suggestion_dismissed': {
      const side = e.action === 'control.requirement_unlinked' ? before : after;
      Object.assign(vars, { reference: v('reference', side), framework: v('frameworkId', side), ref: v('ref', side) });
      const via = after.via as TPayload | undefined;
      if (e.action === 'control.requirement_linked' && after.origin === 'crosswalk' && via) {
        p.key = 'control.requirement_linked_crosswalk';
        vars.via = `${String(via.frameworkId)} ${String(via.ref)}`;
      }
      return true;
    }
    case 'framework.adopted':
    case 'framework.unadopted': {
      const side = e.action === 'framework.unadopted' ? before : after;
      Object.assign(vars, { framework: v('frameworkId', side), version: v('version', side) });
      return true;
    }
    case 'evidence.created':
    case 'evidence.updated':
    case 'evidence.submitted':
    case 'evidence.accepted':
    case 'evidence.rejected':
    case 'evidence.revised':
      Object.assign(vars, { title: v('title'), revision: format.number(Number(after.revision ?? 0)), comment: v('comment') });
      return true;
    case 'evidence.expired':
      Object.assign(vars, { title: v('title'), validUntil: day(format, after.validUntil) });
      return true;
    case 'evidence.settings_updated':
      Object.assign(vars, { from: format.number(Number(before.contemporaneityDays ?? 0)), to: format.number(Number(after.contemporaneityDays ?? 0)) });
      return true;
    case 'audit_programme.created':
    case 'internal_audit.created':
    case 'management_review.created':
    case 'nonconformity.created':
    case 'ai_incident.created':
      vars.title = v('title');
      return true;
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
      return true;
    case 'nonconformity.closed':
    case 'nonconformity.action_not_effective':
      Object.assign(vars, { title: v('title', before), checkedOn: day(format, after.checkedOn) });
      return true;
    case 'internal_audit.finding_recorded':
      Object.assign(vars, { title: v('auditTitle'), type: t(`records.audits.findingType.${String(after.type)}` as never, { defaultValue: String(after.type) } as never) as unknown as string });
      return true;
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
      return true;
    }
    case 'ai_incident.settings_updated':
      vars.days = after.seriousReportDays === null || after.seriousReportDays === undefined ? t('common.none') : format.number(Number(after.seriousReportDays));
      return true;
    case 'aims_scope.version_started':
    case 'aims_scope.updated':
      vars.version = format.number(Number(after.version ?? 0));
      return true;
    case 'aims_scope.approved':
      Object.assign(vars, { version: format.number(Number(after.version ?? 0)), count: format.number(Array.isArray(after.aiSystems) ? after.aiSystems.length : 0) });
      return true;
    case 'interested_party.created':
    case 'interested_party.updated':
      // An edit records only what changed: the name comes from either side.
      vars.name = v('name', 'name' in after ? after : before);
      return true;
    case 'aims_objective.created':
    case 'aims_objective.updated':
      vars.title = v('title', 'title' in after ? after : before);
      return true;
    case 'aims_objective.result_recorded':
      Object.assign(vars, {
        title: v('title'),
        value: `${format.number(Number(after.value ?? 0))}${after.unit ? ` ${String(after.unit)}` : ''}`,
        measuredOn: day(format, after.measuredOn),
        outcome: after.met ? t('audit.targetOutcome.met') : t('audit.targetOutcome.notMet'),
      });
      return true;
    case 'competence_record.created':
    case 'competence_record.updated':
      Object.assign(vars, { person: v('person', 'person' in after ? after : before), role: v('role', 'role' in after ? after : before) });
      return true;
    default:
      return false;
  }
};
