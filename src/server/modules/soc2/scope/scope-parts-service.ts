import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { examinationLogs, examinationParties, recordInBothLogs } from '../shared-audit.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import {
  ZSoc2ComplementaryControlBody,
  ZSoc2ComplementaryControlUpdateBody,
  ZSoc2ReorderBody,
  ZSoc2SubserviceOrgBody,
  ZSoc2SubserviceOrgUpdateBody,
  type TSoc2ComplementaryControl,
  type TSoc2ComplementaryControlBody,
  type TSoc2ComplementaryControlUpdateBody,
  type TSoc2ReorderBody,
  type TSoc2ScopeParts,
  type TSoc2SubserviceOrg,
  type TSoc2SubserviceOrgBody,
  type TSoc2SubserviceOrgUpdateBody,
} from '../../../../shared/contracts/soc2-scope.ts';
import * as exams from '../examinations/examinations-repo.ts';
import { inapplicableCriteria, isPermutationOf, uniqueRefs } from './scope-parts-rules.ts';
import * as repo from './scope-parts-repo.ts';

/*
 * Subservice organizations and complementary controls of an examination. The firm (scheme manager,
 * auditors) writes them while the examination is scoping or planning — the policy answers 409 with
 * the state otherwise; the organization reads them. A CSOC belongs to a carved-out subservice
 * organization of the same examination, so a carved-out organization with CSOCs cannot become
 * inclusive. Criteria are the examination's applicable `soc2-tsc-2017` criteria.
 */

type TDeps = Pick<TPlatform, 'db' | 'authz'>;
type TAction =
  | 'soc2_subservice_org.added'
  | 'soc2_subservice_org.updated'
  | 'soc2_subservice_org.removed'
  | 'soc2_subservice_org.reordered'
  | 'soc2_complementary_control.added'
  | 'soc2_complementary_control.updated'
  | 'soc2_complementary_control.removed'
  | 'soc2_complementary_control.reordered';

/** Writes the event in the firm's log (subject: the examination) and the organization's (subject: the engagement). */
export async function recordScopeEvent(
  tx: Transaction<DB>,
  actor: TActor | null,
  ctx: TRequestContext,
  x: exams.TExaminationRow,
  event: { action: TAction | 'soc2_examination.renewed'; before?: Record<string, unknown>; after?: Record<string, unknown> },
) {
  await recordInBothLogs(tx, actor, ctx, examinationLogs(x), {
    action: event.action,
    ...(event.before ? { before: event.action.endsWith('.removed') ? { ...examinationParties(x), ...event.before } : event.before } : {}),
    ...(event.after ? { after: { ...examinationParties(x), ...event.after } } : {}),
  });
}

export const subserviceOrgDto = (r: repo.TSubserviceOrgRow): TSoc2SubserviceOrg => ({
  id: r.id,
  name: r.name,
  services: r.services,
  treatment: r.treatment,
  reportKind: r.report_kind,
  reportPeriodEnd: r.report_period_end,
  reportOpinion: r.report_opinion,
  reportNotes: r.report_notes,
  position: r.position,
});

export const complementaryDto = (r: repo.TComplementaryRow): TSoc2ComplementaryControl => ({
  id: r.id,
  kind: r.kind,
  reference: r.reference,
  statement: r.statement,
  criteria: r.criteria,
  subserviceOrgId: r.subservice_org_id,
  subserviceOrgName: r.subservice_org_name,
  position: r.position,
});

const SUBSERVICE_COLUMNS = {
  name: 'name',
  services: 'services',
  treatment: 'treatment',
  reportKind: 'report_kind',
  reportPeriodEnd: 'report_period_end',
  reportOpinion: 'report_opinion',
  reportNotes: 'report_notes',
} as const;

/** A subservice organization without a report of its own has no report date or opinion. */
function checkReport(v: { report_kind: string; report_period_end: string | null; report_opinion: string | null }) {
  if (v.report_kind === '' && (v.report_period_end !== null || v.report_opinion !== null)) {
    throw new AppError(400, 'validation_failed', 'Record the kind of the subservice organization’s report before its period end or opinion.', [
      { field: 'reportKind', issue: 'required', message: 'Record the kind of report first.' },
    ]);
  }
}

