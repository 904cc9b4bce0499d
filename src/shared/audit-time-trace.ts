import type { TAuditTimeTableRef, TTraceStep } from './contracts/audit-time.ts';
import type { TLocale } from './contracts/common.ts';
import { formatNumber } from './format.ts';

/*
 * The audit-time trace in words, EN or FR: the calculator page shows it and the proposal PDF
 * prints it in the client's language (IAF MD5 expects the client to receive the justification).
 * It lives here, not in the web's i18n files, because the server's documents render it too.
 * Every step carries its own numbers, so a reviewer can redo each line by hand.
 */

const NBSP = '\u00a0';
type P = TTraceStep['params'];

const num = (l: TLocale, n: number) => formatNumber(l, n, { maximumFractionDigits: 3 });
const pct = (l: TLocale, n: number, signed = false) => {
  const body = `${signed && n > 0 ? '+' : n < 0 ? '−' : ''}${formatNumber(l, Math.abs(n))}`;
  return l === 'fr' ? `${body}${NBSP}%` : `${body}%`;
};
/** « 1,5 jour », « 2 jours »; "0.5 day", "1.5 days". */
export const formatDays = (l: TLocale, n: number, signed = false) => {
  const sign = signed && n > 0 ? '+' : '';
  const unit = l === 'fr' ? (Math.abs(n) < 2 ? 'jour' : 'jours') : Math.abs(n) <= 1 ? 'day' : 'days';
  return `${sign}${num(l, n)}${NBSP}${unit}`;
};
const n = (p: P, k: string) => Number(p[k] ?? 0);
const band = (l: TLocale, p: P) => (p.to === null ? (l === 'fr' ? `au-delà de ${num(l, n(p, 'from') - 1)}` : `over ${num(l, n(p, 'from') - 1)}`) : `${num(l, n(p, 'from'))}–${num(l, n(p, 'to'))}`);

const WORDS = {
  en: {
    role: { provider: 'provider', developer: 'developer', user: 'user' } as Record<string, string>,
    roleKey: { user: 'uses AI', producer: 'produces AI', severalRoles: 'several roles' } as Record<string, string>,
    level: { low: 'low', medium: 'medium', high: 'high' } as Record<string, string>,
    maturity: { initial: 'initial', established: 'established', mature: 'mature' } as Record<string, string>,
    cert: { iso27001: 'ISO/IEC 27001', iso9001: 'ISO 9001', iso27701: 'ISO/IEC 27701', iso14001: 'ISO 14001', other: 'another standard' } as Record<string, string>,
  },
  fr: {
    role: { provider: 'fournisseur', developer: 'développeur', user: 'utilisateur' } as Record<string, string>,
    roleKey: { user: 'utilise l’IA', producer: 'produit de l’IA', severalRoles: 'plusieurs rôles' } as Record<string, string>,
    level: { low: 'faible', medium: 'moyen', high: 'élevé' } as Record<string, string>,
    maturity: { initial: 'initial', established: 'établi', mature: 'mature' } as Record<string, string>,
    cert: { iso27001: 'ISO/IEC 27001', iso9001: 'ISO 9001', iso27701: 'ISO/IEC 27701', iso14001: 'ISO 14001', other: 'une autre norme' } as Record<string, string>,
  },
};

function factorLine(l: TLocale, p: P): string {
  const w = WORDS[l];
  const v = pct(l, n(p, 'pct'), true);
  const c = l === 'fr' ? `${NBSP}:` : ':';
  switch (p.kind) {
    case 'ai_role': {
      const roles = String(p.roles).split(',').map((r) => w.role[r] ?? r).join(', ');
      return l === 'fr' ? `Rôle vis-à-vis de l’IA (${roles}, ${w.roleKey[String(p.key)]})${c} ${v}` : `AI role (${roles}: ${w.roleKey[String(p.key)]})${c} ${v}`;
    }
    case 'high_risk':
      return l === 'fr'
        ? `Systèmes d’IA à haut risque${c} ${num(l, n(p, 'systems'))} × ${pct(l, n(p, 'perSystem'))}, au plus ${pct(l, n(p, 'max'))}${c} ${v}`
        : `High-risk AI systems: ${num(l, n(p, 'systems'))} × ${pct(l, n(p, 'perSystem'))}, at most ${pct(l, n(p, 'max'))}: ${v}`;
    case 'sector_risk':
      return l === 'fr' ? `Risque du secteur (${w.level[String(p.level)]})${c} ${v}` : `Sector risk (${w.level[String(p.level)]}): ${v}`;
    case 'aims_maturity':
      return l === 'fr' ? `Maturité du SMIA (${w.maturity[String(p.level)]})${c} ${v}` : `AIMS maturity (${w.maturity[String(p.level)]}): ${v}`;
    default:
      if (p.certification === null) return l === 'fr' ? `Aucun système de management certifié${c} ${v}` : `No certified management system: ${v}`;
      return l === 'fr' ? `Système de management certifié ${w.cert[String(p.certification)]}${c} ${v}` : `Certified management system ${w.cert[String(p.certification)]}: ${v}`;
  }
}

