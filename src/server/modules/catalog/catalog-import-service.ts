import { sql } from 'kysely';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { LOAD_LOCK_KEY } from './catalog-loader.ts';
import { countsByKind } from './catalog-service.ts';
import { validateFramework, type TIssue, type TSource } from './catalog-validate.ts';
import { insertFrameworkVersion, loadedState, makeCurrent } from './catalog-write-repo.ts';
import { XLSX_MIME, xlsxSource } from './catalog-xlsx.ts';
import { yamlSource } from './catalog-yaml.ts';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
const YAML_TYPES = new Set(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml']);

export type TImportFormat = 'yaml' | 'xlsx';

export function importFormatOf(contentType: string | undefined): TImportFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (YAML_TYPES.has(type)) return 'yaml';
  if (type === XLSX_MIME) return 'xlsx';
  throw new AppError(415, 'unsupported_media_type', `Send the framework as YAML (Content-Type: application/yaml) or as an XLSX workbook (Content-Type: ${XLSX_MIME}).`);
}

/** Where an issue is, in the words of the format: a line of the YAML, a row of a sheet. */
function rejected(format: TImportFormat, issues: TIssue[]) {
  const at = (i: TIssue) => (format === 'yaml' ? `Line ${i.line}` : i.file === 'workbook' ? 'Workbook' : `${i.file} row ${i.line}`);
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
  return new AppError(
    400,
    'validation_failed',
    `${at(first)}: ${first.reason}${more}. Nothing was imported.`,
    issues.map((i) => (format === 'yaml' ? { line: i.line, reason: i.reason } : { sheet: i.file, row: i.line, reason: i.reason })),
  );
}

export function createCatalogImportService(p: TPlatform) {
  return {
    /**
     * A tenant's own framework, all or nothing: any row in error rejects the file. Versions work
     * as for the built-in catalogs: the same version with the same content changes nothing, with
     * other content is refused, a new version becomes current beside the old one.
     */
    async importFramework(actor: TActor | null, tenantId: string, input: { contentType: string | undefined; body: Buffer }, ctx: TRequestContext) {
      await p.authz.assert(actor, 'catalog.import', { tenantId });
      const format = importFormatOf(input.contentType);
      if (!input.body.length) throw new AppError(400, 'catalog_file_empty', 'The file is empty.');
      const source: TSource =
        format === 'yaml' ? yamlSource(input.body.toString('utf8').replace(/^\uFEFF/, ''), 'upload.yaml') : await p.archiveGate.run(() => xlsxSource(input.body));
      const { framework: fw, issues } = validateFramework(source);
      if (!fw) throw rejected(format, issues);

      return p.db.transaction().execute(async (tx) => {
        await sql`SELECT pg_advisory_xact_lock(${LOAD_LOCK_KEY})`.execute(tx);
        const { versions } = await loadedState(tx, [fw.id]);
        if (versions.some((v) => v.ownerTenantId !== tenantId)) {
          throw new AppError(409, 'framework_id_taken', `The framework id "${fw.id}" is already in use: choose another id for your framework.`, { id: fw.id });
        }
        const same = versions.find((v) => v.version === fw.version);
        if (same && same.contentHash !== fw.contentHash) {
          throw new AppError(409, 'framework_version_changed', `Version "${fw.version}" of "${fw.id}" was already imported with different content: give this revision a new version.`, {
            id: fw.id,
            version: fw.version,
          });
        }
        if (!same) await insertFrameworkVersion(tx, tenantId, fw);
        if (!same?.isCurrent) await makeCurrent(tx, tenantId, fw.id, fw.version);
        const status: 'created' | 'unchanged' = same ? 'unchanged' : 'created';
        if (!same?.isCurrent) {
          await recordAudit(tx, actor, ctx, {
            tenantId,
            action: same ? 'catalog.framework_made_current' : 'catalog.framework_imported',
            subjectType: 'catalog_framework',
            subjectId: `${fw.id}@${fw.version}`,
            after: { id: fw.id, version: fw.version, format, requirements: fw.requirements.length, contentHash: fw.contentHash },
          });
        }
        return {
          status,
          framework: { id: fw.id, version: fw.version, title: fw.title, custom: true as const, counts: countsByKind(fw.requirements) },
        };
      });
    },
  };
}
