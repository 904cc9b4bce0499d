import { z } from 'zod';
import { todayOf } from '../../../../platform/clock/clock.ts';
import { defineJob } from '../../../../platform/jobs/define-job.ts';
import { expireCertificate } from '../certificate-status.ts';
import { pastExpiry } from '../certificates-repo.ts';

/**
 * Daily: a certificate whose last valid day has passed becomes 'expired' (event + audit event). Each
 * certificate is its own transaction, locked and judged again, so running twice (or beside a
 * renewal that superseded it meanwhile) changes nothing more. Batches of 500 until none is left.
 */
export const expireCertificates = defineJob({
  id: 'certificates.expire',
  payload: z.object({}),
  schedule: { cron: '10 0 * * *', payload: {} },
  retryLimit: 2,
  async handler(_payload, { platform: p }) {
    const today = todayOf(p);
    for (;;) {
      const due = await pastExpiry(p.db, today);
      let changed = 0;
      for (const c of due) {
        if (await p.db.transaction().execute((tx) => expireCertificate(tx, p, c.tenant_id, c.id, today))) changed++;
      }
      if (due.length < 500 || changed === 0) return;
    }
  },
});
