import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { toOscalCatalog } from './catalog-oscal.ts';
import { createCatalogService } from './catalog-service.ts';
import { frameworkToXlsx } from './catalog-xlsx.ts';

/** Downloads of one framework version; the same visibility rules as reading it. */
export function createCatalogExportService(p: TPlatform) {
  const catalog = createCatalogService(p);
  return {
    async oscal(actor: TActor | null, id: string, opts: { version?: string | undefined; lang: 'en' | 'fr' }) {
      const rows = await catalog.rows(actor, id, opts.version);
      return { filename: `${rows[0]!.id}-${rows[0]!.version}-oscal${opts.lang === 'en' ? '' : `-${opts.lang}`}.json`, document: toOscalCatalog(rows, opts.lang) };
    },

    async xlsx(actor: TActor | null, id: string, opts: { version?: string | undefined }) {
      const rows = await catalog.rows(actor, id, opts.version);
      return { filename: `${rows[0]!.id}-${rows[0]!.version}.xlsx`, body: await frameworkToXlsx(rows) };
    },
  };
}
