import { z } from 'zod';
import en from '../../../../../web/i18n/modules/soc2Testing.en.json' with { type: 'json' };
import fr from '../../../../../web/i18n/modules/soc2Testing.fr.json' with { type: 'json' };
import { labelsOf } from '../../../../documents/labels.ts';
import { defineJob } from '../../../../platform/jobs/define-job.ts';
import { publicBaseUrl } from '../../../certification/proposals/proposal-common.ts';
import { reminderRecipients } from '../../requests/requests-repo.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Exceptions raised in the same slot of this length (aligned on the epoch) make one mail. */
export const EXCEPTIONS_MAIL_SLOT_SECONDS = 600;

/**
 * The job to queue for an exception raised at `now`: its payload names the slot, its singleton key
 * the examination and the slot, and it runs a minute after the slot ends, once every exception of
 * the slot is committed.
 */
export function exceptionsMailJob(tenantId: string, examinationId: string, now: Date) {
  const slotMs = EXCEPTIONS_MAIL_SLOT_SECONDS * 1000;
  const from = new Date(Math.floor(now.getTime() / slotMs) * slotMs);
  const until = new Date(from.getTime() + slotMs);
  return {
    payload: { tenantId, examinationId, from: from.toISOString(), until: until.toISOString() },
    // The key names the slot; pg-boss's own (day-long, database-clock) slot only makes the key unique.
    options: { singletonKey: `soc2-exceptions-raised:${examinationId}:${from.toISOString()}`, singletonSeconds: 86_400, startAfter: new Date(until.getTime() + 60_000) },
  };
}

export const sendExceptionsRaisedMail = defineJob({
  id: 'mail.soc2-exceptions-raised',
  payload: z.object({ tenantId: z.uuid(), examinationId: z.uuid(), from: z.iso.datetime(), until: z.iso.datetime() }),
  async handler({ tenantId, examinationId, from, until }, { platform: p }) {
    const exam = await p.db
      .selectFrom('soc2_examinations as x')
      .innerJoin('tenants as f', 'f.id', 'x.tenant_id')
      .select(['x.reference', 'x.organization_tenant_id', 'x.state', 'f.name as firm'])
      .where('x.tenant_id', '=', tenantId)
      .where('x.id', '=', examinationId)
      .executeTakeFirst();
    if (!exam || exam.state === 'cancelled') return;
    const items = await p.db
      .selectFrom('soc2_exceptions as xc')
      .innerJoin('soc2_tests as t', (j) => j.onRef('t.tenant_id', '=', 'xc.tenant_id').onRef('t.id', '=', 'xc.test_id'))
      .select(['xc.reference', 'xc.description', 't.reference as test', 't.control_ref as control'])
      .where('xc.tenant_id', '=', tenantId)
      .where('xc.examination_id', '=', examinationId)
      .where('xc.created_at', '>=', new Date(from))
      .where('xc.created_at', '<', new Date(until))
      .orderBy('xc.reference')
      .execute();
    if (!items.length) return;
    const link = `${publicBaseUrl(p.config)}/t/${exam.organization_tenant_id}/soc2-programme/${examinationId}/exceptions`;
    for (const r of await reminderRecipients(p.db, exam.organization_tenant_id)) {
      const locale = r.locale === 'fr' ? 'fr' : 'en';
      const t = labelsOf({ en, fr }, locale);
      const vars = { name: r.name, examination: exam.reference, firm: exam.firm, count: String(items.length), link };
      const line = (i: (typeof items)[number], esc: (s: string) => string) => t('mail.exceptions.item', { reference: esc(i.reference), test: esc(i.test), control: esc(i.control), description: esc(i.description) });
      const html = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, k === 'link' ? v : escapeHtml(v)]));
      await p.mailer.send({
        to: r.email,
        subject: t('mail.exceptions.subject', vars),
        text: t('mail.exceptions.body', { ...vars, items: items.map((i) => `- ${line(i, (s) => s)}`).join('\n') }),
        html: t('mail.exceptions.html', { ...html, items: items.map((i) => `<li>${line(i, escapeHtml)}</li>`).join('') }),
      });
    }
  },
});
