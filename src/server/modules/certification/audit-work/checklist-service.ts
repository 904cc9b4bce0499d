import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { todayOf } from '../../../platform/clock/clock.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import type {
  TChecklist,
  TChecklistItem,
  TChecklistQuery,
  TGenerateChecklistInput,
  TUpdateChecklistItemInput,
} from '../../../../shared/contracts/audit-work.ts';
import type { TRequirementStatus } from '../../../../shared/contracts/readiness.ts';
import type { TAuditWorkSubject } from './audit-work-policies.ts';
import * as repo from './audit-work-repo.ts';
import { basisOf, DEFAULT_SURVEILLANCE_SAMPLE, planChecklist, type TCandidate } from './checklist-rules.ts';
import { ISO42001, openClientRecords } from './client-records.ts';

export type TAuditWorkDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

const iso = (d: Date | string) => new Date(d).toISOString();
const userIdOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);

export const subjectOf = (c: repo.TAuditContext): TAuditWorkSubject => ({
  teamRole: c.team_role,
  auditState: c.state,
  checklistGenerated: c.checklist_generated,
  reportIssued: c.report_status === 'issued',
});

/** The audit, judged for `action` on its row; another body's audit, or one an auditor is not on, answers 404. */
export async function loadAudit(p: TAuditWorkDeps, db: TAuditWorkDeps['db'], grant: TTenantGrant, action: Parameters<TAuditWorkDeps['authz']['assertOn']>[1], auditId: string, forUpdate = false) {
  const ctx = await repo.auditContext(db, grant.tenantId, auditId, grant.actor.userId, forUpdate);
  if (!ctx) throw notFound('Audit');
  p.authz.assertOn(grant, action, subjectOf(ctx) as never);
  return ctx;
}

const itemDto = (r: repo.TItemRow, abilities: Record<string, boolean>): TChecklistItem => ({
  id: r.id,
  position: r.position,
  section: r.section,
  frameworkId: r.framework_id,
  frameworkVersion: r.framework_version,
  ref: r.ref,
  kind: r.kind,
  title: r.title,
  group: r.group_ref && r.group_title ? { ref: r.group_ref, title: r.group_title } : null,
  readinessStatus: r.readiness_status as TRequirementStatus | null,
  soaImplementationStatus: r.soa_implementation_status,
  priorAuditReference: r.prior_audit_reference,
  verdict: r.verdict,
  notes: r.notes,
  evidence: r.evidence,
  updatedBy: r.updated_by_id ? { id: r.updated_by_id, name: r.updated_by_name ?? '' } : null,
  updatedAt: r.updated_at ? iso(r.updated_at) : null,
  abilities,
});

type TReadinessSnapshot = NonNullable<TChecklist['readiness']>;

