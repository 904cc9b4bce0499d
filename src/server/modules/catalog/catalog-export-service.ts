import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { toOscalCatalog } from './catalog-oscal.ts';
import { createCatalogService } from './catalog-service.ts';
import { frameworkToXlsx } from './catalog-xlsx.ts';

/**
 * A download's file name carries the version once: the id often ends with the edition year that
 * the version starts with (iso-iec-42001-2023 version 2023-r2 → iso-iec-42001-2023-r2).
 */
export function exportBaseName(id: string, version: string) {
  const safe = version.replace(/[^\w.-]+/g, '-');
  if (safe === '' || id.endsWith(`-${safe}`) || id === safe) return id;
  const head = id.split('-').at(-1)!;
  return safe.startsWith(`${head}-`) || safe.startsWith(`${head}.`) ? `${id}${safe.slice(head.length)}` : `${id}-${safe}`;
}

/** Downloads of one framework version; the same visibility rules as reading it. */
export function createCatalogExportService(p: TPlatform) {
  const catalog = createCatalogService(p);
  return {
    async oscal(actor: TActor | null, id: string, opts: { version?: string | undefined; lang: 'en' | 'fr' }) {
      const rows = await catalog.rows(actor, id, opts.version);
      return { filename: `${exportBaseName(rows[0]!.id, rows[0]!.version)}-oscal${opts.lang === 'en' ? '' : `-${opts.lang}`}.json`, document: toOscalCatalog(rows, opts.lang) };
    },

    async xlsx(actor: TActor | null, id: string, opts: { version?: string | undefined }) {
      const rows = await catalog.rows(actor, id, opts.version);
      return { filename: `${exportBaseName(rows[0]!.id, rows[0]!.version)}.xlsx`, body: await frameworkToXlsx(rows) };
    },
  };
}