function stepLine(l: TLocale, s: TTraceStep): string {
  const p = s.params;
  const d = (k: string, signed = false) => formatDays(l, n(p, k), signed);
  const fr = l === 'fr';
  const c = fr ? `${NBSP}:` : ':';
  switch (s.code) {
    case 'effective_personnel':
      if (n(p, 'partTime') === 0) return fr ? `Effectif${c} ${num(l, n(p, 'effective'))} personnes à temps plein.` : `Effective personnel: ${num(l, n(p, 'effective'))} full-time people.`;
      return fr
        ? `Effectif${c} ${num(l, n(p, 'fullTime'))} à temps plein + ${num(l, n(p, 'partTime'))} à temps partiel (${num(l, n(p, 'partTimeFte'))}${NBSP}ETP) = ${num(l, n(p, 'effective'))} personnes (une personne entamée compte pour une).`
        : `Effective personnel: ${num(l, n(p, 'fullTime'))} full-time + ${num(l, n(p, 'partTime'))} part-time (${num(l, n(p, 'partTimeFte'))} FTE) = ${num(l, n(p, 'effective'))} people (a started person counts as one).`;
    case 'base_personnel': {
      const beyond =
        n(p, 'beyondSteps') > 0
          ? fr
            ? `, dont ${num(l, n(p, 'beyondSteps'))} × ${d('addDays')} par tranche de ${num(l, n(p, 'every'))} personnes au-delà du tableau`
            : `, of which ${num(l, n(p, 'beyondSteps'))} × ${d('addDays')} per ${num(l, n(p, 'every'))} people beyond the table`
          : '';
      return fr
        ? `Base du tableau${c} ${num(l, n(p, 'personnel'))} personnes, tranche ${band(l, p)} → ${d('days')}${beyond}.`
        : `Base from the table: ${num(l, n(p, 'personnel'))} people, band ${band(l, p)} → ${d('days')}${beyond}.`;
    }
    case 'base_ai_systems': {
      const beyond =
        n(p, 'beyondSteps') > 0
          ? fr
            ? `, dont ${num(l, n(p, 'beyondSteps'))} × ${d('addDays')} par tranche de ${num(l, n(p, 'every'))} systèmes au-delà du tableau`
            : `, of which ${num(l, n(p, 'beyondSteps'))} × ${d('addDays')} per ${num(l, n(p, 'every'))} systems beyond the table`
          : '';
      return fr
        ? `Systèmes d’IA dans le périmètre${c} ${num(l, n(p, 'aiSystems'))}, tranche ${band(l, p)} → ${d('days', true)}${beyond}.`
        : `AI systems in scope: ${num(l, n(p, 'aiSystems'))}, band ${band(l, p)} → ${d('days', true)}${beyond}.`;
    }
    case 'base_total':
      return fr ? `Base${c} ${d('days')}.` : `Base: ${d('days')}.`;
    case 'factor':
      return `${factorLine(l, p)}.`;
    case 'reduction_cap':
      return fr
        ? `Réductions cumulées de ${pct(l, n(p, 'requested'))}, plafonnées à ${pct(l, n(p, 'cap'))} (IAF MD5).`
        : `Reductions add up to ${pct(l, n(p, 'requested'))}, capped at ${pct(l, n(p, 'cap'))} (IAF MD5).`;
    case 'adjusted': {
      const formula = `${d('base')} × (100${fr ? NBSP : ''}% + ${pct(l, n(p, 'increases'))} − ${pct(l, n(p, 'reductions'))})`;
      return fr
        ? `Ajusté${c} ${formula} = ${d('exact')}, arrondi à la demi-journée la plus proche${c} ${d('days')}.`
        : `Adjusted: ${formula} = ${d('exact')}, rounded to the nearest half day: ${d('days')}.`;
    }
    case 'integrated':
      return fr
        ? `Audit intégré (IAF MD11)${c} ${d('before')} − ${pct(l, n(p, 'pct'))} = ${d('exact')}, arrondi${c} ${d('days')}.`
        : `Integrated audit (IAF MD11): ${d('before')} − ${pct(l, n(p, 'pct'))} = ${d('exact')}, rounded: ${d('days')}.`;
    case 'minimum':
      return fr ? `Porté au minimum de ${d('days')} pour un audit initial (calcul${NBSP}: ${d('from')}).` : `Raised to the minimum of ${d('days')} for an initial audit (calculated: ${d('from')}).`;
    case 'site_sample': {
      if (n(p, 'otherSites') === 0) return fr ? `Un seul site${c} pas d’échantillonnage.` : 'A single site: no sampling.';
      const x = num(l, n(p, 'otherSites'));
      const k = (v: number) => num(l, v);
      return fr
        ? `Sites${c} ${num(l, n(p, 'sites'))} (la fonction centrale, toujours auditée, et ${x} autres). Échantillon en plus de la fonction centrale (IAF MD1)${c} audit initial ⌈√${x}⌉ = ${k(n(p, 'initial'))}, surveillance ⌈0,6·√${x}⌉ = ${k(n(p, 'surveillance'))}, renouvellement ⌈0,8·√${x}⌉ = ${k(n(p, 'recertification'))}${NBSP}; au moins ${k(n(p, 'randomInitial'))} ${n(p, 'randomInitial') > 1 ? 'tirés' : 'tiré'} au hasard.`
        : `Sites: ${num(l, n(p, 'sites'))} (the central function, always audited, and ${x} others). Sampled besides the central function (IAF MD1): initial audit ⌈√${x}⌉ = ${k(n(p, 'initial'))}, surveillance ⌈0.6·√${x}⌉ = ${k(n(p, 'surveillance'))}, recertification ⌈0.8·√${x}⌉ = ${k(n(p, 'recertification'))}; at least ${k(n(p, 'randomInitial'))} chosen at random.`;
    }
    case 'site_days':
      return fr
        ? `Sites échantillonnés (audit initial)${c} ${num(l, n(p, 'sampled'))} × ${d('perSite')} = ${d('days', true)}.`
        : `Sampled sites (initial audit): ${num(l, n(p, 'sampled'))} × ${d('perSite')} = ${d('days', true)}.`;
    case 'initial':
      if (n(p, 'siteDays') === 0) return fr ? `Audit initial (étape 1 + étape 2)${c} ${d('days')}.` : `Initial audit (stage 1 + stage 2): ${d('days')}.`;
      return fr
        ? `Audit initial (étape 1 + étape 2)${c} ${d('core')} + ${d('siteDays')} = ${d('days')}.`
        : `Initial audit (stage 1 + stage 2): ${d('core')} + ${d('siteDays')} = ${d('days')}.`;
    case 'stage_split':
      return fr
        ? `Étape 1 (revue documentaire et état de préparation)${c} ${pct(l, n(p, 'stage1Pct'))} de ${d('core')} → ${d('stage1')}${NBSP}; étape 2${c} ${d('stage2')}${n(p, 'siteDays') > 0 ? ', visites des sites comprises' : ''}.`
        : `Stage 1 (documentation and readiness): ${pct(l, n(p, 'stage1Pct'))} of ${d('core')} → ${d('stage1')}; stage 2: ${d('stage2')}${n(p, 'siteDays') > 0 ? ', site visits included' : ''}.`;
    case 'surveillance':
    case 'recertification': {
      const what = s.code === 'surveillance' ? (fr ? 'Audit de surveillance' : 'Surveillance audit') : fr ? 'Audit de renouvellement' : 'Recertification audit';
      const ratio = `${n(p, 'numerator')}/${n(p, 'denominator')}`;
      const min = n(p, 'rounded') === n(p, 'minimum') && n(p, 'exact') < n(p, 'minimum') ? (fr ? ` (minimum ${d('minimum')})` : ` (minimum ${d('minimum')})`) : '';
      const sites = n(p, 'sampled') > 0 ? ` + ${num(l, n(p, 'sampled'))} × ${d('perSite')} = ${d('days')}` : '';
      return fr
        ? `${what}${c} ${ratio} × ${d('core')} = ${d('exact')}, arrondi${c} ${d('rounded')}${min}${sites}.`
        : `${what}: ${ratio} × ${d('core')} = ${d('exact')}, rounded: ${d('rounded')}${min}${sites}.`;
    }
    case 'on_site':
      return fr
        ? `Au moins ${pct(l, n(p, 'pct'))} du temps sur site (IAF MD5)${c} audit initial ${d('initial')}, surveillance ${d('surveillance')}, renouvellement ${d('recertification')}.`
        : `At least ${pct(l, n(p, 'pct'))} of the time on site (IAF MD5): initial audit ${d('initial')}, surveillance ${d('surveillance')}, recertification ${d('recertification')}.`;
    case 'cycle':
      return fr
        ? `Cycle de trois ans${c} ${num(l, n(p, 'initial'))} + 2 × ${num(l, n(p, 'surveillance'))} + ${num(l, n(p, 'recertification'))} = ${d('days')}.`
        : `Three-year cycle: ${num(l, n(p, 'initial'))} + 2 × ${num(l, n(p, 'surveillance'))} + ${num(l, n(p, 'recertification'))} = ${d('days')}.`;
  }
}

/** The trace, one sentence per step, in the reader's language. */
export function auditTimeTraceLines(trace: readonly TTraceStep[], locale: TLocale): string[] {
  return trace.map((s) => stepLine(locale, s));
}

/** Which table a calculation used, in words. */
export function auditTimeTableLabel(ref: TAuditTimeTableRef, locale: TLocale): string {
  if (ref.source === 'default') return locale === 'fr' ? `Tableau par défaut d’Attest, version ${ref.version}` : `Attest’s default table, version ${ref.version}`;
  return `${ref.name}, version ${ref.version}`;
}
