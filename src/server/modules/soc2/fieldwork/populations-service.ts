import { Readable } from 'node:stream';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import {
  ZSoc2PopulationMapping,
  ZSoc2PopulationUploadMeta,
  type TSoc2Population,
  type TSoc2PopulationDetail,
  type TSoc2PopulationMapping,
} from '../../../../shared/contracts/soc2-fieldwork.ts';
import { parseOr400 } from '../../evidence/evidence-dto.ts';
import { programEngagementAccess, recordProgramRead } from '../matrix/program-access.ts';
import type { TPopulationSourceFormat } from '../sampling/population-index.ts';
import { examinationOf, fieldworkExamination, iso, populationPeriod, testOf, userIdOf } from './fieldwork-common.ts';
import { populationError } from './population-errors.ts';
import { blobOpener, importAndStore, loadIndex, readRows, type TStoredPopulation } from './population-store.ts';
import * as repo from './populations-repo.ts';

/*
 * Populations of a test, frozen: an uploaded CSV/XLSX file, or the organization's evidence records
 * linked to the tested control in the period (written out as a CSV and imported the same way, so
 * every population is a file, an index and their hashes). Only during fieldwork; a refused file
 * leaves nothing behind (population-store.ts).
 */

export type TPopulationsDeps = Pick<TPlatform, 'db' | 'authz' | 'blobs' | 'config' | 'clock'>;

export const PREVIEW_ROWS = 20;

export type TIncomingPopulation = { meta: Record<string, unknown>; body: Readable | null; filename: string | null; declaredLength: number | null };

export const populationDto = (r: repo.TPopulationRow): TSoc2Population => ({
  id: r.id,
  examinationId: r.examination_id,
  testId: r.test_id,
  testReference: r.test_reference,
  name: r.name,
  source: r.source,
  fileName: r.file_name,
  fileSha256: r.file_sha256,
  fileSize: Number(r.file_size),
  indexSha256: r.index_sha256,
  rowCount: r.row_count,
  firstDate: r.first_date,
  lastDate: r.last_date,
  mapping: ZSoc2PopulationMapping.parse(typeof r.mapping === 'string' ? JSON.parse(r.mapping) : r.mapping),
  completenessAccuracy: r.completeness_accuracy,
  samples: Number(r.samples),
  importedAt: iso(r.imported_at),
});

