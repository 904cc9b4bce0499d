import type { TPlatform } from '../../platform/platform.ts';
import type { TActor } from '../../platform/authz/actor.ts';
import { notFound } from '../../platform/errors/errors.ts';
import * as repo from './catalog-repo.ts';
import { searchTerms } from './catalog-search-text.ts';


const requirementDto = (r: repo.TTreeRow | repo.TRequirementRow) => ({
  ref: r.ref,
  label: r.label,
  kind: r.kind,
  parentRef: r.parent_ref,
  title: r.r_title,
  description: r.r_description,
  documentedInformation: r.documented_information,
  category: r.category,
  appliesFrom: r.applies_from,
  mappingCount: Number(r.mapping_count),
});

export const countsByKind = (rows: { kind: string }[]) => {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return counts;
};

type TDeps = Pick<TPlatform, 'db' | 'authz'>;

/**
 * Authorization comes first here too, though the framework's owner is unknown until it is read:
 * the policies are judged up front for every tenant of the actor (no query), the reads see only
 * the tenants allowed, and a tenant that refuses (e.g. it requires two-factor authentication the
 * person lacks) says why when its framework is asked for by id. Lists and search simply omit it.
 */
export function createCatalogService(p: TDeps) {
  const scopeOf = (actor: TActor | null) => {
    const { allowed, refused } = p.authz.scope(actor, 'catalog.read');
    return {
      listing: { tenantIds: allowed },
      /** For reads by id: a refused tenant's framework is found, then refused with its reason. */
      byId: { tenantIds: [...allowed, ...refused.keys()] },
      assertOwner(owner: string | null) {
        const error = owner ? refused.get(owner) : undefined;
        if (error) throw error;
      },
    };
  };

  return {
    async list(actor: TActor | null) {
      const scope = scopeOf(actor);
      const rows = await repo.listFrameworks(p.db, scope.listing);
      return rows.map((f) => ({
        id: f.id,
        version: f.version,
        title: f.title,
        shortTitle: f.short_title,
        edition: f.edition,
        publisher: f.publisher,
        custom: f.owner_tenant_id !== null,
        counts: f.counts ?? {},
        mappingCount: Number(f.mapping_count),
      }));
    },

    /** The raw rows of one framework version, for the tree, the OSCAL and the XLSX exports. */
    async rows(actor: TActor | null, id: string, version?: string) {
      const scope = scopeOf(actor);
      const rows = await repo.frameworkTree(p.db, scope.byId, id, version);
      if (!rows.length) throw notFound('Framework');
      scope.assertOwner(rows[0]!.owner_tenant_id);
      return rows;
    },

    /** The framework page as JSON text, ready to send (see frameworkTreeJson). */
    async treeJson(actor: TActor | null, id: string, version?: string) {
      const scope = scopeOf(actor);
      const row = await repo.frameworkTreeJson(p.db, scope.byId, id, version);
      if (!row) throw notFound('Framework');
      scope.assertOwner(row.owner_tenant_id);
      return row.body;
    },

    async requirement(actor: TActor | null, id: string, ref: string, version?: string) {
      const scope = scopeOf(actor);
      const r = await repo.getRequirement(p.db, scope.byId, id, ref, version);
      if (!r) throw notFound('Requirement');
      scope.assertOwner(r.owner_tenant_id);
      const [children, mappings] = await Promise.all([repo.listChildren(p.db, r.id, r.version, r.ref), repo.listMappings(p.db, r.id, r.version, r.ref)]);
      return {
        framework: { id: r.id, version: r.version, title: r.title, shortTitle: r.short_title },
        requirement: {
          ...requirementDto(r),
          mappingCount: mappings.length,
          appliesFromOriginal: r.extra?.appliesFromOriginal ?? null,
          dateSource: r.extra?.dateSource ?? null,
        },
        parent: r.parent_ref && r.parent_title ? { ref: r.parent_ref, label: r.parent_label, title: r.parent_title } : null,
        children: children.map((c) => ({ ref: c.ref, label: c.label, kind: c.kind, title: c.title })),
        mappings: mappings.map((m) => ({
          direction: m.direction,
          relation: m.relation,
          rationale: m.rationale,
          other: {
            frameworkId: m.other_framework_id,
            frameworkTitle: m.other_framework_title,
            frameworkShortTitle: m.other_framework_short_title,
            ref: m.other_ref,
            label: m.other_label,
            title: m.other_title,
            kind: m.other_kind,
          },
        })),
      };
    },

    async search(actor: TActor | null, q: string, page: { limit: number; offset: number }) {
      const viewer = scopeOf(actor).listing;
      const terms = searchTerms(q);
      const rows = await repo.searchRequirements(p.db, viewer, { ...terms, ...page });
      // Past the last page the window count is gone with the rows: ask for it once more.
      const total = rows[0]?.total ?? (page.offset > 0 ? ((await repo.searchRequirements(p.db, viewer, { ...terms, limit: 1, offset: 0 }))[0]?.total ?? 0) : 0);
      const next = page.offset + rows.length;
      return {
        items: rows.map((r) => ({ frameworkId: r.framework_id, frameworkTitle: r.framework_title, ref: r.ref, label: r.label, kind: r.kind, title: r.title })),
        total,
        nextOffset: next < total ? next : null,
      };
    },
  };
}
