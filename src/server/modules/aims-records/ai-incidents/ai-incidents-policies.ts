import type { TIncidentStatus } from '../../../../shared/contracts/ai-incidents.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../../platform/authz/role-sets.ts';

/* Incidents: every member reads, a viewer changes nothing; one nonconformity per incident. */
export type TIncidentSubject = { status: TIncidentStatus; hasNonconformity: boolean };

const incident = rulesFor<TIncidentSubject>()('aiIncident');
const settings = rulesFor<Record<string, never>>()('aiIncidentSettings');

export const AI_INCIDENT_POLICIES = [
  incident.allow(ORG_MEMBERS, 'aiIncident.read'),
  incident.allow(ORG_WRITERS, 'aiIncident.create'),
  incident.allow(ORG_WRITERS, 'aiIncident.update'),
  incident.allow(ORG_WRITERS, 'aiIncident.transition'),
  incident.allow(ORG_WRITERS, 'aiIncident.raiseNc'),
  incident.deny(
    'aiIncident.raiseNc',
    (_, i) => i.hasNonconformity,
    () => new AppError(409, 'nonconformity_already_raised', 'This incident has already raised a nonconformity.'),
  ),
  settings.allow(['owner', 'admin'], 'aiIncident.configure'),
];
