import { randomUUID } from 'node:crypto';
import { CLASS_LABEL, dayTime, iso, line, methodsOf, OSCAL_VERSION, parties, prop, prose, uuidV5, type TLang } from './oscal-common.ts';

/*
 * A programme's open nonconformities and their corrective actions as an OSCAL 1.x plan of action
 * and milestones (pure: the service loads the model). "Open" = a major not yet verified or closed,
 * or a minor not yet closed. Each becomes a POA&M item tied to:
 *  - an observation (the objective evidence) and a finding (not-satisfied, on the control's statement);
 *  - a risk whose status follows the finding (open: no accepted answer; investigating: an answer
 *    waits for the auditor; remediating: the plan is accepted), whose deadline is the next due date
 *    (closure, else verification, else response), and whose remediations are the organization's
 *    submissions: the accepted one 'planned', a pending one a 'recommendation', rejected ones kept
 *    in the remarks of the item's history.
 */

export type TPoamResponse = {
  id: string;
  version: number;
  correction: string;
  rootCause: string;
  correctiveAction: string;
  plannedCompletionOn: string | null;
  verdict: 'accepted' | 'rejected' | null;
  verdictReason: string;
  submittedAt: string;
};

export type TPoamNc = {
  id: string;
  reference: string;
  auditReference: string;
  class: 'major' | 'minor';
  state: string;
  ref: string | null;
  statement: string;
  evidence: string;
  raisedAt: Date | string;
  responseDueOn: string | null;
  closureDueOn: string | null;
  verificationDueOn: string | null;
  section: string | null;
  responses: TPoamResponse[];
};

export type TPoamModel = {
  programme: { id: string; cycle: number };
  body: { tenantId: string; name: string };
  client: { id: string; name: string; reference: string };
  controlIds: Map<string, string>;
  items: TPoamNc[];
  now: Date;
  lang: TLang;
};

const T = {
  en: {
    title: (client: string, cycle: number) => `Plan of action and milestones — ${client}, certification cycle ${cycle}`,
    item: (r: string, cls: string, ref: string | null) => `${r} — ${cls}${ref ? ` (${ref})` : ''}`,
    response: (v: number) => `Corrective action, submission ${v}`,
    body: (c: string, rc: string, ca: string) => `Correction: ${c}\n\nRoot cause: ${rc}\n\nCorrective action: ${ca}`,
    rejected: (v: number, reason: string) => `Submission ${v} rejected: ${reason}`,
    statement: (cls: string, ref: string | null, audit: string) => `A ${cls}${ref ? ` against ${ref}` : ''} raised in audit ${audit}.`,
  },
  fr: {
    title: (client: string, cycle: number) => `Plan d’actions et jalons — ${client}, cycle de certification ${cycle}`,
    item: (r: string, cls: string, ref: string | null) => `${r} — ${cls}${ref ? ` (${ref})` : ''}`,
    response: (v: number) => `Action corrective, soumission ${v}`,
    body: (c: string, rc: string, ca: string) => `Correction : ${c}\n\nCause racine : ${rc}\n\nAction corrective : ${ca}`,
    rejected: (v: number, reason: string) => `Soumission ${v} refusée : ${reason}`,
    statement: (cls: string, ref: string | null, audit: string) => `Une ${cls}${ref ? ` sur ${ref}` : ''} relevée lors de l’audit ${audit}.`,
  },
};

const riskStatus = (state: string) => (state === 'accepted' ? 'remediating' : state === 'submitted' ? 'investigating' : 'open');

