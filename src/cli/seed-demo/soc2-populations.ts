import { monthAfter } from './soc2-data.ts';

/*
 * The populations Delorme & Associés imports, one per test: what Lumière Crédit's tools export for
 * the period (deterministic, so every seed writes the same files), how their columns read, and the
 * seed each sample is drawn with. The frequent controls give a few hundred rows; the periodic ones
 * a handful, of which the firm's table samples one or two.
 */

type TPeriod = { start: string; end: string };
export type TSoc2DemoPopulation = { control: string; name: string; file: string; key: string; date: string; text: string; seed: string; csv: (period: TPeriod) => string };

/** A small, deterministic generator: the demo's files are the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const DAY = 86_400_000;
const days = (start: string, end: string) => Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY) + 1;
const dayAt = (start: string, n: number) => new Date(Date.parse(`${start}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const isWeekday = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

const PEOPLE = ['a.moreau', 'b.lefevre', 'c.roux', 'd.fontaine', 'e.girard', 'f.mercier', 'g.blanc', 'h.guerin', 'i.faure', 'j.andre'];
const SYSTEMS = ['api-prod', 'backoffice', 'base-echeanciers', 'passerelle-paiement', 'entrepot-donnees'];
const CHANGES = ['Correctif du calcul des frais de retard', 'Nouveau libellé des relevés', 'Montée de version de la bibliothèque TLS', 'Règle de contrôle de saisie du RIB', 'Optimisation de l’export comptable', 'Ajout d’un indicateur de capacité', 'Correctif de l’écran de décision'];

/** Access grants to production over the period: key, date, beneficiary and system (about 1 a working day). */
function accessGrantsCsv({ start, end }: TPeriod): string {
  const r = rng(42);
  const lines = ['demande,date_attribution,beneficiaire,systeme'];
  let n = 0;
  for (let i = 0; i < days(start, end); i++) {
    const d = dayAt(start, i);
    if (!isWeekday(d) || r() < 0.2) continue;
    n++;
    lines.push(`ACC-${String(n).padStart(4, '0')},${d},${PEOPLE[Math.floor(r() * PEOPLE.length)]},${SYSTEMS[Math.floor(r() * SYSTEMS.length)]}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Changes deployed to production over the period: ticket, date, title (one or two a working day). */
function changesCsv({ start, end }: TPeriod): string {
  const r = rng(7);
  const lines = ['ticket,date_deploiement,titre'];
  let n = 0;
  for (let i = 0; i < days(start, end); i++) {
    const d = dayAt(start, i);
    if (!isWeekday(d)) continue;
    for (let k = r() < 0.35 ? 2 : 1; k > 0; k--) {
      n++;
      lines.push(`CHG-${String(n).padStart(4, '0')},${d},"${CHANGES[Math.floor(r() * CHANGES.length)]}"`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The monthly restore tests of the period: one row a month, on its first working day after the 4th. */
function restoresCsv({ start, end }: TPeriod): string {
  const lines = ['essai,date_essai,resultat'];
  const first = new Date(`${start}T00:00:00Z`);
  for (let m = 0; ; m++) {
    const month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 5));
    let d = month.toISOString().slice(0, 10);
    while (!isWeekday(d)) d = dayAt(d, 1);
    if (d > end) break;
    lines.push(`RST-${d.slice(0, 7)},${d},Restauration complète vérifiée`);
  }
  return `${lines.join('\n')}\n`;
}

/** A few dated events of the period (`[months after the start, day, label]`), keyed `PREFIX-YYYY-MM-DD`. */
const eventsCsv = (prefix: string, events: [number, number, string][]) => (period: TPeriod) =>
  `${['reference,date,libelle', ...events.map(([m, d, label]) => monthAfter(period.start, m, d)).map((day, i) => `${prefix}-${day},${day},"${events[i]![2]}"`)].join('\n')}\n`;

const EVENT_COLUMNS = { key: 'reference', date: 'date', text: 'libelle' } as const;

export const SOC2_POPULATIONS: TSoc2DemoPopulation[] = [
  { control: 'LC-ACC-01', name: 'Accès accordés à la production', file: 'acces-accordes.csv', key: 'demande', date: 'date_attribution', text: 'beneficiaire,systeme', seed: 'lumiere-acc-01', csv: accessGrantsCsv },
  { control: 'LC-CHG-01', name: 'Changements déployés en production', file: 'changements.csv', key: 'ticket', date: 'date_deploiement', text: 'titre', seed: 'lumiere-chg-01', csv: changesCsv },
  { control: 'LC-BCK-01', name: 'Essais mensuels de restauration', file: 'restaurations.csv', key: 'essai', date: 'date_essai', text: 'resultat', seed: 'lumiere-bck-01', csv: restoresCsv },
  { control: 'LC-GOV-01', name: 'Comités sécurité et conformité', file: 'comites.csv', ...EVENT_COLUMNS, seed: 'lumiere-gov-01', csv: eventsCsv('COM', [[1, 15, 'Comité du trimestre'], [4, 14, 'Comité du trimestre']]) },
  { control: 'LC-RSK-01', name: 'Appréciation des risques', file: 'risques.csv', ...EVENT_COLUMNS, seed: 'lumiere-rsk-01', csv: eventsCsv('RSK', [[0, 20, 'Appréciation annuelle approuvée par la direction']]) },
  { control: 'LC-POL-01', name: 'Revue des politiques et audit interne', file: 'politiques.csv', ...EVENT_COLUMNS, seed: 'lumiere-pol-01', csv: eventsCsv('POL', [[2, 10, 'Revue annuelle des politiques de sécurité']]) },
  { control: 'LC-NET-01', name: 'Revues trimestrielles des accès', file: 'revues-acces.csv', ...EVENT_COLUMNS, seed: 'lumiere-net-01', csv: eventsCsv('REV', [[0, 27, 'Revue des droits de production'], [3, 26, 'Revue des droits de production']]) },
  { control: 'LC-OPS-01', name: 'Configuration des règles d’alerte', file: 'alertes.csv', ...EVENT_COLUMNS, seed: 'lumiere-ops-01', csv: eventsCsv('ALR', [[5, 3, 'Export de la configuration en vigueur']]) },
  { control: 'LC-IR-02', name: 'Incidents de sécurité et de disponibilité', file: 'incidents.csv', ...EVENT_COLUMNS, seed: 'lumiere-ir-02', csv: eventsCsv('INC', [[0, 9, 'Hameçonnage signalé, sans compromission'], [1, 14, 'Interruption de l’API (52 minutes)'], [3, 22, 'Tentative de bourrage d’identifiants bloquée'], [5, 6, 'Certificat expiré sur un environnement de recette']]) },
  { control: 'LC-VND-01', name: 'Évaluations des fournisseurs critiques', file: 'fournisseurs.csv', ...EVENT_COLUMNS, seed: 'lumiere-vnd-01', csv: eventsCsv('FRN', [[1, 3, 'Nébuleuse Cloud SAS'], [1, 10, 'Prestataire de services de paiement'], [2, 7, 'Service d’envoi de courriels']]) },
  { control: 'LC-PI-01', name: 'Configuration des contrôles de saisie', file: 'controles-saisie.csv', ...EVENT_COLUMNS, seed: 'lumiere-pi-01', csv: eventsCsv('SAI', [[4, 2, 'Export des règles de validation en vigueur']]) },
];
