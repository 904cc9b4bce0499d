import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';

type TDb = Kysely<DB> | Transaction<DB>;

/*
 * The restricted-use terms a reader accepts before reading a SOC 2 report. Each firm has its own
 * versions; Attest writes version 1 (these words, Attest's own) the first time the firm needs one,
 * and the firm publishes its own text as the next version. A reader's acceptance names the version
 * and the SHA-256 of its canonical form, so the words accepted can be shown years later.
 */

export const DEFAULT_NDA_EN = `Restricted use — terms of access to this SOC 2 report

1. This report describes the system of the service organization named on its cover and the service auditor’s opinion on it. It is intended only for the service organization, its customers and prospective customers, and their auditors and regulators, who have sufficient knowledge of the services, of how their own controls interact with the system, and of the limitations of such controls, to understand it.
2. You receive a personal copy, marked with your name, your company and the date. You will not copy it, publish it, post it online or pass it on, in whole or in part, to anyone outside your company who does not need it to assess the services, and you will keep it confidential within your company.
3. You will use the report only to assess the services your company receives or considers receiving from the service organization, and to plan and perform the audit of your company’s own financial statements or controls.
4. The report speaks as of its date or for its period only. It is not a certification, a guarantee or a prediction of how the controls will operate in the future; read the complementary user entity controls it lists, which your company is expected to operate.
5. Your acceptance, each download and the details of your connection are recorded and may be shown to the service organization and to the service auditor.

By typing your full name below you accept these terms for yourself and on behalf of your company.`;

export const DEFAULT_NDA_FR = `Diffusion restreinte — conditions d’accès à ce rapport SOC 2

1. Ce rapport décrit le système de l’organisation de services nommée en couverture et l’opinion de l’auditeur de services sur ce système. Il est destiné uniquement à l’organisation de services, à ses clients et prospects, ainsi qu’à leurs auditeurs et autorités de contrôle, qui connaissent suffisamment les services, la manière dont leurs propres contrôles interagissent avec le système et les limites de tels contrôles pour le comprendre.
2. Vous recevez un exemplaire personnel, marqué de votre nom, de votre société et de la date. Vous ne le copierez pas, ne le publierez pas, ne le mettrez pas en ligne et ne le transmettrez pas, en tout ou en partie, à quiconque hors de votre société ou n’en ayant pas besoin pour évaluer les services, et vous en préserverez la confidentialité au sein de votre société.
3. Vous n’utiliserez ce rapport que pour évaluer les services que votre société reçoit ou envisage de recevoir de l’organisation de services, et pour préparer et réaliser l’audit des comptes ou des contrôles de votre société.
4. Le rapport porte uniquement sur sa date ou sa période. Il ne constitue ni une certification, ni une garantie, ni une prévision du fonctionnement futur des contrôles ; prenez connaissance des contrôles complémentaires des entités utilisatrices qu’il énumère, que votre société est censée mettre en œuvre.
5. Votre acceptation, chaque téléchargement et les données de votre connexion sont enregistrés et peuvent être communiqués à l’organisation de services et à l’auditeur de services.

En saisissant ci-dessous votre nom complet, vous acceptez ces conditions pour vous-même et pour le compte de votre société.`;

/** The SHA-256 of a version: both texts, each length-prefixed so no split of the bytes gives the same hash. */
export function ndaSha256(textEn: string, textFr: string): string {
  const h = createHash('sha256');
  for (const t of [textEn, textFr]) {
    const b = Buffer.from(t, 'utf8');
    h.update(`${b.length}:`).update(b);
  }
  return h.digest('hex');
}

export async function ndaVersions(db: TDb, firmTenantId: string) {
  return db
    .selectFrom('soc2_nda_texts as n')
    .leftJoin('users as u', 'u.id', 'n.created_by')
    .select(['n.version', 'n.text_en', 'n.text_fr', 'n.sha256', 'n.created_by', 'u.name as created_by_name', 'n.created_at'])
    .where('n.tenant_id', '=', firmTenantId)
    .orderBy('n.version', 'desc')
    .execute();
}

export async function ndaVersion(db: TDb, firmTenantId: string, version: number) {
  return db.selectFrom('soc2_nda_texts').select(['version', 'text_en', 'text_fr', 'sha256']).where('tenant_id', '=', firmTenantId).where('version', '=', version).executeTakeFirst();
}

/** The firm's current terms, writing Attest's version 1 when the firm has none yet (concurrent callers: one insert wins). */
export async function currentNda(db: TDb, firmTenantId: string, now: Date) {
  const latest = () =>
    db.selectFrom('soc2_nda_texts').select(['version', 'text_en', 'text_fr', 'sha256']).where('tenant_id', '=', firmTenantId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  const row = await latest();
  if (row) return row;
  await db
    .insertInto('soc2_nda_texts')
    .values({ tenant_id: firmTenantId, version: 1, text_en: DEFAULT_NDA_EN, text_fr: DEFAULT_NDA_FR, sha256: ndaSha256(DEFAULT_NDA_EN, DEFAULT_NDA_FR), created_by: null, created_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'version']).doNothing())
    .execute();
  return (await latest())!;
}

export async function insertNdaVersion(db: TDb, firmTenantId: string, version: number, textEn: string, textFr: string, userId: string | null, now: Date) {
  const sha256 = ndaSha256(textEn, textFr);
  await db.insertInto('soc2_nda_texts').values({ tenant_id: firmTenantId, version, text_en: textEn, text_fr: textFr, sha256, created_by: userId, created_at: now }).execute();
  return sha256;
}
