import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import { certifyClient, NUAGE_CLAIR, TRIMED_SANTE } from './certification-clients.ts';
import { dayOf } from './on-day.ts';
import type { TDemoTenant } from './people.ts';

type TDay = (offset: number, hour?: number) => Date;

/**
 * Vérité Certification's two other clients, so that its register shows every status: Nuage Clair,
 * certified thirteen months ago, whose first surveillance did not take place within twelve months of
 * the decision (suspended); TriMed Santé, certified a little over three years ago, which did not
 * start its recertification (expired).
 *
 * The demo is dated from the day it is seeded. Seeded before 18 December 2026, TriMed Santé's grant
 * falls before ISO/IEC 42001:2023 was published (18 December 2023): an expired certificate of this
 * standard cannot exist before then, and the demo shows one anyway so that the register has every status.
 */
export async function seedOtherClients(p: TPlatform, ctx: TRequestContext, body: TDemoTenant, orgs: { saas: TDemoTenant; medtech: TDemoTenant }, day: TDay): Promise<string[]> {
  const medtech = await certifyClient(p, ctx, body, orgs.medtech, TRIMED_SANTE, day, -1135);
  const saas = await certifyClient(p, ctx, body, orgs.saas, NUAGE_CLAIR, day, -400);
  return [
    `  client ${medtech.reference}: TriMed Santé SAS, stage 2 reported on ${dayOf(day(-1135))}`,
    `  client ${saas.reference}: Nuage Clair SAS, stage 2 reported on ${dayOf(day(-400))}`,
  ];
}