function formatOf(filename: string): TPopulationSourceFormat | null {
  const f = filename.toLowerCase();
  if (f.endsWith('.csv') || f.endsWith('.txt')) return 'csv';
  if (f.endsWith('.xlsx')) return 'xlsx';
  return null;
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function createPopulationsService(p: TPopulationsDeps) {
  const limits = { maxBytes: p.config.SOC2_POPULATION_MAX_MB * 1024 * 1024, maxRows: p.config.SOC2_POPULATION_MAX_ROWS };

  async function detail(grant: TTenantGrant, tenantId: string, examinationId: string, id: string): Promise<TSoc2PopulationDetail> {
    const row = await repo.getPopulation(p.db, tenantId, examinationId, id);
    if (!row) throw notFound('Population');
    const dto = populationDto(row);
    const { index } = await loadIndex(p.blobs, row.index_sha256);
    const ordinals = Array.from({ length: Math.min(PREVIEW_ROWS, index.rowCount) }, (_, i) => i);
    const rows = await readRows(index, ordinals, blobOpener(p.blobs, row.file_sha256), dto.mapping);
    return {
      ...dto,
      preview: { header: rows.header, rows: rows.rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map((c) => c.slice(0, 500)) })) },
      abilities: p.authz.abilities(grant, 'soc2Program', {}),
    };
  }

  /** Records the stored population and its audit event, under the examination's lock. */
  async function record(
    actor: TActor | null,
    tenantId: string,
    examinationId: string,
    testId: string,
    v: { name: string; source: 'csv' | 'xlsx' | 'evidence'; fileName: string; mapping: TSoc2PopulationMapping; stored: TStoredPopulation },
    ctx: TRequestContext,
  ) {
    return p.db.transaction().execute(async (tx) => {
      const ex = await fieldworkExamination(tx, tenantId, examinationId);
      const test = await testOf(tx, tenantId, examinationId, testId);
      const { stats } = v.stored;
      const row = await repo.insertPopulation(tx, {
        tenantId,
        examinationId,
        testId,
        name: v.name,
        source: v.source,
        fileName: v.fileName,
        fileSha256: v.stored.fileSha256,
        fileSize: v.stored.fileSize,
        indexSha256: v.stored.indexSha256,
        rowCount: stats.rowCount,
        firstDate: stats.firstDate,
        lastDate: stats.lastDate,
        mapping: v.mapping,
        userId: userIdOf(actor),
        at: p.clock.now(),
      });
      await recordAudit(tx, actor, ctx, {
        tenantId,
        action: 'soc2_population.imported',
        subjectType: 'soc2_population',
        subjectId: row.id,
        after: {
          examinationReference: ex.reference,
          testReference: test.reference,
          name: v.name,
          source: v.source,
          fileName: v.fileName,
          fileSha256: v.stored.fileSha256,
          indexSha256: v.stored.indexSha256,
          rowCount: stats.rowCount,
          firstDate: stats.firstDate,
          lastDate: stats.lastDate,
        },
      });
      return row.id;
    });
  }

  /** Everything that can refuse the request before a byte is read: role, state, test. */
  async function precheck(tenantId: string, examinationId: string, testId: string) {
    const ex = await examinationOf(p.db, tenantId, examinationId);
    if (ex.state !== 'fieldwork')
      throw new AppError(409, 'soc2_examination_state', `The examination is ${ex.state}; this changes only while it is fieldwork.`, { state: ex.state, allowed: ['fieldwork'] });
    const test = await testOf(p.db, tenantId, examinationId, testId);
    return { ex, test, period: populationPeriod(ex) };
  }

  return {
    limits,

    async list(actor: TActor | null, tenantId: string, examinationId: string, testId?: string) {
      const grant = await p.authz.assert(actor, 'soc2Program.read', { tenantId });
      await examinationOf(p.db, tenantId, examinationId);
      if (testId) await testOf(p.db, tenantId, examinationId, testId);
      const rows = await repo.listPopulations(p.db, tenantId, examinationId, testId);
      return { items: rows.map(populationDto), abilities: p.authz.abilities(grant, 'soc2Program', {}) };
    },

    async get(actor: TActor | null, tenantId: string, examinationId: string, id: string) {
      const grant = await p.authz.assert(actor, 'soc2Program.read', { tenantId });
      await examinationOf(p.db, tenantId, examinationId);
      return detail(grant, tenantId, examinationId, id);
    },

    /** A CSV or XLSX file, streamed; refused files (rows, size, shape) leave no row and no object. */
    async upload(actor: TActor | null, tenantId: string, examinationId: string, testId: string, f: TIncomingPopulation, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      if (!f.body)
        throw new AppError(400, 'validation_failed', 'No file was sent: send the file as the body, or as the last part of a multipart form.', [{ field: 'file', issue: 'required', message: 'file is required' }]);
      const meta = parseOr400(ZSoc2PopulationUploadMeta, f.meta, f.filename === null ? 'query string' : 'form fields');
      const fileName = (f.filename ?? meta.filename ?? '').slice(0, 255);
      const format = formatOf(fileName);
      if (!format) {
        f.body.resume();
        throw new AppError(400, 'soc2_population_format', 'A population is a CSV (.csv, .txt) or XLSX (.xlsx) file.', [{ field: 'filename', issue: 'invalid', message: 'CSV or XLSX' }]);
      }
      if (f.declaredLength !== null && f.declaredLength > limits.maxBytes) {
        f.body.resume();
        throw populationError({ code: 'population_file_too_large', maxBytes: limits.maxBytes }, { start: '', end: '' });
      }
      const { period } = await precheck(tenantId, examinationId, testId);
      const mapping = ZSoc2PopulationMapping.parse({
        keyColumn: meta.keyColumn,
        dateColumn: meta.dateColumn,
        textColumns: (meta.textColumns ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        delimiter: meta.delimiter === 'tab' ? '\t' : meta.delimiter,
        dayFirstDates: meta.dayFirstDates === 'true',
        ...(meta.worksheet ? { worksheet: meta.worksheet } : {}),
      });
      if (mapping.textColumns.length > 5) throw new AppError(400, 'validation_failed', 'At most 5 text columns.', [{ field: 'textColumns', issue: 'too_big', message: 'At most 5 text columns.' }]);
      const result = await importAndStore(p.blobs, f.body, { format, mapping, period, limits, sourceBytes: f.declaredLength });
      if (!result.ok) throw populationError(result.error, period);
      const id = await record(actor, tenantId, examinationId, testId, { name: meta.name, source: format, fileName, mapping, stored: result.stored }, ctx);
      return detail(grant, tenantId, examinationId, id);
    },

    /**
     * The organization's evidence records linked to the tested control and effective in the period,
     * read through the engagement (logged in both tenants), frozen as a CSV population: key = the
     * evidence id, date = its effective date, then its title and the day it was created.
     */
    async fromEvidence(actor: TActor | null, tenantId: string, examinationId: string, testId: string, body: { name: string }, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      const { ex, test, period } = await precheck(tenantId, examinationId, testId);
      const access = await programEngagementAccess(p.db, actor, grant, ex);
      const records = await p.db.transaction().execute(async (tx) => {
        await recordProgramRead(tx, access, ctx, 'evidence', test.control_id);
        return repo.evidenceForControl(tx, ex.organization_tenant_id, test.control_id, period);
      });
      const lines = ['evidence_id,effective_date,title,created_on', ...records.map((r) => [r.id, r.effective_date, csvCell(r.title), iso(r.created_at).slice(0, 10)].join(','))];
      const mapping = ZSoc2PopulationMapping.parse({ keyColumn: 'evidence_id', dateColumn: 'effective_date', textColumns: ['title', 'created_on'] });
      const csv = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
      const result = await importAndStore(p.blobs, Readable.from([csv]), { format: 'csv', mapping, period, limits, sourceBytes: csv.length });
      if (!result.ok) throw populationError(result.error, period);
      const id = await record(actor, tenantId, examinationId, testId, { name: body.name, source: 'evidence', fileName: `${test.reference}-evidence.csv`, mapping, stored: result.stored }, ctx);
      return detail(grant, tenantId, examinationId, id);
    },

    /** The auditor's record of how completeness and accuracy were checked (information produced by the entity). */
    async recordCompleteness(actor: TActor | null, tenantId: string, examinationId: string, id: string, text: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'soc2Program.write', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const ex = await fieldworkExamination(tx, tenantId, examinationId);
        await repo.lockPopulation(tx, tenantId, id);
        const row = await repo.getPopulation(tx, tenantId, examinationId, id);
        if (!row) throw notFound('Population');
        await repo.setCompleteness(tx, tenantId, id, text);
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'soc2_population.completeness_recorded',
          subjectType: 'soc2_population',
          subjectId: id,
          before: { completenessAccuracy: row.completeness_accuracy },
          after: { examinationReference: ex.reference, testReference: row.test_reference, name: row.name, completenessAccuracy: text },
        });
      });
      return detail(grant, tenantId, examinationId, id);
    },
  };
}
