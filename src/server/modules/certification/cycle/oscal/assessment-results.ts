import { randomUUID } from 'node:crypto';
import { AUDIT_TYPE_LABEL, CLASS_LABEL, dayTime, iso, line, methodsOf, OSCAL_VERSION, parties, prop, prose, uuidV5, type TLang } from './oscal-common.ts';

/*
 * An audit's findings as an OSCAL 1.x assessment-results document (pure: the service loads the
 * model). One result for the audit: every requirement the checklist covered is a reviewed control;
 * each audit finding is an observation (its objective evidence, how it was gathered) and a finding
 * on the statement of the control it concerns — not-satisfied for a nonconformity, satisfied for
 * an observation or an opportunity for improvement; each requirement the checklist found conforming
 * is a satisfied finding too, on the auditor's notes.
 */

export type TArFinding = {
  id: string;
  reference: string;
  class: 'major' | 'minor' | 'observation' | 'opportunity';
  state: string;
  ref: string | null;
  statement: string;
  evidence: string;
  raisedAt: Date | string;
  responseDueOn: string | null;
  closureDueOn: string | null;
  section: string | null;
};

export type TArModel = {
  audit: { id: string; reference: string; type: string; state: string; start: string | null; end: string | null; planHref: string };
  body: { tenantId: string; name: string };
  client: { id: string; name: string; reference: string };
  framework: { id: string; version: string } | null;
  /** ref → control id (controlIds over the framework version). */
  controlIds: Map<string, string>;
  /** Requirements the checklist covered, in its order. */
  reviewed: string[];
  findings: TArFinding[];
  conforming: { itemId: string; ref: string; section: string; notes: string; updatedAt: Date | string | null }[];
  now: Date;
  lang: TLang;
};

const T = {
  en: {
    title: (ref: string, type: string, client: string) => `Assessment results of the ${type} ${ref} — ${client}`,
    result: (ref: string) => `Audit ${ref}`,
    resultDesc: (type: string, client: string, body: string) => `Findings of the ${type} of ${client} by ${body}.`,
    finding: (r: string, cls: string, ref: string | null) => `${r} — ${cls}${ref ? ` (${ref})` : ''}`,
    conforming: (ref: string) => `Requirement ${ref} conforming`,
    conformingDesc: 'The audit found this requirement implemented and effective.',
    plan: (ref: string) => `Audit plan of ${ref}`,
  },
  fr: {
    title: (ref: string, type: string, client: string) => `Résultats d’évaluation de l’${type} ${ref} — ${client}`,
    result: (ref: string) => `Audit ${ref}`,
    resultDesc: (type: string, client: string, body: string) => `Constats de l’${type} de ${client} par ${body}.`,
    finding: (r: string, cls: string, ref: string | null) => `${r} — ${cls}${ref ? ` (${ref})` : ''}`,
    conforming: (ref: string) => `Exigence ${ref} conforme`,
    conformingDesc: 'L’audit a constaté que cette exigence est mise en œuvre et efficace.',
    plan: (ref: string) => `Plan d’audit de ${ref}`,
  },
};

/** The statement id a finding targets: the control's statement part, as the catalog export names it. */
const statementId = (ids: Map<string, string>, ref: string) => `${ids.get(ref) ?? ref}_smt`;

