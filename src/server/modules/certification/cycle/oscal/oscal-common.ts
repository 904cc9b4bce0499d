import { OSCAL_VERSION, oscalId, uuidV5 } from '../../../catalog/catalog-oscal.ts';

/*
 * What the assessment-results and POA&M exports share with the catalog export (catalog-oscal.ts):
 * the same name-based UUIDs (v5 in Attest's namespace) and the same control ids, so a finding's
 * `target-id` names the statement of the control the catalog export writes (`a.6.2.4_smt`).
 * Object UUIDs are derived from the record ids (stable from one export to the next); the document
 * UUID is random per export, as OSCAL asks of a new document instance.
 */

export { OSCAL_VERSION, uuidV5 };

/** The namespace of Attest's own props (a URN: no web address to keep alive). */
export const ATTEST_NS = 'urn:attest:oscal';

export type TLang = 'en' | 'fr';

/** The control ids of a framework version, computed over all its requirements in document order as the catalog export does. */
export function controlIds(rows: readonly { ref: string; kind: string }[]): Map<string, string> {
  const used = new Set<string>();
  return new Map(rows.map((r) => [r.ref, oscalId(r.ref, r.kind, used)]));
}

/** OSCAL "string" values: no leading, trailing or line-breaking whitespace. */
export const line = (s: string, fallback = '—') => s.replace(/\s+/g, ' ').trim() || fallback;
/** Multi-line prose: kept as written, trimmed, never empty. */
export const prose = (s: string, fallback = '—') => s.trim() || fallback;

/** A calendar day as an OSCAL date-time: midnight UTC of that day. */
export const dayTime = (day: string) => `${day}T00:00:00Z`;
export const iso = (d: Date | string) => new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const prop = (name: string, value: string) => ({ name, value: line(value), ns: ATTEST_NS });

/** The two parties of every certification document: the body and its client. */
export function parties(body: { tenantId: string; name: string }, client: { id: string; name: string; reference: string }) {
  return {
    bodyUuid: uuidV5(`party:tenant:${body.tenantId}`),
    clientUuid: uuidV5(`party:client:${client.id}`),
    list: [
      { uuid: uuidV5(`party:tenant:${body.tenantId}`), type: 'organization', name: line(body.name) },
      { uuid: uuidV5(`party:client:${client.id}`), type: 'organization', name: line(client.name), props: [prop('client-reference', client.reference)] },
    ],
  };
}

export const CLASS_LABEL: Record<TLang, Record<string, string>> = {
  en: { major: 'major nonconformity', minor: 'minor nonconformity', observation: 'observation', opportunity: 'opportunity for improvement' },
  fr: { major: 'non-conformité majeure', minor: 'non-conformité mineure', observation: 'observation', opportunity: 'piste d’amélioration' },
};

export const AUDIT_TYPE_LABEL: Record<TLang, Record<string, string>> = {
  en: { pre_audit: 'pre-audit', stage1: 'stage 1 audit', stage2: 'stage 2 audit', surveillance: 'surveillance audit', recertification: 'recertification audit', special: 'special audit', follow_up: 'follow-up verification' },
  fr: { pre_audit: 'audit à blanc', stage1: 'audit d’étape 1', stage2: 'audit d’étape 2', surveillance: 'audit de surveillance', recertification: 'audit de renouvellement', special: 'audit spécial', follow_up: 'vérification de suivi' },
};

/**
 * How a checklist section was audited, as OSCAL observation methods: documented information is
 * examined, a sample is tested, a clause, control or prior nonconformity is examined and discussed
 * with the people who run it. A finding outside the checklist was at least examined.
 */
export function methodsOf(section: string | null): ('EXAMINE' | 'INTERVIEW' | 'TEST')[] {
  if (section === 'sample') return ['TEST'];
  if (section === 'clause' || section === 'control' || section === 'prior_nonconformity') return ['EXAMINE', 'INTERVIEW'];
  return ['EXAMINE'];
}
