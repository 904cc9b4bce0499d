import type { TApiDocs } from '../../platform/http/api-docs.ts';

export const aiSystemsDocs: TApiDocs = {
  'GET /api/tenants/{tenantId}/ai-systems': {
    summary: 'List AI systems',
    description:
      'The organization’s AI-system inventory with each system’s current EU AI Act classification. Filters: `stage`, `tier` (or `unclassified`), `role`, `inScope`, `ownerId` (business or technical owner), `q` (name, purpose, supplier, model type). Sorted by `sort` and `direction`; keyset-paginated with `limit` and the `nextCursor` of the previous page.',
    returns: 'One page of inventory rows: name, stage, roles, owners, scope, supplier, model type, bom-ref, current tier / route / Annex III point, last change and abilities. The long texts (purpose, intended use, oversight…) are in the system’s detail.',
    errors: [400, 401, 403, 404],
  },
  'POST /api/tenants/{tenantId}/ai-systems': {
    summary: 'Record an AI system',
    description: 'Only `name` and `lifecycleStage` are required. Owners must be members of the organization; a `bomRef` is unique within it.',
    returns: 'The AI system.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: {
      name: 'Credit scoring',
      purpose: 'Scores consumer credit applications.',
      lifecycleStage: 'deployed',
      roles: ['provider', 'deployer'],
      modelType: 'Gradient-boosted trees',
      personalData: true,
      automatedDecisions: true,
    },
  },
  'GET /api/tenants/{tenantId}/ai-systems/{aiSystemId}': {
    summary: 'Read an AI system',
    description: 'Every field, the owners’ names, the current classification and what the caller may do with it (`abilities`).',
    returns: 'The AI system.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/ai-systems/{aiSystemId}/history': {
    summary: 'Read an AI system’s history',
    description: 'Every recorded change of the system (creation, field changes with their before and after values, classifications), newest first, from the hash-chained audit log. Readable by whoever may read the system; IP addresses and user agents are left out.',
    returns: 'One page of events.',
    errors: [400, 401, 403, 404],
  },
  'PATCH /api/tenants/{tenantId}/ai-systems/{aiSystemId}': {
    summary: 'Change an AI system',
    description:
      'Send only the fields to change. The lifecycle stage follows design → development → validation → deployed (a bought-in system may be deployed from design; a deployed one returns to validation); retired is final. The audit event records the fields that changed.',
    returns: 'The AI system.',
    errors: [400, 401, 403, 404, 409],
    body: { lifecycleStage: 'retired' },
  },
  'GET /api/tenants/{tenantId}/ai-systems/questionnaire': {
    summary: 'Read the EU AI Act questionnaire’s options',
    description: 'The Annex III areas and points of the current `eu-ai-act-2024` catalog version, in English and French, as the classification questionnaire offers them.',
    returns: 'The catalog version and its Annex III areas and points.',
    errors: [400, 401, 403, 404, 409],
  },
  'GET /api/tenants/{tenantId}/ai-systems/{aiSystemId}/classifications': {
    summary: 'List an AI system’s classifications',
    description:
      'Every classification version, newest first: the answers as given, the tier, the high-risk route (`annex-i` or `annex-iii`), the reasons, who classified and when, the organization’s roles the version was made for (`roles`, kept with it), and the obligations of the `eu-ai-act-2024` catalog that apply for those roles, each dated for the route (`toBeConfirmed` when the date comes from an act not yet confirmed in the Official Journal). When the system’s roles have changed since, `rolesChanged` is true: the obligations still read for `roles`, and the system should be classified again.',
    returns: 'The classification versions.',
    errors: [400, 401, 403, 404],
  },
  'POST /api/tenants/{tenantId}/ai-systems/{aiSystemId}/classifications': {
    summary: 'Classify an AI system under the EU AI Act',
    description:
      'Answers the questionnaire: Art. 5 prohibited practice, Annex I safety component (Art. 6(1)), Annex III area or point (Art. 6(2)), the Art. 6(3) exception with its documented reason (never available to a system that profiles people), the Art. 50 transparency duties, and whether it is a general-purpose AI model with systemic risk. Omitted answers are no. The result is a new version made for the system’s roles at this moment (kept with it); earlier versions are kept.',
    returns: 'The new classification with its tier, reasons and obligations.',
    status: 201,
    errors: [400, 401, 403, 404, 409],
    body: { answers: { annexIIIRef: 'Annex III(5)(b)', profiling: true } },
  },
  'GET /api/tenants/{tenantId}/ai-systems/bom': {
    summary: 'Export the inventory as a CycloneDX ML-BOM',
    description: 'Every AI system as a CycloneDX 1.6 `machine-learning-model` component (JSON, valid against the official schema): name, version, description, supplier, model card (architecture family, use cases, technical limitations) and the inventory’s other fields as `attest:*` properties, so the file imports back unchanged.',
    returns: 'The CycloneDX BOM, as an attachment.',
    errors: [400, 401, 403, 404],
  },
  'GET /api/tenants/{tenantId}/ai-systems/{aiSystemId}/bom': {
    summary: 'Export one AI system as a CycloneDX ML-BOM',
    description: 'The system as a CycloneDX 1.6 BOM with one `machine-learning-model` component.',
    returns: 'The CycloneDX BOM, as an attachment.',
    errors: [400, 401, 403, 404],
  },
  'POST /api/tenants/{tenantId}/ai-systems/bom': {
    summary: 'Import a CycloneDX ML-BOM',
    description:
      'The body is the BOM itself: CycloneDX 1.5, 1.6 or 1.7 JSON, at most 2 MB and 40 levels deep, valid against the official schema of its `specVersion`. Each `machine-learning-model` component (nested ones too) updates the AI system with its `bom-ref`, or else the one with its name, or creates a new system (stage `design` unless its `attest:lifecycleStage` says otherwise). All or nothing: a refused file (`bom_invalid`, with `details.path` and `details.reason`) changes nothing.',
    returns: 'How many systems were created, updated or left unchanged.',
    errors: [400, 401, 403, 404, 409, 413],
  },
};