export function toAssessmentResults(m: TArModel) {
  const t = T[m.lang];
  const type = AUDIT_TYPE_LABEL[m.lang][m.audit.type] ?? m.audit.type;
  const p = parties(m.body, m.client);
  const origins = [{ actors: [{ type: 'party', 'actor-uuid': p.bodyUuid }] }];
  const planUuid = uuidV5(`audit-plan:${m.audit.id}`);
  const start = m.audit.start ? dayTime(m.audit.start) : iso(m.now);

  const reviewed = [...new Set([...m.reviewed, ...m.findings.flatMap((f) => (f.ref ? [f.ref] : []))])];
  const observations = [
    ...m.findings.map((f) => ({
      uuid: uuidV5(`observation:finding:${f.id}`),
      title: line(f.reference),
      description: prose(f.evidence || f.statement),
      props: [prop('finding-reference', f.reference), prop('finding-class', f.class)],
      methods: methodsOf(f.section),
      types: ['finding'],
      origins,
      collected: iso(f.raisedAt),
    })),
    ...m.conforming.map((c) => ({
      uuid: uuidV5(`observation:checklist-item:${c.itemId}`),
      title: line(c.ref),
      description: prose(c.notes, t.conformingDesc),
      methods: methodsOf(c.section),
      types: ['control-objective'],
      origins,
      collected: c.updatedAt ? iso(c.updatedAt) : start,
    })),
  ];
  const findings = [
    ...m.findings.map((f) => {
      const nc = f.class === 'major' || f.class === 'minor';
      return {
        uuid: uuidV5(`finding:${f.id}`),
        title: line(t.finding(f.reference, CLASS_LABEL[m.lang][f.class]!, f.ref)),
        description: prose(f.statement),
        props: [
          prop('finding-reference', f.reference),
          prop('finding-class', f.class),
          prop('finding-state', f.state),
          ...(f.responseDueOn ? [prop('response-due-on', f.responseDueOn)] : []),
          ...(f.closureDueOn ? [prop('closure-due-on', f.closureDueOn)] : []),
        ],
        origins,
        target: {
          type: 'statement-id',
          'target-id': f.ref ? statementId(m.controlIds, f.ref) : `${m.audit.reference.toLowerCase()}_general`,
          ...(f.ref ? { title: line(f.ref) } : {}),
          status: nc ? { state: 'not-satisfied', reason: 'fail' } : { state: 'satisfied', reason: 'other' },
        },
        'related-observations': [{ 'observation-uuid': uuidV5(`observation:finding:${f.id}`) }],
      };
    }),
    ...m.conforming.map((c) => ({
      uuid: uuidV5(`finding:checklist-item:${c.itemId}`),
      title: line(t.conforming(c.ref)),
      description: t.conformingDesc,
      origins,
      target: { type: 'statement-id', 'target-id': statementId(m.controlIds, c.ref), title: line(c.ref), status: { state: 'satisfied', reason: 'pass' } },
      'related-observations': [{ 'observation-uuid': uuidV5(`observation:checklist-item:${c.itemId}`) }],
    })),
  ];

  return {
    'assessment-results': {
      uuid: randomUUID(),
      metadata: {
        title: line(t.title(m.audit.reference, type, m.client.name)),
        'last-modified': iso(m.now),
        version: m.audit.reference,
        'oscal-version': OSCAL_VERSION,
        parties: p.list,
        props: [prop('audit-reference', m.audit.reference), prop('audit-type', m.audit.type), prop('audit-state', m.audit.state), ...(m.framework ? [prop('framework', `${m.framework.id}@${m.framework.version}`)] : [])],
      },
      'import-ap': { href: `#${planUuid}` },
      results: [
        {
          uuid: uuidV5(`result:${m.audit.id}`),
          title: line(t.result(m.audit.reference)),
          description: line(t.resultDesc(type, m.client.name, m.body.name)),
          start,
          ...(m.audit.end ? { end: dayTime(m.audit.end) } : {}),
          'reviewed-controls': {
            'control-selections': [reviewed.length ? { 'include-controls': reviewed.map((ref) => ({ 'control-id': m.controlIds.get(ref) ?? ref })) } : { 'include-all': {} }],
          },
          ...(observations.length ? { observations } : {}),
          ...(findings.length ? { findings } : {}),
        },
      ],
      'back-matter': { resources: [{ uuid: planUuid, title: line(t.plan(m.audit.reference)), rlinks: [{ href: m.audit.planHref, 'media-type': 'application/json' }] }] },
    },
  };
}
