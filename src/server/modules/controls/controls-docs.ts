import type { TApiDocs } from '../../platform/http/api-docs.ts';

const F = '/api/tenants/{tenantId}/frameworks';
const C = '/api/tenants/{tenantId}/controls';
const ONE = `${C}/{controlId}`;

export const controlsDocs: TApiDocs = {
  [`GET ${F}`]: {
    summary: 'List the adopted frameworks',
    description: 'The frameworks the organization works towards, each at the version it adopted, with its titles (EN and FR), the catalog’s current version, who adopted it and when. Crosswalk suggestions only point to requirements of adopted frameworks.',
    returns: 'The adopted frameworks and the abilities on them.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${F}`]: {
    summary: 'Adopt a framework',
    description: 'Owner or admin. Adopts the current version of a catalog framework the organization may see (built-in, or its own custom framework). Adopting again after the catalog moved to a new version moves the adoption to it; at the same version it answers 409 `framework_already_adopted`.',
    returns: 'The adopted frameworks.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { frameworkId: 'eu-ai-act-2024' },
  },
  [`DELETE ${F}/{frameworkId}`]: {
    summary: 'Stop working towards a framework',
    description: 'Owner or admin. Controls keep their links to its requirements; its requirements are no longer suggested.',
    returns: 'The adopted frameworks.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${C}`]: {
    summary: 'List controls',
    description:
      'Filters: `status`, `ownerId`, `frequency`, `automation`, `frameworkId` (controls linked to that framework) with optional `ref` (to that requirement), `q` (reference, title, description; wildcards are literal). Sort by `reference` (default, case aside), `title`, `status` (lifecycle order) or `updatedAt`, `direction` asc or desc; keyset pagination with `limit` and the previous page’s `nextCursor`. One SQL statement per page.',
    returns: 'One page of controls with their owner, link count, linked frameworks and abilities.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${C}`]: {
    summary: 'Create a control',
    description:
      'Any member but a viewer. The reference is unique in the organization, case aside (409 `control_reference_taken`); the owner must be a member (400 `control_owner_not_member`). A new control is planned, implemented or operating, never retired. `requirements` links catalog requirements at once (origin `manual`; unknown ones answer 400 `control_requirement_unknown`).',
    returns: 'The control.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: {
      reference: 'AC-07',
      title: 'Quarterly access review of the scoring platform',
      description: 'The platform owner reviews who can change models and data, and removes access no longer needed.',
      ownerId: '5f0c6f9e-3b1a-4c1e-9a53-2f3f3c9d7e10',
      frequency: 'quarterly',
      automation: 'manual',
      status: 'implemented',
      requirements: [{ frameworkId: 'iso-iec-42001-2023', ref: 'A.3.2' }],
    },
  },
  [`POST ${C}/library`]: {
    summary: 'Start from a control library',
    description:
      'Owner or admin. `iso-iec-42001-2023` creates one planned control per Annex A control (38), worded by Attest in the caller’s language and linked to its Annex A requirement (origin `library`), and adopts ISO/IEC 42001 if it is not adopted yet. Idempotent: an item already created (same library ref) or whose reference is taken is skipped. Each created control has its own `control.created` audit event.',
    returns: 'How many controls were created and skipped, and whether the framework was adopted now.',
    errors: [400, 401, 403, 404],
    body: { framework: 'iso-iec-42001-2023' },
    example: { created: 38, skipped: 0, adopted: true },
  },
  [`GET ${ONE}`]: {
    summary: 'Read a control',
    description: 'Every field, and each linked requirement with its framework, version, ref, title in the reader’s language, origin (manual, crosswalk, library), who linked it and when.',
    returns: 'The control.',
    errors: [400, 401, 403, 404],
  },
  [`PATCH ${ONE}`]: {
    summary: 'Change a control',
    description:
      'Send only the fields to change. The status follows planned → implemented → operating (a control that already runs may go straight to operating; one found not working falls back one step); any status may be retired. A retired control is kept as it was: the only change it accepts is `{ "status": "planned" }` (re-planning it), otherwise 409 `control_retired`.',
    returns: 'The control.',
    errors: [400, 401, 403, 404, 409],
    body: { status: 'operating' },
  },
  [`GET ${ONE}/history`]: {
    summary: 'Read a control’s history',
    description: 'Every recorded change of the control (creation, field changes, links made, removed or accepted from a crosswalk, suggestions dismissed), newest first, from the audit log. No IP addresses or user agents.',
    returns: 'One page of events.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${ONE}/requirements`]: {
    summary: 'Link a requirement',
    description: 'Links a requirement of any framework the organization may see, at the framework’s current version (origin `manual`). An unknown framework or ref, or another organization’s custom framework, answers 404; an existing link 409 `control_link_exists`; a retired control 409 `control_retired`.',
    returns: 'The control.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { frameworkId: 'eu-ai-act-2024', ref: 'Art. 9' },
  },
  [`DELETE ${ONE}/requirements/{frameworkId}/{ref}`]: {
    summary: 'Remove a requirement link',
    description: 'The ref is URL-encoded (`Art.%209`). The removal is recorded in the control’s history.',
    returns: 'The control.',
    errors: [400, 401, 403, 404, 409],
  },
  [`GET ${ONE}/suggestions`]: {
    summary: 'Crosswalk suggestions for a control',
    description:
      'Requirements of the adopted frameworks that a catalog mapping (either direction) connects to one of the control’s linked requirements, minus those already linked or dismissed. Each comes with the mappings that suggest it: the control’s requirement it starts from, the mapping as the catalog states it (source → target), its relation (equal, subset, superset, intersects) and rationale in the reader’s language. One SQL statement. Nothing is linked until a person accepts.',
    returns: 'The suggestions.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${ONE}/suggestions/accept`]: {
    summary: 'Accept a crosswalk suggestion',
    description: 'Links the suggested requirement with origin `crosswalk`; the audit event names the mapping that suggested it. A requirement that is not (or no longer) suggested answers 409 `control_suggestion_unavailable`.',
    returns: 'The control.',
    errors: [400, 401, 403, 404, 409],
    body: { frameworkId: 'eu-ai-act-2024', ref: 'Art. 9' },
  },
  [`POST ${ONE}/suggestions/dismiss`]: {
    summary: 'Dismiss a crosswalk suggestion',
    description: 'The suggestion is remembered as dismissed (who, when) and not offered again for this control. A requirement that is not suggested answers 409 `control_suggestion_unavailable`.',
    returns: 'The remaining suggestions.',
    errors: [400, 401, 403, 404, 409],
    body: { frameworkId: 'eu-ai-act-2024', ref: 'Art. 9' },
  },
};
