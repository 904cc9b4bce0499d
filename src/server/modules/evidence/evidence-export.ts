import en from '../../../web/i18n/modules/evidence.en.json' with { type: 'json' };
import fr from '../../../web/i18n/modules/evidence.fr.json' with { type: 'json' };
import type { TActor } from '../../platform/authz/actor.ts';
import type { TLocale } from '../../../shared/contracts/common.ts';
import { formatLongDate, formatLongDateTime, formatNumber } from '../../../shared/format.ts';
import { labelsOf, type TLabels } from '../../documents/labels.ts';
import type { TDocument } from '../../documents/layout.ts';
import { renderDocumentXlsx } from '../../documents/render-xlsx.ts';
import type { TDeps } from './evidence-dto.ts';
import * as repo from './evidence-repo.ts';

const LABELS = { en: en as unknown as TLabels, fr: fr as unknown as TLabels };
const day = (lang: TLocale, d: string | null) => (d ? formatLongDate(lang, new Date(`${d}T12:00:00Z`), 'UTC') : '');

/**
 * The evidence register as a spreadsheet, in the reader's language: the « not contemporaneous »
 * flag, the days after the effective date and the window it was judged with are columns an
 * auditor can filter on.
 */
export function createEvidenceExport(p: TDeps) {
  return {
    async xlsx(actor: TActor | null, tenantId: string, lang: TLocale) {
      await p.authz.assert(actor, 'evidence.read', { tenantId });
      const [rows, org] = await Promise.all([repo.exportRows(p.db, tenantId), repo.tenantName(p.db, tenantId)]);
      const L = labelsOf(LABELS, lang);
      const now = p.clock.now();
      const model: TDocument = {
        lang,
        title: L('export.title'),
        author: org,
        createdAt: now,
        orientation: 'landscape',
        pageHeader: `${org} — ${L('export.title')}`,
        pageFooter: L('export.generated', { date: formatLongDateTime(lang, now) }),
        pageLabel: L('export.page'),
        coverSheetName: L('export.cover'),
        blocks: [
          { kind: 'title', text: L('export.title'), subtitle: org },
          {
            kind: 'keyValue',
            rows: [
              [L('export.count'), formatNumber(lang, rows.length)],
              [L('export.lateCount'), formatNumber(lang, rows.filter((r) => r.not_contemporaneous).length)],
            ],
          },
          {
            kind: 'table',
            name: L('export.sheet'),
            empty: L('export.empty'),
            columns: [
              { header: L('fields.title'), width: 4 },
              { header: L('fields.kind'), width: 1.2 },
              { header: L('fields.controls'), width: 2.5 },
              { header: L('fields.effectiveDate'), width: 1.8 },
              { header: L('fields.receivedAt'), width: 1.8 },
              { header: L('flags.notContemporaneous'), width: 1.5 },
              { header: L('export.daysLate'), width: 1.2 },
              { header: L('export.window'), width: 1.2 },
              { header: L('fields.status'), width: 1.3 },
              { header: L('fields.validUntil'), width: 1.8 },
              { header: L('fields.revision'), width: 0.8 },
              { header: L('fields.sha256'), width: 5 },
            ],
            rows: rows.map((r) => [
              r.title,
              L(`kind.${r.kind}`),
              r.controls.map((c) => c.reference).join(', '),
              day(lang, r.effective_date),
              formatLongDate(lang, new Date(r.received_at), 'UTC'),
              L(r.not_contemporaneous ? 'export.yes' : 'export.no'),
              String(r.days_after_effective),
              String(r.contemporaneity_days),
              L(`status.${r.status}`),
              day(lang, r.valid_until),
              String(r.revision),
              r.sha256,
            ]),
          },
        ],
      };
      return { body: await renderDocumentXlsx(model), filename: `${lang === 'fr' ? 'preuves' : 'evidence'}-${now.toISOString().slice(0, 10)}.xlsx` };
    },
  };
}