export function toPoam(m: TPoamModel) {
  const t = T[m.lang];
  const p = parties(m.body, m.client);
  const origins = [{ actors: [{ type: 'party', 'actor-uuid': p.bodyUuid }] }];
  const clientOrigins = [{ actors: [{ type: 'party', 'actor-uuid': p.clientUuid }] }];

  const observations = m.items.map((f) => ({
    uuid: uuidV5(`observation:finding:${f.id}`),
    title: line(f.reference),
    description: prose(f.evidence || f.statement),
    methods: methodsOf(f.section),
    types: ['finding'],
    origins,
    collected: iso(f.raisedAt),
  }));
  const risks = m.items.map((f) => {
    const cls = CLASS_LABEL[m.lang][f.class]!;
    const deadline = f.closureDueOn ?? f.verificationDueOn ?? f.responseDueOn;
    const remediations = f.responses
      .filter((r) => r.verdict !== 'rejected')
      .map((r) => ({
        uuid: uuidV5(`response:${r.id}`),
        lifecycle: r.verdict === 'accepted' ? 'planned' : 'recommendation',
        title: line(t.response(r.version)),
        description: prose(t.body(r.correction, r.rootCause, r.correctiveAction)),
        props: [prop('submission', String(r.version)), ...(r.plannedCompletionOn ? [prop('planned-completion-on', r.plannedCompletionOn)] : [])],
        origins: clientOrigins,
      }));
    const rejected = f.responses.filter((r) => r.verdict === 'rejected').map((r) => t.rejected(r.version, line(r.verdictReason)));
    return {
      uuid: uuidV5(`risk:${f.id}`),
      title: line(t.item(f.reference, cls, f.ref)),
      description: prose(f.statement),
      statement: line(t.statement(cls, f.ref, f.auditReference)),
      props: [prop('finding-class', f.class), prop('finding-state', f.state)],
      status: riskStatus(f.state),
      origins,
      ...(deadline ? { deadline: dayTime(deadline) } : {}),
      ...(remediations.length ? { remediations } : {}),
      'related-observations': [{ 'observation-uuid': uuidV5(`observation:finding:${f.id}`) }],
      ...(rejected.length ? { 'risk-log': { entries: rejected.map((text, i) => ({ uuid: uuidV5(`risk-log:${f.id}:${i}`), title: line(text), start: iso(f.responses.filter((r) => r.verdict === 'rejected')[i]!.submittedAt) })) } } : {}),
    };
  });
  const findings = m.items.map((f) => ({
    uuid: uuidV5(`finding:${f.id}`),
    title: line(t.item(f.reference, CLASS_LABEL[m.lang][f.class]!, f.ref)),
    description: prose(f.statement),
    origins,
    target: {
      type: 'statement-id',
      'target-id': f.ref ? `${m.controlIds.get(f.ref) ?? f.ref}_smt` : `${f.reference.toLowerCase()}_general`,
      ...(f.ref ? { title: line(f.ref) } : {}),
      status: { state: 'not-satisfied', reason: 'fail' },
    },
    'related-observations': [{ 'observation-uuid': uuidV5(`observation:finding:${f.id}`) }],
    'related-risks': [{ 'risk-uuid': uuidV5(`risk:${f.id}`) }],
  }));
  const items = m.items.map((f) => ({
    uuid: uuidV5(`poam-item:${f.id}`),
    title: line(t.item(f.reference, CLASS_LABEL[m.lang][f.class]!, f.ref)),
    description: prose(f.statement),
    props: [prop('finding-reference', f.reference), prop('audit-reference', f.auditReference)],
    origins,
    'related-findings': [{ 'finding-uuid': uuidV5(`finding:${f.id}`) }],
    'related-observations': [{ 'observation-uuid': uuidV5(`observation:finding:${f.id}`) }],
    'related-risks': [{ 'risk-uuid': uuidV5(`risk:${f.id}`) }],
  }));

  return {
    'plan-of-action-and-milestones': {
      uuid: randomUUID(),
      metadata: {
        title: line(t.title(m.client.name, m.programme.cycle)),
        'last-modified': iso(m.now),
        version: `cycle-${m.programme.cycle}`,
        'oscal-version': OSCAL_VERSION,
        parties: p.list,
      },
      'system-id': { 'identifier-type': 'https://ietf.org/rfc/rfc4122', id: uuidV5(`system:client:${m.client.id}`) },
      ...(observations.length ? { observations, risks, findings } : {}),
      'poam-items': items,
    },
  };
}
