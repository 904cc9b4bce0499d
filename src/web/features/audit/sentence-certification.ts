import { value, changes, day, type TSentenceBuilder } from './sentence-parts.ts';

/** The certification body's work: intake, clients, audits and auditors, findings, technical reviews, decisions, certificates and the cycle. */
export const certificationSentence: TSentenceBuilder = (p) => {
  const { t, format, e, before, after, v, vars } = p;
  switch (e.action) {
    case 'audit_time.table_version_created':
      Object.assign(vars, { version: format.number(Number(after.version ?? 0)), name: v('name') });
      return true;
    case 'audit_time.calculation_recorded':
      Object.assign(vars, {
        initialDays: format.number(Number(after.initialDays ?? 0)),
        cycleDays: format.number(Number(after.cycleDays ?? 0)),
        client: v('clientReference'),
        table: t(`auditTime.tableRef.${after.tableSource === 'body' ? 'body' : 'default'}` as never, { version: format.number(Number(after.tableVersion ?? 0)) } as never) as unknown as string,
      });
      return true;
    case 'audit_checklist.generated':
      Object.assign(vars, { reference: v('auditReference'), count: format.number(Number(after.items ?? 0)) });
      return true;
    case 'audit_checklist.item_recorded':
      Object.assign(vars, {
        reference: v('auditReference'),
        ref: v('ref'),
        verdict: t(`auditWork.verdict.${after.verdict === undefined ? 'unchanged' : after.verdict === null ? 'open' : String(after.verdict)}` as never) as unknown as string,
      });
      return true;
    case 'audit_report.updated':
      vars.reference = v('auditReference');
      return true;
    case 'audit_report.issued':
      vars.reference = v('auditReference');
      return true;
    case 'audit_plan.updated':
    case 'audit_plan.revised':
    case 'audit_plan.issued':
    case 'audit_plan.acknowledged':
      Object.assign(vars, { reference: v('auditReference'), version: format.number(Number(after.version ?? 0)), body: v('bodyName'), organization: v('organizationName') });
      return true;
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
      return true;
    case 'proposal.created':
    case 'proposal.updated':
    case 'proposal.sent':
    case 'proposal.withdrawn':
    case 'proposal.accepted':
    case 'proposal.declined':
      Object.assign(vars, { reference: v('reference'), client: v('client'), email: v('recipientEmail'), reason: v('reason'), organization: v('organization'), ip: v('ip') });
      return true;
    case 'engagement.opened':
      // A SOC 2 engagement plans no audits: its examinations are opened on it.
      if (String(after.scheme ?? '').startsWith('soc2-')) p.key = 'engagement.openedSoc2';
      Object.assign(vars, { scheme: v('scheme'), body: v('body'), organization: v('organization'), proposal: v('proposal'), count: format.number(Number(after.audits ?? 0)) });
      return true;
    case 'body_settings.updated':
      vars.fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].map((k) => t(`intake.settings.fields.${k}` as never, { defaultValue: k } as never) as unknown as string).join(', ');
      return true;
    case 'quote_request.received':
      Object.assign(vars, { organization: v('organizationName'), standards: (Array.isArray(after.standards) ? after.standards : []).map((x) => t(`intake.standards.${String(x)}` as never, { defaultValue: String(x) } as never) as unknown as string).join(', ') });
      return true;
    case 'quote_request.converted':
      Object.assign(vars, { organization: v('organizationName'), reference: v('clientReference') });
      return true;
    case 'quote_request.declined':
      Object.assign(vars, { organization: v('organizationName'), reason: v('reason') });
      return true;
    case 'client.created':
      Object.assign(vars, { reference: v('reference'), name: v('legalName') });
      return true;
    case 'client.updated':
      Object.assign(vars, {
        name: v('legalName', 'legalName' in after ? after : before),
        fields: [...new Set([...Object.keys(before), ...Object.keys(after)])]
          .filter((k) => k !== 'legalName' || 'legalName' in before)
          .map((k) => t(`intake.client.fields.${k}` as never, { defaultValue: k } as never) as unknown as string)
          .join(', '),
      });
      return true;
    case 'client_site.added':
    case 'client_site.updated':
    case 'client_site.removed': {
      const side = e.action === 'client_site.removed' ? before : after;
      Object.assign(vars, { name: v('clientName', side), site: v('name', side) });
      return true;
    }
    case 'client_ai_system.added':
    case 'client_ai_system.updated':
    case 'client_ai_system.removed': {
      const side = e.action === 'client_ai_system.removed' ? before : after;
      Object.assign(vars, { name: v('clientName', side), system: v('name', side) });
      return true;
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
      return true;
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
      return true;
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
      return true;
    }
    case 'auditor.conflict_declared':
    case 'auditor.conflict_withdrawn': {
      const side = e.action === 'auditor.conflict_withdrawn' ? before : after;
      Object.assign(vars, {
        client: v('clientName', side),
        who: side.userId ? v('name', side) : (t('auditors.conflicts.theBody') as string),
        kind: t(`auditors.kind.${side.kind as 'consultancy'}`) as string,
      });
      return true;
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
      return true;
    case 'cert_decision.taken':
      Object.assign(vars, {
        reference: v('reference'),
        client: v('clientName'),
        kind: t(`decisions.kind.${after.kind as 'grant'}`) as string,
        certificate: after.certificateNumber ? ` (${String(after.certificateNumber)})` : '',
      });
      return true;
    case 'certificate.issued':
      Object.assign(vars, {
        number: v('number'),
        revision: String(after.revision ?? 0),
        holder: v('holderName'),
        how: t(`certificates.audit.kind.${after.kind as 'grant'}`),
        from: day(format, after.effectiveDate),
        until: day(format, after.expiryDate),
      });
      return true;
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
      return true;
    case 'engagement.aims_read':
      Object.assign(vars, {
        body: v('bodyName'),
        organization: v('organizationName'),
        resource: t(`audits.resource.${after.resource as 'soa'}`),
        record: after.recordId ? ` (${String(after.recordId)})` : '',
      });
      return true;
    case 'programme.alert_raised':
      Object.assign(vars, { kind: t(`cycle.alertKind.${after.kind as 'surveillance_overdue'}`) as string, dueOn: day(format, after.dueOn) });
      return true;
    case 'programme.cycle_opened':
      Object.assign(vars, {
        cycle: format.number(Number(after.cycle ?? 0)),
        body: v('body'),
        organization: v('organization'),
        decisionDate: day(format, after.decisionDate),
        expiryDate: day(format, after.expiryDate),
      });
      return true;
    default:
      return false;
  }
};
