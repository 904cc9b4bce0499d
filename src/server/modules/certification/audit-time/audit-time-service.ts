import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { notFound } from '../../../platform/errors/errors.ts';
import {
  ZAuditTimeInputsShape,
  type TAuditTimeCalculation,
  type TAuditTimeCalculationListQuery,
  type TAuditTimeClientInputs,
  type TAuditTimeOverview,
  type TAuditTimeTable,
  type TCalculateAuditTimeBody,
  type TCreateAuditTimeTableBody,
} from '../../../../shared/contracts/audit-time.ts';
import { calculateAuditTime, type TAuditTimeTable as TRulesTable } from './audit-time-rules.ts';
import { DEFAULT_AUDIT_TIME_TABLE, DEFAULT_TABLE_NAME, DEFAULT_TABLE_VERSION } from './default-table.ts';
import * as repo from './audit-time-repo.ts';

export type TAuditTimeDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const iso = (d: Date | string) => new Date(d).toISOString();
const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** Attest's shipped table, as the API shows it beside the body's own versions. */
export const SHIPPED_DEFAULT_TABLE: TAuditTimeTable = {
  source: 'default',
  version: DEFAULT_TABLE_VERSION,
  name: DEFAULT_TABLE_NAME,
  id: null,
  note: 'ISO/IEC 42006 publishes no verified AIMS audit-time table: this default follows the IAF MD5 method and is calibrated on published market ranges. Replace it with your own procedure’s table.',
  config: DEFAULT_AUDIT_TIME_TABLE,
  createdBy: null,
  createdAt: null,
};

const tableDto = (r: repo.TTableRow): TAuditTimeTable => ({
  source: 'body',
  version: r.version,
  name: r.name,
  id: r.id,
  note: r.note,
  config: r.config,
  createdBy: person(r.created_by, r.created_by_name),
  createdAt: iso(r.created_at),
});

const calculationDto = (r: repo.TCalculationRow): TAuditTimeCalculation => ({
  id: r.id,
  clientId: r.client_id,
  clientReference: r.client_reference,
  clientName: r.client_name,
  inputs: r.inputs,
  result: r.result,
  note: r.note,
  createdBy: person(r.created_by, r.created_by_name),
  createdAt: iso(r.created_at),
});

/** The table in force: the body's latest version, else Attest's default. */
const inForce = (row: repo.TTableRow | undefined): { table: TRulesTable; id: string | null } =>
  row ? { table: { source: 'body', version: row.version, name: row.name, config: row.config }, id: row.id } : { table: { ...SHIPPED_DEFAULT_TABLE, config: DEFAULT_AUDIT_TIME_TABLE }, id: null };

/**
 * Audit time (IAF MD5): the body's versioned table, calculations (a preview writes nothing; with a
 * client it is kept with its inputs and the table version it used), and a client's profile as
 * calculator inputs. The rules themselves are pure (audit-time-rules.ts).
 */
