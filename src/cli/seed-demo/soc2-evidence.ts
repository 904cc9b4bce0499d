import type { TPlatform } from '../../server/platform/platform.ts';
import type { TRequestContext } from '../../server/platform/audit-log/audit-log.ts';
import { createEvidenceService } from '../../server/modules/evidence/evidence-service.ts';
import { ZCreateEvidenceBody } from '../../shared/contracts/evidence.ts';
import { dayOf, onDay } from './on-day.ts';
import type { TSoc2Cast } from './soc2.ts';

export type TSoc2DemoEvidence = {
  /** The control (reference) the record evidences. */
  control: string;
  title: string;
  description?: string;
  /** Last part of the record's address in Lumière Crédit's document store. */
  path: string;
  /** The day the control operated (or the extraction was made). */
  effectiveDate: string;
  period?: { from: string; to: string };
};

/**
 * Lumière Crédit's evidence records for the SOC 2 examination, made through the evidence service on
 * the day they were filed (`when`: the record's creation date, which the firm's contemporaneity
 * check reads) by Inès Dubois and accepted by Claire Martin the next morning.
 */
export function soc2EvidenceFiler(p: TPlatform, ctx: TRequestContext, c: TSoc2Cast, controls: Map<string, string>) {
  return async (when: Date, e: TSoc2DemoEvidence): Promise<string> => {
    const body = ZCreateEvidenceBody.parse({
      kind: 'link',
      url: `https://ged.lumiere-credit.example/soc2/${e.path}`,
      title: e.title,
      description: e.description ?? '',
      effectiveDate: e.effectiveDate,
      ...(e.period ? { periodFrom: e.period.from, periodTo: e.period.to } : {}),
      controlIds: [controls.get(e.control)!],
      ownerId: c.ines.userId,
    });
    const created = await createEvidenceService(onDay(p, when)).create(c.ines, c.orgId, body, ctx);
    const next = new Date(Date.parse(`${dayOf(when)}T00:00:00Z`) + 86_400_000 + 9 * 3_600_000);
    await createEvidenceService(onDay(p, next)).review(c.claire, c.orgId, created.id, 'accept', '', ctx);
    return created.id;
  };
}
