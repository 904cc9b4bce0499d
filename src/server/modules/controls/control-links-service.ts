import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../platform/authz/authz.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/errors.ts';
import type { TLinkRequirementBody } from '../../../shared/contracts/controls.ts';
import { resolveRequirementRefs } from '../catalog/catalog-repo.ts';
import { readerLocale, toSuggestions } from './controls-dto.ts';
import * as repo from './controls-repo.ts';
import type { createControlsCoreService } from './controls-service.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;
type TCore = Pick<ReturnType<typeof createControlsCoreService>, 'readOne'>;

const unavailable = (b: TLinkRequirementBody) =>
  new AppError(409, 'control_suggestion_unavailable', `${b.frameworkId} ${b.ref} is not a crosswalk suggestion for this control (any more).`, { frameworkId: b.frameworkId, ref: b.ref });

/*
 * A control's links to framework requirements: made by hand, accepted from a crosswalk suggestion
 * or dismissed. Suggestions are only ever offered: a link from a crosswalk exists because a person
 * accepted it, and records the mapping that suggested it.
 */
export function createControlLinksService(p: TDeps, core: TCore) {
  /** Locks the control, judges the link rules on it (a retired control's links stay as they were). */
  async function lockForLink(tx: Transaction<DB>, grant: TTenantGrant, id: string) {
    const locked = await repo.lockControl(tx, grant.tenantId, id);
    if (!locked) throw notFound('Control');
    p.authz.assertOn(grant, 'control.link', { status: locked.status });
    return locked;
  }
  const userOf = (actor: TActor | null) => (actor?.type === 'user' ? actor.userId : null);

  return {
    /** Links a requirement of any framework this organization may see, at its current version. */
    async link(actor: TActor | null, tenantId: string, id: string, body: TLinkRequirementBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'control.link', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const locked = await lockForLink(tx, grant, id);
        // Another tenant's custom framework is not visible: it answers like one that does not exist.
        const [req] = await resolveRequirementRefs(tx, { tenantIds: [tenantId] }, [body]);
        if (!req) throw notFound('Requirement');
        const written = await repo.insertLinks(tx, tenantId, id, [
          { framework_id: req.framework_id, framework_version: req.framework_version, ref: req.ref, origin: 'manual', linked_by: userOf(actor), linked_at: p.clock.now() },
        ]);
        if (!written.length) throw new AppError(409, 'control_link_exists', `This control is already linked to ${body.frameworkId} ${body.ref}.`, { frameworkId: body.frameworkId, ref: body.ref });
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'control.requirement_linked',
          subjectType: 'control',
          subjectId: id,
          after: { reference: locked.reference, frameworkId: req.framework_id, frameworkVersion: req.framework_version, ref: req.ref, origin: 'manual' },
        });
      });
      return core.readOne(p.db, actor, grant, id);
    },

    async unlink(actor: TActor | null, tenantId: string, id: string, frameworkId: string, ref: string, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'control.link', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const locked = await lockForLink(tx, grant, id);
        const gone = await repo.deleteLink(tx, tenantId, id, frameworkId, ref);
        if (!gone) throw notFound('Requirement link');
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'control.requirement_unlinked',
          subjectType: 'control',
          subjectId: id,
          before: { reference: locked.reference, frameworkId: gone.framework_id, frameworkVersion: gone.framework_version, ref: gone.ref, origin: gone.origin },
        });
      });
      return core.readOne(p.db, actor, grant, id);
    },

    /** What the crosswalks suggest, towards the adopted frameworks: one SQL statement. */
    async suggestions(actor: TActor | null, tenantId: string, id: string) {
      await p.authz.assert(actor, 'control.read', { tenantId });
      const rows = await repo.suggestions(p.db, tenantId, id, readerLocale(actor));
      if (!rows.length) throw notFound('Control');
      return { items: toSuggestions(rows) };
    },

    /** A person accepts one suggestion: the link is made with origin `crosswalk` and the mapping that suggested it. */
    async accept(actor: TActor | null, tenantId: string, id: string, body: TLinkRequirementBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'control.link', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const locked = await lockForLink(tx, grant, id);
        const [s] = toSuggestions(await repo.suggestions(tx, tenantId, id, 'en', body));
        if (!s) throw unavailable(body);
        await repo.insertLinks(tx, tenantId, id, [
          { framework_id: s.frameworkId, framework_version: s.frameworkVersion, ref: s.ref, origin: 'crosswalk', linked_by: userOf(actor), linked_at: p.clock.now() },
        ]);
        const via = s.sources[0]!;
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'control.requirement_linked',
          subjectType: 'control',
          subjectId: id,
          after: {
            reference: locked.reference,
            frameworkId: s.frameworkId,
            frameworkVersion: s.frameworkVersion,
            ref: s.ref,
            origin: 'crosswalk',
            via: { frameworkId: via.viaFrameworkId, ref: via.viaRef, relation: via.relation },
          },
        });
      });
      return core.readOne(p.db, actor, grant, id);
    },

    /** A person dismisses one suggestion: it is remembered and not offered again for this control. */
    async dismiss(actor: TActor | null, tenantId: string, id: string, body: TLinkRequirementBody, ctx: TRequestContext) {
      const grant = await p.authz.assert(actor, 'control.link', { tenantId });
      await p.db.transaction().execute(async (tx) => {
        const locked = await lockForLink(tx, grant, id);
        const [s] = toSuggestions(await repo.suggestions(tx, tenantId, id, 'en', body));
        if (!s) throw unavailable(body);
        await repo.insertDismissal(tx, tenantId, id, s.frameworkId, s.ref, userOf(actor), p.clock.now());
        await recordAudit(tx, actor, ctx, {
          tenantId,
          action: 'control.suggestion_dismissed',
          subjectType: 'control',
          subjectId: id,
          after: { reference: locked.reference, frameworkId: s.frameworkId, ref: s.ref },
        });
      });
      const rows = await repo.suggestions(p.db, tenantId, id, readerLocale(actor));
      return { items: toSuggestions(rows) };
    },
  };
}