export function createAuditTimeService(p: TAuditTimeDeps) {
  return {
    async overview(actor: TActor | null, tenantId: string): Promise<TAuditTimeOverview> {
      const grant = await p.authz.assert(actor, 'auditTime.read', { tenantId });
      const latest = await repo.latestTable(p.db, tenantId);
      const abilities = p.authz.abilities(grant, 'auditTime', {});
      return { current: latest ? tableDto(latest) : SHIPPED_DEFAULT_TABLE, shippedDefault: SHIPPED_DEFAULT_TABLE, abilities };
    },

    async listTables(actor: TActor | null, tenantId: string, q: { limit: number; cursor?: string | undefined }) {
      await p.authz.assert(actor, 'auditTime.read', { tenantId });
      const page = await repo.listTables(p.db, tenantId, q);
      return {
        items: page.items.map((r) => ({ source: 'body' as const, version: r.version, name: r.name, id: r.id, note: r.note, createdBy: person(r.created_by, r.created_by_name), createdAt: iso(r.created_at) })),
        nextCursor: page.nextCursor,
      };
    },

    async getTable(actor: TActor | null, tenantId: string, version: number): Promise<TAuditTimeTable> {
      await p.authz.assert(actor, 'auditTime.read', { tenantId });
      const row = await repo.tableVersion(p.db, tenantId, version);
      if (!row) throw notFound('Audit-time table version');
      return tableDto(row);
    },

    /** A new version of the body's table; earlier versions stay as they were, for the calculations that used them. */
    async createTableVersion(actor: TActor | null, tenantId: string, body: TCreateAuditTimeTableBody, ctx: TRequestContext): Promise<TAuditTimeTable> {
      await p.authz.assert(actor, 'auditTime.configure', { tenantId });
      p.authz.assertUser(actor);
      const version = await p.db.transaction().execute(async (tx) => {
        await repo.lockTablesOf(tx, tenantId);
        const latest = await repo.latestTable(tx, tenantId);
        const next = (latest?.version ?? 0) + 1;
        const row = await repo.insertTable(tx, tenantId, { version: next, name: body.name, note: body.note, config: body.config, userId: actor.userId, at: p.clock.now() });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'audit_time.table_version_created',
          subjectType: 'audit_time_table',
          subjectId: row.id,
          after: { version: next, name: body.name, note: body.note, previousVersion: latest?.version ?? null },
        });
        return next;
      });
      const row = await repo.tableVersion(p.db, tenantId, version);
      return tableDto(row!);
    },

    /**
     * Calculates with the table in force. Without a client nothing is written; with one, the
     * calculation is kept on it (inputs, result with its trace, table version) and audited.
     */
    async calculate(actor: TActor | null, tenantId: string, body: TCalculateAuditTimeBody, ctx: TRequestContext) {
      if (!body.clientId) {
        await p.authz.assert(actor, 'auditTime.calculate', { tenantId });
        const { table } = inForce(await repo.latestTable(p.db, tenantId));
        return { result: calculateAuditTime(body.inputs, table), calculation: null };
      }
      await p.authz.assert(actor, 'auditTime.record', { tenantId });
      p.authz.assertUser(actor);
      const clientId = body.clientId;
      const id = await p.db.transaction().execute(async (tx) => {
        const client = await repo.clientForShare(tx, tenantId, clientId);
        if (!client) throw notFound('Client');
        const { table, id: tableId } = inForce(await repo.latestTable(tx, tenantId));
        const result = calculateAuditTime(body.inputs, table);
        const row = await repo.insertCalculation(tx, tenantId, { clientId, inputs: body.inputs, result, tableId, note: body.note ?? '', userId: actor.userId, at: p.clock.now() });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'audit_time.calculation_recorded',
          subjectType: 'audit_time_calculation',
          subjectId: row.id,
          after: {
            clientId,
            clientReference: client.reference,
            tableSource: result.table.source,
            tableVersion: result.table.version,
            initialDays: result.initialDays,
            cycleDays: result.cycleDays,
          },
        });
        return row.id;
      });
      const calculation = calculationDto((await repo.getCalculation(p.db, tenantId, id))!);
      return { result: calculation.result, calculation };
    },

    async listCalculations(actor: TActor | null, tenantId: string, q: TAuditTimeCalculationListQuery) {
      await p.authz.assert(actor, 'auditTime.read', { tenantId });
      const page = await repo.listCalculations(p.db, tenantId, q);
      return { items: page.items.map(calculationDto), nextCursor: page.nextCursor };
    },

    async getCalculation(actor: TActor | null, tenantId: string, calculationId: string): Promise<TAuditTimeCalculation> {
      await p.authz.assert(actor, 'auditTime.read', { tenantId });
      const row = await repo.getCalculation(p.db, tenantId, calculationId);
      if (!row) throw notFound('Audit-time calculation');
      return calculationDto(row);
    },

    /** The client's latest kept calculation, or null: what a proposal takes its days from. */
    async latestForClient(actor: TActor | null, tenantId: string, clientId: string): Promise<TAuditTimeCalculation | null> {
      await p.authz.assert(actor, 'auditTime.read', { tenantId });
      const row = await repo.latestCalculationForClient(p.db, tenantId, clientId);
      return row ? calculationDto(row) : null;
    },

    /** The client's profile as calculator inputs: the form starts from what the client record says. */
    async clientInputs(actor: TActor | null, tenantId: string, clientId: string): Promise<TAuditTimeClientInputs> {
      await p.authz.assert(actor, 'auditTime.calculate', { tenantId });
      const c = await repo.clientProfile(p.db, tenantId, clientId);
      if (!c) throw notFound('Client');
      const inputs = ZAuditTimeInputsShape.parse({
        employeesFullTime: c.employees_full_time,
        employeesPartTime: c.employees_part_time,
        partTimeFte: Number(c.part_time_fte),
        sites: Math.max(1, c.sites),
        aiSystems: c.ai_systems_count,
        highRiskAiSystems: c.high_risk_ai_systems,
        // A client whose role is not recorded yet is taken as a user of AI, the least time; the form shows it.
        aiRoles: c.ai_roles.length ? [...new Set(c.ai_roles)] : ['user'],
        sectorRisk: c.sector_risk,
        aimsMaturity: c.aims_maturity,
        existingCertifications: [...new Set(c.existing_certifications)],
        integratedAudit: false,
      });
      return { clientId: c.id, clientReference: c.reference, clientName: c.legal_name, inputs };
    },
  };
}
export type TAuditTimeService = ReturnType<typeof createAuditTimeService>;