export function createChecklistService(p: TAuditWorkDeps) {
  async function get(actor: TActor | null, tenantId: string, auditId: string, q: TChecklistQuery = {}, grantIn?: TTenantGrant): Promise<TChecklist> {
    const grant = grantIn ?? (await p.authz.assert(actor, 'auditChecklist.read', { tenantId }));
    return read(p.db, grant, auditId, q);
  }

  /** Also called inside a transaction (issuing a report): on PGlite a read outside it would wait for the one connection. */
  async function read(db: TAuditWorkDeps['db'], grant: TTenantGrant, auditId: string, q: TChecklistQuery = {}): Promise<TChecklist> {
    const tenantId = grant.tenantId;
    const ctx = await loadAudit(p, db, grant, 'auditChecklist.read', auditId);
    const abilities = p.authz.abilities(grant, 'auditChecklist', subjectOf(ctx));
    const head = await repo.checklistHead(db, tenantId, auditId);
    const items = await repo.listItems(db, tenantId, auditId, q);
    const totals = await repo.verdictTotals(db, tenantId, auditId);
    return {
      auditId,
      auditReference: ctx.reference,
      auditType: ctx.type,
      auditState: ctx.state,
      generated: Boolean(head),
      basis: head?.basis ?? null,
      framework: head ? { id: head.framework_id, version: head.framework_version } : null,
      soaVersion: head?.soa_version ?? null,
      readiness: (head?.readiness as TReadinessSnapshot | null | undefined) ?? null,
      generatedBy: head?.generated_by_id ? { id: head.generated_by_id, name: head.generated_by_name ?? '' } : null,
      generatedAt: head ? iso(head.generated_at) : null,
      totals,
      items: items.map((r) => itemDto(r, abilities)),
      abilities,
    };
  }

  return {
    get,
    read,

    /**
     * Generates the audit's checklist once (17021-1 9.3, 9.6). Stage 2 and recertification read the
     * client's approved SoA and stage 1 its readiness view through the engagement door: each read
     * is recorded in the organization's log as well as the body's, in the same transaction.
     */
    async generate(actor: TActor | null, tenantId: string, auditId: string, input: TGenerateChecklistInput, ctxReq: TRequestContext) {
      const grant = await p.authz.assert(actor, 'auditChecklist.generate', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const ctx = await loadAudit(p, tx, grant, 'auditChecklist.generate', auditId, true);
        const basis = basisOf(ctx.type);
        if (input.sample && basis !== 'surveillance') {
          throw new AppError(400, 'validation_failed', 'Only a surveillance checklist takes a sample.', [{ field: 'sample', issue: 'invalid', message: 'Only a surveillance checklist takes a sample.' }]);
        }
        const client = await openClientRecords(p, tx, actor, { id: ctx.engagement_id, status: ctx.engagement_status }, ctxReq);
        let version: string | null = null;
        let soaVersion: number | null = null;
        let readiness: TReadinessSnapshot | null = null;
        let sections: [Parameters<typeof planChecklist>[0][number][0], TCandidate[]][] = [];

        if (basis === 'full') {
          const soa = await client.approvedSoa();
          if (!soa) throw new AppError(409, 'checklist_soa_missing', 'The client has no approved Statement of Applicability: stage 2 audits the controls it declares applicable.');
          version = soa.frameworkVersion;
          soaVersion = soa.number;
          const clauses = await repo.leafClauses(tx, ISO42001, version);
          sections = [
            ['clause', clauses],
            ['control', soa.applicable.map((a) => ({ ref: a.ref, position: a.position, framework_id: ISO42001, framework_version: version!, soa_implementation_status: a.implementationStatus }))],
          ];
        } else if (basis === 'stage1') {
          version = await client.frameworkVersion();
          if (!version) throw notFound('Framework');
          const view = await client.readiness(todayOf(p));
          const statusOf = new Map(view.requirements.map((r) => [r.ref, r.status]));
          readiness = {
            asOf: view.asOf,
            coveredPercent: view.totals.coveredPercent,
            byStatus: view.totals.byStatus,
            blockers: view.blockers.map((b) => ({ kind: b.kind, clause: 'clause' in b ? b.clause : null, label: 'label' in b ? b.label : null })),
          };
          const docs = await repo.documentedInformation(tx, ISO42001, version);
          sections = [['documented_information', docs.map((d) => ({ ...d, readiness_status: statusOf.get(d.ref) ?? null }))]];
        } else {
          version = await client.frameworkVersion();
          if (!version) throw notFound('Framework');
          const refs = input.sample?.filter((s) => s.frameworkId === ISO42001).map((s) => s.ref) ?? [...DEFAULT_SURVEILLANCE_SAMPLE];
          const unknown = (input.sample ?? []).map((s, i) => ({ s, i })).filter(({ s }) => s.frameworkId !== ISO42001);
          const sample = await repo.requirementsByRef(tx, ISO42001, version, refs);
          const found = new Set(sample.map((r) => r.ref));
          (input.sample ?? []).forEach((s, i) => s.frameworkId === ISO42001 && !found.has(s.ref) && unknown.push({ s, i }));
          if (unknown.length) {
            throw new AppError(400, 'checklist_requirement_unknown', `Not requirements of ISO/IEC 42001 (${version}): ${unknown.map(({ s }) => s.ref).join(', ')}.`, {
              field: `sample.${unknown[0]!.i}`,
              refs: unknown.map(({ s }) => s.ref),
            });
          }
          const prior = await repo.priorNonconformities(tx, tenantId, ctx.engagement_id, auditId, ISO42001);
          sections = [
            ['prior_nonconformity', prior],
            ['sample', sample],
          ];
        }

        const items = planChecklist(sections);
        const userId = userIdOf(actor);
        await repo.insertChecklist(tx, tenantId, auditId, { basis, framework_id: ISO42001, framework_version: version, soa_version: soaVersion, readiness, generated_by: userId, generated_at: p.clock.now() }, items);
        await recordAudit(tx, actor, ctxReq, {
          tenantId,
          action: 'audit_checklist.generated',
          subjectType: 'audit',
          subjectId: auditId,
          after: { auditReference: ctx.reference, basis, frameworkId: ISO42001, frameworkVersion: version, soaVersion, items: items.length },
        });
      });
      return get(actor, tenantId, auditId, {}, grant);
    },

    /** A verdict, notes and evidence references on one item, while the audit is in progress. */
    async recordItem(actor: TActor | null, tenantId: string, auditId: string, itemId: string, input: TUpdateChecklistItemInput, ctxReq: TRequestContext): Promise<TChecklistItem> {
      const grant = await p.authz.assert(actor, 'auditChecklist.record', { tenantId });
      const abilities = await p.db.transaction().execute(async (tx) => {
        const ctx = await loadAudit(p, tx, grant, 'auditChecklist.record', auditId, true);
        const item = await repo.getItemForUpdate(tx, tenantId, auditId, itemId);
        if (!item) throw notFound('Checklist item');
        const verdict = input.verdict !== undefined ? input.verdict : item.verdict;
        const notes = input.notes ?? item.notes;
        // A nonconformity or an observation is stated on objective evidence: the team writes it down.
        if ((verdict === 'nonconforming' || verdict === 'observation') && !notes.trim()) {
          throw new AppError(400, 'checklist_notes_required', 'Write what was found (the objective evidence) before recording a nonconformity or an observation.', { field: 'notes' });
        }
        const beforeEvidence = await repo.itemEvidenceIds(tx, tenantId, itemId);
        let evidenceIds = beforeEvidence;
        if (input.evidenceIds) {
          const wanted = [...new Set(input.evidenceIds)];
          // Citing evidence reads it (its title is kept on the item): through the engagement door, logged in both tenants.
          const client = wanted.length ? await openClientRecords(p, tx, actor, { id: ctx.engagement_id, status: ctx.engagement_status }, ctxReq) : null;
          const found = client ? await client.evidenceAmong(wanted) : [];
          const known = new Set(found.map((e) => e.id));
          const missing = wanted.findIndex((id) => !known.has(id));
          if (missing >= 0) {
            throw new AppError(400, 'checklist_evidence_unknown', 'Not evidence the client has submitted.', { field: `evidenceIds.${input.evidenceIds.indexOf(wanted[missing]!)}`, evidenceId: wanted[missing] });
          }
          await repo.replaceItemEvidence(tx, tenantId, itemId, client?.organizationTenantId ?? ctx.organization_tenant_id, found);
          evidenceIds = [...known].sort();
        }
        await repo.updateItem(tx, tenantId, itemId, { verdict, notes, updated_by: userIdOf(actor), updated_at: p.clock.now() });
        await recordAudit(tx, actor, ctxReq, {
          tenantId,
          action: 'audit_checklist.item_recorded',
          subjectType: 'audit',
          subjectId: auditId,
          // Which item stays on the after side only, so that the "only what changed" filter keeps it.
          before: { verdict: item.verdict, notes: item.notes, evidenceIds: beforeEvidence },
          after: { auditReference: ctx.reference, ref: item.ref, verdict, notes, evidenceIds },
        });
        return p.authz.abilities(grant, 'auditChecklist', subjectOf(ctx));
      });
      const [row] = await repo.listItems(p.db, tenantId, auditId, {}, itemId);
      return itemDto(row!, abilities);
    },
  };
}