export function createSoc2ScopePartsService(p: TDeps) {
  async function view(grant: TTenantGrant, x: exams.TExaminationRow): Promise<TSoc2ScopeParts> {
    const parts = await repo.listScopeParts(p.db, x.tenant_id, x.id);
    if (!parts) throw notFound('Examination');
    const firm = grant.kind !== 'organization';
    return {
      examinationId: x.id,
      state: x.state,
      subserviceOrgs: parts.subserviceOrgs.map(subserviceOrgDto),
      complementaryControls: parts.complementaryControls.map(complementaryDto),
      abilities: { 'soc2Examination.scopeParts': firm && p.authz.abilities(grant, 'soc2Examination', { state: x.state })['soc2Examination.scopeParts'] === true },
    };
  }

  /** Runs a change on the locked examination after the record-level check (409 outside scoping and planning). */
  function change<T>(grant: TTenantGrant, tenantId: string, examinationId: string, apply: (tx: Transaction<DB>, x: exams.TExaminationRow) => Promise<T>) {
    return p.db.transaction().execute(async (tx) => {
      const x = await exams.firmExamination(tx, tenantId, examinationId, true);
      if (!x) throw notFound('Examination');
      p.authz.assertOn(grant, 'soc2Examination.scopeParts', { state: x.state });
      return apply(tx, x);
    });
  }
  const writer = (actor: TActor | null, tenantId: string) => p.authz.assert(actor, 'soc2Examination.scopeParts', { tenantId });

  async function checkCriteria(tx: Transaction<DB>, x: exams.TExaminationRow, refs: string[]) {
    const unique = uniqueRefs(refs);
    const bad = inapplicableCriteria(unique, await repo.knownCriteria(tx, unique), x.categories);
    if (bad.length) {
      throw new AppError(
        400,
        'soc2_criterion_not_applicable',
        `${bad.map((b) => b.ref).join(', ')} ${bad.length > 1 ? 'are not applicable criteria' : 'is not an applicable criterion'} of this examination.`,
        bad.map((b) => ({ field: `criteria.${refs.indexOf(b.ref)}`, issue: 'invalid', message: `${b.ref} is not an applicable criterion of this examination.` })),
      );
    }
    return unique;
  }

  /** A CSOC names a carved-out subservice organization of this examination; a CUEC names none. */
  async function checkSubservice(tx: Transaction<DB>, x: exams.TExaminationRow, kind: 'cuec' | 'csoc', subserviceOrgId: string | null) {
    if (kind === 'cuec') {
      if (subserviceOrgId !== null)
        throw new AppError(400, 'validation_failed', 'A complementary user entity control names no subservice organization.', [{ field: 'subserviceOrgId', issue: 'invalid', message: 'Only for a CSOC.' }]);
      return null;
    }
    const org = subserviceOrgId ? await repo.subserviceOrg(tx, x.tenant_id, x.id, subserviceOrgId) : undefined;
    if (!org || org.treatment !== 'carve_out') {
      throw new AppError(400, 'soc2_csoc_needs_carve_out', 'A complementary subservice organization control belongs to a carved-out subservice organization of this examination.', {
        field: 'subserviceOrgId',
        subserviceOrgId,
        treatment: org?.treatment ?? null,
      });
    }
    return org;
  }

  return {
    view,

    /** The firm's read: both lists in one statement, with the write ability on the examination's state. */
    async forFirm(actor: TActor | null, tenantId: string, examinationId: string): Promise<TSoc2ScopeParts> {
      const grant = await p.authz.assert(actor, 'soc2Examination.read', { tenantId });
      const x = await exams.firmExamination(p.db, tenantId, examinationId);
      if (!x) throw notFound('Examination');
      return view(grant, x);
    },

    /** The organization's read, through its engagement (another organization's examination: 404). */
    async forOrganization(actor: TActor | null, tenantId: string, examinationId: string): Promise<TSoc2ScopeParts> {
      const grant = await p.authz.assert(actor, 'orgSoc2Examination.read', { tenantId });
      const x = await exams.orgExamination(p.db, tenantId, examinationId);
      if (!x) throw notFound('Examination');
      return view(grant, x);
    },

    async addSubserviceOrg(actor: TActor | null, tenantId: string, examinationId: string, body: TSoc2SubserviceOrgBody, ctx: TRequestContext): Promise<TSoc2SubserviceOrg> {
      const grant = await writer(actor, tenantId);
      const input = ZSoc2SubserviceOrgBody.parse(body);
      const id = await change(grant, tenantId, examinationId, async (tx, x) => {
        const values: repo.TSubserviceOrgValues = {
          name: input.name,
          services: input.services,
          treatment: input.treatment,
          report_kind: input.reportKind,
          report_period_end: input.reportPeriodEnd,
          report_opinion: input.reportOpinion,
          report_notes: input.reportNotes,
        };
        checkReport(values);
        const { id } = await repo.insertSubserviceOrg(tx, tenantId, examinationId, values);
        await recordScopeEvent(tx, actor, ctx, x, { action: 'soc2_subservice_org.added', after: { ...input } });
        return id;
      });
      return subserviceOrgDto((await repo.subserviceOrg(p.db, tenantId, examinationId, id))!);
    },

    async updateSubserviceOrg(actor: TActor | null, tenantId: string, examinationId: string, id: string, body: TSoc2SubserviceOrgUpdateBody, ctx: TRequestContext): Promise<TSoc2SubserviceOrg> {
      const grant = await writer(actor, tenantId);
      const input = ZSoc2SubserviceOrgUpdateBody.parse(body);
      await change(grant, tenantId, examinationId, async (tx, x) => {
        const row = await repo.subserviceOrg(tx, tenantId, examinationId, id);
        if (!row) throw notFound('Subservice organization');
        const current = {
          name: row.name,
          services: row.services,
          treatment: row.treatment,
          reportKind: row.report_kind,
          reportPeriodEnd: row.report_period_end,
          reportOpinion: row.report_opinion,
          reportNotes: row.report_notes,
        };
        const next = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as typeof current;
        const keys = (Object.keys(current) as (keyof typeof current)[]).filter((k) => next[k] !== current[k]);
        if (!keys.length) return;
        checkReport({ report_kind: next.reportKind, report_period_end: next.reportPeriodEnd, report_opinion: next.reportOpinion });
        if (current.treatment === 'carve_out' && next.treatment === 'inclusive') {
          const csocs = await repo.csocsOf(tx, tenantId, id);
          if (csocs.length)
            throw new AppError(409, 'soc2_csoc_needs_carve_out', 'Its complementary subservice organization controls need a carved-out organization: move or delete them first.', { csocs, field: 'treatment' });
        }
        await repo.updateSubserviceOrg(tx, tenantId, id, Object.fromEntries(keys.map((k) => [SUBSERVICE_COLUMNS[k], next[k]])) as Partial<repo.TSubserviceOrgValues>);
        const pick = (o: typeof current) => Object.fromEntries(keys.map((k) => [k, o[k]]));
        await recordScopeEvent(tx, actor, ctx, x, { action: 'soc2_subservice_org.updated', before: pick(current), after: { ...pick(next), name: next.name } });
      });
      return subserviceOrgDto((await repo.subserviceOrg(p.db, tenantId, examinationId, id))!);
    },

    /** Deletes the subservice organization and its CSOCs (their references are kept in the logs). */
    async removeSubserviceOrg(actor: TActor | null, tenantId: string, examinationId: string, id: string, ctx: TRequestContext): Promise<void> {
      const grant = await writer(actor, tenantId);
      await change(grant, tenantId, examinationId, async (tx, x) => {
        const row = await repo.subserviceOrg(tx, tenantId, examinationId, id);
        if (!row) throw notFound('Subservice organization');
        const csocs = await repo.csocsOf(tx, tenantId, id);
        await repo.deleteSubserviceOrg(tx, tenantId, id);
        await recordScopeEvent(tx, actor, ctx, x, { action: 'soc2_subservice_org.removed', before: { name: row.name, treatment: row.treatment, csocs } });
      });
    },

    async reorderSubserviceOrgs(actor: TActor | null, tenantId: string, examinationId: string, body: TSoc2ReorderBody, ctx: TRequestContext): Promise<TSoc2ScopeParts> {
      const grant = await writer(actor, tenantId);
      const { ids } = ZSoc2ReorderBody.parse(body);
      const x = await change(grant, tenantId, examinationId, async (tx, x) => {
        const parts = (await repo.listScopeParts(tx, tenantId, examinationId))!;
        const current = parts.subserviceOrgs.map((s) => s.id);
        if (!isPermutationOf(ids, current))
          throw new AppError(400, 'validation_failed', 'Name every subservice organization of the examination once.', [{ field: 'ids', issue: 'invalid', message: 'Name every subservice organization once.' }]);
        await repo.setPositions(tx, 'soc2_subservice_orgs', tenantId, examinationId, ids);
        const names = ids.map((i) => parts.subserviceOrgs.find((s) => s.id === i)!.name);
        await recordScopeEvent(tx, actor, ctx, x, { action: 'soc2_subservice_org.reordered', after: { names } });
        return x;
      });
      return view(grant, x);
    },

    async addComplementaryControl(actor: TActor | null, tenantId: string, examinationId: string, body: TSoc2ComplementaryControlBody, ctx: TRequestContext): Promise<TSoc2ComplementaryControl> {
      const grant = await writer(actor, tenantId);
      const input = ZSoc2ComplementaryControlBody.parse(body);
      const id = await change(grant, tenantId, examinationId, async (tx, x) => {
        const org = await checkSubservice(tx, x, input.kind, input.subserviceOrgId);
        const criteria = await checkCriteria(tx, x, input.criteria);
        const reference = await repo.drawComplementaryReference(tx, tenantId, examinationId, input.kind);
        const { id } = await repo.insertComplementaryControl(tx, tenantId, examinationId, { kind: input.kind, reference, statement: input.statement, criteria, subservice_org_id: org?.id ?? null });
        await recordScopeEvent(tx, actor, ctx, x, {
          action: 'soc2_complementary_control.added',
          after: { kind: input.kind, controlReference: reference, statement: input.statement, criteria, subserviceOrgName: org?.name ?? null },
        });
        return id;
      });
      return complementaryDto((await repo.complementaryControl(p.db, tenantId, examinationId, id))!);
    },

    async updateComplementaryControl(
      actor: TActor | null,
      tenantId: string,
      examinationId: string,
      id: string,
      body: TSoc2ComplementaryControlUpdateBody,
      ctx: TRequestContext,
    ): Promise<TSoc2ComplementaryControl> {
      const grant = await writer(actor, tenantId);
      const input = ZSoc2ComplementaryControlUpdateBody.parse(body);
      await change(grant, tenantId, examinationId, async (tx, x) => {
        const row = await repo.complementaryControl(tx, tenantId, examinationId, id);
        if (!row) throw notFound('Complementary control');
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        const set: Parameters<typeof repo.updateComplementaryControl>[3] = {};
        if (input.statement !== undefined && input.statement !== row.statement) {
          set.statement = input.statement;
          before.statement = row.statement;
          after.statement = input.statement;
        }
        if (input.criteria !== undefined) {
          const criteria = await checkCriteria(tx, x, input.criteria);
          if (JSON.stringify(criteria) !== JSON.stringify(row.criteria)) {
            set.criteria = criteria;
            before.criteria = row.criteria;
            after.criteria = criteria;
          }
        }
        if (input.subserviceOrgId !== undefined && input.subserviceOrgId !== row.subservice_org_id) {
          const org = await checkSubservice(tx, x, row.kind, input.subserviceOrgId);
          set.subservice_org_id = org?.id ?? null;
          before.subserviceOrgName = row.subservice_org_name;
          after.subserviceOrgName = org?.name ?? null;
        }
        if (!Object.keys(set).length) return;
        await repo.updateComplementaryControl(tx, tenantId, id, set);
        await recordScopeEvent(tx, actor, ctx, x, { action: 'soc2_complementary_control.updated', before, after: { ...after, kind: row.kind, controlReference: row.reference } });
      });
      return complementaryDto((await repo.complementaryControl(p.db, tenantId, examinationId, id))!);
    },

    async removeComplementaryControl(actor: TActor | null, tenantId: string, examinationId: string, id: string, ctx: TRequestContext): Promise<void> {
      const grant = await writer(actor, tenantId);
      await change(grant, tenantId, examinationId, async (tx, x) => {
        const row = await repo.complementaryControl(tx, tenantId, examinationId, id);
        if (!row) throw notFound('Complementary control');
        await repo.deleteComplementaryControl(tx, tenantId, id);
        await recordScopeEvent(tx, actor, ctx, x, { action: 'soc2_complementary_control.removed', before: { kind: row.kind, controlReference: row.reference, statement: row.statement } });
      });
    },

    async reorderComplementaryControls(actor: TActor | null, tenantId: string, examinationId: string, body: TSoc2ReorderBody, ctx: TRequestContext): Promise<TSoc2ScopeParts> {
      const grant = await writer(actor, tenantId);
      const { ids } = ZSoc2ReorderBody.parse(body);
      const x = await change(grant, tenantId, examinationId, async (tx, x) => {
        const parts = (await repo.listScopeParts(tx, tenantId, examinationId))!;
        const current = parts.complementaryControls.map((c) => c.id);
        if (!isPermutationOf(ids, current))
          throw new AppError(400, 'validation_failed', 'Name every complementary control of the examination once.', [{ field: 'ids', issue: 'invalid', message: 'Name every complementary control once.' }]);
        await repo.setPositions(tx, 'soc2_complementary_controls', tenantId, examinationId, ids);
        const controlReferences = ids.map((i) => parts.complementaryControls.find((c) => c.id === i)!.reference);
        await recordScopeEvent(tx, actor, ctx, x, { action: 'soc2_complementary_control.reordered', after: { controlReferences } });
        return x;
      });
      return view(grant, x);
    },
  };
}
