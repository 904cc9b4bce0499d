import type { TLocale } from './contracts/common.ts';

/*
 * The impartiality declaration a team member signs for one audit (ISO/IEC 17021-1 5.2, 7.2): the
 * server keeps the version each person signed and the text in the language they read it in. A new
 * wording gets a new version; signatures of the old one stay what they were.
 */
export const IMPARTIALITY_STATEMENT_VERSION = '2026-11';

export const IMPARTIALITY_STATEMENT: Record<TLocale, string> = {
  en: 'For this audit and this client, I declare that: I have not provided consultancy to the client, nor been employed by it, within the certification body’s cooling-off period; I hold no financial or personal interest in the client; I have not designed, implemented or maintained its management system; nothing I know of threatens my impartiality or my objectivity. Should any such threat arise during the audit, I will tell the scheme manager at once.',
  fr: 'Pour cet audit et ce client, je déclare : ne pas avoir fourni de conseil au client, ni en avoir été salarié, pendant le délai de carence fixé par l’organisme de certification ; ne détenir aucun intérêt financier ou personnel dans le client ; ne pas avoir conçu, mis en œuvre ou tenu à jour son système de management ; n’avoir connaissance d’aucune menace pour mon impartialité ou mon objectivité. Si une telle menace apparaît pendant l’audit, j’en informerai sans délai le responsable du programme.',
};
