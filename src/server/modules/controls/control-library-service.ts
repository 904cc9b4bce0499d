import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../platform/audit-log/audit-log.ts';
import { notFound } from '../../platform/errors/errors.ts';
import type { TApplyLibraryBody, TLibraryResult } from '../../../shared/contracts/controls.ts';
import { readerLocale } from './controls-dto.ts';
import { adoptInTx } from './frameworks-service.ts';
import { LIBRARIES } from './library/index.ts';
import * as repo from './controls-repo.ts';

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;

/*
 * One click creates the starter control set of a framework: each item becomes a planned control,
 * worded in the language of the person who clicks, linked (origin `library`) to the requirement it
 * answers. Running it again creates only what is missing: an item whose `library_ref` is already a
 * control, or whose reference is taken, is skipped (one INSERT … SELECT with ON CONFLICT DO NOTHING,
 * so a double click cannot duplicate either). Each created control gets its own `control.created`
 * event rather than one summary event: a control's history (read from the audit log by subject)
 * then starts with how it was born, like any other control's.
 */
export function createControlLibraryService(p: TDeps) {
  return {
    async apply(actor: TActor | null, tenantId: string, body: TApplyLibraryBody, ctx: TRequestContext): Promise<TLibraryResult> {
      await p.authz.assert(actor, 'control.applyLibrary', { tenantId });
      const lib = LIBRARIES[body.framework];
      const locale = readerLocale(actor);
      const userId = actor?.type === 'user' ? actor.userId : null;
      return p.db.transaction().execute(async (tx) => {
        const fw = await repo.visibleCurrentFramework(tx, tenantId, lib.frameworkId);
        if (!fw) throw notFound('Framework');
        const adopted = await adoptInTx(tx, p, actor, tenantId, lib.frameworkId, ctx);
        // Items are keyed by ref: only those the catalog's current version has are created.
        const refs = (await repo.requirementRefsOfKind(tx, lib.frameworkId, fw.version, lib.kind)).map((r) => r.ref).filter((ref) => ref in lib.items);
        const now = p.clock.now();
        const created = await repo.insertLibraryControls(
          tx,
          tenantId,
          refs.map((ref) => {
            const item = lib.items[ref]!;
            return { reference: lib.reference(ref), title: item[locale].title, description: item[locale].description, frequency: item.frequency, automation: item.automation, library_ref: ref };
          }),
          userId,
          now,
        );
        await repo.insertLibraryLinks(tx, tenantId, lib.frameworkId, fw.version, created.map((c) => ({ controlId: c.id, ref: c.library_ref })), userId, now);
        for (const c of created) {
          await recordAudit(tx, actor, ctx, {
            tenantId,
            action: 'control.created',
            subjectType: 'control',
            subjectId: c.id,
            after: {
              reference: c.reference,
              title: c.title,
              description: c.description,
              ownerId: null,
              frequency: c.frequency,
              automation: c.automation,
              status: 'planned',
              libraryRef: c.library_ref,
              requirements: [`${lib.frameworkId} ${c.library_ref}`],
            },
          });
        }
        return { created: created.length, skipped: refs.length - created.length, adopted };
      });
    },
  };
}
