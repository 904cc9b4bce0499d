import type { TApiDocs } from '../../../platform/http/api-docs.ts';

const B = '/api/tenants/{tenantId}/aims-scope';
const content = {
  boundaries: 'Consumer-credit scoring and fraud detection for retail customers in France and Belgium; the Paris head office and the Lyon operations centre.',
  applicability: 'Lumière Crédit is the provider of its scoring model and the deployer of a third-party fraud model. Issues from 4.1 and the requirements of the interested parties (4.2) are taken into account.',
  exclusions: [{ item: 'Internal HR chatbot pilot', reason: 'Sandbox with synthetic data only, no decision on people; reconsidered before any production use.' }],
};

export const scopeDocs: TApiDocs = {
  [`GET ${B}`]: {
    summary: 'Read the AIMS scope (ISO/IEC 42001 4.3)',
    description:
      'The latest version (a draft being written, or the version in force) and the approved version in force. A draft lists the AI systems the inventory marks in scope today (retired systems left out); an approved version lists them as they stood when it was approved.',
    returns: 'The latest and the approved version (either may be null) and whether a new version may be started.',
    errors: [400, 401, 403, 404],
  },
  [`GET ${B}/versions`]: {
    summary: 'List scope versions',
    description: 'Every version, newest first, keyset-paginated, with its status, number of AI systems in scope and approval. One SQL statement per page.',
    returns: 'One page of versions.',
    errors: [400, 401, 403, 404],
  },
  [`POST ${B}/versions`]: {
    summary: 'Start a scope version',
    description:
      'Contributors and above. Starts version 1, or the next version as a draft copied from the approved one (which stays in force until the draft is approved). Fields sent replace the copied ones. Only one draft at a time: 409 `scope_draft_exists`.',
    returns: 'The new draft version.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: content,
  },
  [`GET ${B}/versions/{version}`]: {
    summary: 'Read one scope version',
    description: 'Any version, approved and superseded ones included, with its abilities.',
    returns: 'The version.',
    errors: [400, 401, 403, 404],
  },
  [`PATCH ${B}/versions/{version}`]: {
    summary: 'Edit the scope draft',
    description: 'Contributors and above; send only the fields to change. An approved or superseded version is frozen: 409 `scope_frozen`. The audit event names the fields that changed (the versions keep the text).',
    returns: 'The draft as saved.',
    errors: [400, 401, 403, 404, 409],
    body: { exclusions: content.exclusions },
  },
  [`POST ${B}/versions/{version}/approve`]: {
    summary: 'Approve the scope draft',
    description:
      'Owners and administrators. Freezes the version with the list of AI systems in scope at this moment; the previously approved version becomes superseded. Whoever created or last edited the version cannot approve it (403 `scope_own_approval`), unless the organization has a single member.',
    returns: 'The approved version.',
    errors: [400, 401, 403, 404, 409],
    body: { comment: 'Reviewed with the CRO on 27 November.' },
  },
};
